import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { requests } from '../../../core/messaging/protocol';
import { DriftNotes } from '../../../core/authoring/drift';
import type { PapDB } from '../../../core/progress/db';
import { MAX_FILE_BYTES, utf8Length } from '../../../core/progress/limits';
import {
  addNote,
  finishSession,
  getHistory,
  recordStepEvent,
  startSession,
  updateSessionStep,
} from '../../../core/progress/repo';
import type { Note, Session, StepEvent } from '../../../core/progress/schema';
import {
  eraseAll,
  exportAll,
  exportFileName,
  exportText,
  importAll,
  parseImport,
  serialiseExport,
  type ExportFile,
} from '../../../core/progress/transfer';
import { DAY, openTestDb, T0 } from './helpers';

const GUIDE = 'caf-declaration-trimestrielle';
const OTHER = 'ameli-attestation-droits';

let db: PapDB;
beforeEach(() => {
  db = openTestDb();
});
afterEach(async () => {
  await db.delete();
});

/** Two guides, three sessions, marks and notes of every kind. */
async function fill(target: PapDB = db): Promise<void> {
  const a = await startSession(target, {
    guideId: GUIDE,
    site: 'caf',
    mode: 'aidant',
    stepIndex: 0,
    stepId: 'ouvrir-mon-compte',
    now: T0,
  });
  await recordStepEvent(target, {
    sessionId: a.id,
    guideId: GUIDE,
    stepId: 'ouvrir-mon-compte',
    how: 'alone',
    now: T0 + 1,
  });
  await recordStepEvent(target, {
    sessionId: a.id,
    guideId: GUIDE,
    stepId: 'se-connecter',
    how: 'help',
    now: T0 + 2,
  });
  await finishSession(target, a.id, { status: 'done', now: T0 + 3 });
  const b = await startSession(target, {
    guideId: GUIDE,
    site: 'caf',
    mode: 'alone',
    stepIndex: 0,
    stepId: 'ouvrir-mon-compte',
    now: T0 + DAY,
  });
  await recordStepEvent(target, {
    sessionId: b.id,
    guideId: GUIDE,
    stepId: 'ouvrir-mon-compte',
    how: 'alone',
    now: T0 + DAY + 1,
  });
  await updateSessionStep(target, b.id, { stepIndex: 3, stepId: 'salaires', now: T0 + DAY + 2 });
  await addNote(target, {
    guideId: GUIDE,
    sessionId: b.id,
    stepId: 'salaires',
    text: 'Prendre les fiches de paie',
    now: T0 + DAY + 3,
  });
  await addNote(target, { guideId: GUIDE, text: 'Votre code est dans le carnet bleu', now: T0 });
  const c = await startSession(target, {
    guideId: OTHER,
    site: 'ameli',
    mode: 'aidant',
    stepIndex: 2,
    stepId: 'telecharger',
    now: T0 + 5,
  });
  await recordStepEvent(target, {
    sessionId: c.id,
    guideId: OTHER,
    stepId: 'connexion',
    how: 'aidant',
    now: T0 + 6,
  });
}

async function snapshot(target: PapDB = db) {
  return {
    sessions: await target.sessions.orderBy('id').toArray(),
    stepEvents: await target.stepEvents.orderBy('id').toArray(),
    notes: await target.notes.orderBy('id').toArray(),
  };
}

/**
 * The data without ids: each step event and note points to its session by the session's
 * position, so two databases holding the same progress under other ids compare equal.
 */
function withoutIds(data: { sessions: Session[]; stepEvents: StepEvent[]; notes: Note[] }) {
  const byStart = [...data.sessions].sort(
    (x, y) => x.startedAt - y.startedAt || x.guideId.localeCompare(y.guideId),
  );
  const position = new Map(byStart.map((s, i) => [s.id, i]));
  const strip = <T extends { id: number; sessionId?: number }>(rows: T[]) =>
    rows
      .map(({ id: _id, sessionId, ...rest }) =>
        sessionId === undefined ? rest : { ...rest, session: position.get(sessionId) },
      )
      .sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));
  return {
    sessions: byStart.map(({ id: _id, ...rest }) => rest),
    stepEvents: strip(data.stepEvents),
    notes: strip(data.notes),
  };
}

