import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PapDB } from '../../../core/progress/db';
import {
  addNote,
  cleanupOlderThan,
  deleteNote,
  finishSession,
  getHistory,
  getResume,
  countNotes,
  listActiveSessions,
  listNotes,
  ProgressInputError,
  recordStepEvent,
  SensitiveNoteError,
  setSessionMode,
  startSession,
  updateSessionStep,
} from '../../../core/progress/repo';
import { corruptMessage } from '../../../core/progress/schema';
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

function start(now = T0, guideId = GUIDE, mode: 'alone' | 'aidant' = 'aidant') {
  return startSession(db, {
    guideId,
    site: guideId === GUIDE ? 'caf' : 'ameli',
    mode,
    stepIndex: 0,
    stepId: 'ouvrir-mon-compte',
    now,
  });
}

describe('sessions', () => {
  it('starts an active session and stores it', async () => {
    const s = await start();
    expect(s).toEqual({
      id: expect.any(Number),
      guideId: GUIDE,
      site: 'caf',
      startedAt: T0,
      updatedAt: T0,
      mode: 'aidant',
      stepIndex: 0,
      stepId: 'ouvrir-mon-compte',
      status: 'active',
    });
    expect(await db.sessions.get(s.id)).toEqual(s);
  });

  it('abandons the earlier active session of the same guide, not of other guides', async () => {
    const first = await start(T0);
    const other = await start(T0, OTHER);
    const second = await start(T0 + 1000);
    expect((await db.sessions.get(first.id))?.status).toBe('abandoned');
    expect((await db.sessions.get(other.id))?.status).toBe('active');
    expect((await db.sessions.get(second.id))?.status).toBe('active');
  });

  it('moves to another step and records when', async () => {
    const s = await start();
    expect(
      await updateSessionStep(db, s.id, { stepIndex: 3, stepId: 'valider', now: T0 + 60_000 }),
    ).toBe(true);
    expect(await db.sessions.get(s.id)).toMatchObject({
      stepIndex: 3,
      stepId: 'valider',
      updatedAt: T0 + 60_000,
    });
    expect(await updateSessionStep(db, 999, { stepIndex: 1, stepId: 'x', now: T0 })).toBe(false);
  });

  it('refuses values that do not fit, without writing', async () => {
    const s = await start();
    await expect(
      updateSessionStep(db, s.id, { stepIndex: -1, stepId: 'x', now: T0 }),
    ).rejects.toThrow(ProgressInputError);
    await expect(
      startSession(db, {
        guideId: '',
        site: 'caf',
        mode: 'alone',
        stepIndex: 0,
        stepId: 'a',
        now: T0,
      }),
    ).rejects.toThrow(ProgressInputError);
    expect(await db.sessions.get(s.id)).toMatchObject({ stepIndex: 0 });
    expect(await db.sessions.count()).toBe(1);
  });

  it('switches mode and finishes', async () => {
    const s = await start(T0, GUIDE, 'alone');
    expect(await setSessionMode(db, s.id, { mode: 'aidant', now: T0 + 1 })).toBe(true);
    expect(await finishSession(db, s.id, { status: 'done', now: T0 + 2 })).toBe(true);
    expect(await db.sessions.get(s.id)).toMatchObject({
      mode: 'aidant',
      status: 'done',
      updatedAt: T0 + 2,
    });
    expect(await finishSession(db, 12345, { status: 'abandoned', now: T0 })).toBe(false);
  });
});

