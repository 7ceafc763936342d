import { safeParse } from 'zod/mini';
import { TabStateSchema, type TabState } from '../messaging/schemas';

export type { TabState };

/**
 * A small async key-value store: browser.storage in the extension, a Map in tests. What it
 * gives back is unchecked (`unknown`): readers validate it.
 */
export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
}

export const EMPTY_TAB: TabState = {
  siteId: null,
  suggested: [],
  terms: [],
  active: null,
};

const key = (tabId: number) => `tab:${tabId}`;

/**
 * The tabs' states, in storage.session because the MV3 service worker may be stopped at any
 * time. What is read back is checked: a state that does not fit (an older build, a bug) is
 * dropped for the empty one, and the tab starts afresh.
 */
export class TabStates {
  constructor(private readonly store: KeyValueStore) {}

  async get(tabId: number): Promise<TabState> {
    const read = safeParse(TabStateSchema, await this.store.get(key(tabId)));
    return read.success ? read.data : { ...EMPTY_TAB };
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
