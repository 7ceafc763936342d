import { describe, expect, it } from 'vitest';
import type { Guide, Step } from '../../../core/guides/types';
import {
  enter,
  listNumbers,
  parseEntered,
  previousCounted,
  stepNumber,
} from '../../../core/steps/numbering';
import { bundledGuides } from '../components/helpers';

type StepSpec = Partial<Step> & { id: string };

function guide(steps: StepSpec[]): Pick<Guide, 'steps'> {
  return { steps: steps.map((s) => ({ title: s.id, text: s.id, action: 'click', ...s })) };
}

/** Home, the site's own login (two optional steps), the FranceConnect route (two), the end. */
const g = guide([
  { id: 'accueil' },
  { id: 'numero', optional: true, on: { url: ['x.caf.fr/login'] } },
  { id: 'mdp', optional: true, on: { url: ['x.caf.fr/login'] } },
  { id: 'fc-choisir', optional: true, on: { url: ['x.caf.fr/fc'] } },
  { id: 'fc-continuer', optional: true, on: { url: ['x.caf.fr/fc'] } },
  { id: 'tableau' },
  { id: 'fin' },
]);

/** The « Étape N sur M » shown along a route, as the background records entered steps. */
function walk(route: number[]): string[] {
  let entered: number[] = [];
  return route.map((i) => {
    entered = enter(g, entered, i);
    const { n, total } = stepNumber(g, i, entered);
    return `${n}/${total}`;
  });
}

describe('stepNumber', () => {
  it('counts the required steps, plus the optional ones entered', () => {
    expect(stepNumber(g, 0)).toEqual({ n: 1, total: 3 });
    expect(stepNumber(g, 5)).toEqual({ n: 2, total: 3 });
    expect(stepNumber(g, 1, [1])).toEqual({ n: 2, total: 4 });
    // The current step always counts, entered or not.
    expect(stepNumber(g, 3)).toEqual({ n: 2, total: 4 });
  });

  it('N goes up one by one on either route, and never jumps', () => {
    expect(walk([0, 1, 2, 5, 6])).toEqual(['1/3', '2/4', '3/5', '4/5', '5/5']);
    expect(walk([0, 3, 4, 5, 6])).toEqual(['1/3', '2/4', '3/5', '4/5', '5/5']);
    // Started with the site's login, then FranceConnect: each step entered counts once.
    expect(walk([0, 1, 3, 4, 5, 6])).toEqual(['1/3', '2/4', '3/5', '4/6', '5/6', '6/6']);
    // No optional step at all (logged in already).
    expect(walk([0, 5, 6])).toEqual(['1/3', '2/3', '3/3']);
  });

  it('N never jumps along the bundled guides, on the site’s login and on FranceConnect', () => {
    for (const bundled of bundledGuides()) {
      const ids = bundled.steps.map((s) => s.id);
      const site = bundled.steps.flatMap((s, i) => (!s.id.includes('.') ? [i] : []));
      const fc = bundled.steps.flatMap((s, i) => (!s.optional || s.id.includes('.') ? [i] : []));
      for (const route of [site, fc]) {
        let entered: number[] = [];
        const ns = route.map((i) => {
          entered = enter(bundled, entered, i);
          return stepNumber(bundled, i, entered).n;
        });
        expect(ns, `${bundled.id}: ${route.map((i) => ids[i]).join(', ')}`).toEqual(
          ns.map((_, k) => k + 1),
        );
      }
    }
  });
});

describe('previousCounted', () => {
  it('goes back to the step shown before, over optional steps not entered', () => {
    expect(previousCounted(g, 5, [1, 2])).toBe(2);
    expect(previousCounted(g, 5, [3, 4])).toBe(4);
    expect(previousCounted(g, 5)).toBe(0);
    expect(previousCounted(g, 0)).toBeNull();
  });
});

describe('enter', () => {
  it('records optional steps only, once, in order', () => {
    expect(enter(g, [], 0)).toEqual([]);
    expect(enter(g, [3], 1)).toEqual([1, 3]);
    expect(enter(g, [1, 3], 3)).toEqual([1, 3]);
  });
});

describe('listNumbers (the paper memo)', () => {
  it('numbers the counted steps as the step bar does, and leaves the others without', () => {
    expect(listNumbers(g)).toEqual({ numbers: [1, null, null, null, null, 2, 3], total: 3 });
    // The site's own login taken: its two steps are counted, FranceConnect's are not.
    expect(listNumbers(g, [1, 2])).toEqual({ numbers: [1, 2, 3, null, null, 4, 5], total: 5 });
    expect(walk([0, 1, 2, 5, 6])).toEqual(['1/3', '2/4', '3/5', '4/5', '5/5']);
  });

  it('agrees with stepNumber on every counted step of every bundled guide', () => {
    for (const bundled of bundledGuides()) {
      const optional = bundled.steps.flatMap((s, i) => (s.optional ? [i] : []));
      for (const entered of [[], optional, optional.filter((_, k) => k % 2 === 1)]) {
        const { numbers, total } = listNumbers(bundled, entered);
        bundled.steps.forEach((s, i) => {
          const counted = !s.optional || entered.includes(i);
          expect(numbers[i], `${bundled.id} step ${s.id}`).toBe(
            counted ? stepNumber(bundled, i, entered).n : null,
          );
          if (counted) expect(total).toBe(stepNumber(bundled, i, entered).total);
        });
      }
    }
  });
});

describe('parseEntered', () => {
  it('keeps the optional steps of the guide only, sorted, once each', () => {
    expect(parseEntered(g, '4,1,1')).toEqual([1, 4]);
    expect(parseEntered(g, '0,5,99,-1,2.5,x,,3')).toEqual([3]);
    expect(parseEntered(g, null)).toEqual([]);
    expect(parseEntered(g, '')).toEqual([]);
  });
});
