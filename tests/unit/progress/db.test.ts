import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  DB_VERSION,
  expectExtensionContext,
  PapDB,
  SCHEMA_V1,
  SCHEMA_V2,
  SCHEMA_V3,
  WrongContextError,
} from '../../../core/progress/db';
import {
  countNotes,
  getHistory,
  getResume,
  listActiveSessions,
  listNotes,
} from '../../../core/progress/repo';
import v2Fixture from './fixtures/database-v2.json';
import { T0, uniqueName } from './helpers';

const opened: Dexie[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

/** Creates a database exactly as version 1 of the extension left it. */
async function createV1(name: string, rows: Record<string, unknown>[]): Promise<void> {
  const v1 = new Dexie(name);
  v1.version(1).stores(SCHEMA_V1);
  await v1.table('sessions').bulkAdd(rows);
  v1.close();
}

/** Creates a database exactly as version 2 of the extension left it, rows and ids included. */
async function createV2(name: string, rows: typeof v2Fixture): Promise<void> {
  const v2 = new Dexie(name);
  v2.version(2).stores(SCHEMA_V2);
  await v2.table('sessions').bulkAdd(rows.sessions);
  await v2.table('stepEvents').bulkAdd(rows.stepEvents);
  await v2.table('notes').bulkAdd(rows.notes);
  v2.close();
}

const indexNames = (table: { schema: { indexes: { name: string }[] } }) =>
  table.schema.indexes.map((i) => i.name).sort();

describe('PapDB schema', () => {
  it('declares version 4 with the four tables and the indexes paging and counts use', async () => {
    const db = new PapDB(uniqueName());
    opened.push(db);
    await db.open();
    expect(DB_VERSION).toBe(4);
    expect(db.verno).toBe(DB_VERSION);
    expect(db.tables.map((t) => t.name).sort()).toEqual([
      'drift',
      'notes',
      'sessions',
      'stepEvents',
    ]);
    expect(indexNames(db.sessions)).toEqual([
      '[guideId+status]',
      '[guideId+updatedAt]',
      'guideId',
      'site',
      'status',
      'updatedAt',
    ]);
    expect(indexNames(db.stepEvents)).toEqual(['[guideId+how]', 'at', 'guideId', 'sessionId']);
    expect(indexNames(db.notes)).toEqual(['[guideId+at]', 'at', 'guideId', 'sessionId']);
    expect(indexNames(db.drift)).toEqual(['[guideId+stepId]', 'at']);
  });

  it('keeps the released declarations frozen', () => {
    expect(Object.isFrozen(SCHEMA_V1)).toBe(true);
    expect(Object.isFrozen(SCHEMA_V2)).toBe(true);
    expect(Object.isFrozen(SCHEMA_V3)).toBe(true);
    expect(SCHEMA_V1).toEqual({ sessions: '++id, guideId, site, updatedAt' });
    expect(SCHEMA_V2).toEqual({
      sessions: '++id, guideId, site, updatedAt, status, [guideId+updatedAt]',
      stepEvents: '++id, sessionId, guideId, at',
      notes: '++id, sessionId, guideId, at',
    });
  });

  it('uses the indexedDB given in its options instead of the global one', async () => {
    const isolated = new IDBFactory();
    const name = uniqueName();
    const db = new PapDB(name, { indexedDB: isolated, IDBKeyRange });
    await db.open();
    await db.notes.add({ guideId: 'g', text: 'ici', at: T0 });
    db.close();
    expect(await Dexie.exists(name)).toBe(false);
    const again = new PapDB(name, { indexedDB: isolated, IDBKeyRange });
    expect(await again.notes.count()).toBe(1);
    again.close();
  });

  it('uses the default name pas-a-pas', () => {
    const db = new PapDB();
    expect(db.name).toBe('pas-a-pas');
    db.close();
  });
});

describe('upgrade from version 1', () => {
  const full = {
    guideId: 'caf-declaration-trimestrielle',
    site: 'caf',
    startedAt: T0 - 3_600_000,
    updatedAt: T0,
    mode: 'aidant',
    stepIndex: 3,
    stepId: 'valider',
    status: 'active',
  };
  const partial = {
    guideId: 'ameli-attestation',
    site: 'ameli',
    updatedAt: T0 - 1000,
    stepIndex: 1,
    status: 'done',
  };
  const broken = {
    guideId: 'caf-declaration-trimestrielle',
    site: 'caf',
    startedAt: T0 - 10,
    updatedAt: T0 - 5,
    mode: 'alone',
    stepIndex: 'abc',
    stepId: 'x',
    status: 'active',
  };

  it('keeps complete rows as they were and fills what version 1 could lack', async () => {
    const name = uniqueName();
    await createV1(name, [full, partial, broken]);

    const db = new PapDB(name);
    opened.push(db);
    const rows = await db.sessions.orderBy('id').toArray();
    expect(db.verno).toBe(DB_VERSION);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toEqual({ id: 1, ...full });
    expect(rows[1]).toEqual({
      id: 2,
      ...partial,
      mode: 'alone',
      stepId: '',
      startedAt: partial.updatedAt,
    });
    // The broken row is kept as it is (not lost), and set aside when read.
    expect(rows[2]).toMatchObject({ id: 3, stepIndex: 'abc' });
  });

  it('makes the new tables and indexes usable on the old rows', async () => {
    const name = uniqueName();
    await createV1(name, [full, partial, broken]);

    const db = new PapDB(name);
    opened.push(db);
    expect(await db.stepEvents.count()).toBe(0);
    expect(await db.notes.count()).toBe(0);
    expect(await db.sessions.where('status').equals('done').primaryKeys()).toEqual([2]);

    const active = await listActiveSessions(db);
    expect(active.sessions.map((s) => s.id)).toEqual([1]);
    expect(active.corrupt).toEqual([
      { table: 'sessions', id: 3, reason: expect.stringContaining('stepIndex') },
    ]);

    const resume = await getResume(db, 'caf-declaration-trimestrielle');
    expect(resume.session?.id).toBe(1);
    expect(resume.session?.stepIndex).toBe(3);
  });

  it('opens an empty version-1 database', async () => {
    const name = uniqueName();
    await createV1(name, []);
    const db = new PapDB(name);
    opened.push(db);
    expect(await db.sessions.count()).toBe(0);
    expect(db.verno).toBe(DB_VERSION);
  });
});

describe('upgrade from version 2 to version 3 (stored fixture)', () => {
  const fixture = v2Fixture;
  const GUIDE = 'caf-declaration-trimestrielle';

  it('keeps every row as it was, ids included', async () => {
    const name = uniqueName();
    await createV2(name, fixture);
    const db = new PapDB(name);
    opened.push(db);
    expect(await db.sessions.orderBy('id').toArray()).toEqual(fixture.sessions);
    expect(await db.stepEvents.orderBy('id').toArray()).toEqual(fixture.stepEvents);
    expect(await db.notes.orderBy('id').toArray()).toEqual(fixture.notes);
    expect(db.verno).toBe(DB_VERSION);
    expect(indexNames(db.notes)).toContain('[guideId+at]');
  });

  it('pages, counts and resumes through the new indexes on the old rows', async () => {
    const name = uniqueName();
    await createV2(name, fixture);
    const db = new PapDB(name);
    opened.push(db);

    // Newest first; notes 4 and 5 share a date and come by id, 5 then 4.
    const first = await listNotes(db, GUIDE, { limit: 2 });
    expect(first.notes.map((n) => n.id)).toEqual([6, 5]);
    expect(first.next).toEqual({ at: fixture.notes[4]!.at, id: 5 });
    const second = await listNotes(db, GUIDE, { before: first.next, limit: 2 });
    expect(second.notes.map((n) => n.id)).toEqual([4, 2]);
    const last = await listNotes(db, GUIDE, { before: second.next, limit: 2 });
    expect(last.notes.map((n) => n.id)).toEqual([1]);
    expect(last.next).toBeNull();
    // The note without a date (7) is in no page, and reported by the count.
    expect(await countNotes(db, GUIDE)).toEqual({
      total: 5,
      corrupt: [{ table: 'notes', id: null, reason: 'at: invalid_type' }],
    });

    expect(await getHistory(db, GUIDE)).toEqual({
      sessions: 2,
      done: 1,
      alone: 3,
      help: 2,
      aidant: 1,
      skippedSteps: 1,
    });
    const resume = await getResume(db, GUIDE);
    expect(resume.session?.id).toBe(3);
    expect(resume.lastAloneCount).toBe(2);
    expect(resume.corrupt).toEqual([]);
  });
});

describe('the database refuses to open outside the extension origin', () => {
  it('throws on a web page address (a content script runs in the site’s origin)', () => {
    expect(() => expectExtensionContext('https://www.caf.fr/allocataires')).toThrow(
      WrongContextError,
    );
    expect(() => expectExtensionContext('http://localhost/caf/')).toThrow(WrongContextError);
    expect(() => expectExtensionContext('')).toThrow(WrongContextError);
  });

  it('accepts the extension’s own pages in Chrome and Firefox', () => {
    expect(() => expectExtensionContext('chrome-extension://abc/sidepanel.html')).not.toThrow();
    expect(() => expectExtensionContext('moz-extension://0-1-2/background.js')).not.toThrow();
  });

  it('PapDB itself checks where it runs', () => {
    expect(() => new PapDB(uniqueName())).not.toThrow();
    const fake = { href: 'https://www.ameli.fr/' };
    const spy = vi.spyOn(globalThis, 'location', 'get').mockReturnValue(fake as Location);
    try {
      expect(() => new PapDB(uniqueName())).toThrow(WrongContextError);
    } finally {
      spy.mockRestore();
    }
  });
});
