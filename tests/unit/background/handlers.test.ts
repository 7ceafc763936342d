import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createBackground, type BackgroundDeps } from '../../../core/background/handlers';
import { ProgressService } from '../../../core/progress/service';
import type { KeyValueStore } from '../../../core/background/tab-state';
import { memoryStore } from '../../support/memory-store';
import { loadGlossaryDir } from '../../../tools/glossary/load-fs';
import type { GlossaryTerm } from '../../../core/glossary/types';
import { loadGuidesFromDir } from '../../../tools/guides/load-fs';
import type { Guide } from '../../../core/guides/types';
import { PapDB } from '../../../core/progress/db';
import type {
  PushData,
  PushType,
  RequestData,
  RequestType,
} from '../../../core/messaging/protocol';
import type { HandlerContext } from '../../../core/messaging/router';
import { DEFAULT_SETTINGS, type Responses } from '../../../core/messaging/responses';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const DECL = 'caf-declaration-trimestrielle';
const ATTEST = 'caf-attestation-paiement';
const TAB = 7;

let guides: Guide[];
let glossary: GlossaryTerm[];

beforeAll(async () => {
  const loaded = loadGuidesFromDir(path.join(ROOT, 'guides'));
  expect(loaded.diagnostics).toEqual([]);
  guides = loaded.guides;
  const g = await loadGlossaryDir(path.join(ROOT, 'guides/glossary'));
  expect(g.diagnostics).toEqual([]);
  glossary = g.terms;
});

const openDbs: PapDB[] = [];
afterEach(async () => {
  await Promise.all(openDbs.splice(0).map((db) => db.delete()));
});

function newDb(): PapDB {
  const db = new PapDB(`pap-core-${Math.random().toString(36).slice(2)}`);
  openDbs.push(db);
  return db;
}

/** storage.session / storage.local as the background sees them, kept in memory. */
/** A store whose reads and writes take a while, so interleaved updates would show. */
function slowStore(ms = 5): KeyValueStore & { data: Map<string, unknown> } {
  const inner = memoryStore();
  const wait = () => new Promise((r) => setTimeout(r, ms));
  return {
    data: inner.data,
    get: async (k) => {
      await wait();
      return inner.get(k);
    },
    set: async (k, v) => {
      await wait();
      await inner.set(k, v);
    },
    remove: (k) => inner.remove(k),
  };
}

/** A handler called as the router would, with its reply typed. */
type Call = <K extends RequestType>(
  type: K,
  data: RequestData<K>,
  ctx: HandlerContext,
) => Promise<Responses[K]>;

interface Harness {
  bg: ReturnType<typeof createBackground>;
  call: Call;
  pushes: { tabId: number; type: PushType; data: PushData<PushType> }[];
  broadcasts: { type: PushType; data: PushData<PushType> }[];
  session: KeyValueStore & { data: Map<string, unknown> };
  local: KeyValueStore & { data: Map<string, unknown> };
  progress?: ProgressService;
}

function harness(
  over: Partial<Pick<BackgroundDeps, 'session' | 'local' | 'progress' | 'openTabs'>> & {
    session?: KeyValueStore & { data: Map<string, unknown> };
    local?: KeyValueStore & { data: Map<string, unknown> };
  } = {},
): Harness {
  const session = over.session ?? memoryStore();
  const local = over.local ?? memoryStore();
  const pushes: Harness['pushes'] = [];
  const broadcasts: Harness['broadcasts'] = [];
  const bg = createBackground({
    guides,
    glossary,
    session,
    local,
    allowPractice: true,
    push: async (tabId, type, data) => void pushes.push({ tabId, type, data }),
    broadcast: async (type, data) => void broadcasts.push({ type, data }),
    openPanel: async () => true,
    openTabs: over.openTabs,
    progress: over.progress,
  });
  const call: Call = (type, data, ctx) =>
    (bg.handlers[type] as (d: unknown, c: HandlerContext) => Promise<never>)(data, ctx);
  return { bg, call, pushes, broadcasts, session, local, progress: over.progress };
}

const onPage = (url: string, tabId = TAB) => ({ tabId, url });

/** The last guide state pushed to a tab's content script. */
function lastState(x: Harness, tabId = TAB) {
  const p = x.pushes.filter((e) => e.tabId === tabId && e.type === 'state:changed').at(-1);
  return p ? (p.data as PushData<'state:changed'>).state : undefined;
}

