/**
 * Reading and writing progress. Every function takes the database first, so the background
 * handlers pass the one open `PapDB` and tests pass their own.
 *
 * Corrupt rows: every reading function checks each row and returns the good ones, plus
 * `corrupt: CorruptRecord[]` listing the rows it set aside (table, id, faulty fields).
 * Writing functions check their input and throw `ProgressInputError` rather than store a row
 * that later reads would have to set aside.
 */
import Dexie from 'dexie';
import * as z from 'zod/mini';
import type { NoteCursor } from './views';
import type { SiteId } from '../sites/registry';
import type { PapDB } from './db';
import { checkNote, type NoteProblem } from './guard';
import {
  keepValid,
  noteSchema,
  sessionSchema,
  stepEventSchema,
  describeIssues,
  type CorruptRecord,
  type Note,
  type Session,
  type SessionMode,
  type StepEvent,
  type StepHow,
} from './schema';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A note was refused by the guard; `kind` says why (the pages put it in words). */
export class SensitiveNoteError extends Error {
  readonly kind: NoteProblem;
  constructor(kind: NoteProblem) {
    super(`note refused: ${kind}`);
    this.name = 'SensitiveNoteError';
    this.kind = kind;
  }
}

/** A write was asked with values that do not fit the stored shape, or on an unknown session. */
export class ProgressInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProgressInputError';
  }
}

const newSession = z.omit(sessionSchema, { id: true });
const newStepEvent = z.omit(stepEventSchema, { id: true });
const newNote = z.omit(noteSchema, { id: true });

function checked<T>(schema: z.ZodMiniType<T>, value: unknown, what: string): T {
  const result = z.safeParse(schema, value);
  if (!result.success) {
    throw new ProgressInputError(`${what}: ${describeIssues(result.error.issues)}`);
  }
  return result.data;
}

/* ---------------------------------------- writing ---------------------------------------- */

export interface StartSessionInput {
  guideId: string;
  site: SiteId;
  mode: SessionMode;
  stepIndex: number;
  stepId: string;
  now: number;
}

/**
 * Starts a session on a guide. Sessions of the same guide still active are marked abandoned, so
 * there is only ever one place to resume from.
 */
export async function startSession(db: PapDB, input: StartSessionInput): Promise<Session> {
  const row = checked(
    newSession,
    {
      guideId: input.guideId,
      site: input.site,
      startedAt: input.now,
      updatedAt: input.now,
      mode: input.mode,
      stepIndex: input.stepIndex,
      stepId: input.stepId,
      status: 'active',
    },
    'session',
  );
  return db.transaction('rw', db.sessions, async () => {
    await db.sessions
      .where('guideId')
      .equals(row.guideId)
      .filter((s) => s.status === 'active')
      .modify({ status: 'abandoned' });
    const id = await db.sessions.add(row);
    return { ...row, id };
  });
}

/** Moves a session to another step. False when the session does not exist. */
export async function updateSessionStep(
  db: PapDB,
  id: number,
  change: { stepIndex: number; stepId: string; now: number },
): Promise<boolean> {
  const { stepIndex, stepId, updatedAt } = checked(
    z.pick(sessionSchema, { stepIndex: true, stepId: true, updatedAt: true }),
    { stepIndex: change.stepIndex, stepId: change.stepId, updatedAt: change.now },
    'step',
  );
  return (await db.sessions.update(id, { stepIndex, stepId, updatedAt })) === 1;
}

/** Switches a session between the person alone and the aidant beside them. */
export async function setSessionMode(
  db: PapDB,
  id: number,
  change: { mode: SessionMode; now: number },
): Promise<boolean> {
  const { mode, updatedAt } = checked(
    z.pick(sessionSchema, { mode: true, updatedAt: true }),
    { mode: change.mode, updatedAt: change.now },
    'mode',
  );
  return (await db.sessions.update(id, { mode, updatedAt })) === 1;
}

