/**
 * The one place the content script learns that the page changed: its address (single-page
 * apps change it without loading a page) and its DOM. The step controller and the glossary
 * both take their changes from here, so the page is watched once.
 *
 * Address changes come from the Navigation API where the browser has it: its
 * `currententrychange` and `navigatesuccess` events fire after the address changed, for the
 * page's own `history.pushState` too, and they reach a content script's isolated world
 * (checked in Chromium by tests/e2e/recognition.spec.ts). Without it, pushState fires no event
 * a content script can hear, so the address is polled (with popstate and hashchange for
 * back/forward and anchors).
 *
 * Nothing here reads a browser global: the window, the observed root and the timers are given.
 */

/** How long DOM changes are gathered before they are handed on, in ms. */
export const DOM_BATCH_MS = 150;
/** How often the address is read where the Navigation API is missing, in ms. */
export const ROUTE_POLL_MS = 400;

/** What the watcher uses of the Navigation API (not yet in TypeScript's DOM types). */
export interface NavigationLike {
  addEventListener(type: string, fn: () => void): void;
  removeEventListener(type: string, fn: () => void): void;
}

export interface WatchedWindow {
  location: { href: string };
  navigation?: NavigationLike;
  MutationObserver: typeof MutationObserver;
  addEventListener(type: string, fn: () => void): void;
  removeEventListener(type: string, fn: () => void): void;
}

export interface PageWatcherEnv {
  win: WatchedWindow;
  /** What is observed for DOM changes (the page's body). */
  root: Node;
  /** Our own UI host: what happens in it, or to it, is not a change of the page. */
  ownHost: Node;
  setTimeout(fn: () => void, ms: number): number;
  clearTimeout(id: number): void;
  setInterval(fn: () => void, ms: number): number;
  clearInterval(id: number): void;
  /** The address changed (called once per new address, in a task of its own). */
  onRoute(): void;
  /** The page's DOM changed: the records gathered over one batch, ours left out. */
  onDom(records: readonly MutationRecord[]): void;
}

const NAVIGATION_EVENTS = ['currententrychange', 'navigatesuccess'];
const FALLBACK_EVENTS = ['popstate', 'hashchange'];

export class PageWatcher {
  private observer: MutationObserver | null = null;
  private batch: MutationRecord[] = [];
  private batchTimer: number | null = null;
  private routeTimer: number | null = null;
  private pollTimer: number | null = null;
  private lastHref: string;
  private readonly unlisten: (() => void)[] = [];

  constructor(private readonly env: PageWatcherEnv) {
    this.lastHref = env.win.location.href;
  }

  start(): void {
    const { win } = this.env;
    const onEvent = () => this.routeSoon();
    const nav = win.navigation;
    if (nav) {
      for (const type of NAVIGATION_EVENTS) {
        nav.addEventListener(type, onEvent);
        this.unlisten.push(() => nav.removeEventListener(type, onEvent));
      }
    } else {
      for (const type of FALLBACK_EVENTS) {
        win.addEventListener(type, onEvent);
        this.unlisten.push(() => win.removeEventListener(type, onEvent));
      }
      this.pollTimer = this.env.setInterval(() => this.checkRoute(), ROUTE_POLL_MS);
    }
    this.observer = new win.MutationObserver((records) => this.take(records));
    this.observer.observe(this.env.root, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      // What shows or hides an element (step targets) or opens a disclosure.
      attributeFilter: ['hidden', 'style', 'class', 'aria-hidden', 'open'],
    });
  }

  stop(): void {
    this.observer?.disconnect();
    this.observer = null;
    for (const off of this.unlisten.splice(0)) off();
    const { env } = this;
    if (this.pollTimer !== null) env.clearInterval(this.pollTimer);
    if (this.batchTimer !== null) env.clearTimeout(this.batchTimer);
    if (this.routeTimer !== null) env.clearTimeout(this.routeTimer);
    this.pollTimer = this.batchTimer = this.routeTimer = null;
    this.batch = [];
  }

  /**
   * The Navigation API's events fire inside the page's own pushState call: the work is done in
   * a task of its own, so the page's router is not held up, and two events make one check.
   */
  private routeSoon(): void {
    if (this.routeTimer !== null) return;
    this.routeTimer = this.env.setTimeout(() => {
      this.routeTimer = null;
      this.checkRoute();
    }, 0);
  }

  private checkRoute(): void {
    const href = this.env.win.location.href;
    if (href === this.lastHref) return;
    this.lastHref = href;
    this.env.onRoute();
  }

  private take(records: MutationRecord[]): void {
    const host = this.env.ownHost;
    for (const r of records) if (!isOwn(r, host)) this.batch.push(r);
    if (!this.batch.length || this.batchTimer !== null) return;
    this.batchTimer = this.env.setTimeout(() => {
      this.batchTimer = null;
      const batch = this.batch;
      this.batch = [];
      this.env.onDom(batch);
    }, DOM_BATCH_MS);
  }
}

/** A change inside our UI host, or our host being put in or taken out of the page. */
function isOwn(r: MutationRecord, host: Node): boolean {
  if (host.contains(r.target)) return true;
  if (r.type !== 'childList') return false;
  const { addedNodes: added, removedNodes: removed } = r;
  if (!added.length && !removed.length) return false;
  for (let i = 0; i < added.length; i++) if (added[i] !== host) return false;
  for (let i = 0; i < removed.length; i++) if (removed[i] !== host) return false;
  return true;
}
