/**
 * The page watcher: one MutationObserver and one source of address changes, feeding the step
 * controller and the glossary as the content script wires them.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DOM_BATCH_MS,
  PageWatcher,
  ROUTE_POLL_MS,
  type NavigationLike,
  type WatchedWindow,
} from '../../../core/in-page/page-watcher';

/** A window with what the watcher reads; `navigation` only when asked for. */
function fakeWindow(withNavigation: boolean) {
  const events = new EventTarget();
  const navigation = withNavigation ? (new EventTarget() as NavigationLike & EventTarget) : null;
  const location = { href: 'https://candidat.francetravail.fr/espacepersonnel/' };
  const win: WatchedWindow = {
    location,
    ...(navigation ? { navigation } : {}),
    MutationObserver: window.MutationObserver,
    addEventListener: (type, fn) => events.addEventListener(type, fn),
    removeEventListener: (type, fn) => events.removeEventListener(type, fn),
  };
  return {
    win,
    /** What the page's own pushState does: the address changes, then the events fire. */
    pushState(path: string) {
      location.href = new URL(path, location.href).href;
      navigation?.dispatchEvent(new Event('currententrychange'));
      navigation?.dispatchEvent(new Event('navigatesuccess'));
    },
    fire: (type: string) => events.dispatchEvent(new Event(type)),
  };
}

/** The watcher wired to a step controller and a glossary as the content script wires them. */
function setup(withNavigation: boolean) {
  const page = fakeWindow(withNavigation);
  const host = document.createElement('pas-a-pas-ui');
  document.body.append(host);
  const controller = { refresh: vi.fn(), pageSeen: vi.fn(async () => undefined) };
  const glossary = { rescan: vi.fn(), domChanged: vi.fn() };
  const timers = {
    setInterval: vi.fn((fn: () => void, ms: number) => window.setInterval(fn, ms)),
  };
  const watcher = new PageWatcher({
    win: page.win,
    root: document.body,
    ownHost: host,
    setTimeout: (fn, ms) => window.setTimeout(fn, ms),
    clearTimeout: (id) => window.clearTimeout(id),
    setInterval: timers.setInterval,
    clearInterval: (id) => window.clearInterval(id),
    onRoute() {
      glossary.rescan();
      void controller.pageSeen();
    },
    onDom(records) {
      glossary.domChanged(records);
      controller.refresh();
    },
  });
  watcher.start();
  return { page, host, controller, glossary, watcher, timers };
}

/** Lets the observer deliver its records (a microtask), then moves the clock on. */
async function elapse(ms: number) {
  await vi.advanceTimersByTimeAsync(ms);
}

let current: ReturnType<typeof setup> | null = null;
function watch(withNavigation: boolean) {
  current = setup(withNavigation);
  return current;
}

beforeEach(() => {
  vi.useFakeTimers();
  document.body.replaceChildren();
});

afterEach(() => {
  current?.watcher.stop();
  current = null;
  vi.useRealTimers();
});

describe('DOM changes', () => {
  it('hands one batch of changes to the glossary and refreshes the steps once', async () => {
    const { controller, glossary } = watch(true);
    await elapse(DOM_BATCH_MS * 2); // our host's own insertion is not a change of the page
    expect(controller.refresh).not.toHaveBeenCalled();

    const p = document.createElement('p');
    p.textContent = 'Allocataire';
    document.body.append(p);
    await elapse(10);
    p.className = 'shown';
    (p.firstChild as Text).data = 'Allocataires';
    document.body.append(document.createElement('div'));
    await elapse(DOM_BATCH_MS - 20);
    expect(controller.refresh).not.toHaveBeenCalled();
    await elapse(20);

    expect(controller.refresh).toHaveBeenCalledTimes(1);
    expect(glossary.domChanged).toHaveBeenCalledTimes(1);
    const records = glossary.domChanged.mock.calls[0]![0] as MutationRecord[];
    expect(records.map((r) => r.type)).toEqual([
      'childList',
      'attributes',
      'characterData',
      'childList',
    ]);
    // The next change starts a new batch.
    p.hidden = true;
    await elapse(DOM_BATCH_MS);
    expect(controller.refresh).toHaveBeenCalledTimes(2);
  });

  it('leaves out what happens in our own UI host, and the host being put back', async () => {
    const { host, controller, glossary } = watch(true);
    host.append(document.createElement('div'));
    host.className = 'open';
    host.setAttribute('style', 'display: block');
    document.body.append(host); // moved to the end again
    await elapse(DOM_BATCH_MS * 2);
    expect(controller.refresh).not.toHaveBeenCalled();
    expect(glossary.domChanged).not.toHaveBeenCalled();

    // In a batch with a change of the page, only the page's change is handed on.
    host.append(document.createElement('span'));
    const main = document.createElement('main');
    document.body.prepend(main);
    await elapse(DOM_BATCH_MS);
    expect(controller.refresh).toHaveBeenCalledTimes(1);
    const records = glossary.domChanged.mock.calls[0]![0] as MutationRecord[];
    expect(records).toHaveLength(1);
    expect([...records[0]!.addedNodes]).toEqual([main]);
  });
});

