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
  /** Every note on the guide (whole guide, step, any session), newest first. */
  notes: Note[];
  corrupt: CorruptRecord[];
}

/**
 * What the person sees when they come back to a guide: « Reprendre : … vous étiez à l'étape 4 »,
 * the aidant's notes, and how far they went alone last time.
 * Sessions are read through the `[guideId+updatedAt]` index, newest first.
 */
export async function getResume(db: PapDB, guideId: string): Promise<Resume> {
  return db.transaction('r', db.sessions, db.stepEvents, db.notes, async () => {
    const corrupt: CorruptRecord[] = [];
    const rawSessions = await db.sessions
      .where('[guideId+updatedAt]')
      .between([guideId, Dexie.minKey], [guideId, Dexie.maxKey])
      .reverse()
      .toArray();
    const sessions = keepValid('sessions', sessionSchema, rawSessions, corrupt);
    const session = sessions.find((s) => s.status === 'active') ?? null;
    const last = sessions[0] ?? null;
    let lastEvents: StepEvent[] = [];
    if (last) {
      const raw = await db.stepEvents.where('sessionId').equals(last.id).toArray();
      lastEvents = keepValid('stepEvents', stepEventSchema, raw, corrupt).sort(oldestFirst);
    }
    const rawNotes = await db.notes.where('guideId').equals(guideId).toArray();
    const notes = keepValid('notes', noteSchema, rawNotes, corrupt).sort(newestFirst);
    return {
      session,
      last,
      lastEvents,
      lastAloneCount: lastEvents.filter((e) => e.how === 'alone').length,
      notes,
      corrupt,
    };
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
  corrupt: CorruptRecord[];
}

/** Progress toward autonomy on one guide (« seul(e) : 2 fois, avec aide : 3 fois »). */
export async function getHistory(db: PapDB, guideId: string): Promise<History> {
  return db.transaction('r', db.sessions, db.stepEvents, async () => {
    const corrupt: CorruptRecord[] = [];
    const sessions = keepValid(
      'sessions',
      sessionSchema,
      await db.sessions.where('guideId').equals(guideId).toArray(),
      corrupt,
    );
    const events = keepValid(
      'stepEvents',
      stepEventSchema,
      await db.stepEvents.where('guideId').equals(guideId).toArray(),
      corrupt,
    );
    const count = (how: StepHow) => events.filter((e) => e.how === how).length;
    return {
      sessions: sessions.length,
      done: sessions.filter((s) => s.status === 'done').length,
      alone: count('alone'),
      help: count('help'),
      aidant: count('aidant'),
      skippedSteps: count('skipped'),
      corrupt,
    };
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
  return db.transaction('rw', db.sessions, db.stepEvents, db.notes, async () => {
    const oldIds = await db.sessions.where('updatedAt').below(cutoff).primaryKeys();
    await db.sessions.bulkDelete(oldIds);
    const kept = await db.sessions.toArray();
    const keptIds = new Set(kept.map((s) => s.id));
    const keptGuides = new Set(kept.map((s) => s.guideId));
    const gone = new Set(oldIds);
    const stepEvents = await db.stepEvents
      .filter((e) => gone.has(e.sessionId) || (e.at < cutoff && !keptIds.has(e.sessionId)))
      .delete();
    const notes = await db.notes
      .filter((n) =>
        n.sessionId !== undefined
          ? gone.has(n.sessionId) || (n.at < cutoff && !keptIds.has(n.sessionId))
          : n.at < cutoff && !keptGuides.has(n.guideId),
      )
      .delete();
    return { sessions: oldIds.length, stepEvents, notes };
  });
}

function oldestFirst(a: { at: number; id: number }, b: { at: number; id: number }): number {
  return a.at - b.at || a.id - b.id;
}

function newestFirst(a: { at: number; id: number }, b: { at: number; id: number }): number {
  return b.at - a.at || b.id - a.id;
}