describe('page:seen', () => {
  it('recognises the site and suggests the guide whose first step matches the page', async () => {
    const x = harness();
    const reply = await x.call(
      'page:seen',
      { href: 'https://www.caf.fr/' },
      onPage('https://www.caf.fr/'),
    );
    expect(reply.state).toBeNull();
    expect(reply.glossary).toBe(true);
    expect(reply.language).toBe('fr');
    const decl = guides.find((g) => g.id === DECL)!;
    expect(reply.offer).toEqual({ guides: [{ id: DECL, title: decl.title }], resume: false });
    const tab = await x.call('tab:get', { tabId: TAB }, {});
    expect(tab).toMatchObject({ tabId: TAB, siteId: 'caf', suggested: [DECL], active: null });
    // The panel gets the tab's new state with the news.
    expect(x.broadcasts).toEqual([{ type: 'tab:changed', data: tab }]);
  });

  it('orders suggestions by how early the page comes in each guide', async () => {
    const x = harness();
    const href = 'https://connect.caf.fr/connexionappli/dist/?contexteAppel=caffr#/login';
    await x.call('page:seen', { href }, onPage(href));
    // The attestation guide starts on the login page; the declaration reaches it at step 2.
    expect((await x.bg.tabs.get(TAB)).suggested).toEqual([ATTEST, DECL]);
  });

  it('maps practice addresses back to the real site', async () => {
    const x = harness();
    const href = 'http://localhost:5173/www.impots.gouv.fr/accueil';
    await x.call('page:seen', { href }, onPage(href));
    const tab = await x.bg.tabs.get(TAB);
    expect(tab.siteId).toBe('impots');
    expect(tab.suggested).toContain('impots-declarer-revenus');
  });

  it('keeps the site and the suggested guides, never the address (a path can hold an id)', async () => {
    const x = harness();
    const href = 'https://wwwd.caf.fr/wps/myportal/caffr/dossier/4417235?page=3#courrier-98';
    await x.call('page:seen', { href }, onPage(href));
    expect(await x.bg.tabs.get(TAB)).toMatchObject({ siteId: 'caf' });
    const stored = JSON.stringify([...x.session.data.values()]);
    for (const part of ['wwwd', 'myportal', 'dossier', '4417235', 'page=3', 'courrier'])
      expect(stored).not.toContain(part);
  });

  it('keeps the site the person came from on FranceConnect pages', async () => {
    const x = harness();
    await x.call(
      'page:seen',
      { href: 'https://www.impots.gouv.fr/accueil' },
      onPage('https://www.impots.gouv.fr/accueil'),
    );
    const fc = 'https://app.franceconnect.gouv.fr/api/v2/interaction/abc?client=impots';
    await x.call('page:seen', { href: fc }, onPage(fc));
    expect((await x.bg.tabs.get(TAB)).siteId).toBe('impots');
  });

  it('offers to resume an unfinished session of the site without saying which or where', async () => {
    const db = newDb();
    const progress = new ProgressService(db);
    const x = harness({ progress });
    const decl = guides.find((g) => g.id === DECL)!;
    await progress.start(decl, 'aidant', 3);
    const reply = await x.call(
      'page:seen',
      { href: 'https://www.caf.fr/' },
      onPage('https://www.caf.fr/'),
    );
    // The page's scripts can read this reply: a yes, and nothing from the session.
    expect(reply.offer).toEqual({ guides: [], resume: true });
    const wire = JSON.stringify(reply);
    for (const secret of [decl.id, decl.title, ...decl.steps.map((s) => s.title), 'stepNumber'])
      expect(wire).not.toContain(secret);
    // The panel reads which procedure and where from progress itself.
    const { sessions } = await x.call('progress:active', {}, {});
    expect(sessions).toMatchObject([{ guideId: DECL, stepIndex: 3 }]);
    // Not on another site: there, the site's guides to start.
    const other = await x.call(
      'page:seen',
      { href: 'https://www.ameli.fr/assure' },
      onPage('https://www.ameli.fr/assure', TAB + 1),
    );
    expect(other.offer?.resume).toBe(false);
    expect(other.offer?.guides.length).toBeGreaterThan(0);
  });

  it('gives the running guide state instead of an offer', async () => {
    const x = harness();
    await x.call('page:seen', { href: 'https://www.caf.fr/' }, onPage('https://www.caf.fr/'));
    await x.call('guide:start', { tabId: TAB, guideId: DECL, mode: 'alone' }, {});
    const reply = await x.call(
      'page:seen',
      { href: 'https://www.caf.fr/' },
      onPage('https://www.caf.fr/'),
    );
    expect(reply.offer).toBeNull();
    expect(reply.state).toMatchObject({
      guide: { id: DECL, site: 'caf' },
      stepIndex: 0,
      finished: false,
    });
    // A new page resets what the page reported about the target.
    await x.call(
      'step:found',
      { guideId: DECL, stepIndex: 0, found: false },
      onPage('https://www.caf.fr/'),
    );
    expect((await x.bg.tabs.get(TAB)).active?.targetFound).toBe(false);
    await x.call('page:seen', { href: 'https://www.caf.fr/x' }, onPage('https://www.caf.fr/x'));
    expect((await x.bg.tabs.get(TAB)).active?.targetFound).toBeNull();
  });
});

