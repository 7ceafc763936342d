import { useCallback, useEffect, useMemo, useState } from 'react';
import { browser } from 'wxt/browser';
import type { Send } from '../core/messaging/client';
import type { TabInfo } from '../core/messaging/responses';
import { usePush } from './pushes';
import { send as runtimeSend } from './runtime';

/** The tab this panel guides: `?tabId=` when opened as a page, else the window's active tab. */
function useTabId(): number | null | undefined {
  const fromQuery = useMemo(() => {
    const raw = new URLSearchParams(location.search).get('tabId');
    const n = raw === null ? NaN : Number(raw);
    return Number.isInteger(n) && n >= 0 ? n : null;
  }, []);
  const [tabId, setTabId] = useState<number | null | undefined>(fromQuery ?? undefined);
  useEffect(() => {
    if (fromQuery !== null) return;
    const pick = () =>
      void browser.tabs
        .query({ active: true, currentWindow: true })
        .then(([tab]) => setTabId(tab?.id ?? null))
        .catch(() => setTabId(null));
    pick();
    const onActivated = () => pick();
    browser.tabs.onActivated.addListener(onActivated);
    return () => browser.tabs.onActivated.removeListener(onActivated);
  }, [fromQuery]);
  return tabId;
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
  const tabId = useTabId();
  const [info, setInfo] = useState<TabInfo | null>(null);
  const [error, setError] = useState<string | null>(null);

  const show = useCallback((next: TabInfo) => {
    setInfo((shown) => (newer(next, shown) ? next : shown));
    setError(null);
  }, []);

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

  return { tabId, info, error, act };
}
