/**
 * The person's data as a file: export, import (replace or merge) and erase everything.
 *
 * An import is all or nothing: a file that does not read as a Pas à pas export writes nothing.
 * Two things are dropped on the way in rather than refusing the file, and counted: notes the
 * guard refuses (a file may come from an older version with a weaker guard, or be edited by
 * hand), and step events or notes whose session is not in the file.
 */
import * as z from 'zod/mini';
import { upgradeSessionV1, type PapDB } from './db';
import { checkNote } from './guard';
import type { ImportProblem } from './import-problems';
import { MAX_FILE_BYTES, utf8Length } from './limits';
import type { Removed } from './repo';
import {
  keepValid,
  noteSchema,
  sessionSchema,
  stepEventSchema,
  type CorruptRecord,
  type Note,
  type Session,
  type StepEvent,
} from './schema';

export const EXPORT_FORMAT = 'pas-a-pas-export';
export const EXPORT_VERSION = 2;

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  /** ISO 8601 date of the export. */
  exportedAt: string;
  sessions: Session[];
  stepEvents: StepEvent[];
  notes: Note[];
}

/** Everything stored, as one file. Corrupt rows are left out and listed in `corrupt`. */
export async function exportAll(
  db: PapDB,
  now: number,
): Promise<{ file: ExportFile; corrupt: CorruptRecord[] }> {
  return db.transaction('r', db.sessions, db.stepEvents, db.notes, async () => {
    const corrupt: CorruptRecord[] = [];
    const file: ExportFile = {
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      exportedAt: new Date(now).toISOString(),
      sessions: keepValid('sessions', sessionSchema, await db.sessions.toArray(), corrupt),
      stepEvents: keepValid('stepEvents', stepEventSchema, await db.stepEvents.toArray(), corrupt),
      notes: keepValid('notes', noteSchema, await db.notes.toArray(), corrupt),
    };
    return { file, corrupt };
  });
}

/** Pretty JSON, so the file can be read or printed by the person or their aidant. */
export function serialiseExport(file: ExportFile): string {
  return JSON.stringify(file, null, 2) + '\n';
}

/**
 * The export as the text of a file, unless the file would weigh more than `limit` bytes: such a
 * file could not be imported back, so none is made and the caller says so. (Splitting it would
 * leave the person with several files to keep together and bring back in the right order, each
 * import all or nothing; clearing old data with the clean-up is simpler and keeps one file.)
 */
export function exportText(
  file: ExportFile,
  limit: number = MAX_FILE_BYTES,
): { ok: true; text: string } | { ok: false; size: number } {
  const text = serialiseExport(file);
  const size = utf8Length(text);
  return size <= limit ? { ok: true, text } : { ok: false, size };
}

/** A file name such as `pas-a-pas-2025-03-12.json`. */
export function exportFileName(now: number): string {
  return `pas-a-pas-${new Date(now).toISOString().slice(0, 10)}.json`;
}

export type ParsedImport =
  | {
      ok: true;
      file: ExportFile;
      /** Version of the file as read (version-1 files are brought to the current shape). */
      fromVersion: 1 | 2;
      dropped: { refusedNotes: number; orphans: number };
    }
  | { ok: false; kind: ImportProblem };

const header = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.int(),
  // Kept as found; older files may have written a timestamp.
  exportedAt: z.optional(z.union([z.string(), z.number()])),
});
const fileV1 = z.object({ sessions: z.array(z.unknown()) });
const fileV2 = z.object({
  sessions: z.array(z.unknown()),
  stepEvents: z.array(z.unknown()),
  notes: z.array(z.unknown()),
});

/** Reads an export file. A refusal says why as a kind; the pages put it in words. */
export function parseImport(text: string): ParsedImport {
  // Never more code units than bytes: a file the export made is within this (see limits.ts).
  if (text.length > MAX_FILE_BYTES) {
    return { ok: false, kind: 'too-big' };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, kind: 'unreadable' };
  }
  const head = z.safeParse(header, json);
  if (!head.success) return { ok: false, kind: 'not-ours' };
  const version = head.data.version;
  if (version > EXPORT_VERSION) {
    return { ok: false, kind: 'newer' };
  }
  if (version !== 1 && version !== 2) return { ok: false, kind: 'not-ours' };

  let rawSessions: unknown[];
  let rawEvents: unknown[] = [];
  let rawNotes: unknown[] = [];
  if (version === 1) {
    const body = z.safeParse(fileV1, json);
    if (!body.success) return { ok: false, kind: 'damaged-list' };
    rawSessions = body.data.sessions.map((row) => {
      if (typeof row !== 'object' || row === null) return row;
      const copy = { ...(row as Record<string, unknown>) };
      upgradeSessionV1(copy);
      return copy;
    });
  } else {
    const body = z.safeParse(fileV2, json);
    if (!body.success) return { ok: false, kind: 'damaged-file' };
    rawSessions = body.data.sessions;
    rawEvents = body.data.stepEvents;
    rawNotes = body.data.notes;
  }

  const bad: CorruptRecord[] = [];
  const sessions = keepValid('sessions', sessionSchema, rawSessions, bad);
  if (bad.length || hasDuplicateIds(sessions)) return { ok: false, kind: 'damaged-session' };
  const events = keepValid('stepEvents', stepEventSchema, rawEvents, bad);
  if (bad.length || hasDuplicateIds(events)) return { ok: false, kind: 'damaged-step' };
  const notes = keepValid('notes', noteSchema, rawNotes, bad);
  if (bad.length || hasDuplicateIds(notes)) return { ok: false, kind: 'damaged-note' };

  const sessionIds = new Set(sessions.map((s) => s.id));
  const linked = (row: { sessionId?: number }) =>
    row.sessionId === undefined || sessionIds.has(row.sessionId);
  const keptEvents = events.filter(linked);
  const linkedNotes = notes.filter(linked);
  const keptNotes = linkedNotes.filter((n) => checkNote(n.text).ok);

  return {
    ok: true,
    fromVersion: version,
    file: {
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      exportedAt: isoDate(head.data.exportedAt),
      sessions,
      stepEvents: keptEvents,
      notes: keptNotes,
    },
    dropped: {
      refusedNotes: linkedNotes.length - keptNotes.length,
      orphans: events.length - keptEvents.length + (notes.length - linkedNotes.length),
    },
  };
}

