/**
 * The background's side of the authoring kit: it injects the authoring script into a tab only
 * when asked (the always-loaded in-page script stays as small as it was), keeps the recording
 * and the previewed guide in session storage (gone when the browser closes), and notes the
 * targets a running guide did not find. Every request is refused while « Je rédige des
 * guides » is off; drift notes are kept either way, since they hold nothing from the page.
 */
import { safeParse } from 'zod/mini';
import { GuideSchema, type Guide } from '../guides/model';
import type { KeyValueStore } from '../background/tab-state';
import type { HandlerContext } from '../messaging/router';
import type { RequestData } from '../messaging/protocol';
import type { Settings } from '../messaging/schemas';
import { recognise } from '../sites/recognise';
import { addressPattern } from './address';
import { MAX_ACTIONS } from './draft';
import type { Recording } from './types';
import type { DriftInput, DriftNote } from './drift';
import type { AuthorCommand, AuthoringTab, StepProbe } from './types';

export type { AuthorCommand };

export interface AuthoringDeps {
  session: KeyValueStore;
  allowPractice: boolean;
  version: string;
  settings(): Promise<Settings>;
  /** Injects the authoring script into the tab (it stays once per page). */
  inject(tabId: number): Promise<void>;
  /** Sends a command to the authoring script in the tab; resolves with its answer. */
  tell(tabId: number, command: AuthorCommand): Promise<unknown>;
  /** Open tabs and their addresses. */
  tabs(): Promise<{ tabId: number; url: string }[]>;
  drift?: {
    add(note: DriftInput): Promise<void>;
    list(): Promise<DriftNote[]>;
    clear(): Promise<number>;
  };
  /** Runs a guide in the tab (the usual guide start, the preview being known by then). */
  startGuide(tabId: number, guideId: string): Promise<unknown>;
}

const RECORDING = 'authoring:recording';
const PREVIEW = 'authoring:preview';

export function createAuthoring(deps: AuthoringDeps) {
  let preview: Guide | null = null;
  // A service worker that restarts finds the previewed guide again in session storage.
  const ready: Promise<void> = deps.session
    .get(PREVIEW)
    .then((stored) => {
      const read = safeParse(GuideSchema, stored);
      if (read.success) preview = read.data;
    })
    .catch(() => undefined);

  async function allowed(): Promise<void> {
    if (!(await deps.settings()).authoring) throw new Error('authoring is off');
  }

  function pageOf(url: string | undefined): { site: AuthoringTab['site']; page: string } | null {
    const rec = recognise(url ?? '', deps.allowPractice);
    return rec ? { site: rec.site.id, page: addressPattern(rec.url) } : null;
  }

  async function recording(): Promise<Recording | null> {
    const r = (await deps.session.get(RECORDING)) as Recording | undefined;
    return r && typeof r === 'object' && Array.isArray(r.actions) ? r : null;
  }

  async function siteTab(tabId: number) {
    const tab = (await deps.tabs()).find((t) => t.tabId === tabId);
    const where = pageOf(tab?.url);
    if (!where) throw new Error('not a page of a known site');
    return where;
  }

  const handlers = {
    async 'authoring:step'(data: RequestData<'authoring:step'>, ctx: HandlerContext) {
      const r = await recording();
      const where = pageOf(ctx.url);
      if (!r || r.tabId !== ctx.tabId || !where || r.actions.length >= MAX_ACTIONS) return null;
      const last = r.actions.at(-1);
      // Moving through a field twice in a row is one step.
      if (
        last?.kind === 'fill' &&
        data.kind === 'fill' &&
        last.page === where.page &&
        JSON.stringify(last.target) === JSON.stringify(data.target)
      ) {
        return null;
      }
      r.actions.push({ ...data, page: where.page });
      r.lastPage = where.page;
      await deps.session.set(RECORDING, r);
      return null;
    },

    async 'authoring:tabs'() {
      await allowed();
      const out: AuthoringTab[] = [];
      for (const t of await deps.tabs()) {
        const where = pageOf(t.url);
        if (where) out.push({ tabId: t.tabId, ...where });
      }
      return out;
    },

    async 'authoring:pick'({ tabId }: RequestData<'authoring:pick'>) {
      await allowed();
      await siteTab(tabId);
      await deps.inject(tabId);
      await deps.tell(tabId, { type: 'author:pick' });
      return null;
    },

    async 'authoring:record'({ tabId, on }: RequestData<'authoring:record'>) {
      await allowed();
      if (!on) {
        const r = await recording();
        await deps.session.remove(RECORDING);
        if (r) await deps.tell(r.tabId, { type: 'author:record', on: false }).catch(() => null);
        return r;
      }
      const where = await siteTab(tabId);
      const r: Recording = {
        tabId,
        site: where.site,
        startPage: where.page,
        lastPage: where.page,
        actions: [],
      };
      await deps.session.set(RECORDING, r);
      await deps.inject(tabId);
      await deps.tell(tabId, { type: 'author:record', on: true });
      return null;
    },

    async 'authoring:preview'({ tabId, guide }: RequestData<'authoring:preview'>) {
      await allowed();
      await ready;
      preview = guide;
      await deps.session.set(PREVIEW, guide);
      return deps.startGuide(tabId, guide.id);
    },

    async 'authoring:probe'({ tabId }: RequestData<'authoring:probe'>) {
      await allowed();
      await ready;
      if (!preview) throw new Error('no guide in preview');
      const steps = preview.steps.map((s) => ({ stepId: s.id, target: s.target ?? [] }));
      await deps.inject(tabId);
      return (await deps.tell(tabId, { type: 'author:probe', steps })) as StepProbe[];
    },

    async 'authoring:drift'() {
      await allowed();
      return deps.drift ? deps.drift.list() : [];
    },

    async 'authoring:drift-clear'() {
      await allowed();
      return deps.drift ? deps.drift.clear() : 0;
    },
  };

  return {
    handlers,
    ready,
    /** The previewed guide when it has this id (it stands in for a bundled one meanwhile). */
    preview(id: string): Guide | undefined {
      return preview?.id === id ? preview : undefined;
    },

    /** A tab's page loaded: a recording tab gets its recorder back, and its last address. */
    async pageLoaded(tabId: number, url: string | undefined): Promise<void> {
      const r = await recording();
      if (!r || r.tabId !== tabId) return;
      const where = pageOf(url);
      if (where && where.page !== r.lastPage) {
        r.lastPage = where.page;
        await deps.session.set(RECORDING, r);
      }
      if (!where) return;
      await deps.inject(tabId);
      await deps.tell(tabId, { type: 'author:record', on: true });
    },

    /**
     * A running guide's target was not found, or only by a later locator of its list: a note
     * for the guides' maintainers.
     */
    async missing(
      guideId: string,
      stepId: string,
      url: string | undefined,
      kind: DriftNote['kind'] = 'missing',
    ): Promise<void> {
      const where = pageOf(url);
      if (!deps.drift || !where || preview?.id === guideId) return;
      await deps.drift.add({ guideId, stepId, page: where.page, version: deps.version, kind });
    },
  };
}

export type Authoring = ReturnType<typeof createAuthoring>;