describe('guide steps', () => {
  it('guide:start then step:moved advances, answers the page with the state, tells the panel', async () => {
    const x = harness();
    const started = await x.call('guide:start', { tabId: TAB, guideId: DECL, mode: 'alone' }, {});
    expect(started.active).toMatchObject({
      guideId: DECL,
      stepIndex: 0,
      finished: false,
      mode: 'alone',
    });
    expect(lastState(x)).toMatchObject({ stepIndex: 0, guide: { id: DECL } });
    const seq0 = started.active!.seq;

    x.pushes.length = 0;
    x.broadcasts.length = 0;
    const reply = await x.call(
      'step:moved',
      { guideId: DECL, from: 0, to: 1, finished: false },
      onPage('https://www.caf.fr/'),
    );
    const s = await x.bg.tabs.get(TAB);
    expect(s.active).toMatchObject({ stepIndex: 1, finished: false, targetFound: null });
    expect(s.active!.seq).toBeGreaterThan(seq0);
    // The page has the new state in the answer: no push, no echo to wait for.
    expect(reply).toMatchObject({ state: { stepIndex: 1, seq: s.active!.seq }, glossary: true });
    expect(reply.language).toBe('fr');
    expect(x.pushes).toEqual([]);
    expect(x.broadcasts).toEqual([
      { type: 'tab:changed', data: await x.call('tab:get', { tabId: TAB }, {}) },
    ]);
  });

  it('pushes the guide with its steps, site and title for the page', async () => {
    const x = harness();
    await x.call(
      'guide:start',
      { tabId: TAB, guideId: 'impots-declarer-revenus', mode: 'alone', stepIndex: 4 },
      {},
    );
    const state = lastState(x)!;
    expect(state.guide.site).toBe('impots');
    expect(state.stepIndex).toBe(4);
    // Included FranceConnect steps are part of the guide.
    expect(state.guide.steps.map((s) => s.id)).toContain('franceconnect-connexion.choisir-compte');
  });

  it('remembers the optional steps entered, for « Étape N sur M », in the page and the panel', async () => {
    const x = harness();
    const g = guides.find((x) => x.id === DECL)!;
    const at = (id: string) => g.steps.findIndex((s) => s.id === id);
    await x.call('guide:start', { tabId: TAB, guideId: DECL, mode: 'alone' }, {});
    expect(lastState(x)).not.toHaveProperty('entered');
    const login = 'https://connect.caf.fr/connexionappli/dist/#/login';
    for (const [from, to] of [
      [0, at('choisir-connexion')],
      [at('choisir-connexion'), at('numero')],
      [at('numero'), at('mot-de-passe')],
      [at('mot-de-passe'), at('se-connecter')],
      // Logged in without a code, not through FranceConnect: those steps are not entered.
      [at('se-connecter'), at('ouvrir-mes-ressources')],
    ] as const) {
      const reply = await x.call(
        'step:moved',
        { guideId: DECL, from, to, finished: false },
        onPage(login),
      );
      expect(reply.state?.stepIndex).toBe(to);
    }
    const entered = [at('numero'), at('mot-de-passe'), at('se-connecter')];
    expect((await x.bg.tabs.get(TAB)).active?.entered).toEqual(entered);
    const info = await x.call('tab:get', { tabId: TAB }, {});
    expect(info.active?.entered).toEqual(entered);
    const seen = await x.call('page:seen', { href: login }, onPage(login));
    expect(seen.state?.entered).toEqual(entered);
    // The panel's « Étape précédente » enters an optional step too.
    await x.call('guide:goto', { tabId: TAB, stepIndex: at('code') }, {});
    expect((await x.bg.tabs.get(TAB)).active?.entered).toEqual(
      [...entered, at('code')].sort((a, b) => a - b),
    );
    // A new start forgets them (started at an optional step: that one is entered).
    await x.call(
      'guide:start',
      { tabId: TAB, guideId: DECL, mode: 'alone', stepIndex: at('numero') },
      {},
    );
    expect(lastState(x)?.entered).toEqual([at('numero')]);
  });

  it('a finished guide stays with its site, and never follows the person to another one', async () => {
    const x = harness();
    const g = guides.find((x) => x.id === ATTEST)!;
    const last = g.steps.length - 1;
    const home =
      'https://wwwd.caf.fr/wps/myportal/caffr/moncompte/mesattestations/attestationdepaiement';
    await x.call('page:seen', { href: home }, onPage(home));
    await x.call(
      'guide:start',
      { tabId: TAB, guideId: ATTEST, mode: 'alone', stepIndex: last },
      {},
    );
    const done = await x.call(
      'step:moved',
      { guideId: ATTEST, from: last, to: last, finished: true },
      onPage(home),
    );
    expect(done.state).toMatchObject({ stepIndex: last, finished: true });
    // Another page of the same site: the panel still shows the end.
    const other = 'https://www.caf.fr/';
    let seen = await x.call('page:seen', { href: other }, onPage(other));
    expect(seen.state).toMatchObject({ finished: true });
    // Another site: the finished guide is left behind, and that site's guides are offered.
    const ameli = 'https://www.ameli.fr/assure';
    seen = await x.call('page:seen', { href: ameli }, onPage(ameli));
    expect(seen.state).toBeNull();
    expect(seen.offer?.guides.map((o) => o.id)).toContain('ameli-attestation-droits');
    expect((await x.call('tab:get', { tabId: TAB }, {})).active).toBeNull();
  });

  it('a running guide follows the person through FranceConnect and back', async () => {
    const x = harness();
    const home = 'https://www.impots.gouv.fr/accueil';
    await x.call('page:seen', { href: home }, onPage(home));
    await x.call('guide:start', { tabId: TAB, guideId: 'impots-avis-impot', mode: 'alone' }, {});
    const fc = 'https://app.franceconnect.gouv.fr/api/v2/interaction/demo?client=impots';
    const seen = await x.call('page:seen', { href: fc }, onPage(fc));
    expect(seen.state).toMatchObject({ guide: { id: 'impots-avis-impot' }, finished: false });
  });

  it('ignores a late step:moved and answers with the current state', async () => {
    const x = harness();
    await x.call('guide:start', { tabId: TAB, guideId: DECL, mode: 'alone' }, {});
    await x.call(
      'step:moved',
      { guideId: DECL, from: 0, to: 1, finished: false },
      onPage('https://www.caf.fr/'),
    );
    const before = await x.bg.tabs.get(TAB);
    const reply = await x.call(
      'step:moved',
      { guideId: DECL, from: 0, to: 3, finished: false },
      onPage('https://www.caf.fr/'),
    );
    const after = await x.bg.tabs.get(TAB);
    expect(after).toEqual(before);
    expect(reply.state).toMatchObject({ stepIndex: 1, seq: before.active!.seq });

    // Another guide's report, or a step past the end, is ignored too.
    await x.call(
      'step:moved',
      { guideId: ATTEST, from: 1, to: 2, finished: false },
      onPage('https://www.caf.fr/'),
    );
    await x.call(
      'step:moved',
      { guideId: DECL, from: 1, to: 99, finished: false },
      onPage('https://www.caf.fr/'),
    );
    expect(await x.bg.tabs.get(TAB)).toEqual(before);
  });

  it('never loses one of two changes made to a tab at the same time', async () => {
    const x = harness({ session: slowStore() });
    await x.call('guide:start', { tabId: TAB, guideId: DECL, mode: 'alone' }, {});
    const ctx = onPage('https://www.caf.fr/');
    await Promise.all([
      x.call('glossary:found', { termIds: ['allocataire', 'rsa', 'allocataire'] }, ctx),
      x.call('step:moved', { guideId: DECL, from: 0, to: 1, finished: false }, ctx),
      x.call('step:found', { guideId: DECL, stepIndex: 1, found: true }, ctx),
    ]);
    const s = await x.bg.tabs.get(TAB);
    expect(s.terms).toEqual(['allocataire', 'rsa']);
    expect(s.active).toMatchObject({ stepIndex: 1, targetFound: true });

    // And the other way round.
    await Promise.all([
      x.call('step:moved', { guideId: DECL, from: 1, to: 2, finished: false }, ctx),
      x.call('glossary:found', { termIds: ['prime-activite'] }, ctx),
    ]);
    const s2 = await x.bg.tabs.get(TAB);
    expect(s2.terms).toEqual(['prime-activite']);
    expect(s2.active?.stepIndex).toBe(2);
  });

  it('guide:goto moves to a step (within the guide) and says so', async () => {
    const x = harness();
    await x.call('guide:start', { tabId: TAB, guideId: DECL, mode: 'alone' }, {});
    x.pushes.length = 0;
    const info = await x.call('guide:goto', { tabId: TAB, stepIndex: 3 }, {});
    expect(info.active?.stepIndex).toBe(3);
    expect(lastState(x)?.stepIndex).toBe(3);
    const last = guides.find((g) => g.id === DECL)!.steps.length - 1;
    expect((await x.call('guide:goto', { tabId: TAB, stepIndex: 400 }, {})).active?.stepIndex).toBe(
      last,
    );
    await expect(x.call('guide:goto', { tabId: TAB + 1, stepIndex: 1 }, {})).rejects.toThrow(
      'no guide in this tab',
    );
  });

  it('guide:stop ends the guide and tells the page', async () => {
    const x = harness();
    await x.call('guide:start', { tabId: TAB, guideId: DECL, mode: 'alone' }, {});
    const info = await x.call('guide:stop', { tabId: TAB }, {});
    expect(info.active).toBeNull();
    expect(x.pushes.at(-1)).toEqual({
      tabId: TAB,
      type: 'state:changed',
      data: { state: null, glossary: true, language: 'fr', textSize: 100, everydayWords: false },
    });
  });

  it('refuses an unknown guide', async () => {
    const x = harness();
    await expect(
      x.call('guide:start', { tabId: TAB, guideId: 'no-such-guide', mode: 'alone' }, {}),
    ).rejects.toThrow('unknown guide no-such-guide');
  });

  it('goes on after a service worker restart (same stores, new background)', async () => {
    const session = memoryStore();
    const local = memoryStore();
    const db = newDb();
    const first = harness({ session, local, progress: new ProgressService(db) });
    await first.call('guide:start', { tabId: TAB, guideId: DECL, mode: 'alone' }, {});
    await first.call(
      'step:moved',
      { guideId: DECL, from: 0, to: 1, finished: false },
      onPage('https://www.caf.fr/'),
    );
    const before = (await first.bg.tabs.get(TAB)).active!;

    const second = harness({ session, local, progress: new ProgressService(db) });
    expect((await second.call('tab:get', { tabId: TAB }, {})).active).toEqual(before);
    const href = 'https://connect.caf.fr/connexionappli/dist/#/login';
    const seen = await second.call('page:seen', { href }, onPage(href));
    expect(seen.state).toMatchObject({ guide: { id: DECL }, stepIndex: 1 });
    const moved = await second.call(
      'step:moved',
      { guideId: DECL, from: 1, to: 2, finished: false },
      onPage(href),
    );
    const after = (await second.bg.tabs.get(TAB)).active!;
    expect(after.stepIndex).toBe(2);
    expect(after.seq).toBeGreaterThan(before.seq);
    expect(after.sessionId).toBe(before.sessionId);
    expect(moved.state?.stepIndex).toBe(2);
    // The same session record moved on.
    const session1 = await db.sessions.get(before.sessionId!);
    expect(session1).toMatchObject({ stepIndex: 2, stepId: 'numero', status: 'active' });
  });
});