describe('step events', () => {
  it('records how a step was done and moves the session’s last use forward', async () => {
    const s = await start();
    const e = await recordStepEvent(db, {
      sessionId: s.id,
      guideId: GUIDE,
      stepId: 'ouvrir-mon-compte',
      how: 'help',
      now: T0 + 5000,
    });
    expect(e).toEqual({
      id: expect.any(Number),
      sessionId: s.id,
      guideId: GUIDE,
      stepId: 'ouvrir-mon-compte',
      how: 'help',
      at: T0 + 5000,
    });
    expect((await db.sessions.get(s.id))?.updatedAt).toBe(T0 + 5000);
  });

  it('replaces an earlier mark for the same step of the same session only', async () => {
    const s1 = await start(T0, GUIDE);
    const s2 = await start(T0, OTHER);
    const mark = (
      sessionId: number,
      guideId: string,
      stepId: string,
      how: 'alone' | 'help',
      now: number,
    ) => recordStepEvent(db, { sessionId, guideId, stepId, how, now });
    await mark(s1.id, GUIDE, 'a', 'help', T0 + 1);
    await mark(s1.id, GUIDE, 'b', 'help', T0 + 2);
    await mark(s2.id, OTHER, 'a', 'help', T0 + 3);
    await mark(s1.id, GUIDE, 'a', 'alone', T0 + 4);
    const rows = await db.stepEvents.orderBy('at').toArray();
    expect(rows.map((r) => [r.sessionId, r.stepId, r.how])).toEqual([
      [s1.id, 'b', 'help'],
      [s2.id, 'a', 'help'],
      [s1.id, 'a', 'alone'],
    ]);
  });

  it('refuses an unknown session, a session of another guide, or an unknown way', async () => {
    const s = await start();
    const base = { sessionId: s.id, guideId: GUIDE, stepId: 'a', how: 'alone' as const, now: T0 };
    await expect(recordStepEvent(db, { ...base, sessionId: 77 })).rejects.toThrow(
      ProgressInputError,
    );
    await expect(recordStepEvent(db, { ...base, guideId: OTHER })).rejects.toThrow(
      ProgressInputError,
    );
    await expect(
      recordStepEvent(db, { ...base, how: 'maybe' as unknown as 'alone' }),
    ).rejects.toThrow(ProgressInputError);
    expect(await db.stepEvents.count()).toBe(0);
  });
});

describe('notes', () => {
  it('stores a note on the guide, on a step, or on a session, trimmed', async () => {
    const s = await start();
    const onGuide = await addNote(db, {
      guideId: GUIDE,
      text: '  Votre code est dans le carnet bleu ',
      now: T0,
    });
    const onStep = await addNote(db, {
      guideId: GUIDE,
      sessionId: s.id,
      stepId: 'valider',
      text: 'Bien vérifier le montant',
      now: T0 + 1,
    });
    expect(onGuide).toEqual({
      id: expect.any(Number),
      guideId: GUIDE,
      text: 'Votre code est dans le carnet bleu',
      at: T0,
    });
    expect(await db.notes.get(onStep.id)).toEqual({
      id: onStep.id,
      guideId: GUIDE,
      sessionId: s.id,
      stepId: 'valider',
      text: 'Bien vérifier le montant',
      at: T0 + 1,
    });
  });

  it('refuses a sensitive note with a typed error and writes nothing', async () => {
    const attempt = addNote(db, { guideId: GUIDE, text: 'mdp : Soleil2024!', now: T0 });
    await expect(attempt).rejects.toBeInstanceOf(SensitiveNoteError);
    await expect(attempt).rejects.toMatchObject({ kind: 'password' });
    await expect(
      addNote(db, { guideId: GUIDE, text: '06 12 34 56 78', now: T0 }),
    ).rejects.toMatchObject({
      kind: 'phone',
    });
    await expect(addNote(db, { guideId: GUIDE, text: '   ', now: T0 })).rejects.toMatchObject({
      kind: 'empty',
    });
    expect(await db.notes.count()).toBe(0);
  });

  it('refuses a note on a session that does not exist', async () => {
    await expect(
      addNote(db, { guideId: GUIDE, sessionId: 42, text: 'ok', now: T0 }),
    ).rejects.toThrow(ProgressInputError);
    expect(await db.notes.count()).toBe(0);
  });

  it('deletes one note', async () => {
    const a = await addNote(db, { guideId: GUIDE, text: 'un', now: T0 });
    const b = await addNote(db, { guideId: GUIDE, text: 'deux', now: T0 });
    expect(await deleteNote(db, a.id)).toBe(true);
    expect(await deleteNote(db, a.id)).toBe(false);
    expect((await db.notes.toArray()).map((n) => n.id)).toEqual([b.id]);
  });
});

