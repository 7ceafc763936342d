/**
 * Shapes of the stored rows, checked on every read and on import.
 *
 * IndexedDB keeps whatever was put in it: an older build, a half-written import or a manual edit
 * can leave a row that does not fit. Such a row is set aside and reported, never allowed to
 * break the screens that read the rest.
 */
import * as z from 'zod/mini';
import { HowSchema, ModeSchema, type How, type Mode } from '../guides/model';

export const SESSION_STATUSES = ['active', 'done', 'abandoned'] as const;

export type SessionMode = Mode;
export type SessionStatus = (typeof SESSION_STATUSES)[number];
export type StepHow = How;

const rowId = z.int().check(z.positive());
/** Milliseconds since 1970, as from `Date.now()`. */
const time = z.number().check(z.nonnegative());
const name = z.string().check(z.minLength(1), z.maxLength(200));

export const sessionSchema = z.object({
  id: rowId,
  guideId: name,
  /** A `SiteId`; kept as a string so that rows stay readable if the site list changes. */
  site: name,
  startedAt: time,
  updatedAt: time,
  mode: ModeSchema,
  stepIndex: z.int().check(z.nonnegative()),
  /** Empty for sessions that came from schema version 1 without a step id. */
  stepId: z.string().check(z.maxLength(200)),
  status: z.enum(SESSION_STATUSES),
});

export const stepEventSchema = z.object({
  id: rowId,
  sessionId: rowId,
  guideId: name,
  stepId: name,
  how: HowSchema,
  at: time,
});

export const noteSchema = z.object({
  id: rowId,
  sessionId: z.optional(rowId),
  guideId: name,
  stepId: z.optional(name),
  // The guard limits new notes to 500 characters; reading is a little more lenient.
  text: z.string().check(z.minLength(1), z.maxLength(2000)),
  at: time,
});

export type Session = z.infer<typeof sessionSchema>;
export type StepEvent = z.infer<typeof stepEventSchema>;
export type Note = z.infer<typeof noteSchema>;

export type TableName = 'sessions' | 'stepEvents' | 'notes';

/**
 * A stored row that was set aside because it does not have the expected shape.
 * `reason` names the faulty fields, never their values (they may be private).
 */
export interface CorruptRecord {
  table: TableName;
  id: number | null;
  reason: string;
}

/** Keeps the rows that fit `schema`; adds one `CorruptRecord` to `corrupt` for each other one. */
export function keepValid<T>(
  table: TableName,
  schema: z.ZodMiniType<T>,
  rows: readonly unknown[],
  corrupt: CorruptRecord[],
): T[] {
  const good: T[] = [];
  for (const row of rows) {
    const result = z.safeParse(schema, row);
    if (result.success) good.push(result.data);
    else corrupt.push({ table, id: rowIdOf(row), reason: describeIssues(result.error.issues) });
  }
  return good;
}

export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 5)
    .map((i) => `${i.path.length ? i.path.join('.') : '(row)'}: ${i.code}`)
    .join('; ');
}

function rowIdOf(row: unknown): number | null {
  if (typeof row === 'object' && row !== null && 'id' in row) {
    const id = (row as { id: unknown }).id;
    if (typeof id === 'number') return id;
  }
  return null;
}

/** One plain French sentence for the person when some rows were set aside, or null. */
export function corruptMessage(corrupt: readonly CorruptRecord[]): string | null {
  if (corrupt.length === 0) return null;
  const n = corrupt.length;
  return n === 1
    ? 'Une information enregistrée était abîmée. Elle a été mise de côté. Le reste fonctionne.'
    : `${n} informations enregistrées étaient abîmées. Elles ont été mises de côté. Le reste fonctionne.`;
}