describe('progress recorded while a guide runs', () => {
  it('records the steps passed alone as "alone" step events', async () => {
    const db = newDb();
    const x = harness({ progress: new ProgressService(db) });
    const info = await x.call('guide:start', { tabId: TAB, guideId: DECL, mode: 'alone' }, {});
    const sessionId = info.active!.sessionId!;
    expect(sessionId).toBeGreaterThan(0);
    const ctx = onPage('https://www.caf.fr/');
    await x.call('step:moved', { guideId: DECL, from: 0, to: 2, finished: false }, ctx);
    const events = await db.stepEvents.where('sessionId').equals(sessionId).toArray();
    expect(events.map((e) => [e.stepId, e.how])).toEqual([
      ['ouvrir-mon-compte', 'alone'],
      ['choisir-connexion', 'alone'],
    ]);
    expect(await db.sessions.get(sessionId)).toMatchObject({ stepIndex: 2, status: 'active' });

    // The last step, finished: the session is done.
    const last = guides.find((g) => g.id === DECL)!.steps.length - 1;
    await x.call('step:moved', { guideId: DECL, from: 2, to: last, finished: true }, ctx);
    expect(await db.sessions.get(sessionId)).toMatchObject({ stepIndex: last, status: 'done' });
  });

  it('records nothing by itself with an aidant (the aidant says how it went)', async () => {
    const db = newDb();
    const x = harness({ progress: new ProgressService(db) });
    await x.call('guide:start', { tabId: TAB, guideId: DECL, mode: 'aidant' }, {});
    await x.call(
      'step:moved',
      { guideId: DECL, from: 0, to: 1, finished: false },
      onPage('https://www.caf.fr/'),
    );
    expect(await db.stepEvents.count()).toBe(0);
    await x.call('step:how', { tabId: TAB, stepId: 'ouvrir-mon-compte', how: 'help' }, {});
    expect((await db.stepEvents.toArray()).map((e) => e.how)).toEqual(['help']);
  });

  it('note:add refuses a social security number with its message and stores nothing', async () => {
    const db = newDb();
    const x = harness({ progress: new ProgressService(db) });
    const refused = await x.call(
      'note:add',
      { guideId: DECL, text: 'Son numéro : 184127512345678' },
      {},
    );
    // A reason, not words: the page says it in the person's language.
    expect(refused).toEqual({ ok: false, kind: 'nir' });
    const spaced = await x.call('note:add', { guideId: DECL, text: '1 84 12 75 123 456 78' }, {});
    expect(spaced).toMatchObject({ ok: false, kind: 'nir' });
    expect(await db.notes.count()).toBe(0);
    // An everyday note is kept, tied to the running session.
    const info = await x.call('guide:start', { tabId: TAB, guideId: DECL, mode: 'aidant' }, {});
    const ok = await x.call(
      'note:add',
      {
        guideId: DECL,
        tabId: TAB,
        stepId: 'se-connecter',
        text: 'Mot de passe rangé dans le carnet bleu.',
      },
      {},
    );
    expect(ok).toMatchObject({ ok: true });
    const notes = await db.notes.toArray();
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ sessionId: info.active!.sessionId, stepId: 'se-connecter' });
  });
});