/** Ends a session: the procedure was completed (`done`) or given up (`abandoned`). */
export async function finishSession(
  db: PapDB,
  id: number,
  change: { status: 'done' | 'abandoned'; now: number },
): Promise<boolean> {
  const { status, updatedAt } = checked(
    z.pick(sessionSchema, { status: true, updatedAt: true }),
    { status: change.status, updatedAt: change.now },
    'status',
  );
  return (await db.sessions.update(id, { status, updatedAt })) === 1;
}

export interface StepEventInput {
  sessionId: number;
  guideId: string;
  stepId: string;
  how: StepHow;
  now: number;
}

/**
 * Records how a step was done. A step marked twice in the same session keeps only the latest
 * mark (the aidant corrected it). Also counts as activity on the session.
 */
export async function recordStepEvent(db: PapDB, input: StepEventInput): Promise<StepEvent> {
  const row = checked(
    newStepEvent,
    {
      sessionId: input.sessionId,
      guideId: input.guideId,
      stepId: input.stepId,
      how: input.how,
      at: input.now,
    },
    'step event',
  );
  return db.transaction('rw', db.sessions, db.stepEvents, async () => {
    const session = await db.sessions.get(row.sessionId);
    if (!session) throw new ProgressInputError(`step event: no session ${row.sessionId}`);
    if (session.guideId !== row.guideId) {
      throw new ProgressInputError(`step event: session ${row.sessionId} is on another guide`);
    }
    await db.stepEvents
      .where('sessionId')
      .equals(row.sessionId)
      .filter((e) => e.stepId === row.stepId)
      .delete();
    const id = await db.stepEvents.add(row);
    if (typeof session.updatedAt !== 'number' || session.updatedAt < row.at) {
      await db.sessions.update(row.sessionId, { updatedAt: row.at });
    }
    return { ...row, id };
  });
}

export interface NoteInput {
  guideId: string;
  sessionId?: number;
  stepId?: string;
  text: string;
  now: number;
}

/**
 * Stores a note after the guard has read it. Throws `SensitiveNoteError` (nothing is written)
 * when the note is empty, too long, or looks like private data.
 */
export async function addNote(db: PapDB, input: NoteInput): Promise<Note> {
  const verdict = checkNote(input.text);
  if (!verdict.ok) throw new SensitiveNoteError(verdict.kind);
  const draft: Record<string, unknown> = {
    guideId: input.guideId,
    text: input.text.trim(),
    at: input.now,
  };
  if (input.sessionId !== undefined) draft.sessionId = input.sessionId;
  if (input.stepId !== undefined) draft.stepId = input.stepId;
  const row = checked(newNote, draft, 'note');
  return db.transaction('rw', db.sessions, db.notes, async () => {
    if (row.sessionId !== undefined && !(await db.sessions.get(row.sessionId))) {
      throw new ProgressInputError(`note: no session ${row.sessionId}`);
    }
    const id = await db.notes.add(row);
    return { ...row, id };
  });
}

/** Deletes one note. False when it did not exist. */
export async function deleteNote(db: PapDB, id: number): Promise<boolean> {
  return db.transaction('rw', db.notes, async () => {
    if ((await db.notes.get(id)) === undefined) return false;
    await db.notes.delete(id);
    return true;
  });
}

/* ---------------------------------------- reading ---------------------------------------- */

export interface Resume {
  /** Where to pick up: the latest active session of the guide, or null. */
  session: Session | null;
  /** The latest session of the guide whatever its status: what "last time" refers to. */
  last: Session | null;
  /** How each step went in `last`, in the order they were marked. */
  lastEvents: StepEvent[];
  /** Steps the person did alone in `last`. */
  lastAloneCount: number;
  corrupt: CorruptRecord[];
}

/**
 * What the person sees when they come back to a guide: « Reprendre : … vous étiez à l'étape 4 »
 * and how far they went alone last time. Reads a handful of rows whatever the guide's past:
 * the newest session through `[guideId+updatedAt]`, the active ones through `[guideId+status]`
 * (starting a session abandons the others, so there is one), and the step marks of one session.
 * The notes are read a page at a time by `listNotes`.
 */
