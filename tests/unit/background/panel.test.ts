import { describe, expect, it, vi } from 'vitest';
import {
  openPanel,
  openPanelOnToolbar,
  toolbarClicked,
  type PanelBrowser,
} from '../../../core/background/panel';

const PANEL_URL = 'chrome-extension://oimokpdpikpepbdcchndmflfkdcadjfj/sidepanel.html';
const TAB = 12;

/** A browser object with only the given parts, recording the tabs it opens. */
function fakeBrowser(parts: Omit<PanelBrowser, 'tabs'>) {
  const created: string[] = [];
  const b: PanelBrowser = {
    ...parts,
    tabs: {
      create: vi.fn(async ({ url }: { url: string }) => {
        created.push(url);
        return { id: 99 };
      }),
    },
  };
  return { b, created };
}

const FALLBACK = `${PANEL_URL}?tabId=${TAB}`;

describe('openPanel', () => {
  it('opens Chrome’s side panel for the tab, and no tab', async () => {
    const open = vi.fn(async () => undefined);
    const { b, created } = fakeBrowser({ sidePanel: { open } });
    await expect(openPanel(b, TAB, PANEL_URL)).resolves.toBe('panel');
    expect(open).toHaveBeenCalledWith({ tabId: TAB });
    expect(created).toEqual([]);
  });

  it('calls the browser before returning, while the user gesture lasts', () => {
    const open = vi.fn(async () => undefined);
    const { b } = fakeBrowser({ sidePanel: { open } });
    void openPanel(b, TAB, PANEL_URL);
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('opens a tab on Chrome 114–115 (sidePanel without open)', async () => {
    const { b, created } = fakeBrowser({ sidePanel: {} });
    await expect(openPanel(b, TAB, PANEL_URL)).resolves.toBe('tab');
    expect(created).toEqual([FALLBACK]);
  });

  it('opens a tab on Chrome before 114 (no sidePanel at all)', async () => {
    const { b, created } = fakeBrowser({});
    await expect(openPanel(b, TAB, PANEL_URL)).resolves.toBe('tab');
    expect(created).toEqual([FALLBACK]);
  });

  it('opens a tab when open throws at once', async () => {
    const { b, created } = fakeBrowser({
      sidePanel: {
        open: () => {
          throw new TypeError('sidePanel.open is not a function');
        },
      },
    });
    await expect(openPanel(b, TAB, PANEL_URL)).resolves.toBe('tab');
    expect(created).toEqual([FALLBACK]);
  });

  it('opens a tab when open rejects (no user gesture, headless browser)', async () => {
    const { b, created } = fakeBrowser({
      sidePanel: {
        open: () => Promise.reject(new Error('may only be called in response to a user gesture')),
      },
    });
    await expect(openPanel(b, TAB, PANEL_URL)).resolves.toBe('tab');
    expect(created).toEqual([FALLBACK]);
  });

  it('opens Firefox’s sidebar, and no tab', async () => {
    const open = vi.fn(async () => undefined);
    const { b, created } = fakeBrowser({ sidebarAction: { open } });
    await expect(openPanel(b, TAB, PANEL_URL)).resolves.toBe('panel');
    expect(open).toHaveBeenCalledTimes(1);
    expect(created).toEqual([]);
  });

  it('opens a tab when Firefox refuses to open the sidebar', async () => {
    const { b, created } = fakeBrowser({
      sidebarAction: {
        open: () => Promise.reject(new Error('may only be called from a user input handler')),
      },
    });
    await expect(openPanel(b, TAB, PANEL_URL)).resolves.toBe('tab');
    expect(created).toEqual([FALLBACK]);
  });

  it('lets a failure to open the tab through', async () => {
    const { b } = fakeBrowser({});
    b.tabs.create = () => Promise.reject(new Error('no window'));
    await expect(openPanel(b, TAB, PANEL_URL)).rejects.toThrow('no window');
  });
});

describe('openPanelOnToolbar', () => {
  it('asks Chrome to open the panel from the toolbar button', async () => {
    const setPanelBehavior = vi.fn(async () => undefined);
    const { b } = fakeBrowser({ sidePanel: { setPanelBehavior } });
    await expect(openPanelOnToolbar(b)).resolves.toBe(true);
    expect(setPanelBehavior).toHaveBeenCalledWith({ openPanelOnActionClick: true });
  });

  it('resolves to false where it is missing, throws or rejects', async () => {
    const browsers: Omit<PanelBrowser, 'tabs'>[] = [
      {},
      { sidePanel: {} },
      {
        sidePanel: {
          setPanelBehavior: () => {
            throw new Error('not implemented');
          },
        },
      },
      { sidePanel: { setPanelBehavior: () => Promise.reject(new Error('refused')) } },
    ];
    for (const parts of browsers)
      await expect(openPanelOnToolbar(fakeBrowser(parts).b)).resolves.toBe(false);
  });
});

describe('toolbarClicked', () => {
  it('toggles Firefox’s sidebar', async () => {
    const toggle = vi.fn(async () => undefined);
    const { b, created } = fakeBrowser({ sidebarAction: { toggle } });
    await expect(toolbarClicked(b, TAB, PANEL_URL)).resolves.toBe('panel');
    expect(toggle).toHaveBeenCalledTimes(1);
    expect(created).toEqual([]);
  });

  it('opens the panel page in a tab on a Chrome without sidePanel.open', async () => {
    const { b, created } = fakeBrowser({ sidePanel: {} });
    await expect(toolbarClicked(b, TAB, PANEL_URL)).resolves.toBe('tab');
    expect(created).toEqual([FALLBACK]);
  });

  it('does nothing without a tab to guide', async () => {
    const { b, created } = fakeBrowser({ sidePanel: {} });
    await expect(toolbarClicked(b, undefined, PANEL_URL)).resolves.toBeNull();
    expect(created).toEqual([]);
  });
});
