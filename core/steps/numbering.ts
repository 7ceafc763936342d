/**
 * « Étape N sur M »: the steps counted are the required ones plus the optional ones the person
 * has entered (and the current one). An optional step passed over (a code not asked, the route
 * not taken) is not counted, so N goes up by one from step to step and never jumps.
 */
import type { Guide } from '../guides/types';

type Steps = Pick<Guide, 'steps'>;

function counted(guide: Steps, index: number, entered: readonly number[]): (k: number) => boolean {
  return (k) => k === index || !guide.steps[k]?.optional || entered.includes(k);
}

export interface StepNumber {
  /** 1-based position of the current step among the counted ones. */
  n: number;
  total: number;
}

export function stepNumber(
  guide: Steps,
  index: number,
  entered: readonly number[] = [],
): StepNumber {
  const isCounted = counted(guide, index, entered);
  let n = 0;
  let total = 0;
  guide.steps.forEach((_, k) => {
    if (!isCounted(k)) return;
    total++;
    if (k <= index) n++;
  });
  return { n: Math.max(n, 1), total: Math.max(total, 1) };
}

/** The counted step before `index` in the list (« Étape précédente »), or null on the first. */
export function previousCounted(
  guide: Steps,
  index: number,
  entered: readonly number[] = [],
): number | null {
  const isCounted = counted(guide, index, entered);
  for (let k = Math.min(index, guide.steps.length) - 1; k >= 0; k--) if (isCounted(k)) return k;
  return null;
}

/** `entered` with step `index` added when it is optional (sorted, without repeats). */
export function enter(guide: Steps, entered: readonly number[], index: number): number[] {
  if (!guide.steps[index]?.optional || entered.includes(index)) return [...entered];
  return [...entered, index].sort((a, b) => a - b);
}

/**
 * The numbers of a whole guide as a list shows them (the paper memo): each counted step gets
 * the N the step bar gives it (`stepNumber`), an optional step not entered gets none (null).
 * `total` is the M of the step bar on a counted step.
 */
export function listNumbers(
  guide: Steps,
  entered: readonly number[] = [],
): { numbers: (number | null)[]; total: number } {
  let n = 0;
  const numbers = guide.steps.map((s, k) => (!s.optional || entered.includes(k) ? ++n : null));
  return { numbers, total: Math.max(n, 1) };
}

/**
 * The `entered` list carried in an address (`?entered=2,5`): indices of the guide's optional
 * steps only, sorted; anything else is left out.
 */
export function parseEntered(guide: Steps, value: string | null): number[] {
  if (!value) return [];
  const out = new Set<number>();
  for (const part of value.split(',')) {
    if (!/^\d{1,3}$/.test(part)) continue;
    const k = Number(part);
    if (guide.steps[k]?.optional) out.add(k);
  }
  return [...out].sort((a, b) => a - b);
}