describe('a progress write that fails never stops the guide', () => {
  /** A store that records the start, then fails every write (a full disk, a Dexie error). */
  class FailingWrites extends ProgressService {
    override async step(): Promise<void> {
      throw new Error('QuotaExceededError');
    }
    override async how(): Promise<void> {
      throw new Error('QuotaExceededError');
    }
    override async mode(): Promise<void> {
      throw new Error('QuotaExceededError');
    }
  }

  it('goes on unrecorded when a step cannot be written', async () => {
    const x = harness({ progress: new FailingWrites(newDb()) });
    const started = await x.call('guide:start', { tabId: TAB, guideId: DECL, mode: 'alone' }, {});
    expect(started.active!.sessionId).toBeGreaterThan(0);
    x.broadcasts.length = 0;
    const ctx = onPage('https://www.caf.fr/');
    const reply = await x.call(
      'step:moved',
      { guideId: DECL, from: 0, to: 1, finished: false },
      ctx,
    );
    // The page moves on, and the tab forgets its session: nothing more is written for it.
    expect(reply.state?.stepIndex).toBe(1);
    expect((await x.bg.tabs.get(TAB)).active).toMatchObject({ stepIndex: 1, sessionId: null });
    expect(x.broadcasts.at(-1)?.data).toMatchObject({ active: { stepIndex: 1, sessionId: null } });
    const next = await x.call(
      'step:moved',
      { guideId: DECL, from: 1, to: 2, finished: false },
      ctx,
    );
    expect(next.state?.stepIndex).toBe(2);
  });

  it('goes on unrecorded when the aidant’s marks, a jump or the mode cannot be written', async () => {
    for (const change of [
      (x: Harness) =>
        x.call('step:how', { tabId: TAB, stepId: 'ouvrir-mon-compte', how: 'help' }, {}),
      (x: Harness) => x.call('guide:goto', { tabId: TAB, stepIndex: 2 }, {}),
      (x: Harness) => x.call('guide:mode', { tabId: TAB, mode: 'alone' }, {}),
    ]) {
      const x = harness({ progress: new FailingWrites(newDb()) });
      await x.call('guide:start', { tabId: TAB, guideId: DECL, mode: 'aidant' }, {});
      await expect(change(x)).resolves.not.toThrow();
      expect((await x.bg.tabs.get(TAB)).active).toMatchObject({ guideId: DECL, sessionId: null });
    }
  });

  it('starts a guide, unrecorded, when the database cannot even open', async () => {
    const db = newDb();
    db.close();
    const x = harness({ progress: new ProgressService(db) });
    // The offer to resume needs the database: the page still gets its answer.
    const seen = await x.call(
      'page:seen',
      { href: 'https://www.caf.fr/' },
      onPage('https://www.caf.fr/'),
    );
    expect(seen.offer?.guides.map((g) => g.id)).toEqual([DECL]);
    const started = await x.call('guide:start', { tabId: TAB, guideId: DECL, mode: 'alone' }, {});
    expect(started.active).toMatchObject({ guideId: DECL, stepIndex: 0, sessionId: null });
    expect(lastState(x)?.stepIndex).toBe(0);
  });

  it('after « Tout effacer », running guides go on without their erased session', async () => {
    const db = newDb();
    const x = harness({ progress: new ProgressService(db), openTabs: async () => [TAB, TAB + 1] });
    await x.call('guide:start', { tabId: TAB, guideId: DECL, mode: 'alone' }, {});
    x.broadcasts.length = 0;
    await x.call('data:erase', { confirm: 'EFFACER' }, {});
    // The panel hears at once that the guide is no longer recorded.
    expect(x.broadcasts).toEqual([
      { type: 'tab:changed', data: await x.call('tab:get', { tabId: TAB }, {}) },
    ]);
    expect((await x.bg.tabs.get(TAB)).active?.sessionId).toBeNull();
    const ctx = onPage('https://www.caf.fr/');
    const reply = await x.call(
      'step:moved',
      { guideId: DECL, from: 0, to: 2, finished: false },
      ctx,
    );
    expect(reply.state?.stepIndex).toBe(2);
    // Nothing comes back into the erased database.
    expect([await db.sessions.count(), await db.stepEvents.count()]).toEqual([0, 0]);
  });

  it('after « Tout effacer » from a tab the background did not list, the next write lets go', async () => {
    const db = newDb();
    const x = harness({ progress: new ProgressService(db) });
    await x.call('guide:start', { tabId: TAB, guideId: DECL, mode: 'aidant' }, {});
    await x.call('data:erase', { confirm: 'EFFACER' }, {});
    const ctx = onPage('https://www.caf.fr/');
    const reply = await x.call(
      'step:moved',
      { guideId: DECL, from: 0, to: 1, finished: false },
      ctx,
    );
    expect(reply.state?.stepIndex).toBe(1);
    expect((await x.bg.tabs.get(TAB)).active).toMatchObject({ stepIndex: 1, sessionId: null });
    expect(await db.sessions.count()).toBe(0);
  });
});

