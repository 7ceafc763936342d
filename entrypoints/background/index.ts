import { browser, defineBackground } from '#imports';
import guides from 'virtual:pap-guides';
import glossary from 'virtual:pap-glossary';
import { createBackground } from '../../core/background/handlers';
import type { KeyValueStore } from '../../core/background/tab-state';
import { BADGE_COLOUR } from '../../core/background/badge';
import {
  openPanel,
  openPanelOnToolbar,
  toolbarClicked,
  type PanelBrowser,
  type PanelTabs,
} from '../../core/background/panel';
import { listen } from '../../core/messaging/listen';
import { createRouter } from '../../core/messaging/router';
import type { Envelope } from '../../core/messaging/protocol';
import { recognise } from '../../core/sites/recognise';
import { ProgressService } from '../../core/progress/service';
import { PapDB } from '../../core/progress/db';
import { DriftNotes } from '../../core/authoring/drift';

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

  const session = areaStore(browser.storage.session);
  // The panel tab opened for each site tab, so a second click brings it back.
  const panelTabs: PanelTabs = {
    get: async (tabId) => {
      const v = await session.get(`paneltab:${tabId}`);
      return typeof v === 'number' ? v : undefined;
    },
    set: (tabId, panelTabId) => session.set(`paneltab:${tabId}`, panelTabId),
  };
  const isFirefox = import.meta.env.FIREFOX;
  // The command that opens the panel (see wxt.config.ts), with the keys the person set.
  const command = isFirefox ? '_execute_sidebar_action' : '_execute_action';

  const db = new PapDB();
  const progress = new ProgressService(db);
  const { handlers, settings, authoring, tabNavigated, tabFocused, forgetIfShared } =
    createBackground({
      guides,
      glossary,
      session,
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
      openPanel: (tabId) => openPanel(panelBrowser, tabId, panelUrl, panelTabs).then(() => true),
      openTabs: async () =>
        (await browser.tabs.query({}))
          .map((t) => t.id)
          .filter((id): id is number => id !== undefined),
      progress,
      authoring: {
        version: browser.runtime.getManifest().version,
        // Loaded into the tab only on the author's request (permission `scripting`).
        inject: async (tabId) => {
          await browser.scripting.executeScript({ target: { tabId }, files: ['/author-tools.js'] });
        },
        tell: (tabId, command) => browser.tabs.sendMessage(tabId, command),
        tabs: async () =>
          (await browser.tabs.query({})).flatMap((t) =>
            t.id !== undefined && t.url ? [{ tabId: t.id, url: t.url }] : [],
          ),
        drift: new DriftNotes(() => db.drift),
      },
      badge: async (tabId, { text, title }) => {
        await browser.action.setBadgeText({ tabId, text });
        await browser.action.setTitle({ tabId, title });
      },
      // Firefox opens its sidebar only from the extension's own buttons, never from a page.
      panelFromPage: !isFirefox,
      shortcut: async () =>
        (await browser.commands?.getAll())?.find((c) => c.name === command)?.shortcut || null,
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

  // A page of a tab being recorded loaded: the recorder goes on there.
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.status === 'complete')
      void authoring.pageLoaded(tabId, tab.url).catch(() => undefined);
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    void browser.storage.session.remove([`tab:${tabId}`, `paneltab:${tabId}`]);
  });

  // The panel follows the tab through the browser's own events: they fire on every page, also
  // where our page script does not run (another site), so the panel is never left behind.
  const ours = browser.runtime.getURL('/');
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.url === undefined && change.status !== 'loading') return;
    // Our own pages (a panel opened in a tab, the settings) are not a site the person is on.
    if (tab.url?.startsWith(ours)) return;
    void tabNavigated(tabId, tab.url).catch(() => undefined);
  });
  const focused = (tab: { id?: number; windowId?: number; url?: string } | undefined) => {
    if (tab?.id === undefined || tab.windowId === undefined || tab.url?.startsWith(ours)) return;
    void tabFocused(tab.id, tab.windowId).catch(() => undefined);
  };
  browser.tabs.onActivated.addListener(({ tabId }) => {
    void browser.tabs.get(tabId).then(focused, () => undefined);
  });
  browser.windows?.onFocusChanged.addListener((windowId) => {
    if (windowId === browser.windows.WINDOW_ID_NONE) return;
    void browser.tabs.query({ active: true, windowId }).then(
      ([tab]) => focused(tab),
      () => undefined,
    );
  });
  void browser.action.setBadgeBackgroundColor({ color: BADGE_COLOUR }).catch(() => undefined);

  // The first-run page says who we are (and are not) before anything else (see WelcomePage).
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason !== 'install') return;
    void browser.tabs
      .create({ url: browser.runtime.getURL('/welcome.html') })
      .catch(() => undefined);
  });

  void openPanelOnToolbar(panelBrowser);
  // Fires only where the browser does not open the panel itself (Firefox, Chrome before 116).
  browser.action?.onClicked.addListener((tab) => {
    void toolbarClicked(panelBrowser, tab.id, panelUrl, panelTabs).catch(() => undefined);
  });
});
