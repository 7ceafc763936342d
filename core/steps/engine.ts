/**
 * How a guide follows the person: given the step they are on and what the page shows, which
 * step is current now. Pure functions over a `PageProbe`, so the rules can be tested without a
 * browser. The rules (guides/README.md says the same for guide authors):
 *
 * 1. A step is done when its `done` holds; a `fill` step without `submit` also when its field
 *    has been filled in and left (focus is elsewhere and the field no longer shows itself
 *    empty: not `:placeholder-shown`, `:valid` when required, else typed into), judged from
 *    the field's state and never from what was typed; a `fill` or `choose` step with `submit`
 *    and no `done` also when that button has been pressed.
 * 2. A done step moves the guide to its next step. Optional steps (`optional: true`) whose
 *    `on` does not hold are passed over: they do not apply to this person.
 * 3. In one look at the page the guide never passes a step it has just reached, unless that
 *    step's `done` is only an address and holds (the person already went through its page).
 *    A `done` that already held when the step began on this page does not count either while
 *    the step's `on` holds (the controller tells, see `staleDone`): several steps on one page
 *    (number, password, « Se connecter ») each wait for the person, whatever the page
 *    already shows.
 * 4. Jump forward: when the current step's `on` does not hold (the person took another route,
 *    or went ahead alone), the guide goes to the first later step whose `on` holds and which
 *    is not done, but never past a required step meant for this very page (its `on.url`
 *    matches, the current step included) whose elements have not shown up yet: that step
 *    comes first. Within one page, only `done` moves the guide on.
 * 5. Finished: on the last step (no next) when its `on` holds or it has none.
 * A `next` cycle cannot hang the page: every walk is limited to one pass over the steps.
 */
import type { Condition, Guide, Locator, Step } from '../guides/types';
import { matchUrlPattern } from '../guides/url-pattern';
import { findTarget } from '../locate/locate';

/** All the engine reads of a guide: its steps (a compiled guide or the page's running guide). */
type Steps = Pick<Guide, 'steps'>;

/** What the engine may ask about the page. */
export interface PageProbe {
  /** The address without its scheme: `host/path?query#hash` (see urlKey in core/sites/recognise). */
  url: string;
  /** Whether one of the locators finds a visible element. */
  present(locators: Locator[]): boolean;
  /**
   * Whether the field the locators find has been filled in and left (see `fieldFilled`).
   * Without it, no field counts as filled.
   */
  filled?(locators: Locator[]): boolean;
  /** Whether the element the locators find was pressed since the current step began. */
  pressed?(locators: Locator[]): boolean;
}

export type Move = 'none' | 'advanced' | 'jumped';

export interface Evaluation {
  index: number;
  finished: boolean;
  moved: Move;
}

export interface EvaluateOptions {
  /**
   * The current step's `done` already held when the step began on this page (its elements
   * were there before the person did anything): it does not count while the step's `on`
   * holds.
   */
  staleDone?: boolean;
}

/**
 * A condition holds when one of its URL patterns matches (if any are given), every `present`
 * locator finds a visible element and no `absent` locator does. No condition always holds.
 */
export function conditionHolds(c: Condition | undefined, probe: PageProbe): boolean {
  if (!c) return true;
  if (c.url && c.url.length > 0 && !urlMatches(c.url, probe)) return false;
  if (c.present && !c.present.every((l) => probe.present([l]))) return false;
  if (c.absent && c.absent.some((l) => probe.present([l]))) return false;
  return true;
}

