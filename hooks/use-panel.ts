import { useCallback, useEffect, useMemo, useState } from 'react';
import { browser } from 'wxt/browser';
import { safeParse } from 'zod/mini';
import type { Send } from '../core/messaging/client';
import { EnvelopeSchema, pushes } from '../core/messaging/protocol';
import { DEFAULT_SETTINGS, type Settings, type TabInfo } from '../core/messaging/responses';
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

/** Listens for the background's "this tab changed" pushes (checked and validated). */
export function useTabChanges(onChange: (tabId: number) => void) {
  useEffect(() => {
    const listener = (message: unknown, sender: { id?: string }) => {
      if (sender.id !== browser.runtime.id) return undefined;
      const env = safeParse(EnvelopeSchema, message);
      if (!env.success || env.data.type !== 'tab:changed') return undefined;
      const data = safeParse(pushes['tab:changed'], env.data.data);
      if (data.success) onChange(data.data.tabId);
      return undefined;
    };
    browser.runtime.onMessage.addListener(listener);
    return () => browser.runtime.onMessage.removeListener(listener);
  }, [onChange]);
}

export function usePanel(send: Send = runtimeSend) {
  const tabId = useTabId();
  const [info, setInfo] = useState<TabInfo | null>(null);
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(() => {
    if (typeof tabId !== 'number') return;
    send('tab:get', { tabId })
      .then((i) => {
        setInfo(i);
        setError(null);
      })
      .catch((e: unknown) => setError(String(e)));
  }, [tabId, send]);

  useEffect(() => {
    refresh();
    void send('settings:get', {})
      .then(setSettings)
      .catch(() => undefined);
  }, [refresh, send]);

  useTabChanges(
    useCallback(
      (changed: number) => {
        if (changed === tabId) refresh();
      },
      [tabId, refresh],
    ),
  );

  const act = useCallback(async (fn: () => Promise<TabInfo | null>) => {
    try {
      const next = await fn();
      if (next) setInfo(next);
      setError(null);
    } catch (e) {
      setError(String(e));
    }
  }, []);

  const updateSettings = useCallback(
    async (change: Partial<Settings>) => {
      setSettings(await send('settings:set', change));
    },
    [send],
  );

  return { tabId, info, settings, error, act, refresh, updateSettings };
}
