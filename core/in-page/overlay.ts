/**
 * Everything Pas à pas draws on a site's page, inside its own shadow root: the offer card,
 * the ring around the element to use, its callout, and the glossary tooltip. It never
 * touches the page's own nodes; texts are set with textContent only.
 */
import {
  arrow,
  autoUpdate,
  computePosition,
  flip,
  offset,
  shift,
  type Placement,
} from '@floating-ui/dom';
import { tokenizeInline } from '../text/inline';
import type { Translate } from './strings';
import type { Offer } from '../messaging/responses';

/** Beside the element first: below it, the callout would hide the next fields of a form. */
const PLACEMENTS: Placement[] = ['right', 'left', 'bottom-start', 'top-start'];
const CONTROLS =
  'a[href], button, input:not([type="hidden"]), select, textarea, [role="button"], [role="link"], [role="radio"], [role="checkbox"]';

/**
 * The side where the callout covers the least of the page's other controls (a row of buttons,
 * the next field), staying inside the window. Ties keep the usual order.
 */
async function bestSide(
  doc: Document,
  target: Element,
  ring: HTMLElement,
  callout: HTMLElement,
): Promise<Placement> {
  const view = doc.defaultView;
  if (!view) return PLACEMENTS[0]!;
  const around = ring.getBoundingClientRect();
  const near = (r: DOMRect) =>
    r.width > 0 && r.height > 0 && r.bottom > around.top - 400 && r.top < around.bottom + 400;
  const others: DOMRect[] = [];
  for (const el of doc.querySelectorAll(CONTROLS)) {
    if (el === target || el.contains(target) || target.contains(el)) continue;
    const r = el.getBoundingClientRect();
    if (near(r)) others.push(r);
    if (others.length > 300) break;
  }
  let best = PLACEMENTS[0]!;
  let bestScore = Infinity;
  for (const placement of PLACEMENTS) {
    const { x, y } = await computePosition(ring, callout, {
      strategy: 'fixed',
      placement,
      middleware: [offset(12), shift({ padding: 8 })],
    });
    const w = callout.offsetWidth;
    const h = callout.offsetHeight;
    const outside = x < 0 || y < 0 || x + w > view.innerWidth || y + h > view.innerHeight;
    let score = outside ? 1e9 : 0;
    for (const r of others) {
      const dx = Math.min(x + w, r.right) - Math.max(x, r.left);
      const dy = Math.min(y + h, r.bottom) - Math.max(y, r.top);
      if (dx > 0 && dy > 0) score += dx * dy;
    }
    if (score < bestScore) {
      best = placement;
      bestScore = score;
    }
    if (score === 0) break;
  }
  return best;
}

export interface OverlayCallbacks {
  openPanel(): void;
  dismissOffer(): void;
}

export interface TooltipContent {
  term: string;
  definition: string;
}

function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attrs: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

function appendInline(doc: Document, parent: HTMLElement, text: string) {
  for (const run of tokenizeInline(text)) {
    parent.append(run.bold ? el(doc, 'strong', {}, run.text) : doc.createTextNode(run.text));
  }
}

export class Overlay {
  private readonly doc: Document;
  private readonly layer: HTMLElement;
  private card: HTMLElement | null = null;
  private ring: HTMLElement | null = null;
  private callout: HTMLElement | null = null;
  private tooltip: HTMLElement | null = null;
  private stopRing: (() => void) | null = null;
  private stopTooltip: (() => void) | null = null;
  private target: Element | null = null;

  constructor(
    private readonly root: ShadowRoot | HTMLElement,
    private t: Translate,
    private readonly callbacks: OverlayCallbacks,
    private readonly reducedMotion: () => boolean,
  ) {
    this.doc = root.ownerDocument;
    this.layer = el(this.doc, 'div', { class: 'pap-layer' });
    root.append(this.layer);
  }

  setStrings(t: Translate) {
    this.t = t;
  }

