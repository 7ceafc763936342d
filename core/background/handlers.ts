/**
 * What the background does for each message. Everything it needs is passed in, so the
 * same code runs in the service worker and in unit tests.
 */
import { safeParse } from 'zod/mini';
import { runningGuide, type Guide } from '../guides/model';
import type { GlossaryTerm } from '../glossary/types';
import { localiseGuide } from '../guides/localise';
import { localiseTerm } from '../glossary/localise';
import { matchUrlPattern } from '../guides/url-pattern';
import { waitingFor, type Handlers } from '../messaging/router';
import type { PushData, PushType } from '../messaging/protocol';
import { DEFAULT_SETTINGS, type Offer, type Settings, type TabInfo } from '../messaging/responses';
import { SettingsSchema, type ActiveState, type PageState } from '../messaging/schemas';
import { recognise, urlKey } from '../sites/recognise';
import { enter } from '../steps/numbering';
import { keysToRead } from '../text/keys';
import { badgeFor, type Badge } from './badge';
import { pageTable } from './page-strings';
import { TabStates, type KeyValueStore, type TabState } from './tab-state';
import { PagePrefsStore } from './page-prefs';
import type { ProgressService } from '../progress/service';
import { createAuthoring, type AuthoringDeps } from '../authoring/background';
import { deleteContact } from '../progress/contact';

export interface BackgroundDeps {
  guides: Guide[];
  glossary: GlossaryTerm[];
  session: KeyValueStore;
  local: KeyValueStore;
  allowPractice: boolean;
  /** To one tab's content script. */
  push<K extends PushType>(tabId: number, type: K, data: PushData<K>): Promise<void>;
  /** To every open extension page (side panel, options, memo). */
  broadcast<K extends PushType>(type: K, data: PushData<K>): Promise<void>;
  openPanel(tabId: number): Promise<boolean>;
  /** Ids of the open tabs (pushes to tabs without our content script are simply lost). */
  openTabs?(): Promise<number[]>;
  progress?: ProgressService;
  /** The authoring kit's browser side (injection, tabs); without it, its requests fail. */
  authoring?: Omit<AuthoringDeps, 'session' | 'allowPractice' | 'settings' | 'startGuide'>;
  /** Shows on the toolbar button whether this tab's page has guides (see badge.ts). */
  badge?(tabId: number, badge: Badge): Promise<void>;
  /**
   * Whether a button on the page can open the panel. Firefox refuses to open its sidebar
   * outside the extension's own buttons: there the offer says how to open it instead.
   */
  panelFromPage?: boolean;
  /** The keyboard shortcut that opens the panel, as the browser shows it (may be unset). */
  shortcut?(): Promise<string | null>;
  /** Today as YYYY-MM-DD (tests fix it; default: the computer's calendar). */
  today?(): string;
}

/** Set in storage.session once the background ran in this browser session. */
const BROWSER_SESSION_KEY = 'browserSession';

/** Index of the first step whose `on` URL patterns match; element conditions are left to the page. */
export function urlEntryStep(guide: Guide, key: string): number | null {
  const i = guide.steps.findIndex((s) => s.on?.url?.some((p) => matchUrlPattern(p, key)));
  return i >= 0 ? i : null;
}

/** Increasing across service-worker restarts and guide restarts: the clock, or one more. */
function nextSeq(previous: number): number {
  return Math.max(previous + 1, Date.now());
}

