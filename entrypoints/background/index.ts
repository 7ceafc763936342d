import { browser, defineBackground } from '#imports';
import guides from 'virtual:pap-guides';
import glossary from 'virtual:pap-glossary';
import { createBackground } from '../../core/background/handlers';
import type { KeyValueStore } from '../../core/background/tab-state';
import { createRouter, type Sender } from '../../core/messaging/router';
import type { Envelope } from '../../core/messaging/protocol';
import { recognise } from '../../core/sites/recognise';
import { ProgressService } from '../../core/progress/service';
import { PapDB } from '../../core/progress/db';

const ALLOW_PRACTICE = import.meta.env.MODE !== 'store';

function areaStore(area: typeof browser.storage.session): KeyValueStore {
  return {
    get: async (key) => (await area.get(key))[key],
    set: (key, value) => area.set({ [key]: value }),
    remove: (key) => area.remove(key),
  };
}

export default defineBackground(() => {
  const panelUrl = browser.runtime.getURL('/sidepanel.html');

  function openPanel(tabId: number): Promise<boolean> {
    // Called synchronously from the message listener so the click's user gesture still counts.
    const chromeLike = browser as unknown as {
      sidePanel?: { open(o: { tabId: number }): Promise<void> };
      sidebarAction?: { open(): Promise<void> };
    };
    const opening = chromeLike.sidePanel
      ? chromeLike.sidePanel.open({ tabId })
      : chromeLike.sidebarAction
        ? chromeLike.sidebarAction.open()
        : Promise.reject(new Error('no side panel'));
    return opening.then(
      () => true,
      async () => {
        // No side panel here (or the gesture was lost): show the same page in a tab instead.
        await browser.tabs.create({ url: `${panelUrl}?tabId=${tabId}` });
        return true;
      },
    );
  }

  const progress = new ProgressService(new PapDB());
  const { handlers, settings } = createBackground({
    guides,
    glossary,
    session: areaStore(browser.storage.session),
    local: areaStore(browser.storage.local),
    allowPractice: ALLOW_PRACTICE,
    push: async (tabId, type, data) => {
      const message: Envelope = { pap: 1, type, data };
      await browser.tabs.sendMessage(tabId, message).catch(() => undefined);
    },
    broadcast: async (type, data) => {
      const message: Envelope = { pap: 1, type, data };
      // Rejects when no extension page is open to listen: that is fine.
      await browser.runtime.sendMessage(message).catch(() => undefined);
    },
    openPanel,
    openTabs: async () =>
      (await browser.tabs.query({}))
        .map((t) => t.id)
        .filter((id): id is number => id !== undefined),
    progress,
  });

  const route = createRouter(handlers, {
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    isSiteUrl: (url) => recognise(url, ALLOW_PRACTICE) !== null,
  });

  browser.runtime.onMessage.addListener((message, sender) => route(message, sender as Sender));

  // Old sessions are erased after the delay the person chose (each time the worker starts).
  void settings()
    .then((s) => progress.cleanup(s.retentionDays))
    .catch(() => undefined);

  browser.tabs.onRemoved.addListener((tabId) => {
    void browser.storage.session.remove(`tab:${tabId}`);
  });

  const sidePanel = (
    browser as unknown as { sidePanel?: { setPanelBehavior(o: object): Promise<void> } }
  ).sidePanel;
  void sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined);
  // Firefox: the toolbar button opens the sidebar.
  browser.action?.onClicked.addListener(() => {
    const sidebar = (browser as unknown as { sidebarAction?: { toggle(): Promise<void> } })
      .sidebarAction;
    void sidebar?.toggle();
  });
});
