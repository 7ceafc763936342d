import type { SiteId } from '../sites/registry';
import type { ActiveInfo } from '../messaging/responses';

/** A small async key-value store: browser.storage.session in the extension, a Map in tests. */
export interface KeyValueStore {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
}

/**
 * What the extension remembers about one tab while the browser is open. It lives in
 * storage.session because the MV3 service worker may be stopped at any time.
 * No address is kept beyond host and path, and nothing typed in the page.
 */
export interface TabState {
  siteId: SiteId | null;
  /** host + path of the last page seen (no query, no hash). */
  page: string;
  suggested: string[];
  terms: string[];
  /** The guide running in the tab, exactly as the side panel sees it. */
  active: ActiveInfo | null;
}

export const EMPTY_TAB: TabState = {
  siteId: null,
  page: '',
  suggested: [],
  terms: [],
  active: null,
};

const key = (tabId: number) => `tab:${tabId}`;

export class TabStates {
  constructor(private readonly store: KeyValueStore) {}

  async get(tabId: number): Promise<TabState> {
    const raw = await this.store.get<TabState>(key(tabId));
    return raw && typeof raw === 'object' ? { ...EMPTY_TAB, ...raw } : { ...EMPTY_TAB };
  }

  /** Pending updates per tab: each read-modify-write waits for the previous one. */
  private readonly queues = new Map<number, Promise<unknown>>();

  update(tabId: number, change: (s: TabState) => TabState): Promise<TabState> {
    const previous = this.queues.get(tabId) ?? Promise.resolve();
    const run = previous
      .catch(() => undefined)
      .then(async () => {
        const next = change(await this.get(tabId));
        await this.store.set(key(tabId), next);
        return next;
      });
    this.queues.set(tabId, run);
    void run.finally(() => {
      if (this.queues.get(tabId) === run) this.queues.delete(tabId);
    });
    return run;
  }

  async forget(tabId: number): Promise<void> {
    await this.store.remove(key(tabId));
  }
}