describe('exportAll and serialiseExport', () => {
  it('writes every row in a readable, versioned file', async () => {
    await fill();
    const { file, corrupt } = await exportAll(db, T0 + 2 * DAY);
    expect(corrupt).toEqual([]);
    expect(file).toMatchObject({
      format: 'pas-a-pas-export',
      version: 2,
      exportedAt: '2025-03-14T10:00:00.000Z',
    });
    expect({ sessions: file.sessions, stepEvents: file.stepEvents, notes: file.notes }).toEqual(
      await snapshot(),
    );
    const text = serialiseExport(file);
    expect(text).toContain('\n  "format": "pas-a-pas-export",\n');
    expect(JSON.parse(text)).toEqual(file);
    expect(exportFileName(T0)).toBe('pas-a-pas-2025-03-12.json');
  });

  it('leaves corrupt rows out of the file and reports them', async () => {
    await fill();
    const badId = (await db.table('sessions').add({ guideId: GUIDE, stepIndex: 'abc' })) as number;
    const { file, corrupt } = await exportAll(db, T0);
    expect(file.sessions.map((s) => s.id)).not.toContain(badId);
    expect(file.sessions).toHaveLength(3);
    expect(corrupt).toMatchObject([{ table: 'sessions', id: badId }]);
    expect(parseImport(serialiseExport(file)).ok).toBe(true);
  });
});

describe('round trip: export, erase, import', () => {
  it('gives back exactly the same rows, ids included, in replace mode', async () => {
    await fill();
    const before = await snapshot();
    const text = serialiseExport((await exportAll(db, T0)).file);

    expect(await eraseAll(db)).toEqual({ sessions: 3, stepEvents: 4, notes: 2 });
    expect(await snapshot()).toEqual({ sessions: [], stepEvents: [], notes: [] });

    const parsed = parseImport(text);
    if (!parsed.ok) throw new Error(parsed.kind);
    expect(parsed.dropped).toEqual({ refusedNotes: 0, orphans: 0 });
    expect(await importAll(db, parsed.file, { mode: 'replace' })).toEqual({
      sessions: 3,
      stepEvents: 4,
      notes: 2,
      alreadyPresent: 0,
    });
    expect(await snapshot()).toEqual(before);
  });

  it('gives back the same progress under new ids in merge mode', async () => {
    await fill();
    const before = await snapshot();
    const text = serialiseExport((await exportAll(db, T0)).file);
    await eraseAll(db);

    const parsed = parseImport(text);
    if (!parsed.ok) throw new Error(parsed.kind);
    await importAll(db, parsed.file, { mode: 'merge' });
    const after = await snapshot();
    // Clearing a table does not reset its id counter, so merged rows get new ids.
    expect(after.sessions.map((s) => s.id)).not.toEqual(before.sessions.map((s) => s.id));
    expect(withoutIds(after)).toEqual(withoutIds(before));
    expect(await getHistory(db, GUIDE)).toMatchObject({ sessions: 2, alone: 2, help: 1 });
  });

  it('merges beside existing data, linking events and notes to the new session ids', async () => {
    const other = openTestDb();
    try {
      await fill(other);
      const file = (await exportAll(other, T0)).file;
      await startSession(db, {
        guideId: GUIDE,
        site: 'caf',
        mode: 'alone',
        stepIndex: 1,
        stepId: 'x',
        now: T0 - DAY,
      });

      const result = await importAll(db, file, { mode: 'merge' });
      expect(result).toEqual({ sessions: 3, stepEvents: 4, notes: 2, alreadyPresent: 0 });
      const data = await snapshot();
      expect(data.sessions).toHaveLength(4);
      const sessionsById = new Map(data.sessions.map((s) => [s.id, s]));
      for (const e of data.stepEvents) {
        expect(sessionsById.get(e.sessionId)?.guideId).toBe(e.guideId);
      }
      const noteOnStep = data.notes.find((n) => n.stepId === 'salaires');
      expect(sessionsById.get(noteOnStep?.sessionId ?? -1)?.stepId).toBe('salaires');

      // The same file again adds nothing: progress is not counted twice.
      expect(await importAll(db, file, { mode: 'merge' })).toEqual({
        sessions: 0,
        stepEvents: 0,
        notes: 0,
        alreadyPresent: 3,
      });
      expect(await snapshot()).toEqual(data);
    } finally {
      await other.delete();
    }
  });

  it('replace mode removes what was there before', async () => {
    const other = openTestDb();
    try {
      await addNote(other, { guideId: OTHER, text: 'seule note', now: T0 });
      const file = (await exportAll(other, T0)).file;
      await fill();
      await importAll(db, file, { mode: 'replace' });
      expect(await snapshot()).toEqual(await snapshot(other));
    } finally {
      await other.delete();
    }
  });
});

