import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { DriftNotes } from '../../../core/authoring/drift';
import type { AuthorCommand } from '../../../core/authoring/types';
import { createBackground } from '../../../core/background/handlers';
import type { Guide } from '../../../core/guides/model';
import type { RequestData, RequestType } from '../../../core/messaging/protocol';
import type { Responses } from '../../../core/messaging/responses';
import { createRouter, type HandlerContext } from '../../../core/messaging/router';
import { PapDB } from '../../../core/progress/db';
import { ProgressService } from '../../../core/progress/service';
import { recognise } from '../../../core/sites/recognise';
import { memoryStore } from '../../support/memory-store';
import { uniqueName } from '../progress/helpers';

const TAB = 4;
const LOGIN = 'https://connect.caf.fr/connexionappli/dist/?x=1#/login';
const ORIGIN = 'chrome-extension://abc/';

const bundled: Guide = {
  id: 'caf-essai',
  site: 'caf',
  title: 'Essai',
  goal: 'Essayer.',
  prepare: [],
  start: 'https://connect.caf.fr/connexionappli/dist/#/login',
  source: 'https://www.caf.fr/',
  steps: [
    {
      id: 'choisir',
      title: 'Cliquez sur « Se connecter »',
      text: 'Le bouton.',
      action: 'click',
      target: [{ role: 'button', name: 'Se connecter' }],
    },
    { id: 'fin', title: 'Fini', text: 'Fini.', action: 'read' },
  ],
};
const preview: Guide = { ...bundled, id: 'essai-apercu', title: 'Aperçu' };