export function createBackground(deps: BackgroundDeps) {
  const tabs = new TabStates(deps.session);
  const byId = new Map(deps.guides.map((g) => [g.id, g]));
  const terms = new Map(deps.glossary.map((t) => [t.id, t]));
  const authoring = createAuthoring({
    version: '',
    inject: () => Promise.reject(new Error('no authoring in this build')),
    tell: () => Promise.reject(new Error('no authoring in this build')),
    tabs: async () => [],
    ...deps.authoring,
    session: deps.session,
    allowPractice: deps.allowPractice,
    settings: () => settings(),
    startGuide: (tabId, guideId) => handlers['guide:start']({ tabId, guideId, mode: 'alone' }, {}),
  });
  /** A guide by id: the one in preview on the authoring page first, else the bundled one. */
  const guideOf = (id: string): Guide | undefined => authoring.preview(id) ?? byId.get(id);
  const prefs = new PagePrefsStore(deps.local, deps.today);

  function needProgress(): ProgressService {
    if (!deps.progress) throw new Error('no progress store');
    return deps.progress;
  }

  async function settings(): Promise<Settings> {
    const stored = await deps.local.get('settings');
    // Stored settings that do not fit (an older build, a manual edit) give way to the defaults.
    const read = safeParse(SettingsSchema, {
      ...DEFAULT_SETTINGS,
      ...(stored && typeof stored === 'object' ? stored : {}),
    });
    return read.success ? read.data : { ...DEFAULT_SETTINGS };
  }

  // The page gets its guide already in the person's language: the in-page script carries no
  // translations, and the background is the one place that knows the setting.
  async function localised(guideId: string): Promise<Guide | undefined> {
    const g = guideOf(guideId);
    return g && localiseGuide(g, (await settings()).language);
  }

  function activeState(state: TabState, language: string): ActiveState | null {
    const g = state.active && guideOf(state.active.guideId);
    if (!state.active || !g) return null;
    const guide = localiseGuide(g, language);
    const { entered } = state.active;
    return {
      guide: runningGuide(guide),
      stepIndex: Math.min(state.active.stepIndex, guide.steps.length - 1),
      finished: state.active.finished,
      seq: state.active.seq,
      ...(entered?.length ? { entered } : {}),
    };
  }

  /** What the tab's page shows: its guide and the settings it follows. */
  async function pageState(s: TabState, current?: Settings): Promise<PageState> {
    const { glossary, language, textSize, everydayWords } = current ?? (await settings());
    return {
      state: activeState(s, language),
      glossary,
      language,
      textSize,
      everydayWords: everydayWords ?? false,
    };
  }

  function info(tabId: number, s: TabState): TabInfo {
    return { tabId, siteId: s.siteId, suggested: s.suggested, active: s.active, terms: s.terms };
  }

  /**
   * The extension pages get the tab's new state with the news (no need to ask again), and the
   * toolbar button says whether this page has a guide.
   */
  async function tellPages(tabId: number, s: TabState): Promise<TabInfo> {
    const tab = info(tabId, s);
    await Promise.all([
      deps.broadcast('tab:changed', tab).catch(() => undefined),
      showBadge(tabId, s),
    ]);
    return tab;
  }

  /**
   * The tab's address changed (the browser's tab events, which also fire where our page script
   * does not run). Off our sites — where the browser does not even give us the address — the
   * tab keeps nothing of the last site: no site, no suggestion, no word; a running guide stays
   * until the person comes back or stops it, a finished one goes.
   */
  async function tabNavigated(tabId: number, url: string | undefined): Promise<void> {
    // On a known site its page script reports the page itself, with what it finds there.
    if (url && recognise(url, deps.allowPractice)) return;
    const s = await tabs.update(tabId, (old) => ({
      ...old,
      siteId: null,
      suggested: [],
      terms: [],
      active: old.active?.finished ? null : old.active && { ...old.active, targetFound: null },
    }));
    await tellPages(tabId, s);
  }

  /** Another tab (or window) came to the front: the open panels show that tab at once. */
  async function tabFocused(tabId: number, windowId: number): Promise<void> {
    const s = await tabs.get(tabId);
    await Promise.all([
      deps.broadcast('tab:focused', { windowId, tab: info(tabId, s) }).catch(() => undefined),
      showBadge(tabId, s),
    ]);
  }

  async function showBadge(tabId: number, s: TabState): Promise<void> {
    if (!deps.badge) return;
    const { language } = await settings();
    await deps.badge(tabId, badgeFor(s, deps.guides, language)).catch(() => undefined);
  }

  /** A change made from an extension page: the tab's page and the extension pages are told. */
  async function changed(tabId: number, s: TabState): Promise<TabInfo> {
    const [, tab] = await Promise.all([
      deps.push(tabId, 'state:changed', await pageState(s)).catch(() => undefined),
      tellPages(tabId, s),
    ]);
    return tab;
  }

  /**
   * Records progress for the tab's running guide, if it is recorded, without ever stopping
   * the guide: when the write fails (the data was erased meanwhile, or any database error),
   * the guide goes on unrecorded — the tab forgets its session. Gives the tab's state after.
   */
  async function record(
    tabId: number,
    s: TabState,
    write: (progress: ProgressService, sessionId: number) => Promise<unknown>,
  ): Promise<TabState> {
    const sessionId = s.active?.sessionId ?? null;
    if (!deps.progress || sessionId === null) return s;
    try {
      await write(deps.progress, sessionId);
      return s;
    } catch {
      return unrecorded(tabId);
    }
  }

  function unrecorded(tabId: number): Promise<TabState> {
    return tabs.update(tabId, (old) =>
      old.active && old.active.sessionId !== null
        ? { ...old, active: { ...old.active, sessionId: null } }
        : old,
    );
  }

  async function offerFor(s: TabState): Promise<Offer | null> {
    if (!s.siteId || s.active) return null;
    const siteGuides = deps.guides.filter((g) => g.site === s.siteId);
    // Only whether there is something to resume: no title, no step (see Offer). Progress that
    // cannot be read (a database error) only costs the offer to resume.
    const resume = deps.progress
      ? await deps.progress.resumable(siteGuides).catch(() => null)
      : null;
    if (resume) return { guides: [], resume: true, ...(await howToOpen()) };
    const ids = s.suggested.length ? s.suggested : siteGuides.map((g) => g.id);
    const guides = [];
    for (const gid of ids.slice(0, 3)) {
      const g = await localised(gid);
      if (g) guides.push({ id: g.id, title: g.title });
    }
    return guides.length ? { guides, resume: false, ...(await howToOpen()) } : null;
  }

  /** Where a page button cannot open the panel, the offer says how to open it (Firefox). */
  async function howToOpen(): Promise<Pick<Offer, 'sidebar'>> {
    if (deps.panelFromPage !== false) return {};
    const key = await deps.shortcut?.().catch(() => null);
    if (!key) return { sidebar: {} };
    return { sidebar: { shortcut: keysToRead(key, (await settings()).language) } };
  }

  /**
   * Leaves nothing of the person in this browser: each tab's guide stops (storage.session keeps
   * no session of hers), then the progress store and the aidant's contact are erased.
   */
  async function forgetPerson() {
    for (const tabId of (await deps.openTabs?.()) ?? []) {
      if (!(await tabs.get(tabId)).active) continue;
      await changed(tabId, await tabs.update(tabId, (old) => ({ ...old, active: null })));
    }
    const removed = deps.progress
      ? await deps.progress.eraseAll()
      : { sessions: 0, stepEvents: 0, notes: 0 };
    await deleteContact(deps.local);
    return removed;
  }

  /**
   * « Ordinateur partagé »: called each time the background starts. storage.session is emptied
   * when the browser closes (or crashes) and kept while it runs, so a start without its mark is
   * the first of a new browser session: what the last person left is erased then, before anyone
   * uses it. A background that only woke up again finds the mark and keeps everything.
   */
  async function forgetIfShared(): Promise<boolean> {
    const fresh = (await deps.session.get(BROWSER_SESSION_KEY)) === undefined;
    if (fresh) await deps.session.set(BROWSER_SESSION_KEY, true);
    if (!fresh || !(await settings()).sharedComputer) return false;
    await forgetPerson();
    return true;
  }

  const handlers: Handlers = {
    ...authoring.handlers,

    async 'page:seen'({ href }, ctx) {
      const tabId = ctx.tabId!;
      const rec = recognise(href, deps.allowPractice);
      const key = rec ? urlKey(rec.url) : '';
      const s = await tabs.update(tabId, (old) => {
        const siteId = rec?.site.id ?? null;
        // The FranceConnect pages belong to every site's login: keep the site the person came from.
        const keepSite = siteId === 'franceconnect' && old.siteId ? old.siteId : siteId;
        // A finished guide stays with its site (the panel shows its end); another site starts
        // afresh, without it.
        const done = old.active?.finished ? guideOf(old.active.guideId) : undefined;
        const active = done && done.site !== siteId ? null : old.active;
        const suggested = deps.guides
          .filter((g) => g.site === keepSite || g.site === siteId)
          .map((g) => ({ id: g.id, at: urlEntryStep(g, key) }))
          .filter((x) => x.at !== null)
          .sort((a, b) => a.at! - b.at!)
          .map((x) => x.id);
        return {
          ...old,
          siteId: keepSite,
          suggested,
          terms: [],
          active: active && { ...active, targetFound: null },
        };
      });
      await tellPages(tabId, s);
      return {
        ...(await pageState(s)),
        offer: await offerFor(s),
        prefs: await prefs.get(rec?.site.id),
      };
    },

    async 'step:found'({ guideId, stepIndex, found, fallback }, ctx) {
      const tabId = ctx.tabId!;
      let before: boolean | null = null;
      const s = await tabs.update(tabId, (old) => {
        if (old.active?.guideId !== guideId || old.active.stepIndex !== stepIndex) return old;
        before = old.active.targetFound;
        return { ...old, active: { ...old.active, targetFound: found } };
      });
      const stepId = guideOf(guideId)?.steps[stepIndex]?.id;
      const missed = !found && before !== false;
      if ((missed || fallback) && s.active?.guideId === guideId && stepId) {
        // The site may have changed: noted locally, without a word of the page.
        const kind = missed ? 'missing' : 'fallback';
        await authoring.missing(guideId, stepId, ctx.url, kind).catch(() => undefined);
      }
      // The panel only speaks of a target the page cannot find: it need not hear that one,
      // not reported yet, was found.
      if ((before === false) !== (found === false)) await tellPages(tabId, s);
      return null;
    },

    async 'step:moved'({ guideId, from, to, finished }, ctx) {
      const tabId = ctx.tabId!;
      const guide = guideOf(guideId);
      let moved: NonNullable<TabState['active']> | null = null;
      const s = await tabs.update(tabId, (old) => {
        const a = old.active;
        if (!guide || !a || a.guideId !== guideId || a.stepIndex !== from) return old;
        if (to >= guide.steps.length) return old;
        moved = {
          ...a,
          stepIndex: to,
          finished,
          targetFound: null,
          seq: nextSeq(a.seq),
          entered: enter(guide, a.entered ?? [], to),
        };
        return { ...old, active: moved };
      });
      const m = moved as NonNullable<TabState['active']> | null;
      const now =
        m && guide
          ? await record(tabId, s, (p, id) => p.step(id, guide, from, to, finished, m.mode))
          : s;
      await tellPages(tabId, now);
      // Moved, or a late report (the guide moved meanwhile): either way the page gets the
      // tab's state in the answer.
      return pageState(now);
    },

    async 'panel:open'(_data, ctx) {
      return { opened: await deps.openPanel(ctx.tabId!) };
    },

    async 'page:strings'({ language }) {
      return pageTable(language);
    },

    async 'page:prefs'(change, ctx) {
      return prefs.set(recognise(ctx.url ?? '', deps.allowPractice)?.site.id, change);
    },

    async 'glossary:found'({ termIds }, ctx) {
      const tabId = ctx.tabId!;
      const s = await tabs.update(tabId, (old) => ({ ...old, terms: [...new Set(termIds)] }));
      await tellPages(tabId, s);
      return null;
    },

    async 'glossary:terms'(_data, ctx) {
      const site = recognise(ctx.url ?? '', deps.allowPractice)?.site.id;
      return deps.glossary
        .filter((t) => site && t.sites.includes(site))
        .map(({ id, term, forms, acronyms, sites }) => ({ id, term, forms, acronyms, sites }));
    },

    async 'glossary:define'({ termId }) {
      const found = terms.get(termId);
      const term = found && localiseTerm(found, (await settings()).language);
      return term ? { term: term.term, definition: term.definition } : null;
    },

    async 'guide:preview'({ guideId }) {
      return authoring.preview(guideId) ?? null;
    },

    async 'tab:get'({ tabId }) {
      return info(tabId, await tabs.get(tabId));
    },

    async 'guide:start'({ tabId, guideId, mode, stepIndex, resume }) {
      const guide = guideOf(guideId);
      if (!guide) throw new Error(`unknown guide ${guideId}`);
      const current = await tabs.get(tabId);
      const at = Math.min(stepIndex ?? 0, guide.steps.length - 1);
      // A database that cannot record does not stop the guide: it runs unrecorded.
      // A guide in preview is tried, not followed: it leaves no progress.
      const sessionId =
        deps.progress && !authoring.preview(guideId)
          ? await deps.progress.start(guide, mode, at, resume).catch(() => null)
          : null;
      const s = await tabs.update(tabId, (old) => ({
        ...old,
        siteId: old.siteId ?? current.siteId,
        active: {
          guideId,
          stepIndex: at,
          finished: false,
          mode,
          sessionId,
          targetFound: null,
          seq: nextSeq(old.active?.seq ?? 0),
          entered: enter(guide, [], at),
        },
      }));
      return changed(tabId, s);
    },

    async 'guide:goto'({ tabId, stepIndex }) {
      let guide: Guide | undefined;
      const s = await tabs.update(tabId, (old) => {
        const a = old.active;
        guide = a ? guideOf(a.guideId) : undefined;
        if (!a || !guide) return old;
        const to = Math.min(stepIndex, guide.steps.length - 1);
        return {
          ...old,
          active: {
            ...a,
            stepIndex: to,
            finished: false,
            targetFound: null,
            seq: nextSeq(a.seq),
            entered: enter(guide, a.entered ?? [], to),
          },
        };
      });
      const a = s.active;
      const g = guide;
      if (!a || !g) throw new Error('no guide in this tab');
      const now = await record(tabId, s, (p, id) =>
        p.step(id, g, a.stepIndex, a.stepIndex, false, a.mode),
      );
      return changed(tabId, now);
    },

    async 'guide:stop'({ tabId }) {
      const s = await tabs.update(tabId, (old) => ({ ...old, active: null }));
      return changed(tabId, s);
    },

    async 'guide:mode'({ tabId, mode }) {
      const s0 = await tabs.get(tabId);
      if (!s0.active) throw new Error('no guide in this tab');
      const s = await tabs.update(tabId, (old) => ({
        ...old,
        active: old.active && { ...old.active, mode, seq: nextSeq(old.active.seq) },
      }));
      return changed(tabId, await record(tabId, s, (p, id) => p.mode(id, mode)));
    },

    async 'step:how'({ tabId, stepId, how }) {
      const s = await tabs.get(tabId);
      const guide = s.active && guideOf(s.active.guideId);
      if (!guide) return null;
      if (!guide.steps.some((st) => st.id === stepId)) throw new Error(`unknown step ${stepId}`);
      const now = await record(tabId, s, (p, id) => p.how(id, guide, stepId, how));
      if (now !== s) await tellPages(tabId, now);
      return null;
    },

    async 'progress:guide'({ guideId }) {
      const guide = byId.get(guideId);
      if (!guide) throw new Error(`unknown guide ${guideId}`);
      return needProgress().guideProgress(guide);
    },

    async 'progress:active'() {
      return needProgress().activeSessions();
    },

    async 'note:add'({ guideId, tabId, stepId, text }) {
      if (!byId.has(guideId)) throw new Error(`unknown guide ${guideId}`);
      const active = tabId === undefined ? null : (await tabs.get(tabId)).active;
      const sessionId = active?.guideId === guideId ? (active.sessionId ?? undefined) : undefined;
      return needProgress().addNote({ guideId, sessionId, stepId, text });
    },

    async 'note:delete'({ id }) {
      return needProgress().deleteNote(id);
    },

    async 'notes:page'({ guideId, before, limit }) {
      const guide = byId.get(guideId);
      if (!guide) throw new Error(`unknown guide ${guideId}`);
      return needProgress().notePage(guide, before, limit);
    },

    async 'notes:count'({ guideId }) {
      if (!byId.has(guideId)) throw new Error(`unknown guide ${guideId}`);
      return needProgress().noteCount(guideId);
    },

    async 'data:export'() {
      return needProgress().exportData();
    },

    async 'data:import'({ text, mode }) {
      return needProgress().importData(text, mode);
    },

    async 'data:erase'() {
      const removed = await needProgress().eraseAll();
      // Running guides lose their session: they go on, unrecorded until started again.
      for (const tabId of (await deps.openTabs?.()) ?? []) {
        if (!(await tabs.get(tabId)).active?.sessionId) continue;
        await tellPages(tabId, await unrecorded(tabId));
      }
      return removed;
    },

    async 'data:cleanup'() {
      return needProgress().cleanup((await settings()).retentionDays);
    },

    async 'data:forget'() {
      return forgetPerson();
    },

    async 'settings:get'() {
      return settings();
    },

    async 'settings:set'(change) {
      const next = { ...(await settings()) };
      for (const [k, v] of Object.entries(change))
        if (v !== undefined) Object.assign(next, { [k]: v });
      await deps.local.set('settings', next);
      // Every open page follows at once, without a reload: the extension pages, and the site
      // pages where our script runs (those the background has seen).
      await deps.broadcast('settings:changed', next).catch(() => undefined);
      for (const tabId of (await deps.openTabs?.()) ?? []) {
        const s = await tabs.get(tabId);
        if (s.siteId === null && s.active === null) continue;
        await deps.push(tabId, 'state:changed', await pageState(s, next)).catch(() => undefined);
      }
      if (change.retentionDays !== undefined && deps.progress) {
        // The clean-up runs again at the next start if it fails now.
        await deps.progress.cleanup(next.retentionDays).catch(() => undefined);
      }
      return next;
    },
  };

  // The previewed guide must be known before any message about it is answered; opening the
  // panel does not wait (it needs the click's user gesture, which a wait would lose).
  const answering = waitingFor(handlers, (type) =>
    type === 'panel:open' ? undefined : authoring.ready,
  );

  return {
    handlers: answering,
    tabs,
    settings,
    authoring,
    tabNavigated,
    tabFocused,
    forgetIfShared,
  };
}