describe('parseImport', () => {
  function v2(overrides: Partial<Record<keyof ExportFile, unknown>> = {}): string {
    return JSON.stringify({
      format: 'pas-a-pas-export',
      version: 2,
      exportedAt: '2025-03-12T10:00:00.000Z',
      sessions: [
        {
          id: 1,
          guideId: GUIDE,
          site: 'caf',
          startedAt: T0,
          updatedAt: T0,
          mode: 'alone',
          stepIndex: 0,
          stepId: 'a',
          status: 'active',
        },
      ],
      stepEvents: [{ id: 1, sessionId: 1, guideId: GUIDE, stepId: 'a', how: 'alone', at: T0 }],
      notes: [{ id: 1, guideId: GUIDE, text: 'Votre code est dans le carnet bleu', at: T0 }],
      ...overrides,
    });
  }

  it('reads a valid file', () => {
    const r = parseImport(v2());
    expect(r.ok && r.file.sessions.length + r.file.stepEvents.length + r.file.notes.length).toBe(3);
    expect(r.ok && r.fromVersion).toBe(2);
  });

  it.each([
    ['text that is not JSON', 'bonjour', 'unreadable'],
    ['another program’s JSON', '{"hello": 1}', 'not-ours'],
    ['a file from a newer version', v2({ version: 3 }), 'newer'],
    [
      'a session with a broken field',
      v2({ sessions: [{ id: 1, guideId: GUIDE, stepIndex: 'abc' }] }),
      'damaged-session',
    ],
    ['a missing table', v2({ notes: undefined }), 'damaged-file'],
    [
      'two sessions with the same id',
      v2({
        sessions: [1, 1].map((id) => ({
          id,
          guideId: GUIDE,
          site: 'caf',
          startedAt: T0,
          updatedAt: T0,
          mode: 'alone',
          stepIndex: 0,
          stepId: 'a',
          status: 'active',
        })),
      }),
      'damaged-session',
    ],
    [
      'a version-1 file without its list',
      JSON.stringify({ format: 'pas-a-pas-export', version: 1 }),
      'damaged-list',
    ],
    [
      'a broken step event',
      v2({ stepEvents: [{ id: 1, sessionId: 1, how: 'alone' }] }),
      'damaged-step',
    ],
    ['a broken note', v2({ notes: [{ id: 1, guideId: GUIDE, text: 42, at: T0 }] }), 'damaged-note'],
  ])('refuses %s and says why as a kind (the pages put it in words)', (_what, text, kind) => {
    expect(parseImport(text)).toEqual({ ok: false, kind });
  });

  it('writes nothing when the file is bad', async () => {
    await fill();
    const before = await snapshot();
    const r = parseImport(v2({ stepEvents: [{ id: 1, sessionId: 1, how: 'alone' }] }));
    expect(r).toEqual({ ok: false, kind: 'damaged-step' });
    expect(await snapshot()).toEqual(before);
  });

  it('drops and counts notes the guard refuses, and never imports them', async () => {
    const r = parseImport(
      v2({
        notes: [
          { id: 1, guideId: GUIDE, text: 'Votre code est dans le carnet bleu', at: T0 },
          { id: 2, guideId: GUIDE, text: 'mdp : Soleil2024!', at: T0 },
          { id: 3, guideId: GUIDE, sessionId: 1, text: 'Appeler le 06 12 34 56 78', at: T0 },
        ],
      }),
    );
    if (!r.ok) throw new Error(r.kind);
    expect(r.dropped.refusedNotes).toBe(2);
    expect(r.file.notes.map((n) => n.id)).toEqual([1]);
    await importAll(db, r.file, { mode: 'replace' });
    expect((await db.notes.toArray()).map((n) => n.text)).toEqual([
      'Votre code est dans le carnet bleu',
    ]);
  });

  it('drops step events and notes whose session is not in the file', () => {
    const r = parseImport(
      v2({
        stepEvents: [{ id: 1, sessionId: 9, guideId: GUIDE, stepId: 'a', how: 'alone', at: T0 }],
        notes: [{ id: 1, sessionId: 9, guideId: GUIDE, text: 'orpheline', at: T0 }],
      }),
    );
    if (!r.ok) throw new Error(r.kind);
    expect(r.dropped).toEqual({ refusedNotes: 0, orphans: 2 });
    expect(r.file.stepEvents).toEqual([]);
    expect(r.file.notes).toEqual([]);
  });

  it('reads a version-1 file (sessions only) and brings it to the current shape', async () => {
    const text = JSON.stringify({
      format: 'pas-a-pas-export',
      version: 1,
      exportedAt: '2024-11-02T09:00:00.000Z',
      sessions: [
        {
          id: 4,
          guideId: GUIDE,
          site: 'caf',
          startedAt: T0,
          updatedAt: T0 + 10,
          mode: 'aidant',
          stepIndex: 2,
          stepId: 'mes-ressources',
          status: 'active',
        },
        { id: 7, guideId: OTHER, site: 'ameli', updatedAt: T0, stepIndex: 0, status: 'done' },
      ],
    });
    const r = parseImport(text);
    if (!r.ok) throw new Error(r.kind);
    expect(r.fromVersion).toBe(1);
    expect(r.file.version).toBe(2);
    expect(r.file.stepEvents).toEqual([]);
    expect(r.file.notes).toEqual([]);
    expect(r.file.sessions[1]).toEqual({
      id: 7,
      guideId: OTHER,
      site: 'ameli',
      startedAt: T0,
      updatedAt: T0,
      mode: 'alone',
      stepIndex: 0,
      stepId: '',
      status: 'done',
    });
    await importAll(db, r.file, { mode: 'merge' });
    expect(await db.sessions.count()).toBe(2);
  });

  it('refuses a version-1 file with a broken session', () => {
    const r = parseImport(
      JSON.stringify({
        format: 'pas-a-pas-export',
        version: 1,
        sessions: [{ id: 1, guideId: GUIDE, site: 'caf', updatedAt: 'hier', stepIndex: 0 }],
      }),
    );
    expect(r.ok).toBe(false);
  });
});

