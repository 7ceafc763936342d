/**
 * What the background does for each message. Everything it needs is passed in, so the
 * same code runs in the service worker and in unit tests.
 */
import type { Guide } from '../guides/types';
import type { GlossaryTerm } from '../glossary/types';
import { localiseGuide } from '../guides/localise';
import { matchUrlPattern } from '../guides/url-pattern';
import type { Handlers } from '../messaging/router';
import type { PushData, PushType } from '../messaging/protocol';
import { DEFAULT_SETTINGS, type Offer, type Settings, type TabInfo } from '../messaging/responses';
import type { ActiveState } from '../messaging/schemas';
import { recognise, urlKey } from '../sites/recognise';
import { TabStates, type KeyValueStore, type TabState } from './tab-state';
import type { ProgressService } from '../progress/service';

export interface BackgroundDeps {
  guides: Guide[];
  glossary: GlossaryTerm[];
  session: KeyValueStore;
  local: KeyValueStore;
  allowPractice: boolean;
  push<K extends PushType>(tabId: number, type: K, data: PushData<K>): Promise<void>;
  broadcast<K extends PushType>(type: K, data: PushData<K>): Promise<void>;
  openPanel(tabId: number): Promise<boolean>;
  /** Ids of the open tabs (pushes to tabs without our content script are simply lost). */
  openTabs?(): Promise<number[]>;
  progress?: ProgressService;
}

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

  function needProgress(): ProgressService {
    if (!deps.progress) throw new Error('no progress store');
    return deps.progress;
  }

  async function settings(): Promise<Settings> {
    const stored = await deps.local.get<Partial<Settings>>('settings');
    return { ...DEFAULT_SETTINGS, ...(stored && typeof stored === 'object' ? stored : {}) };
  }

  async function localised(guideId: string): Promise<Guide | undefined> {
    const g = byId.get(guideId);
    return g && localiseGuide(g, (await settings()).language);
  }

  async function activeState(state: TabState): Promise<ActiveState | null> {
    if (!state.active) return null;
    const guide = await localised(state.active.guideId);
    if (!guide) return null;
    const { id, site, title, steps } = guide;
    return {
      guide: { id, site, title, steps },
      stepIndex: Math.min(state.active.stepIndex, steps.length - 1),
      finished: state.active.finished,
      seq: state.active.seq,
    };
  }

  function info(tabId: number, s: TabState): TabInfo {
    return { tabId, siteId: s.siteId, suggested: s.suggested, active: s.active, terms: s.terms };
  }

  /** Tell the tab's content script and the extension pages that the tab changed. */
  async function changed(tabId: number, s: TabState): Promise<TabInfo> {
    const glossary = (await settings()).glossary;
    await Promise.allSettled([
      deps.push(tabId, 'state:changed', { state: await activeState(s), glossary }),
      deps.broadcast('tab:changed', { tabId }),
    ]);
    return info(tabId, s);
  }

  async function offerFor(s: TabState): Promise<Offer | null> {
    if (!s.siteId || s.active) return null;
    const siteGuides = deps.guides.filter((g) => g.site === s.siteId);
    const resume = deps.progress ? await deps.progress.resumable(siteGuides) : null;
    const ids = s.suggested.length ? s.suggested : siteGuides.map((g) => g.id);
    const guides = [];
    for (const gid of ids.slice(0, 3)) {
      const g = await localised(gid);
      if (g) guides.push({ id: g.id, title: g.title });
    }
    let resumeOffer: Offer['resume'] = null;
    if (resume) {
      const g = await localised(resume.guideId);
      if (g) resumeOffer = { guideId: g.id, title: g.title, stepNumber: resume.stepIndex + 1 };
    }
    return guides.length || resumeOffer ? { guides, resume: resumeOffer } : null;
  }

  const handlers: Handlers = {
    async 'page:seen'({ href }, ctx) {
      const tabId = ctx.tabId!;
      const rec = recognise(href, deps.allowPractice);
      const key = rec ? urlKey(rec.url) : '';
      const s = await tabs.update(tabId, (old) => {
        const siteId = rec?.site.id ?? null;
        // The FranceConnect pages belong to every site's login: keep the site the person came from.
        const keepSite = siteId === 'franceconnect' && old.siteId ? old.siteId : siteId;
        const suggested = deps.guides
          .filter((g) => g.site === keepSite || g.site === siteId)
          .map((g) => ({ id: g.id, at: urlEntryStep(g, key) }))
          .filter((x) => x.at !== null)
          .sort((a, b) => a.at! - b.at!)
          .map((x) => x.id);
        return {
          ...old,
          siteId: keepSite,
          page: rec ? `${rec.url.hostname}${rec.url.pathname}` : '',
          suggested,
          terms: [],
          active: old.active && { ...old.active, targetFound: null },
        };
      });
      await deps.broadcast('tab:changed', { tabId }).catch(() => undefined);
      const { glossary, language } = await settings();
      return {
        state: await activeState(s),
        glossary,
        language,
        offer: await offerFor(s),
      };
    },

    async 'step:found'({ guideId, stepIndex, found }, ctx) {
      const tabId = ctx.tabId!;
      await tabs.update(tabId, (old) =>
        old.active?.guideId === guideId && old.active.stepIndex === stepIndex
          ? { ...old, active: { ...old.active, targetFound: found } }
          : old,
      );
      await deps.broadcast('tab:changed', { tabId }).catch(() => undefined);
      return null;
    },

    async 'step:moved'({ guideId, from, to, finished }, ctx) {
      const tabId = ctx.tabId!;
      const guide = byId.get(guideId);
      let moved: NonNullable<TabState['active']> | null = null;
      const s = await tabs.update(tabId, (old) => {
        const a = old.active;
        if (!guide || !a || a.guideId !== guideId || a.stepIndex !== from) return old;
        if (to >= guide.steps.length) return old;
        moved = { ...a, stepIndex: to, finished, targetFound: null, seq: nextSeq(a.seq) };
        return { ...old, active: moved };
      });
      const m = moved as NonNullable<TabState['active']> | null;
      if (m && guide && m.sessionId !== null && deps.progress) {
        await deps.progress.step(m.sessionId, guide, from, to, finished, m.mode);
      }
      // Moved, or a stale report (the guide moved meanwhile): either way the tab gets the state.
      await changed(tabId, s);
      return null;
    },

    async 'panel:open'(_data, ctx) {
      return { opened: await deps.openPanel(ctx.tabId!) };
    },

    async 'glossary:found'({ termIds }, ctx) {
      const tabId = ctx.tabId!;
      await tabs.update(tabId, (old) => ({ ...old, terms: [...new Set(termIds)] }));
      await deps.broadcast('tab:changed', { tabId }).catch(() => undefined);
      return null;
    },

    async 'glossary:terms'(_data, ctx) {
      const site = recognise(ctx.url ?? '', deps.allowPractice)?.site.id;
      return deps.glossary
        .filter((t) => site && t.sites.includes(site))
        .map(({ id, term, forms, acronyms, sites }) => ({ id, term, forms, acronyms, sites }));
    },

    async 'glossary:define'({ termId }) {
      const term = terms.get(termId);
      return term ? { term: term.term, definition: term.definition } : null;
    },

    async 'tab:get'({ tabId }) {
      return info(tabId, await tabs.get(tabId));
    },

    async 'guide:start'({ tabId, guideId, mode, stepIndex, resume }) {
      const guide = byId.get(guideId);
      if (!guide) throw new Error(`unknown guide ${guideId}`);
      const current = await tabs.get(tabId);
      const at = Math.min(stepIndex ?? 0, guide.steps.length - 1);
      const sessionId = deps.progress ? await deps.progress.start(guide, mode, at, resume) : null;
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
        },
      }));
      return changed(tabId, s);
    },

    async 'guide:goto'({ tabId, stepIndex }) {
      let guide: Guide | undefined;
      const s = await tabs.update(tabId, (old) => {
        const a = old.active;
        guide = a ? byId.get(a.guideId) : undefined;
        if (!a || !guide) return old;
        const to = Math.min(stepIndex, guide.steps.length - 1);
        return {
          ...old,
          active: { ...a, stepIndex: to, finished: false, targetFound: null, seq: nextSeq(a.seq) },
        };
      });
      const a = s.active;
      if (!a || !guide) throw new Error('no guide in this tab');
      if (a.sessionId !== null && deps.progress) {
        await deps.progress.step(a.sessionId, guide, a.stepIndex, a.stepIndex, false, a.mode);
      }
      return changed(tabId, s);
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
      if (s0.active.sessionId !== null && deps.progress)
        await deps.progress.mode(s0.active.sessionId, mode);
      return changed(tabId, s);
    },

    async 'step:how'({ tabId, stepId, how }) {
      const a = (await tabs.get(tabId)).active;
      const guide = a && byId.get(a.guideId);
      if (!a || !guide || a.sessionId === null || !deps.progress) return null;
      if (!guide.steps.some((st) => st.id === stepId)) throw new Error(`unknown step ${stepId}`);
      await deps.progress.how(a.sessionId, guide, stepId, how);
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
      return removed;
    },

    async 'data:cleanup'() {
      return needProgress().cleanup((await settings()).retentionDays);
    },

    async 'settings:get'() {
      return settings();
    },

    async 'settings:set'(change) {
      const next = { ...(await settings()) };
      for (const [k, v] of Object.entries(change))
        if (v !== undefined) Object.assign(next, { [k]: v });
      await deps.local.set('settings', next);
      if (change.retentionDays !== undefined && deps.progress)
        await deps.progress.cleanup(next.retentionDays);
      if (change.glossary !== undefined && deps.openTabs) {
        // Open pages follow the switch at once, without a reload.
        for (const tabId of await deps.openTabs()) {
          await deps.push(tabId, 'state:changed', {
            state: await activeState(await tabs.get(tabId)),
            glossary: next.glossary,
          });
        }
      }
      return next;
    },
  };

  return { handlers, tabs, settings };
}