describe('step:found', () => {
  it('tells the panel only when « not found » appears or goes', async () => {
    const x = harness();
    await x.call('guide:start', { tabId: TAB, guideId: DECL, mode: 'alone' }, {});
    const ctx = onPage('https://www.caf.fr/');
    const found = (f: boolean) =>
      x.call('step:found', { guideId: DECL, stepIndex: 0, found: f }, ctx);
    x.broadcasts.length = 0;
    await found(true);
    expect(x.broadcasts).toEqual([]);
    await found(false);
    expect(x.broadcasts.at(-1)?.data).toMatchObject({ active: { targetFound: false } });
    await found(true);
    expect(x.broadcasts.at(-1)?.data).toMatchObject({ active: { targetFound: true } });
    expect(x.broadcasts).toHaveLength(2);
  });
});

describe('settings', () => {
  it('gives the defaults, then keeps a change in the local store', async () => {
    const x = harness();
    expect(await x.call('settings:get', {}, {})).toEqual(DEFAULT_SETTINGS);
    const next = await x.call('settings:set', { textSize: 150, glossary: false }, {});
    expect(next).toEqual({ ...DEFAULT_SETTINGS, textSize: 150, glossary: false });
    expect(x.local.data.get('settings')).toEqual(next);
    // A later change keeps the earlier one.
    await x.call('settings:set', { language: 'en' }, {});
    expect(await x.call('settings:get', {}, {})).toEqual({
      ...DEFAULT_SETTINGS,
      textSize: 150,
      glossary: false,
      language: 'en',
    });
  });

  it('any change reaches every open page at once, in the new language', async () => {
    const seenTabs = [TAB, TAB + 1];
    const x = harness({ openTabs: async () => [...seenTabs, 99] });
    for (const tabId of seenTabs)
      await x.call(
        'page:seen',
        { href: 'https://www.caf.fr/' },
        onPage('https://www.caf.fr/', tabId),
      );
    await x.call('guide:start', { tabId: TAB, guideId: DECL, mode: 'alone' }, {});
    x.pushes.length = 0;
    x.broadcasts.length = 0;
    const next = await x.call('settings:set', { language: 'en' }, {});
    // The extension pages get all the settings; each site page its guide, already in English.
    expect(x.broadcasts).toEqual([{ type: 'settings:changed', data: next }]);
    expect(x.pushes.map((p) => p.tabId)).toEqual(seenTabs);
    const english = guides.find((g) => g.id === DECL)!.i18n!.en!;
    expect(x.pushes[0]!.data).toMatchObject({
      language: 'en',
      glossary: true,
      state: { guide: { title: english.title }, stepIndex: 0 },
    });
    expect(x.pushes[1]!.data).toEqual({
      state: null,
      glossary: true,
      language: 'en',
      textSize: 100,
      everydayWords: false,
    });
    // A change of text size too: the pages hear of every change, and draw at that size.
    x.pushes.length = 0;
    await x.call('settings:set', { textSize: 150 }, {});
    expect(x.pushes.map((p) => p.tabId)).toEqual(seenTabs);
    expect(x.pushes[0]!.data).toMatchObject({ textSize: 150 });
  });

  it('falls back to the defaults when the stored settings do not fit', async () => {
    const local = memoryStore();
    local.data.set('settings', { glossary: 'yes', language: 'klingon' });
    const x = harness({ local });
    expect(await x.call('settings:get', {}, {})).toEqual(DEFAULT_SETTINGS);
  });

  it('sends the glossary setting with the guide state', async () => {
    const x = harness();
    await x.call('settings:set', { glossary: false }, {});
    await x.call('guide:start', { tabId: TAB, guideId: DECL, mode: 'alone' }, {});
    expect((x.pushes.at(-1)!.data as PushData<'state:changed'>).glossary).toBe(false);
    const seen = await x.call(
      'page:seen',
      { href: 'https://www.caf.fr/' },
      onPage('https://www.caf.fr/'),
    );
    expect(seen.glossary).toBe(false);
  });
});

