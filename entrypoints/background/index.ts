import { browser, defineBackground } from '#imports';
import guides from 'virtual:pap-guides';
import glossary from 'virtual:pap-glossary';
import { createBackground } from '../../core/background/handlers';
import type { KeyValueStore } from '../../core/background/tab-state';
import {
  openPanel,
  openPanelOnToolbar,
  toolbarClicked,
  type PanelBrowser,
} from '../../core/background/panel';
import { listen } from '../../core/messaging/listen';
import { createRouter } from '../../core/messaging/router';
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

  // Older Chrome lacks parts of sidePanel, Firefox has sidebarAction instead (see panel.ts).
  const panelBrowser = browser as unknown as PanelBrowser;

  const progress = new ProgressService(new PapDB());
  const { handlers, settings, forgetIfShared } = createBackground({
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
    openPanel: (tabId) => openPanel(panelBrowser, tabId, panelUrl).then(() => true),
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

  // Replies go through sendResponse: Chrome before 144 ignores a returned Promise.
  browser.runtime.onMessage.addListener(listen(route));

  // « Ordinateur partagé »: what the last person left is erased once the browser starts again
  // (after a closing or a crash alike), before anyone uses it.
  void forgetIfShared().catch(() => undefined);

  // Old sessions are erased after the delay the person chose (each time the worker starts).
  void settings()
    .then((s) => progress.cleanup(s.retentionDays))
    .catch(() => undefined);

  browser.tabs.onRemoved.addListener((tabId) => {
    void browser.storage.session.remove(`tab:${tabId}`);
  });

  void openPanelOnToolbar(panelBrowser);
  // Fires only where the browser does not open the panel itself (Firefox, Chrome before 116).
  browser.action?.onClicked.addListener((tab) => {
    void toolbarClicked(panelBrowser, tab.id, panelUrl).catch(() => undefined);
  });
});
