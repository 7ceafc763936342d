/**
 * Turns zod issues into located messages. Zod reports a value that fits none of the forms of a
 * union (a step or an include; one locator or a list) as one issue holding every form's issues:
 * only the form the author most likely meant is reported.
 */
import type { z } from 'zod';
import { wrongTypeMessage } from './schema';
import { valueAt, type DataPath } from './yaml-source';

export interface LocatedIssue {
  path: DataPath;
  message: string;
  /** Point at the key rather than the value (unknown keys). */
  atKey: boolean;
}

type Issue = z.core.$ZodIssue;

function toPath(path: readonly PropertyKey[]): (string | number)[] {
  return path.map((p) => (typeof p === 'number' ? p : String(p)));
}

function rank(issues: readonly Issue[], value: unknown): number[] {
  const wrongType = issues.some((i) => i.code === 'invalid_type' && i.path.length === 0);
  const missing = issues.some(
    (i) => i.code === 'invalid_type' && valueAt(value, toPath(i.path)) === undefined,
  );
  const count = issues.reduce(
    (n, i) => n + (i.code === 'unrecognized_keys' ? i.keys.length : 1),
    0,
  );
  return [wrongType ? 1 : 0, missing ? 1 : 0, count];
}

function compare(a: readonly number[], b: readonly number[]): number {
  for (let k = 0; k < a.length; k++) {
    const d = (a[k] ?? 0) - (b[k] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The union branch with the fewest problems; on a tie, the later one (the fuller form). */
function pickBranch(branches: readonly (readonly Issue[])[], value: unknown): readonly Issue[] {
  let best: readonly Issue[] = [];
  let bestRank: number[] | null = null;
  for (const issues of branches) {
    const r = rank(issues, value);
    if (bestRank === null || compare(r, bestRank) <= 0) {
      best = issues;
      bestRank = r;
    }
  }
  return best;
}

export function locateIssues(
  issues: readonly Issue[],
  data: unknown,
  base: DataPath = [],
): LocatedIssue[] {
  const out: LocatedIssue[] = [];
  for (const issue of issues) {
    const path = [...base, ...toPath(issue.path)];
    if (issue.code === 'invalid_union') {
      // The value has none of the accepted types: say which ones, rather than one branch's.
      const types = issue.errors.map((b) =>
        b.find((i) => i.code === 'invalid_type' && !i.path.length),
      );
      if (types.every((t) => t?.code === 'invalid_type')) {
        const expected = types.flatMap((t) => (t?.code === 'invalid_type' ? [t.expected] : []));
        out.push({ path, message: wrongTypeMessage(path, expected), atKey: false });
        continue;
      }
      out.push(...locateIssues(pickBranch(issue.errors, valueAt(data, path)), data, path));
    } else if (issue.code === 'unrecognized_keys') {
      const lines = issue.message.split('\n');
      issue.keys.forEach((key, i) => {
        out.push({ path: [...path, key], message: lines[i] ?? lines[0] ?? '', atKey: true });
      });
    } else {
      const atKey = issue.code === 'custom' && issue.params?.atKey === true;
      out.push({ path, message: issue.message, atKey });
    }
  }
  return out;
}