/** A first visit with the aidant, stopped at step 4 (index 3). */
async function visitWithAidant() {
  const s = await start(T0, GUIDE, 'aidant');
  const marks: [string, 'alone' | 'help' | 'aidant'][] = [
    ['ouvrir-mon-compte', 'alone'],
    ['se-connecter', 'help'],
    ['mes-ressources', 'alone'],
  ];
  let t = T0;
  for (const [stepId, how] of marks) {
    t += 60_000;
    await recordStepEvent(db, { sessionId: s.id, guideId: GUIDE, stepId, how, now: t });
  }
  await updateSessionStep(db, s.id, { stepIndex: 3, stepId: 'salaires', now: t + 1 });
  await addNote(db, { guideId: GUIDE, text: 'Votre code est dans le carnet bleu', now: T0 + 10 });
  await addNote(db, {
    guideId: GUIDE,
    sessionId: s.id,
    stepId: 'salaires',
    text: 'Prendre les 3 fiches de paie',
    now: T0 + 20,
  });
  await addNote(db, { guideId: OTHER, text: 'Autre démarche', now: T0 + 30 });
  return s;
}

describe('getResume', () => {
  it('finds where the person stopped and how far they went alone', async () => {
    const s = await visitWithAidant();
    const r = await getResume(db, GUIDE);
    expect(r.corrupt).toEqual([]);
    expect(r.session).toMatchObject({
      id: s.id,
      stepIndex: 3,
      stepId: 'salaires',
      status: 'active',
    });
    expect(r.last?.id).toBe(s.id);
    expect(r.lastAloneCount).toBe(2);
    expect(r.lastEvents.map((e) => e.stepId)).toEqual([
      'ouvrir-mon-compte',
      'se-connecter',
      'mes-ressources',
    ]);
    const page = await listNotes(db, GUIDE, { limit: 20 });
    expect(page.notes.map((n) => n.text)).toEqual([
      'Prendre les 3 fiches de paie',
      'Votre code est dans le carnet bleu',
    ]);
    expect(page.next).toBeNull();
    expect(await countNotes(db, GUIDE)).toEqual({ total: 2, corrupt: [] });
  });

  it('has nothing to resume once the guide is finished, but still tells about last time', async () => {
    const s = await visitWithAidant();
    await finishSession(db, s.id, { status: 'done', now: T0 + DAY });
    const r = await getResume(db, GUIDE);
    expect(r.session).toBeNull();
    expect(r.last?.id).toBe(s.id);
    expect(r.lastAloneCount).toBe(2);
  });

  it('takes the newest session of the guide', async () => {
    await visitWithAidant();
    const again = await start(T0 + 2 * DAY, GUIDE, 'alone');
    await recordStepEvent(db, {
      sessionId: again.id,
      guideId: GUIDE,
      stepId: 'ouvrir-mon-compte',
      how: 'alone',
      now: T0 + 2 * DAY + 1,
    });
    const r = await getResume(db, GUIDE);
    expect(r.session?.id).toBe(again.id);
    expect(r.lastAloneCount).toBe(1);
  });

  it('returns empty results for a guide never used', async () => {
    await visitWithAidant();
    expect(await getResume(db, 'impots-declaration')).toEqual({
      session: null,
      last: null,
      lastEvents: [],
      lastAloneCount: 0,
      corrupt: [],
    });
  });
});

