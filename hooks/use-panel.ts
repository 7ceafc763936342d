import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import type { Send } from '../core/messaging/client';
import type { TabInfo } from '../core/messaging/responses';
import { usePush } from './pushes';
import { send as runtimeSend } from './runtime';

/** Where this panel is: `?tabId=` when opened as a page (in a tab), else the browser's panel. */
function useQueryTab(): number | null {
  return useMemo(() => {
    const raw = new URLSearchParams(location.search).get('tabId');
    const n = raw === null ? NaN : Number(raw);
    return Number.isInteger(n) && n >= 0 ? n : null;
  }, []);
}

/**
 * What the panel follows: the side panel, the tabs of its own window; a panel opened in a tab,
 * any site tab the person brings forward (never itself). Resolves to a test on each focus push.
 */
function useFollows(inTab: boolean): (windowId: number, tabId: number) => boolean {
  const [own, setOwn] = useState<{ windowId?: number; tabId?: number }>({});
  useEffect(() => {
    let live = true;
    // Wrapped: a browser (or a test double) without these calls answers nothing here.
    const mine = Promise.resolve().then(async () =>
      inTab
        ? { tabId: (await browser.tabs.getCurrent())?.id }
        : { windowId: (await browser.windows.getCurrent())?.id },
    );
    mine.then((o) => live && setOwn(o)).catch(() => undefined);
    return () => {
      live = false;
    };
  }, [inTab]);
  return useCallback(
    (windowId: number, tabId: number) =>
      inTab ? tabId !== own.tabId : own.windowId === undefined || windowId === own.windowId,
    [inTab, own],
  );
}

/** Whether `next` may replace `shown`: a reply and a push may cross, an older copy never wins. */
function newer(next: TabInfo, shown: TabInfo | null): boolean {
  if (!shown || shown.tabId !== next.tabId) return true;
  return !(next.active && shown.active && next.active.seq < shown.active.seq);
}

/**
 * The state of the tab this panel guides. It is read once when the panel opens (or follows
 * another tab); after that the background's pushes and replies carry every change.
 */
export function usePanel(send: Send = runtimeSend) {
  const fromQuery = useQueryTab();
  const inTab = fromQuery !== null;
  const [tabId, setTabId] = useState<number | null | undefined>(fromQuery ?? undefined);
  const [info, setInfo] = useState<TabInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const follows = useFollows(inTab);

  const show = useCallback((next: TabInfo) => {
    setInfo((shown) => (newer(next, shown) ? next : shown));
    setError(null);
  }, []);

  // The browser's panel starts on its window's active tab.
  useEffect(() => {
    if (inTab) return;
    browser.tabs
      .query({ active: true, currentWindow: true })
      .then(([tab]) => setTabId(tab?.id ?? null))
      .catch(() => setTabId(null));
  }, [inTab]);

  useEffect(() => {
    if (typeof tabId !== 'number') return;
    let live = true;
    send('tab:get', { tabId })
      .then((i) => live && show(i))
      .catch((e: unknown) => live && setError(String(e)));
    return () => {
      live = false;
    };
  }, [tabId, send, show]);

  usePush('tab:changed', (changed) => {
    if (changed.tabId === tabId) show(changed);
  });

  // The tabs followed so far, latest last: when the one shown closes, the one before comes back.
  const followed = useRef<number[]>(fromQuery === null ? [] : [fromQuery]);

  // Another tab came forward: the background sends its state with the news, shown at once.
  usePush('tab:focused', ({ windowId, tab }) => {
    if (!follows(windowId, tab.tabId)) return;
    followed.current = [...followed.current.filter((id) => id !== tab.tabId), tab.tabId];
    setTabId(tab.tabId);
    show(tab);
  });

  useEffect(() => {
    if (!inTab) return;
    const onRemoved = (closed: number) => {
      followed.current = followed.current.filter((id) => id !== closed);
      const back = followed.current.at(-1);
      if (closed === tabId && back !== undefined) setTabId(back);
    };
    browser.tabs.onRemoved.addListener(onRemoved);
    return () => browser.tabs.onRemoved.removeListener(onRemoved);
  }, [inTab, tabId]);

  const act = useCallback(
    async (fn: () => Promise<TabInfo | null>) => {
      try {
        const next = await fn();
        if (next) show(next);
        setError(null);
      } catch (e) {
        setError(String(e));
      }
    },
    [show],
  );

  return { tabId, info, error, act, inTab };
}