describe('route changes with the Navigation API', () => {
  it('one pushState: one page:seen and one glossary rescan, in a task of their own', async () => {
    const { page, controller, glossary } = watch(true);
    page.pushState('/candidat/actualisation/');
    // Not inside the page's pushState call.
    expect(controller.pageSeen).not.toHaveBeenCalled();
    await elapse(0);
    expect(controller.pageSeen).toHaveBeenCalledTimes(1);
    expect(glossary.rescan).toHaveBeenCalledTimes(1);

    page.pushState('/candidat/actualisation/declaration/');
    await elapse(0);
    expect(controller.pageSeen).toHaveBeenCalledTimes(2);
    expect(glossary.rescan).toHaveBeenCalledTimes(2);
  });

  it('sets no poll timer and ignores events that leave the address as it was', async () => {
    const { page, controller, timers } = watch(true);
    expect(timers.setInterval).not.toHaveBeenCalled();
    page.pushState(''); // same address (a replaceState of the same entry)
    await elapse(ROUTE_POLL_MS * 5);
    expect(controller.pageSeen).not.toHaveBeenCalled();
  });

  it('listens to the Navigation API only: popstate and hashchange are its events too', async () => {
    const { page, controller } = watch(true);
    page.win.location.href = 'https://candidat.francetravail.fr/espacepersonnel/#aide';
    page.fire('hashchange');
    page.fire('popstate');
    await elapse(ROUTE_POLL_MS * 5);
    expect(controller.pageSeen).not.toHaveBeenCalled();
  });
});

describe('route changes without the Navigation API', () => {
  it('polls the address: one page:seen and one rescan per new address', async () => {
    const { page, controller, glossary, timers } = watch(false);
    expect(timers.setInterval).toHaveBeenCalledTimes(1);
    expect(timers.setInterval.mock.calls[0]![1]).toBe(ROUTE_POLL_MS);

    page.pushState('/candidat/actualisation/'); // fires nothing here
    await elapse(ROUTE_POLL_MS);
    expect(controller.pageSeen).toHaveBeenCalledTimes(1);
    expect(glossary.rescan).toHaveBeenCalledTimes(1);
    await elapse(ROUTE_POLL_MS * 5);
    expect(controller.pageSeen).toHaveBeenCalledTimes(1);
  });

  it('hears back/forward and anchors at once, without waiting for the poll', async () => {
    const { page, controller } = watch(false);
    page.win.location.href = 'https://candidat.francetravail.fr/espacepersonnel/#aide';
    page.fire('hashchange');
    page.fire('popstate');
    await elapse(0);
    expect(controller.pageSeen).toHaveBeenCalledTimes(1);
    await elapse(ROUTE_POLL_MS);
    expect(controller.pageSeen).toHaveBeenCalledTimes(1);
  });
});

it('stops watching when stopped', async () => {
  const { page, controller, glossary, watcher } = watch(false);
  document.body.append(document.createElement('p'));
  watcher.stop();
  page.pushState('/candidat/actualisation/');
  document.body.append(document.createElement('p'));
  await elapse(ROUTE_POLL_MS * 3);
  expect(controller.refresh).not.toHaveBeenCalled();
  expect(controller.pageSeen).not.toHaveBeenCalled();
  expect(glossary.domChanged).not.toHaveBeenCalled();
});