describe('listNotes (pages, newest first)', () => {
  /** `n` notes on the guide, one minute apart, the first one oldest; some share a date. */
  async function notes(n: number) {
    const ids: number[] = [];
    for (let i = 0; i < n; i++) {
      // Every third note is written in the same millisecond as the one before it.
      const at = T0 + Math.floor(i - i / 3) * 60_000;
      ids.push((await addNote(db, { guideId: GUIDE, text: `note ${i}`, now: at })).id);
    }
    await addNote(db, { guideId: OTHER, text: 'autre démarche', now: T0 + DAY });
    return ids;
  }
  const texts = (page: { notes: { text: string }[] }) => page.notes.map((n) => n.text);

  it('reads the first page, then the next ones from the cursor, to the end', async () => {
    await notes(7);
    const first = await listNotes(db, GUIDE, { limit: 3 });
    expect(texts(first)).toEqual(['note 6', 'note 5', 'note 4']);
    expect(first.next).toEqual({ at: first.notes[2]!.at, id: first.notes[2]!.id });
    const second = await listNotes(db, GUIDE, { before: first.next, limit: 3 });
    expect(texts(second)).toEqual(['note 3', 'note 2', 'note 1']);
    const third = await listNotes(db, GUIDE, { before: second.next, limit: 3 });
    expect(texts(third)).toEqual(['note 0']);
    expect(third.next).toBeNull();
    expect(await countNotes(db, GUIDE)).toEqual({ total: 7, corrupt: [] });
  });

  it('says there is no more when the last page is exactly full', async () => {
    await notes(4);
    const first = await listNotes(db, GUIDE, { limit: 2 });
    const second = await listNotes(db, GUIDE, { before: first.next, limit: 2 });
    expect(texts(second)).toEqual(['note 1', 'note 0']);
    expect(second.next).toBeNull();
  });

  it('neither repeats nor skips a note when one is added between two pages', async () => {
    await notes(6);
    const first = await listNotes(db, GUIDE, { limit: 3 });
    // Newer than everything: it belongs before the first page, not in the next one.
    await addNote(db, { guideId: GUIDE, text: 'nouvelle', now: T0 + DAY });
    // Exactly as old as the last note shown but with a larger id: already passed, too.
    await addNote(db, { guideId: GUIDE, text: 'même date', now: first.next!.at });
    const second = await listNotes(db, GUIDE, { before: first.next, limit: 3 });
    expect(second.next).toBeNull();
    const shown = [...texts(first), ...texts(second)];
    expect(shown).toEqual(['note 5', 'note 4', 'note 3', 'note 2', 'note 1', 'note 0']);
    expect(new Set(shown).size).toBe(shown.length);
    // Read again from the top, both are in their place (same date: the newer id first).
    expect(texts(await listNotes(db, GUIDE, { limit: 5 }))).toEqual([
      'nouvelle',
      'note 5',
      'même date',
      'note 4',
      'note 3',
    ]);
  });

  it('neither repeats nor skips a note when one is deleted between two pages', async () => {
    const ids = await notes(6);
    const first = await listNotes(db, GUIDE, { limit: 3 });
    // The last note shown (the cursor itself) and one not shown yet.
    expect(await deleteNote(db, first.notes[2]!.id)).toBe(true);
    expect(await deleteNote(db, ids[1]!)).toBe(true);
    const second = await listNotes(db, GUIDE, { before: first.next, limit: 3 });
    expect(texts(second)).toEqual(['note 2', 'note 0']);
    expect(second.next).toBeNull();
    expect((await countNotes(db, GUIDE)).total).toBe(4);
  });

  it('sets aside a broken note in a page and keeps the cursor moving past it', async () => {
    await notes(3);
    const bad = (await db
      .table('notes')
      .add({ guideId: GUIDE, text: '', at: T0 + 30_000 })) as number;
    const first = await listNotes(db, GUIDE, { limit: 2 });
    expect(texts(first)).toEqual(['note 2']);
    expect(first.corrupt).toEqual([{ table: 'notes', id: bad, reason: 'text: too_small' }]);
    const second = await listNotes(db, GUIDE, { before: first.next, limit: 2 });
    expect(texts(second)).toEqual(['note 1', 'note 0']);
  });

  it('refuses a page size that is not a positive integer', async () => {
    await expect(listNotes(db, GUIDE, { limit: 0 })).rejects.toThrow(RangeError);
    await expect(listNotes(db, GUIDE, { limit: 1.5 })).rejects.toThrow(RangeError);
  });
});

