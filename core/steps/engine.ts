/**
 * How a guide follows the person: given the step they are on and what the page shows, which
 * step is current now. Pure functions over a `PageProbe`, so the rules can be tested without a
 * browser (see docs: "Step engine semantics").
 */
import type { Condition, Guide, Locator } from '../guides/types';

/** All the engine reads of a guide: its steps (a compiled guide or the page's running guide). */
type Steps = Pick<Guide, 'steps'>;
import { matchUrlPattern } from '../guides/url-pattern';
import { findTarget } from '../locate/locate';

/** What the engine may ask about the page. */
export interface PageProbe {
  /** The address without its scheme: `host/path?query#hash` (see urlKey in core/sites/recognise). */
  url: string;
  /** Whether one of the locators finds a visible element. */
  present(locators: Locator[]): boolean;
}

export type Move = 'none' | 'advanced' | 'jumped';

export interface Evaluation {
  index: number;
  finished: boolean;
  moved: Move;
}

/**
 * A condition holds when one of its URL patterns matches (if any are given), every `present`
 * locator finds a visible element and no `absent` locator does. No condition always holds.
 */
export function conditionHolds(c: Condition | undefined, probe: PageProbe): boolean {
  if (!c) return true;
  if (c.url && c.url.length > 0 && !c.url.some((p) => matchUrlPattern(p, probe.url))) {
    return false;
  }
  if (c.present && !c.present.every((l) => probe.present([l]))) return false;
  if (c.absent && c.absent.some((l) => probe.present([l]))) return false;
  return true;
}

/** The step after `index`: its `next` id if it names a step, else the following one; null after the last. */
export function nextIndex(guide: Steps, index: number): number | null {
  const step = guide.steps[index];
  if (!step) return null;
  if (step.next !== undefined) {
    const target = guide.steps.findIndex((s) => s.id === step.next);
    if (target !== -1) return target;
  }
  return index + 1 < guide.steps.length ? index + 1 : null;
}

function doneHolds(guide: Steps, index: number, probe: PageProbe): boolean {
  const done = guide.steps[index]?.done;
  return done !== undefined && conditionHolds(done, probe);
}

function onHolds(guide: Steps, index: number, probe: PageProbe): boolean {
  return conditionHolds(guide.steps[index]?.on, probe);
}

/**
 * The current step after looking at the page:
 * 1. auto-advance: while the current step's `done` holds, move to its next step; the cascade
 *    stops at a step whose `on` does not hold (the page for it has not come yet);
 * 2. jump forward: if the current step's `on` does not hold, go to the first later step (in list
 *    order) that has an `on` which holds and a `done` which does not;
 * 3. finished: on the last step (no next) when its `on` holds or it has none.
 * A `next` cycle cannot hang the page: the cascade is limited to one pass over the steps.
 */
export function evaluate(guide: Steps, index: number, probe: PageProbe): Evaluation {
  const count = guide.steps.length;
  if (count === 0) return { index: 0, finished: false, moved: 'none' };
  let i = Math.min(Math.max(Math.trunc(index) || 0, 0), count - 1);
  let moved: Move = 'none';

  if (doneHolds(guide, i, probe)) {
    let budget = count;
    for (;;) {
      const n = nextIndex(guide, i);
      if (n === null || budget-- <= 0) break;
      i = n;
      moved = 'advanced';
      if (!onHolds(guide, i, probe) || !doneHolds(guide, i, probe)) break;
    }
  }

  if (!onHolds(guide, i, probe)) {
    for (let k = i + 1; k < count; k++) {
      const step = guide.steps[k];
      if (step?.on && conditionHolds(step.on, probe) && !doneHolds(guide, k, probe)) {
        i = k;
        moved = 'jumped';
        break;
      }
    }
  }

  const finished = nextIndex(guide, i) === null && onHolds(guide, i, probe);
  return { index: i, finished, moved };
}

/**
 * A probe on a live document. It is a snapshot for one evaluation: answers are remembered, so
 * make a new probe after the page changes.
 */
export function domProbe(doc: Document, urlKey: string): PageProbe {
  const answers = new Map<string, boolean>();
  return {
    url: urlKey,
    present(locators: Locator[]): boolean {
      const key = JSON.stringify(locators);
      let answer = answers.get(key);
      if (answer === undefined) {
        // On the page, usable or not: a disabled button or one behind a dialog is still there.
        answer = findTarget(doc, locators).status !== 'missing';
        answers.set(key, answer);
      }
      return answer;
    },
  };
}