function isoDate(value: string | number | undefined): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Math.abs(value) <= 8.64e15) return new Date(value).toISOString();
  return '';
}

function hasDuplicateIds(rows: readonly { id: number }[]): boolean {
  return new Set(rows.map((r) => r.id)).size !== rows.length;
}

export interface Imported extends Removed {
  /** Sessions of the file already stored (same guide, site and start time), not added again. */
  alreadyPresent: number;
}

/**
 * Writes a file read by `parseImport` (or made by `exportAll`), in one transaction.
 * - `replace`: erases everything first, then stores the file's rows with their own ids.
 * - `merge`: adds the file's rows beside what is stored, under new ids (step events and notes
 *   follow their session). A session already stored is skipped with its events and notes, so
 *   importing the same file twice does not count the same progress twice.
 */
export async function importAll(
  db: PapDB,
  file: ExportFile,
  options: { mode: 'replace' | 'merge' },
): Promise<Imported> {
  // The guard runs again: a file built by other means must not bring a refused note in either.
  const notes = file.notes.filter((n) => checkNote(n.text).ok);
  return db.transaction('rw', db.sessions, db.stepEvents, db.notes, async () => {
    if (options.mode === 'replace') {
      await Promise.all([db.sessions.clear(), db.stepEvents.clear(), db.notes.clear()]);
      await db.sessions.bulkAdd(file.sessions);
      await db.stepEvents.bulkAdd(file.stepEvents);
      await db.notes.bulkAdd(notes);
      return {
        sessions: file.sessions.length,
        stepEvents: file.stepEvents.length,
        notes: notes.length,
        alreadyPresent: 0,
      };
    }

    const sessionKey = (s: { guideId: unknown; site: unknown; startedAt: unknown }) =>
      JSON.stringify([s.guideId, s.site, s.startedAt]);
    const noteKey = (n: Pick<Note, 'guideId' | 'stepId' | 'text' | 'at'>) =>
      JSON.stringify([n.guideId, n.stepId ?? null, n.text, n.at]);
    const storedSessions = new Set((await db.sessions.toArray()).map(sessionKey));
    const storedGuideNotes = new Set(
      (await db.notes.filter((n) => n.sessionId === undefined).toArray()).map(noteKey),
    );

    const newIds = new Map<number, number>();
    let alreadyPresent = 0;
    for (const { id, ...row } of file.sessions) {
      if (storedSessions.has(sessionKey(row))) {
        alreadyPresent++;
        continue;
      }
      newIds.set(id, await db.sessions.add(row));
    }
    let stepEvents = 0;
    for (const { id: _id, ...row } of file.stepEvents) {
      const sessionId = newIds.get(row.sessionId);
      if (sessionId === undefined) continue;
      await db.stepEvents.add({ ...row, sessionId });
      stepEvents++;
    }
    let added = 0;
    for (const { id: _id, ...row } of notes) {
      if (row.sessionId === undefined) {
        if (storedGuideNotes.has(noteKey(row))) continue;
        await db.notes.add(row);
      } else {
        const sessionId = newIds.get(row.sessionId);
        if (sessionId === undefined) continue;
        await db.notes.add({ ...row, sessionId });
      }
      added++;
    }
    return { sessions: newIds.size, stepEvents, notes: added, alreadyPresent };
  });
}

/** Erases every session, step event and note. The caller asks for a clear confirmation first. */
export async function eraseAll(db: PapDB): Promise<Removed> {
  // « Tout effacer » means all: the authoring kit's drift notes go too (they say which guides
  // this computer ran), though they are not counted among the person's data.
  return db.transaction('rw', [db.sessions, db.stepEvents, db.notes, db.drift], async () => {
    const [sessions, stepEvents, notes] = await Promise.all([
      db.sessions.count(),
      db.stepEvents.count(),
      db.notes.count(),
    ]);
    await Promise.all([
      db.sessions.clear(),
      db.stepEvents.clear(),
      db.notes.clear(),
      db.drift.clear(),
    ]);
    return { sessions, stepEvents, notes };
  });
}
