/**
 * Showing the side panel, on every browser we accept. `sidePanel` came in Chrome 114, its
 * `open()` and `setPanelBehavior()` in 116; Firefox has `sidebarAction` instead. Wherever the
 * panel cannot be shown (API missing, a synchronous throw, a refusal), the same page opens in a
 * tab, so the person always gets the guide.
 */

/** The parts of the browser object used here (all optional: older browsers lack them). */
export interface PanelBrowser {
  sidePanel?: {
    open?: (options: { tabId: number }) => Promise<void>;
    setPanelBehavior?: (behavior: { openPanelOnActionClick: boolean }) => Promise<void>;
  };
  sidebarAction?: { open?: () => Promise<void>; toggle?: () => Promise<void> };
  tabs: {
    create(options: { url: string }): Promise<{ id?: number } | unknown>;
    /** Both needed to bring back an open panel tab; without them a new tab opens. */
    get?(tabId: number): Promise<{ id?: number; url?: string; windowId?: number }>;
    update?(tabId: number, change: { active: boolean }): Promise<unknown>;
  };
  windows?: { update?(windowId: number, change: { focused: boolean }): Promise<unknown> };
}

/**
 * Where the panel tab opened for a site's tab is remembered (storage.session: the service
 * worker may stop between two clicks).
 */
export interface PanelTabs {
  get(siteTabId: number): Promise<number | undefined>;
  set(siteTabId: number, panelTabId: number): Promise<void>;
}

/** Brings a tab and its window to the front; false when the tab is gone. */
export async function focusTab(b: PanelBrowser, tabId: number): Promise<boolean> {
  if (!b.tabs.get || !b.tabs.update) return false;
  try {
    const tab = await b.tabs.get(tabId);
    await b.tabs.update(tabId, { active: true });
    if (tab.windowId !== undefined)
      await b.windows?.update?.(tab.windowId, { focused: true }).catch(() => undefined);
    return true;
  } catch {
    return false;
  }
}

/**
 * The panel page in a tab, for a site's tab: the one already open for it comes back to the
 * front, so clicking again never piles up tabs; else a new one opens.
 */
async function panelTab(
  b: PanelBrowser,
  tabId: number,
  panelUrl: string,
  known?: PanelTabs,
): Promise<void> {
  const url = `${panelUrl}?tabId=${tabId}`;
  const open = await known?.get(tabId).catch(() => undefined);
  if (open !== undefined && b.tabs.get) {
    // Only if that tab still shows our panel (the person may have gone elsewhere in it).
    const tab = await b.tabs.get(open).catch(() => null);
    if (tab && (tab.url === undefined || tab.url.startsWith(panelUrl)) && (await focusTab(b, open)))
      return;
  }
  const created = (await b.tabs.create({ url })) as { id?: number } | undefined;
  if (typeof created?.id === 'number') await known?.set(tabId, created.id).catch(() => undefined);
}

export type Shown = 'panel' | 'tab';

/** Calls an optional API method; a missing method or a synchronous throw becomes a rejection. */
function attempt(call: (() => Promise<void>) | null): Promise<void> {
  if (!call) return Promise.reject(new Error('not available'));
  try {
    return Promise.resolve(call());
  } catch (err) {
    return Promise.reject(err);
  }
}

/**
 * Opens the side panel (Chrome) or the sidebar (Firefox) for a tab, else the panel page in a new
 * tab. The browser call is made before this returns: call it straight from the message
 * listener, or the click's user gesture is lost and the browser refuses.
 */
export function openPanel(
  b: PanelBrowser,
  tabId: number,
  panelUrl: string,
  known?: PanelTabs,
): Promise<Shown> {
  const { sidePanel, sidebarAction } = b;
  const open = sidePanel
    ? sidePanel.open && (() => sidePanel.open!({ tabId }))
    : sidebarAction?.open && (() => sidebarAction.open!());
  return attempt(open ?? null).then(
    (): Shown => 'panel',
    async (): Promise<Shown> => {
      await panelTab(b, tabId, panelUrl, known);
      return 'tab';
    },
  );
}

/**
 * Lets the toolbar button open the side panel (Chrome 116+). Resolves to false where that is not
 * possible: the button's click then reaches `toolbarClicked`.
 */
export function openPanelOnToolbar(b: PanelBrowser): Promise<boolean> {
  const sidePanel = b.sidePanel;
  const set =
    sidePanel?.setPanelBehavior &&
    (() => sidePanel.setPanelBehavior!({ openPanelOnActionClick: true }));
  return attempt(set ?? null).then(
    () => true,
    () => false,
  );
}

/**
 * The toolbar button was clicked (the browser did not open the panel itself): Firefox toggles its
 * sidebar; an older Chrome opens the panel as well as it can.
 */
export function toolbarClicked(
  b: PanelBrowser,
  tabId: number | undefined,
  panelUrl: string,
  known?: PanelTabs,
): Promise<Shown | null> {
  const toggle = b.sidebarAction?.toggle;
  if (toggle)
    return attempt(() => toggle.call(b.sidebarAction)).then(
      () => 'panel',
      () => null,
    );
  if (tabId === undefined) return Promise.resolve(null);
  return openPanel(b, tabId, panelUrl, known);
}