describe('eraseAll', () => {
  it('empties every table and says how much it removed', async () => {
    await fill();
    expect(await eraseAll(db)).toEqual({ sessions: 3, stepEvents: 4, notes: 2 });
    expect(await snapshot()).toEqual({ sessions: [], stepEvents: [], notes: [] });
    expect(await eraseAll(db)).toEqual({ sessions: 0, stepEvents: 0, notes: 0 });
  });

  it('empties the drift notes of the authoring kit too', async () => {
    const drift = new DriftNotes(() => db.drift);
    await drift.add({ guideId: GUIDE, stepId: 's1', page: 'www.caf.fr/', version: '1.0.0' });
    expect(await drift.list()).toHaveLength(1);
    await eraseAll(db);
    expect(await drift.list()).toEqual([]);
  });
});

describe('one size limit for the file, on the way out and on the way in', () => {
  it('counts the bytes a saved file weighs, whatever the script', () => {
    for (const text of ['abc', 'carnet bleu é à ç', 'دفتر أزرق', '€ 12', '👵🏽 ok', '\ud800x']) {
      expect(utf8Length(text), text).toBe(new TextEncoder().encode(text).length);
    }
  });

  /**
   * A file weighing exactly `bytes`: many sessions (rows the import checks quickly), and
   * notes, plain sentences the guard accepts, whose « e » turn into « é », one byte more each,
   * to fill the last bytes. Ids all have six digits, so that every session weighs the same.
   */
  function fileOfSize(bytes: number): ExportFile {
    const session = (i: number): Session => ({
      id: 100_000 + i,
      guideId: GUIDE,
      site: 'caf',
      startedAt: T0 + i,
      updatedAt: T0 + i,
      mode: 'alone',
      stepIndex: 3,
      stepId: 'salaires',
      status: 'done',
    });
    const sentence = 'Prendre les fiches de paie et le carnet bleu. '.repeat(11).slice(0, 500);
    const file: ExportFile = {
      format: 'pas-a-pas-export',
      version: 2,
      exportedAt: new Date(T0).toISOString(),
      sessions: [session(0)],
      stepEvents: [],
      notes: Array.from({ length: 20 }, (_, i) => ({
        id: 100_000 + i,
        guideId: GUIDE,
        sessionId: 100_000,
        text: sentence,
        at: T0 + i,
      })),
    };
    const size = () => utf8Length(serialiseExport(file));
    const one = size();
    file.sessions.push(session(1));
    const perSession = size() - one;
    // Leave less room than the notes can fill (about 1,700 « e »).
    const count = 1 + Math.floor((bytes - one - 1000) / perSession);
    file.sessions = Array.from({ length: count }, (_, i) => session(i));
    let left = bytes - size();
    for (const n of file.notes) {
      const room = n.text.split('e').length - 1;
      let k = Math.min(room, left);
      left -= k;
      n.text = n.text.replace(/e/g, (e) => (k-- > 0 ? 'é' : e));
    }
    if (left !== 0) throw new Error(`${left} bytes off`);
    return file;
  }

  // The database side of the round trip, at a lower limit, is in service.test.ts.
  it('makes a file of exactly the limit, and that file is read back whole', () => {
    const file = fileOfSize(MAX_FILE_BYTES);
    const out = exportText(file);
    if (!out.ok) throw new Error(`refused at ${out.size}`);
    expect(utf8Length(out.text)).toBe(MAX_FILE_BYTES);
    // The data page sends the text as it is: the message accepts it, the import reads it all.
    expect(
      requests['data:import'].data.safeParse({ text: out.text, mode: 'replace' }).success,
    ).toBe(true);
    const parsed = parseImport(out.text);
    if (!parsed.ok) throw new Error(parsed.kind);
    expect(parsed.dropped).toEqual({ refusedNotes: 0, orphans: 0 });
    expect(parsed.file.sessions.length).toBe(file.sessions.length);
    expect(parsed.file.sessions.at(-1)).toEqual(file.sessions.at(-1));
    expect(parsed.file.notes).toEqual(file.notes);
  }, 60_000);

  it('makes no file one byte over the limit, and says how big it would be', () => {
    const file = fileOfSize(MAX_FILE_BYTES + 1);
    expect(exportText(file)).toEqual({ ok: false, size: MAX_FILE_BYTES + 1 });
    expect(exportText(file, MAX_FILE_BYTES + 1).ok).toBe(true);
  }, 60_000);
});