describe('getHistory', () => {
  it('counts sessions and steps by how they were done, for one guide', async () => {
    const first = await visitWithAidant();
    await finishSession(db, first.id, { status: 'done', now: T0 + 1000_000 });
    const second = await start(T0 + 7 * DAY, GUIDE, 'alone');
    for (const [stepId, how] of [
      ['ouvrir-mon-compte', 'alone'],
      ['se-connecter', 'alone'],
      ['mes-ressources', 'help'],
      ['salaires', 'aidant'],
      ['valider', 'skipped'],
    ] as const) {
      await recordStepEvent(db, {
        sessionId: second.id,
        guideId: GUIDE,
        stepId,
        how,
        now: T0 + 7 * DAY + 1,
      });
    }
    const o = await start(T0, OTHER, 'alone');
    await recordStepEvent(db, {
      sessionId: o.id,
      guideId: OTHER,
      stepId: 'x',
      how: 'alone',
      now: T0,
    });

    expect(await getHistory(db, GUIDE)).toEqual({
      sessions: 2,
      done: 1,
      alone: 4,
      help: 2,
      aidant: 1,
      skippedSteps: 1,
    });
  });
});

describe('listActiveSessions', () => {
  it('lists sessions to resume, most recently used first', async () => {
    const a = await start(T0, GUIDE);
    const b = await start(T0 + 10, OTHER);
    const c = await start(T0 + 5, 'impots-declaration');
    await finishSession(db, c.id, { status: 'done', now: T0 + 20 });
    const { sessions, corrupt } = await listActiveSessions(db);
    expect(sessions.map((s) => s.id)).toEqual([b.id, a.id]);
    expect(corrupt).toEqual([]);
  });
});

describe('cleanupOlderThan', () => {
  it('removes old sessions with their events and notes, and keeps the rest', async () => {
    const old = await start(T0 - 100 * DAY, GUIDE);
    await recordStepEvent(db, {
      sessionId: old.id,
      guideId: GUIDE,
      stepId: 'a',
      how: 'help',
      now: T0 - 100 * DAY,
    });
    await addNote(db, {
      guideId: GUIDE,
      sessionId: old.id,
      text: 'vieille note',
      now: T0 - 100 * DAY,
    });
    const oldOther = await start(T0 - 95 * DAY, OTHER);
    await addNote(db, { guideId: OTHER, text: 'note de guide ancienne', now: T0 - 95 * DAY });

    const recent = await start(T0 - 2 * DAY, GUIDE);
    await recordStepEvent(db, {
      sessionId: recent.id,
      guideId: GUIDE,
      stepId: 'a',
      how: 'alone',
      now: T0 - 2 * DAY,
    });
    await addNote(db, {
      guideId: GUIDE,
      sessionId: recent.id,
      text: 'note récente',
      now: T0 - 2 * DAY,
    });
    // A note on the whole guide, old, but the guide is still in use: it stays.
    await addNote(db, {
      guideId: GUIDE,
      text: 'Votre code est dans le carnet bleu',
      now: T0 - 200 * DAY,
    });

    const removed = await cleanupOlderThan(db, 90, T0);
    expect(removed).toEqual({ sessions: 2, stepEvents: 1, notes: 2 });
    expect((await db.sessions.toArray()).map((s) => s.id)).toEqual([recent.id]);
    expect((await db.stepEvents.toArray()).map((e) => e.sessionId)).toEqual([recent.id]);
    expect((await db.notes.toArray()).map((n) => n.text).sort()).toEqual([
      'Votre code est dans le carnet bleu',
      'note récente',
    ]);
    expect(await db.sessions.get(oldOther.id)).toBeUndefined();
  });

  it('keeps a session used exactly at the limit', async () => {
    const s = await start(T0 - 30 * DAY);
    expect(await cleanupOlderThan(db, 30, T0)).toEqual({ sessions: 0, stepEvents: 0, notes: 0 });
    expect(await db.sessions.get(s.id)).toBeDefined();
  });

  it('refuses a delay that is not a positive number', async () => {
    await start(T0 - DAY);
    await expect(cleanupOlderThan(db, 0, T0)).rejects.toThrow(RangeError);
    await expect(cleanupOlderThan(db, Number.NaN, T0)).rejects.toThrow(RangeError);
    expect(await db.sessions.count()).toBe(1);
  });
});