export async function getResume(db: PapDB, guideId: string): Promise<Resume> {
  return db.transaction('r', db.sessions, db.stepEvents, async () => {
    const corrupt: CorruptRecord[] = [];
    const seen = new Set<number | null>();
    const valid = (row: unknown): row is Session => {
      const bad: CorruptRecord[] = [];
      const ok = keepValid('sessions', sessionSchema, [row], bad).length === 1;
      // The same broken row may come up in both reads below: it is reported once.
      for (const b of bad) {
        if (seen.has(b.id)) continue;
        seen.add(b.id);
        corrupt.push(b);
      }
      return ok;
    };
    const last =
      (await db.sessions
        .where('[guideId+updatedAt]')
        .between([guideId, Dexie.minKey], [guideId, Dexie.maxKey])
        .reverse()
        .filter(valid)
        .first()) ?? null;
    const active = (
      await db.sessions.where('[guideId+status]').equals([guideId, 'active']).toArray()
    )
      .filter(valid)
      .sort((a, b) => b.updatedAt - a.updatedAt || b.id - a.id);
    const session = active[0] ?? null;
    let lastEvents: StepEvent[] = [];
    if (last) {
      const raw = await db.stepEvents.where('sessionId').equals(last.id).toArray();
      lastEvents = keepValid('stepEvents', stepEventSchema, raw, corrupt).sort(oldestFirst);
    }
    return {
      session,
      last,
      lastEvents,
      lastAloneCount: lastEvents.filter((e) => e.how === 'alone').length,
      corrupt,
    };
  });
}

export interface NotePage {
  /** Newest first. May hold fewer than `limit` notes when broken rows were set aside. */
  notes: Note[];
  /** The cursor for the next, older page; null when there is none. */
  next: NoteCursor | null;
  corrupt: CorruptRecord[];
}

/**
 * One page of a guide's notes (whole guide or step, any session), newest first, read through
 * the `[guideId+at]` index: only `limit` rows (and one more, to know whether there is more) are
 * read, whatever the number of notes. `before` is the cursor of the previous page: the page
 * holds the notes strictly older than it, so a note added or deleted meanwhile neither repeats
 * nor skips one. Ties on `at` are broken by id, in the index's own order.
 */
export async function listNotes(
  db: PapDB,
  guideId: string,
  options: { before?: NoteCursor | null; limit: number },
): Promise<NotePage> {
  const { before, limit } = options;
  if (!(Number.isInteger(limit) && limit > 0)) {
    throw new RangeError('listNotes: limit must be a positive integer');
  }
  // Numbers only: a note whose date is not a number cannot be placed (see countNotes).
  const upper = before ? [guideId, before.at] : [guideId, Infinity];
  let rows = db.notes
    .where('[guideId+at]')
    .between([guideId, -Infinity], upper, true, true)
    .reverse();
  if (before) rows = rows.filter((n) => n.at !== before.at || n.id < before.id);
  const raw = await rows.limit(limit + 1).toArray();
  const page = raw.slice(0, limit);
  const end = page[page.length - 1];
  const corrupt: CorruptRecord[] = [];
  return {
    notes: keepValid('notes', noteSchema, page, corrupt),
    next: raw.length > limit && end ? { at: end.at, id: end.id } : null,
    corrupt,
  };
}

/**
 * How many notes a guide has, counted by index without reading them. Rows of the guide whose
 * date is not a number are missing from the pages: they are counted as set aside (their id is
 * not known without reading them).
 */
export async function countNotes(
  db: PapDB,
  guideId: string,
): Promise<{ total: number; corrupt: CorruptRecord[] }> {
  return db.transaction('r', db.notes, async () => {
    const [total, all] = await Promise.all([
      db.notes.where('[guideId+at]').between([guideId, -Infinity], [guideId, Infinity]).count(),
      db.notes.where('guideId').equals(guideId).count(),
    ]);
    const corrupt = Array.from({ length: Math.max(0, all - total) }, () => ({
      table: 'notes' as const,
      id: null,
      reason: 'at: invalid_type',
    }));
    return { total, corrupt };
  });
}