describe('glossary', () => {
  it('glossary:terms gives the sender site terms only, without definitions', async () => {
    const x = harness();
    const caf = await x.call('glossary:terms', {}, onPage('https://wwwd.caf.fr/wps/myportal/'));
    const expected = glossary.filter((t) => t.sites.includes('caf')).map((t) => t.id);
    expect(caf.map((t) => t.id)).toEqual(expected);
    expect(caf.length).toBeGreaterThan(10);
    expect(caf.every((t) => t.sites.includes('caf'))).toBe(true);
    for (const t of caf) {
      expect(Object.keys(t).sort()).toEqual(['acronyms', 'forms', 'id', 'sites', 'term']);
    }
    const ameli = await x.call('glossary:terms', {}, onPage('https://www.ameli.fr/assure'));
    expect(ameli.map((t) => t.id)).not.toEqual(caf.map((t) => t.id));
    expect(ameli.every((t) => t.sites.includes('ameli'))).toBe(true);
    expect(await x.call('glossary:terms', {}, onPage('https://www.example.org/'))).toEqual([]);
    expect(await x.call('glossary:terms', {}, { tabId: TAB })).toEqual([]);
  });

  it('glossary:define gives one plain definition', async () => {
    const x = harness();
    const term = glossary.find((t) => t.id === 'allocataire')!;
    expect(
      await x.call('glossary:define', { termId: 'allocataire' }, onPage('https://www.caf.fr/')),
    ).toEqual({
      term: term.term,
      definition: term.definition,
    });
    expect(
      await x.call('glossary:define', { termId: 'nope' }, onPage('https://www.caf.fr/')),
    ).toBeNull();
  });

  it('glossary:define gives the definition in the person’s language, the term in French', async () => {
    const x = harness();
    await x.call('settings:set', { language: 'ar' }, {});
    const term = glossary.find((t) => t.id === 'allocataire')!;
    const found = await x.call(
      'glossary:define',
      { termId: 'allocataire' },
      onPage('https://www.caf.fr/'),
    );
    expect(found).toEqual({ term: 'allocataire', definition: term.i18n!.ar!.definition });
    expect(found!.definition).not.toBe(term.definition);
  });

  it('glossary:found keeps each term id once for the side panel', async () => {
    const x = harness();
    await x.call(
      'glossary:found',
      { termIds: ['rsa', 'rsa', 'allocataire'] },
      onPage('https://www.caf.fr/'),
    );
    expect((await x.call('tab:get', { tabId: TAB }, {})).terms).toEqual(['rsa', 'allocataire']);
  });
});