describe('corrupt rows', () => {
  it('sets aside a broken row, reports it, and returns the rest', async () => {
    const good = await visitWithAidant();
    // Rows written behind the repository's back, as an old bug or a manual edit could.
    const badSession = (await db.table('sessions').add({
      ...good,
      id: undefined,
      stepIndex: 'abc',
      updatedAt: T0 + DAY,
    })) as number;
    const badEvent = (await db.table('stepEvents').add({
      sessionId: good.id,
      guideId: GUIDE,
      stepId: 'valider',
      how: 'perhaps',
      at: T0,
    })) as number;
    const badNote = (await db.table('notes').add({ guideId: GUIDE, text: 42, at: T0 })) as number;

    const r = await getResume(db, GUIDE);
    expect(r.session?.id).toBe(good.id);
    expect(r.lastAloneCount).toBe(2);
    // The broken session is met twice (newest, and active): reported once.
    expect(r.corrupt).toEqual([
      { table: 'sessions', id: badSession, reason: expect.stringContaining('stepIndex') },
      { table: 'stepEvents', id: badEvent, reason: expect.stringContaining('how') },
    ]);
    const page = await listNotes(db, GUIDE, { limit: 20 });
    expect(page.notes).toHaveLength(2);
    expect(page.corrupt).toEqual([
      { table: 'notes', id: badNote, reason: expect.stringContaining('text') },
    ]);
    expect(corruptMessage([...r.corrupt, ...page.corrupt])).toBe(
      '3 informations enregistrées étaient abîmées. Elles ont été mises de côté. Le reste fonctionne.',
    );

    // Counted by index: the mark « perhaps » is in no count; the broken session still counts
    // as a session started (its guide and status are readable).
    const h = await getHistory(db, GUIDE);
    expect(h).toMatchObject({ sessions: 2, alone: 2, help: 1, aidant: 0, skippedSteps: 0 });

    const active = await listActiveSessions(db);
    expect(active.sessions.map((s) => s.id)).toEqual([good.id]);
    expect(active.corrupt.map((c) => c.id)).toEqual([badSession]);
  });

  it('never puts the faulty value in the report (it may be private)', async () => {
    await db.table('notes').add({ guideId: GUIDE, text: 'bonne note', at: T0 });
    await db.table('notes').add({ guideId: GUIDE, text: 'secret-0612345678', at: 'hier' });
    const page = await listNotes(db, GUIDE, { limit: 20 });
    expect(page.notes.map((n) => n.text)).toEqual(['bonne note']);
    // A note without a date has no place in the pages: the count reports it.
    const count = await countNotes(db, GUIDE);
    expect(count.total).toBe(1);
    expect(count.corrupt).toEqual([{ table: 'notes', id: null, reason: 'at: invalid_type' }]);
    expect(JSON.stringify([page, count])).not.toMatch(/secret|hier/);
    expect(corruptMessage([])).toBeNull();
  });
});