export interface History {
  /** Sessions started on this guide. */
  sessions: number;
  /** Sessions that reached the end of the guide. */
  done: number;
  /** Steps marked, over all sessions, by how they were done. */
  alone: number;
  help: number;
  aidant: number;
  skippedSteps: number;
}

/**
 * Progress toward autonomy on one guide (« seul(e) : 2 fois, avec aide : 3 fois »), counted by
 * index (`[guideId+status]`, `[guideId+how]`): no row is read, however long the guide's past.
 * A row whose status or mark is not a known value is in no count.
 */
export async function getHistory(db: PapDB, guideId: string): Promise<History> {
  return db.transaction('r', db.sessions, db.stepEvents, async () => {
    const byHow = (how: StepHow) =>
      db.stepEvents.where('[guideId+how]').equals([guideId, how]).count();
    const [sessions, done, alone, help, aidant, skippedSteps] = await Promise.all([
      db.sessions.where('guideId').equals(guideId).count(),
      db.sessions.where('[guideId+status]').equals([guideId, 'done']).count(),
      byHow('alone'),
      byHow('help'),
      byHow('aidant'),
      byHow('skipped'),
    ]);
    return { sessions, done, alone, help, aidant, skippedSteps };
  });
}

/** Sessions that can be resumed, most recently used first. */
export async function listActiveSessions(
  db: PapDB,
): Promise<{ sessions: Session[]; corrupt: CorruptRecord[] }> {
  const corrupt: CorruptRecord[] = [];
  const raw = await db.sessions.where('status').equals('active').toArray();
  const sessions = keepValid('sessions', sessionSchema, raw, corrupt).sort(
    (a, b) => b.updatedAt - a.updatedAt || b.id - a.id,
  );
  return { sessions, corrupt };
}

export interface Removed {
  sessions: number;
  stepEvents: number;
  notes: number;
}

/**
 * Automatic clean-up: removes sessions not used for more than `days` days, with their step
 * events and notes. A note on the whole guide (no session) goes when it is older than the delay
 * and the guide has no session left within it: it still serves while the guide is in use.
 */
export async function cleanupOlderThan(db: PapDB, days: number, now: number): Promise<Removed> {
  if (!(Number.isFinite(days) && days > 0)) {
    throw new RangeError('cleanupOlderThan: days must be a positive number');
  }
  const cutoff = now - days * DAY_MS;
  // Reads the old rows through indexes, not whole tables: this runs each time the worker starts.
  return db.transaction('rw', db.sessions, db.stepEvents, db.notes, async () => {
    const oldIds = await db.sessions.where('updatedAt').below(cutoff).primaryKeys();
    await db.sessions.bulkDelete(oldIds);
    const keptIds = new Set(await db.sessions.toCollection().primaryKeys());
    const keptGuides = new Set(await db.sessions.orderBy('guideId').uniqueKeys());
    const stepEvents =
      (await db.stepEvents.where('sessionId').anyOf(oldIds).delete()) +
      (await db.stepEvents
        .where('at')
        .below(cutoff)
        .filter((e) => !keptIds.has(e.sessionId))
        .delete());
    const notes =
      (await db.notes.where('sessionId').anyOf(oldIds).delete()) +
      (await db.notes
        .where('at')
        .below(cutoff)
        .filter((n) =>
          n.sessionId !== undefined ? !keptIds.has(n.sessionId) : !keptGuides.has(n.guideId),
        )
        .delete());
    return { sessions: oldIds.length, stepEvents, notes };
  });
}

function oldestFirst(a: { at: number; id: number }, b: { at: number; id: number }): number {
  return a.at - b.at || a.id - b.id;
}
