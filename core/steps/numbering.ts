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