function urlMatches(patterns: readonly string[], probe: PageProbe): boolean {
  return patterns.some((p) => matchUrlPattern(p, probe.url));
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

/** Whether the step's own `done` condition holds (what the person did aside). */
export function explicitDone(step: Step | undefined, probe: PageProbe): boolean {
  return step?.done !== undefined && conditionHolds(step.done, probe);
}

/** Done by what the person did in the page: the field filled in and left, or `submit` pressed. */
function actedDone(step: Step, probe: PageProbe): boolean {
  if (step.action === 'fill' && step.target?.length && !step.submit?.length) {
    return probe.filled?.(step.target) ?? false;
  }
  if (step.submit?.length && step.done === undefined) {
    return probe.pressed?.(step.submit) ?? false;
  }
  return false;
}

function stepDone(step: Step | undefined, probe: PageProbe, stale = false): boolean {
  if (!step) return false;
  return (!stale && explicitDone(step, probe)) || actedDone(step, probe);
}

/** A `done` that is only a change of address: it holds once the person has left the step's page. */
function addressOnly(c: Condition | undefined): boolean {
  return !!c?.url?.length && !c.present?.length && !c.absent?.length;
}

function onHolds(guide: Steps, index: number, probe: PageProbe): boolean {
  return conditionHolds(guide.steps[index]?.on, probe);
}

/**
 * The step that follows `index` for this person: its next one, passing over the optional
 * steps whose `on` does not hold. Null after the last step.
 */
export function nextApplicable(guide: Steps, index: number, probe: PageProbe): number | null {
  let n = nextIndex(guide, index);
  for (let budget = guide.steps.length; n !== null && budget > 0; budget--) {
    if (!guide.steps[n]?.optional || onHolds(guide, n, probe)) return n;
    const after = nextIndex(guide, n);
    // Only a last step can end the walk here, and guides:check refuses an optional last step.
    if (after === null) return n;
    n = after;
  }
  return n;
}

/**
 * A required step meant for this very page (its `on.url` matches) whose elements have not
 * shown up yet: it comes before any later step of the page.
 */
function waitsHere(step: Step | undefined, probe: PageProbe): boolean {
  return !!step && !step.optional && !!step.on?.url?.length && urlMatches(step.on.url, probe);
}

/** The current step after looking at the page (see the rules at the top of this file). */
export function evaluate(
  guide: Steps,
  index: number,
  probe: PageProbe,
  options: EvaluateOptions = {},
): Evaluation {
  const { steps } = guide;
  const count = steps.length;
  if (count === 0) return { index: 0, finished: false, moved: 'none' };
  let i = Math.min(Math.max(Math.trunc(index) || 0, 0), count - 1);
  let moved: Move = 'none';

  // A stale done counts again once the step's own `on` no longer holds: the page has moved on.
  const stale = !!options.staleDone && onHolds(guide, i, probe);
  if (stepDone(steps[i], probe, stale)) {
    for (let budget = count; budget > 0; budget--) {
      const n = nextApplicable(guide, i, probe);
      if (n === null) break;
      i = n;
      moved = 'advanced';
      const step = steps[i];
      if (!onHolds(guide, i, probe)) break;
      if (!addressOnly(step?.done) || !explicitDone(step, probe)) break;
    }
  }

  if (!onHolds(guide, i, probe) && !waitsHere(steps[i], probe)) {
    for (let k = i + 1; k < count; k++) {
      const step = steps[k];
      if (!step) break;
      if (step.on && conditionHolds(step.on, probe)) {
        if (stepDone(step, probe)) continue;
        i = k;
        moved = 'jumped';
        break;
      }
      if (waitsHere(step, probe)) break;
    }
  }

  const finished = nextIndex(guide, i) === null && onHolds(guide, i, probe);
  return { index: i, finished, moved };
}

/** What the person did in the page's fields, as the probe may know it (see form-marks). */
export interface FieldMarks {
  /** Whether the person typed into or changed this field, or one inside it. */
  edited(el: Element): boolean;
  /** Whether this element, or one inside it, was pressed since the current step began. */
  pressed(el: Element): boolean;
}

function matches(el: Element, selector: string): boolean | null {
  try {
    return el.matches(selector);
  } catch {
    // A browser that does not know the pseudo-class: it cannot tell.
    return null;
  }
}

/**
 * Whether a field has been filled in and left, from its state only (its value is never read):
 * focus is elsewhere, and the field no longer shows its placeholder (when it has one) and is
 * `:valid` (when it is required). A field with neither counts once the person has typed in it.
 */
export function fieldFilled(el: Element, marks?: Pick<FieldMarks, 'edited'>): boolean {
  const active = el.ownerDocument.activeElement;
  if (active && el.contains(active)) return false;
  const placeholder = matches(el, '[placeholder]:not([placeholder=""])') === true;
  const required = matches(el, ':required') === true;
  const shown = placeholder ? matches(el, ':placeholder-shown') : false;
  const valid = required ? matches(el, ':valid') : true;
  if ((placeholder || required) && shown !== null && valid !== null) return !shown && valid;
  return marks?.edited(el) ?? false;
}

/**
 * A probe on a live document. It is a snapshot for one evaluation: answers are remembered, so
 * make a new probe after the page changes.
 */
export function domProbe(doc: Document, urlKey: string, marks?: FieldMarks): PageProbe {
  const answers = new Map<string, ReturnType<typeof findTarget>>();
  const look = (locators: Locator[]) => {
    const key = JSON.stringify(locators);
    let answer = answers.get(key);
    if (answer === undefined) {
      answer = findTarget(doc, locators);
      answers.set(key, answer);
    }
    return answer;
  };
  /** The element on the page (a field filled, a button pressed), usable now or not. */
  const find = (locators: Locator[]): Element | null => look(locators).element;
  return {
    url: urlKey,
    // On the page, usable or not: a disabled button or one behind a dialog is still there.
    present: (locators) => look(locators).status !== 'missing',
    filled(locators) {
      const el = find(locators);
      return el !== null && fieldFilled(el, marks);
    },
    pressed(locators) {
      const el = find(locators);
      return el !== null && !!marks?.pressed(el);
    },
  };
}
