/**
 * The background's side of the panel that follows the tab (tab events), the toolbar badge, the
 * offer that says how to open Firefox's sidebar, the panel tab that is reused, and the
 * shortcut in the manifest.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createBackground, type BackgroundDeps } from '../../../core/background/handlers';
import { badgeFor, type Badge } from '../../../core/background/badge';
import { openPanel, type PanelBrowser, type PanelTabs } from '../../../core/background/panel';
import { loadGuidesFromDir } from '../../../tools/guides/load-fs';
import type { Guide } from '../../../core/guides/types';
import type { PushData, PushType } from '../../../core/messaging/protocol';
import type { HandlerContext } from '../../../core/messaging/router';
import type { Responses } from '../../../core/messaging/responses';
import { memoryStore } from '../../support/memory-store';
import config, { SHORTCUT } from '../../../wxt.config';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const TAB = 7;
const CAF = 'https://www.caf.fr/';
let guides: Guide[];

beforeAll(() => {
  guides = loadGuidesFromDir(path.join(ROOT, 'guides')).guides;
});

function harness(over: Partial<BackgroundDeps> = {}) {
  const broadcasts: { type: PushType; data: PushData<PushType> }[] = [];
  const badges: { tabId: number; badge: Badge }[] = [];
  const bg = createBackground({
    guides,
    glossary: [],
    session: memoryStore(),
    local: memoryStore(),
    allowPractice: true,
    push: async () => undefined,
    broadcast: async (type, data) => void broadcasts.push({ type, data }),
    openPanel: async () => true,
    badge: async (tabId, badge) => void badges.push({ tabId, badge }),
    ...over,
  });
  const seen = (href: string, tabId = TAB) =>
    (bg.handlers['page:seen'] as (d: unknown, c: HandlerContext) => Promise<unknown>)(
      { href },
      { tabId, url: href },
    ) as Promise<Responses['page:seen']>;
  const changed = () =>
    broadcasts
      .filter((b) => b.type === 'tab:changed')
      .map((b) => b.data as PushData<'tab:changed'>);
  return { bg, seen, broadcasts, badges, changed };
}

describe('the tab events', () => {
  it('an unknown page leaves nothing of the last site, and the panels are told at once', async () => {
    const x = harness();
    await x.seen(CAF);
    expect((await x.bg.tabs.get(TAB)).siteId).toBe('caf');
    await x.bg.tabNavigated(TAB, undefined); // the browser hides addresses off our sites
    const s = await x.bg.tabs.get(TAB);
    expect(s).toMatchObject({ siteId: null, suggested: [], terms: [], active: null });
    expect(x.changed().at(-1)).toMatchObject({ tabId: TAB, siteId: null, suggested: [] });
  });

  it('a known site is left to its page script, which reports it with what it finds', async () => {
    const x = harness();
    await x.seen(CAF);
    const before = x.broadcasts.length;
    await x.bg.tabNavigated(TAB, 'https://www.caf.fr/mon-compte');
    expect((await x.bg.tabs.get(TAB)).siteId).toBe('caf');
    expect(x.broadcasts.length).toBe(before);
  });

  it('a running guide waits off its site; a finished one goes', async () => {
    const x = harness();
    await x.seen(CAF);
    const start = x.bg.handlers['guide:start'] as (d: unknown) => Promise<unknown>;
    await start({ tabId: TAB, guideId: 'caf-declaration-trimestrielle', mode: 'alone' });
    await x.bg.tabNavigated(TAB, 'https://www.example.org/');
    expect((await x.bg.tabs.get(TAB)).active?.guideId).toBe('caf-declaration-trimestrielle');
    await x.bg.tabs.update(TAB, (s) => ({
      ...s,
      active: s.active && { ...s.active, finished: true },
    }));
    await x.bg.tabNavigated(TAB, undefined);
    expect((await x.bg.tabs.get(TAB)).active).toBeNull();
  });

  it('a tab brought forward is sent to the panels with its state and its window', async () => {
    const x = harness();
    await x.seen(CAF, 3);
    await x.bg.tabFocused(3, 42);
    const focus = x.broadcasts.find((b) => b.type === 'tab:focused');
    expect(focus?.data).toMatchObject({ windowId: 42, tab: { tabId: 3, siteId: 'caf' } });
  });
});

describe('the toolbar button', () => {
  it('shows how many guides fit the page, and says it in words', async () => {
    const x = harness();
    await x.seen(CAF);
    const last = x.badges.at(-1)!;
    expect(last.tabId).toBe(TAB);
    expect(last.badge.text).toMatch(/^[1-9]$/);
    expect(last.badge.title).toContain('guide(s) pour cette page');
    await x.bg.tabNavigated(TAB, undefined);
    expect(x.badges.at(-1)!.badge).toEqual({
      text: '',
      title: 'Pas à pas : pas de guide pour cette page',
    });
  });

  it('follows the language, and says when a guide runs', () => {
    const s = { siteId: 'caf' as const, suggested: ['a', 'b'], terms: [], active: null };
    expect(badgeFor(s, guides, 'en')).toEqual({
      text: '2',
      title: 'Pas à pas: 2 guide(s) for this page. Click to open.',
    });
    const running = {
      ...s,
      active: {
        guideId: 'a',
        stepIndex: 0,
        finished: false,
        mode: 'alone' as const,
        sessionId: null,
        targetFound: null,
        seq: 1,
      },
    };
    expect(badgeFor(running, guides, 'fr').text).toBe('');
    expect(badgeFor(running, guides, 'fr').title).toContain('en cours');
  });
});

describe('the offer, where a page button cannot open the panel (Firefox)', () => {
  it('says how to open the sidebar, with the shortcut the browser has, in the keyboard’s words', async () => {
    const x = harness({ panelFromPage: false, shortcut: async () => 'Alt+Shift+G' });
    const reply = await x.seen(CAF);
    expect(reply.offer?.sidebar).toEqual({ shortcut: 'Alt + Maj + G' });
  });

  it('without a shortcut set, the toolbar button only', async () => {
    const x = harness({ panelFromPage: false, shortcut: async () => null });
    expect((await x.seen(CAF)).offer?.sidebar).toEqual({});
  });

  it('says nothing of it in Chrome, where the button opens the side panel', async () => {
    const x = harness({ panelFromPage: true });
    expect((await x.seen(CAF)).offer?.sidebar).toBeUndefined();
  });
});

describe('the panel opened in a tab', () => {
  const PANEL = 'moz-extension://x/sidepanel.html';
  function firefoxLike() {
    const tabs = new Map<number, { id: number; url: string; windowId: number }>();
    let next = 100;
    const focused: number[] = [];
    const b: PanelBrowser = {
      sidebarAction: { open: () => Promise.reject(new Error('not from a page')) },
      tabs: {
        create: vi.fn(async ({ url }: { url: string }) => {
          const tab = { id: next++, url, windowId: 1 };
          tabs.set(tab.id, tab);
          return tab;
        }),
        get: async (id) => {
          const t = tabs.get(id);
          if (!t) throw new Error('no tab');
          return t;
        },
        update: async (id) => void focused.push(id),
      },
      windows: { update: async () => undefined },
    };
    const memory = new Map<number, number>();
    const known: PanelTabs = {
      get: async (id) => memory.get(id),
      set: async (id, panel) => void memory.set(id, panel),
    };
    return { b, tabs, focused, known };
  }

  it('is reused: a second click brings the same tab forward', async () => {
    const f = firefoxLike();
    await expect(openPanel(f.b, TAB, PANEL, f.known)).resolves.toBe('tab');
    await expect(openPanel(f.b, TAB, PANEL, f.known)).resolves.toBe('tab');
    expect(f.b.tabs.create).toHaveBeenCalledTimes(1);
    expect(f.focused).toEqual([100]);
  });

  it('opens again when the person closed it or went elsewhere in it', async () => {
    const f = firefoxLike();
    await openPanel(f.b, TAB, PANEL, f.known);
    f.tabs.delete(100);
    await openPanel(f.b, TAB, PANEL, f.known);
    f.tabs.get(101)!.url = 'https://www.example.org/';
    await openPanel(f.b, TAB, PANEL, f.known);
    expect(f.b.tabs.create).toHaveBeenCalledTimes(3);
  });
});

describe('the keyboard shortcut in the manifest', () => {
  const manifest = (browser: string) =>
    (config.manifest as (env: { browser: string; mode: string }) => Record<string, unknown>)({
      browser,
      mode: 'production',
    });

  it('Chrome: the action (which opens the side panel)', () => {
    expect(manifest('chrome').commands).toEqual({
      _execute_action: { suggested_key: { default: SHORTCUT } },
    });
  });

  it('Firefox: its sidebar', () => {
    expect(manifest('firefox').commands).toEqual({
      _execute_sidebar_action: { suggested_key: { default: SHORTCUT } },
    });
  });

  it('the icon in every size, on the toolbar button too', () => {
    const m = manifest('chrome') as { icons: object; action: { default_icon: object } };
    expect(Object.keys(m.icons)).toEqual(['16', '32', '48', '128']);
    expect(m.action.default_icon).toEqual(m.icons);
  });
});