  // ── offer card ───────────────────────────────────────────────────────────
  showOffer(offer: Offer) {
    this.removeCard();
    const { doc, t } = this;
    const card = el(doc, 'section', {
      class: 'pap-card',
      'data-testid': 'pap-offer',
      role: 'region',
      'aria-label': t('brand'),
      lang: t.lang,
      dir: t.dir,
    });
    card.append(el(doc, 'p', { class: 'pap-brand' }, t('brand')));
    // A resume says nothing of which procedure or step: the page's scripts can read this card.
    if (!offer.resume && offer.guides.length) {
      card.append(el(doc, 'p', { class: 'pap-lead' }, t('offerIntro')));
      const list = el(doc, 'ul');
      for (const g of offer.guides) list.append(el(doc, 'li', {}, g.title));
      card.append(list);
    } else {
      card.append(el(doc, 'p', { class: 'pap-lead' }, t('offerSite')));
    }
    // Firefox opens its sidebar only from our toolbar button or shortcut: say how.
    if (offer.sidebar) {
      const how =
        t('sidebarHint') +
        (offer.sidebar.shortcut ? ` ${t('sidebarKeys', { keys: offer.sidebar.shortcut })}` : '');
      card.append(el(doc, 'p', { class: 'pap-lead', 'data-testid': 'pap-sidebar-hint' }, how));
    }
    const actions = el(doc, 'div', { class: 'pap-actions' });
    const open = el(
      doc,
      'button',
      { type: 'button', class: 'pap-primary' },
      offer.sidebar ? t('openInTab') : offer.resume ? t('resume') : t('open'),
    );
    open.addEventListener('click', () => this.callbacks.openPanel());
    const later = el(doc, 'button', { type: 'button', class: 'pap-secondary' }, t('later'));
    later.addEventListener('click', () => {
      this.removeCard();
      this.callbacks.dismissOffer();
    });
    actions.append(open, later);
    card.append(actions);
    this.layer.append(card);
    this.card = card;
  }

  /** A small bar while a guide runs: which step, and a button back to the side panel. */
  showStepBar(n: number, total: number, finished: boolean) {
    this.removeCard();
    const { doc, t } = this;
    const bar = el(doc, 'section', {
      class: 'pap-card pap-bar',
      'data-testid': 'pap-stepbar',
      role: 'region',
      'aria-label': t('brand'),
    });
    bar.append(
      el(doc, 'p', { class: 'pap-lead' }, finished ? t('finished') : t('stepOf', { n, total })),
    );
    const open = el(doc, 'button', { type: 'button', class: 'pap-primary' }, t('showGuide'));
    open.addEventListener('click', () => this.callbacks.openPanel());
    bar.append(open);
    this.layer.append(bar);
    this.card = bar;
  }

  showNotFound() {
    this.card?.querySelector('.pap-notfound')?.remove();
    this.card?.append(
      el(
        this.doc,
        'p',
        { class: 'pap-notfound', 'data-testid': 'pap-notfound' },
        this.t('notFound'),
      ),
    );
  }

  removeCard() {
    this.card?.remove();
    this.card = null;
  }