describe('a shared computer', () => {
  async function used() {
    const db = newDb();
    const x = harness({ progress: new ProgressService(db), openTabs: async () => [TAB, TAB + 1] });
    await x.call('page:seen', { href: 'https://www.caf.fr/' }, onPage('https://www.caf.fr/'));
    await x.call('guide:start', { tabId: TAB, guideId: DECL, mode: 'aidant' }, {});
    await x.call('step:how', { tabId: TAB, stepId: 'ouvrir-mon-compte', how: 'help' }, {});
    await x.call('note:add', { guideId: DECL, tabId: TAB, text: 'Le carnet bleu' }, {});
    await x.local.set('aidantContact', { name: 'Samia', phone: '06 12 34 56 78' });
    expect([
      await db.sessions.count(),
      await db.stepEvents.count(),
      await db.notes.count(),
    ]).toEqual([1, 1, 1]);
    return { db, x };
  }

  it('« Terminer pour cette personne » leaves no progress, note, session or contact of hers', async () => {
    const { db, x } = await used();
    x.pushes.length = 0;
    const removed = await x.call('data:forget', { confirm: 'EFFACER' }, {});
    expect(removed).toEqual({ sessions: 1, stepEvents: 1, notes: 1 });
    expect([
      await db.sessions.count(),
      await db.stepEvents.count(),
      await db.notes.count(),
    ]).toEqual([0, 0, 0]);
    // The tab's state in storage.session no longer names her guide or session.
    expect(x.session.data.get(`tab:${TAB}`)).toMatchObject({ active: null });
    expect(JSON.stringify([...x.session.data.values()])).not.toMatch(/guideId|sessionId/);
    expect(x.local.data.has('aidantContact')).toBe(false);
    // The page stops ringing the step.
    expect(lastState(x)).toBeNull();
  });

  it('« Ordinateur partagé » erases everything when the browser starts again, and only then', async () => {
    const { db, x } = await used();
    // The background woke up in this browser session: nothing is erased, setting on or off.
    expect(await x.bg.forgetIfShared()).toBe(false);
    await x.call('settings:set', { sharedComputer: true }, {});
    expect(await x.bg.forgetIfShared()).toBe(false);
    expect(await db.sessions.count()).toBe(1);
    // The browser closed (storage.session is emptied) and starts again.
    const restarted = harness({
      progress: new ProgressService(db),
      local: x.local,
      openTabs: async () => [],
    });
    expect(await restarted.bg.forgetIfShared()).toBe(true);
    expect([
      await db.sessions.count(),
      await db.stepEvents.count(),
      await db.notes.count(),
    ]).toEqual([0, 0, 0]);
    expect(x.local.data.has('aidantContact')).toBe(false);
    // The setting itself stays: the next person is on a shared computer too.
    expect((await restarted.call('settings:get', {}, {})).sharedComputer).toBe(true);
  });

  it('without « Ordinateur partagé », a new browser session keeps the person’s progress', async () => {
    const { db, x } = await used();
    await x.bg.forgetIfShared();
    const restarted = harness({ progress: new ProgressService(db), local: x.local });
    expect(await restarted.bg.forgetIfShared()).toBe(false);
    expect(await db.sessions.count()).toBe(1);
    expect(x.local.data.has('aidantContact')).toBe(true);
  });
});