const opened: Dexie[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

function harness(authoringOn = true, session = memoryStore()) {
  const db = new PapDB(uniqueName());
  opened.push(db);
  const local = memoryStore();
  if (authoringOn) void local.set('settings', { authoring: true });
  const told: { tabId: number; command: AuthorCommand }[] = [];
  const injected: number[] = [];
  const bg = createBackground({
    guides: [bundled],
    glossary: [],
    session,
    local,
    allowPractice: true,
    push: async () => undefined,
    broadcast: async () => undefined,
    openPanel: async () => true,
    progress: new ProgressService(db),
    authoring: {
      version: '1.2.3',
      inject: async (tabId) => void injected.push(tabId),
      tell: async (tabId, command) => {
        told.push({ tabId, command });
        return command.type === 'author:probe'
          ? command.steps.map((s) => ({ stepId: s.stepId, status: 'missing' }))
          : null;
      },
      tabs: async () => [
        { tabId: TAB, url: LOGIN },
        { tabId: 9, url: 'https://example.org/' },
      ],
      drift: new DriftNotes(() => db.drift),
    },
  });
  const call = <K extends RequestType>(type: K, data: RequestData<K>, ctx: HandlerContext = {}) =>
    (bg.handlers[type] as (d: unknown, c: HandlerContext) => Promise<Responses[K]>)(data, ctx);
  const route = createRouter(bg.handlers, {
    extensionId: 'abc',
    extensionOrigin: ORIGIN,
    isSiteUrl: (url) => recognise(url, true) !== null,
  });
  return { bg, call, route, db, session, told, injected };
}

describe('the authoring requests', () => {
  it('take a guide from the authoring page only, checked with the model', async () => {
    const { route } = harness();
    const message = (guide: unknown) => ({
      pap: 1,
      type: 'authoring:preview',
      data: { tabId: TAB, guide },
    });
    const from = (page: string) => ({ id: 'abc', url: `${ORIGIN}${page}` });
    expect(await route(message(preview), from('sidepanel.html'))).toEqual({
      ok: false,
      error: 'refused: not the authoring page',
    });
    expect(await route(message(preview), { id: 'abc', url: LOGIN, tab: { id: TAB } })).toEqual({
      ok: false,
      error: 'refused: not the authoring page',
    });
    expect(await route(message({ ...preview, steps: [] }), from('authoring.html'))).toEqual({
      ok: false,
      error: 'invalid authoring:preview',
    });
    expect(await route(message(preview), from('authoring.html'))).toMatchObject({
      ok: true,
      value: { tabId: TAB, active: { guideId: 'essai-apercu', stepIndex: 0, sessionId: null } },
    });
  });

  it('hand the side panel the guide in preview, and nothing for another id', async () => {
    const { route } = harness();
    const panel = { id: 'abc', url: `${ORIGIN}sidepanel.html` };
    const ask = (guideId: string) => ({ pap: 1, type: 'guide:preview', data: { guideId } });
    expect(await route(ask('essai-apercu'), panel)).toEqual({ ok: true, value: null });
    await route(
      { pap: 1, type: 'authoring:preview', data: { tabId: TAB, guide: preview } },
      { id: 'abc', url: `${ORIGIN}authoring.html` },
    );
    expect(await route(ask('essai-apercu'), panel)).toEqual({ ok: true, value: preview });
    expect(await route(ask('caf-essai'), panel)).toEqual({ ok: true, value: null });
  });

  it('are refused while « Je rédige des guides » is off', async () => {
    const { call, injected } = harness(false);
    await expect(call('authoring:pick', { tabId: TAB })).rejects.toThrow('authoring is off');
    await expect(call('authoring:preview', { tabId: TAB, guide: preview })).rejects.toThrow(
      'authoring is off',
    );
    await expect(call('authoring:drift', {})).rejects.toThrow('authoring is off');
    expect(injected).toEqual([]);
  });

  it('inject the tools into a site tab only when asked', async () => {
    const { call, injected, told } = harness();
    await expect(call('authoring:pick', { tabId: 9 })).rejects.toThrow(
      'not a page of a known site',
    );
    await call('authoring:pick', { tabId: TAB });
    expect(injected).toEqual([TAB]);
    expect(told).toEqual([{ tabId: TAB, command: { type: 'author:pick' } }]);
    expect(await call('authoring:tabs', {})).toEqual([
      { tabId: TAB, site: 'caf', page: 'connect.caf.fr/connexionappli/dist/*#/login' },
    ]);
  });
});

describe('the preview', () => {
  it('runs in the tab without progress, and outlives a restart of the worker', async () => {
    const session = memoryStore();
    const first = harness(true, session);
    await first.call('authoring:preview', { tabId: TAB, guide: preview });
    expect(await first.db.sessions.count()).toBe(0);
    expect(await first.call('authoring:probe', { tabId: TAB })).toEqual([
      { stepId: 'choisir', status: 'missing' },
      { stepId: 'fin', status: 'missing' },
    ]);

    const again = harness(true, session);
    const moved = await again.call(
      'step:moved',
      { guideId: 'essai-apercu', from: 0, to: 1, finished: true },
      { tabId: TAB, url: LOGIN },
    );
    expect(moved.state).toMatchObject({ guide: { id: 'essai-apercu' }, stepIndex: 1 });
  });
});

describe('the recorder', () => {
  it('keeps the steps of the recording tab, one per field, and gives them on stop', async () => {
    const { call } = harness();
    await call('authoring:record', { tabId: TAB, on: true });
    const ctx = { tabId: TAB, url: LOGIN };
    const field = { kind: 'fill', target: [{ label: 'Mot de passe' }], name: 'Mot de passe' };
    await call('authoring:step', { ...field, kind: 'fill', appeared: true }, ctx);
    await call('authoring:step', { ...field, kind: 'fill', appeared: false }, ctx);
    await call(
      'authoring:step',
      { kind: 'click', target: [{ text: 'Ailleurs' }], name: 'Ailleurs', appeared: false },
      { tabId: 8, url: LOGIN },
    );
    const rec = await call('authoring:record', { tabId: TAB, on: false });
    expect(rec).toEqual({
      tabId: TAB,
      site: 'caf',
      startPage: 'connect.caf.fr/connexionappli/dist/*#/login',
      lastPage: 'connect.caf.fr/connexionappli/dist/*#/login',
      actions: [{ ...field, appeared: true, page: 'connect.caf.fr/connexionappli/dist/*#/login' }],
    });
    expect(await call('authoring:record', { tabId: TAB, on: false })).toBeNull();
  });
});

describe('drift notes', () => {
  it('note a bundled guide’s missing target once per step, by address pattern only', async () => {
    const { call } = harness();
    await call('guide:start', { tabId: TAB, guideId: 'caf-essai', mode: 'alone' });
    const ctx = { tabId: TAB, url: LOGIN };
    await call('step:found', { guideId: 'caf-essai', stepIndex: 0, found: false }, ctx);
    await call('step:found', { guideId: 'caf-essai', stepIndex: 0, found: false }, ctx);
    const notes = await call('authoring:drift', {});
    expect(notes).toEqual([
      expect.objectContaining({
        guideId: 'caf-essai',
        stepId: 'choisir',
        page: 'connect.caf.fr/connexionappli/dist/*#/login',
        version: '1.2.3',
        count: 1,
      }),
    ]);
    expect(await call('authoring:drift-clear', {})).toBe(1);
  });

  it('note a target found only by a later locator of its list', async () => {
    const { call } = harness();
    await call('guide:start', { tabId: TAB, guideId: 'caf-essai', mode: 'alone' });
    const ctx = { tabId: TAB, url: LOGIN };
    await call('step:found', { guideId: 'caf-essai', stepIndex: 0, found: true }, ctx);
    expect(await call('authoring:drift', {})).toEqual([]);
    await call(
      'step:found',
      { guideId: 'caf-essai', stepIndex: 0, found: true, fallback: true },
      ctx,
    );
    expect(await call('authoring:drift', {})).toEqual([
      expect.objectContaining({ stepId: 'choisir', kind: 'fallback', count: 1 }),
    ]);
  });

  it('leave a guide in preview alone', async () => {
    const { call } = harness();
    await call('authoring:preview', { tabId: TAB, guide: preview });
    await call(
      'step:found',
      { guideId: 'essai-apercu', stepIndex: 0, found: false },
      { tabId: TAB, url: LOGIN },
    );
    expect(await call('authoring:drift', {})).toEqual([]);
  });
});