  // ── ring and callout ─────────────────────────────────────────────────────
  highlight(target: Element, calloutText: string) {
    if (this.target === target && this.ring) {
      this.callout!.querySelector('.pap-callout-text')!.textContent = '';
      appendInline(
        this.doc,
        this.callout!.querySelector('.pap-callout-text') as HTMLElement,
        calloutText,
      );
      return;
    }
    this.clearHighlight();
    const { doc } = this;
    this.target = target;
    const ring = el(doc, 'div', {
      class: 'pap-ring',
      'data-testid': 'pap-highlight',
      'aria-hidden': 'true',
    });
    if (!this.reducedMotion()) ring.classList.add('pap-animated');
    const callout = el(doc, 'div', {
      class: 'pap-callout',
      'data-testid': 'pap-callout',
      role: 'status',
    });
    const textBox = el(doc, 'span', { class: 'pap-callout-text' });
    appendInline(doc, textBox, calloutText);
    const tip = el(doc, 'div', { class: 'pap-arrow' });
    callout.append(textBox, tip);
    this.layer.append(ring, callout);
    this.ring = ring;
    this.callout = callout;

    const rect = target.getBoundingClientRect();
    const inView = rect.top >= 0 && rect.bottom <= (doc.defaultView?.innerHeight ?? 0);
    if (!inView) {
      target.scrollIntoView({
        block: 'center',
        behavior: this.reducedMotion() ? 'auto' : 'smooth',
      });
    }

    let order: Placement[] = PLACEMENTS;
    const update = () => {
      const r = target.getBoundingClientRect();
      const pad = 6;
      Object.assign(ring.style, {
        left: `${r.left - pad}px`,
        top: `${r.top - pad}px`,
        width: `${r.width + pad * 2}px`,
        height: `${r.height + pad * 2}px`,
        display: r.width === 0 && r.height === 0 ? 'none' : 'block',
      });
      void computePosition(ring, callout, {
        strategy: 'fixed',
        placement: order[0],
        middleware: [
          offset(12),
          flip({ fallbackPlacements: order.slice(1) }),
          shift({ padding: 8 }),
          arrow({ element: tip }),
        ],
      }).then(({ x, y, placement, middlewareData }) => {
        Object.assign(callout.style, { left: `${x}px`, top: `${y}px` });
        const side = placement.split('-')[0];
        callout.dataset.side = side;
        const a = middlewareData.arrow;
        Object.assign(tip.style, {
          left: a?.x != null ? `${a.x}px` : '',
          top: a?.y != null ? `${a.y}px` : '',
        });
      });
    };
    update();
    this.stopRing = autoUpdate(target, ring, update, { animationFrame: false });
    // Once, not on every scroll: choose the side where the callout hides no other control.
    void bestSide(doc, target, ring, callout).then((best) => {
      if (this.ring !== ring || best === order[0]) return;
      order = [best, ...PLACEMENTS.filter((p) => p !== best)];
      update();
    });
  }

  clearHighlight() {
    this.stopRing?.();
    this.stopRing = null;
    this.ring?.remove();
    this.callout?.remove();
    this.ring = this.callout = null;
    this.target = null;
  }

  get highlighted(): Element | null {
    return this.target;
  }

  // ── glossary tooltip ─────────────────────────────────────────────────────
  showTooltip(
    content: TooltipContent,
    anchor: { getBoundingClientRect(): DOMRect },
    actions: { speak?: () => void; more: () => void },
  ) {
    this.hideTooltip();
    const { doc, t } = this;
    const box = el(doc, 'div', {
      class: 'pap-tooltip',
      'data-testid': 'pap-tooltip',
      role: 'tooltip',
      'aria-label': t('tooltipLabel', { term: content.term }),
    });
    box.append(el(doc, 'p', { class: 'pap-term' }, content.term));
    const def = el(doc, 'p', { class: 'pap-def' });
    appendInline(doc, def, content.definition);
    box.append(def);
    const row = el(doc, 'div', { class: 'pap-actions' });
    if (actions.speak) {
      const speak = el(doc, 'button', { type: 'button', class: 'pap-secondary' }, t('readAloud'));
      speak.addEventListener('click', actions.speak);
      row.append(speak);
    }
    const more = el(doc, 'button', { type: 'button', class: 'pap-secondary' }, t('more'));
    more.addEventListener('click', actions.more);
    row.append(more);
    box.append(row);
    this.layer.append(box);
    this.tooltip = box;
    const virtual = { getBoundingClientRect: () => anchor.getBoundingClientRect() };
    const place = () =>
      void computePosition(virtual, box, {
        strategy: 'fixed',
        placement: 'top',
        middleware: [offset(8), flip(), shift({ padding: 8 })],
      }).then(({ x, y }) => Object.assign(box.style, { left: `${x}px`, top: `${y}px` }));
    place();
    this.stopTooltip = autoUpdate(virtual, box, place, { animationFrame: false });
  }

  get tooltipElement(): HTMLElement | null {
    return this.tooltip;
  }

  hideTooltip() {
    this.stopTooltip?.();
    this.stopTooltip = null;
    this.tooltip?.remove();
    this.tooltip = null;
  }

  destroy() {
    this.clearHighlight();
    this.hideTooltip();
    this.removeCard();
    this.layer.remove();
  }
}
