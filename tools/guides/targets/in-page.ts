/**
 * Runs inside a practice page during `guides:check` (bundled by bundle.ts and added to every
 * page of the check's browser). It asks the extension's own engine — `locate`, `locateAll`,
 * the step conditions — what it finds, and describes it for the guide author. Build time only:
 * nothing here ships in the extension.
 */
import { computeAccessibleName, getRole } from 'dom-accessibility-api';
import type { Condition, Locator } from '../../../core/guides/types';
import { locate, locateAll } from '../../../core/locate/locate';
import { ANSWER_ROLES } from '../../../core/locate/roles';
import { conditionHolds, domProbe } from '../../../core/steps/engine';

/** What the check asks about one step on this page. */
export interface StepQuery {
  id: string;
  /** The condition the step is shown under (its `on`, or the previous step's). */
  on?: Condition;
  done?: Condition;
  target?: Locator[];
}

export interface Question {
  /** `answer`: the target is one answer; `inside`: it sits inside the question. */
  kind: 'answer' | 'inside';
  /** The question, described (`group « Votre situation a-t-elle changé ? »`). */
  question: string;
  /** A locator for the whole question, when one can be written. */
  suggest?: string;
}

export type TargetResult =
  | {
      found: false;
      /** Something matches once disabled elements are counted: the target waits for something. */
      disabled?: string;
    }
  | {
      found: true;
      /** Index of the locator that found it (the first one in the list that finds anything). */
      locator: number;
      /** The element the engine rings. */
      element: string;
      /** How many visible elements that locator finds (more than one: ambiguous). */
      count: number;
      /** The first of them, described with the part of the page they are in. */
      matches: string[];
      question?: Question;
    };

export interface StepAnswer {
  id: string;
  /** Its `on` holds. */
  holds: boolean;
  /** Its `done` holds. */
  done: boolean;
  target?: TargetResult;
}

export interface Inspection {
  /** The page address as the engine reads it: `host/path?query#hash`. */
  url: string;
  /** Addresses the page tried to leave for since last asked (see `departures`). */
  left: string[];
  steps: StepAnswer[];
  /** Absolute addresses of the links and forms of the page. */
  links: string[];
}

/**
 * Addresses the page tried to leave for. The check never lets a page go: a link followed, a
 * form sent or a redirection made by script is stopped here (Navigation API, Chromium) and
 * the address noted, so that the check opens it itself, and the page stays as it was.
 */
const left: string[] = [];

interface NavigateEvent extends Event {
  destination: { url: string; sameDocument: boolean };
}

const nav = (globalThis as { navigation?: EventTarget }).navigation;
if (location.protocol === 'https:' && nav) {
  nav.addEventListener('navigate', (e) => {
    const { destination } = e as NavigateEvent;
    if (destination.sameDocument) return;
    left.push(destination.url);
    e.preventDefault();
  });
}

/** The addresses the page tried to leave for since the last call. */
export function departures(): string[] {
  return left.splice(0);
}

const MAX_NAME = 70;

function roleOf(el: Element): string {
  try {
    return getRole(el) ?? el.localName;
  } catch {
    return el.localName;
  }
}

function nameOf(el: Element): string {
  let name: string;
  try {
    name = computeAccessibleName(el);
  } catch {
    name = el.textContent ?? '';
  }
  name = name.replace(/\s+/g, ' ').trim();
  return name.length > MAX_NAME ? `${name.slice(0, MAX_NAME - 1)}…` : name;
}

function shortText(el: Element): string {
  const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
  return text.length > MAX_NAME ? `${text.slice(0, MAX_NAME - 1)}…` : text;
}

function describe(el: Element): string {
  // Elements without a name (a label, a paragraph) are told by their text.
  const name = nameOf(el) || shortText(el);
  return name ? `${roleOf(el)} « ${name} »` : `${roleOf(el)} <${el.localName}>`;
}

const AREAS = 'header,nav,main,footer,aside,dialog,[role="dialog"],form,fieldset,section,table';

/** The element and the part of the page it is in, to tell several matches apart. */
function describeWhere(el: Element): string {
  const area = el.parentElement?.closest(AREAS);
  if (!area) return describe(el);
  const name = nameOf(area);
  const where = name && name.length < 40 ? `${area.localName} « ${name} »` : area.localName;
  return `${describe(el)} (dans ${where})`;
}

function isAnswer(el: Element): boolean {
  return ANSWER_ROLES.includes(roleOf(el));
}

function answersIn(root: Element): Element[] {
  const list = root.querySelectorAll(
    'input[type="radio" i],input[type="checkbox" i],[role="radio"],[role="checkbox"],option,[role="option"]',
  );
  return Array.from(list).filter(isAnswer);
}

/** The answer control the element stands for: itself, the control of a label, or the one it wraps. */
function answerControl(el: Element): Element | null {
  if (isAnswer(el)) return el;
  const control = (el as HTMLLabelElement).control;
  if (el.localName === 'label' && control && isAnswer(control)) return control;
  const inner = answersIn(el);
  return inner.length === 1 ? inner[0]! : null;
}

function quoted(text: string): string {
  return `"${text.replace(/["\\]/g, '\\$&')}"`;
}

/** The question around an element: a radio group, a list of options, or a fieldset with a legend
 * holding several answers. */
function questionAround(el: Element): { node: Element; suggest?: string } | null {
  const from = el.parentElement;
  if (!from) return null;
  const group = from.closest('[role="radiogroup"],[role="listbox"],select,datalist');
  if (group) {
    const name = nameOf(group);
    const role = roleOf(group);
    if (!name) return { node: group };
    return {
      node: group,
      suggest:
        role === 'combobox' || role === 'listbox'
          ? `{ label: ${quoted(name)} }`
          : `{ role: ${role}, name: ${quoted(name)} }`,
    };
  }
  for (
    let box = from.closest('fieldset');
    box;
    box = box.parentElement?.closest('fieldset') ?? null
  ) {
    const legend = Array.from(box.children).find((c) => c.localName === 'legend');
    if (legend && answersIn(box).length > 1) {
      const name = nameOf(box);
      return name
        ? { node: box, suggest: `{ role: group, name: ${quoted(name)} }` }
        : { node: box };
    }
  }
  const labelled = from.closest('[role="group"][aria-labelledby],[role="group"][aria-label]');
  if (labelled && answersIn(labelled).length > 1) {
    const name = nameOf(labelled);
    return name
      ? { node: labelled, suggest: `{ role: group, name: ${quoted(name)} }` }
      : { node: labelled };
  }
  // Radios sharing a name answer one question even without a group around them.
  if (el.localName === 'input' && (el as HTMLInputElement).type === 'radio') {
    const input = el as HTMLInputElement;
    const scope: ParentNode = input.form ?? el.ownerDocument;
    const same = Array.from(scope.querySelectorAll('input[type="radio" i]')).filter(
      (r) => (r as HTMLInputElement).name === input.name && input.name !== '',
    );
    if (same.length > 1) return { node: scope instanceof Element ? scope : el };
  }
  return null;
}

function questionOf(el: Element): Question | undefined {
  const answer = answerControl(el);
  const around = questionAround(answer ?? el);
  if (!around) return undefined;
  // The target may be the question itself or hold several answers: that is what is wanted.
  if (!answer && (around.node === el || el.contains(around.node))) return undefined;
  return {
    kind: answer ? 'answer' : 'inside',
    question: describe(around.node),
    ...(around.suggest ? { suggest: around.suggest } : {}),
  };
}

/**
 * Whether some locator of the list finds an element once nothing on the page is disabled: the
 * page is changed for the time of one search and put back as it was.
 */
function disabledMatch(doc: Document, locators: readonly Locator[]): string | undefined {
  const changed: [Element, string, string][] = [];
  for (const el of Array.from(doc.querySelectorAll('[disabled],[aria-disabled]'))) {
    for (const attr of ['disabled', 'aria-disabled']) {
      const value = el.getAttribute(attr);
      if (value === null) continue;
      changed.push([el, attr, value]);
      el.removeAttribute(attr);
    }
  }
  if (!changed.length) return undefined;
  try {
    const found = locate(doc, locators);
    return found ? describe(found) : undefined;
  } finally {
    for (const [el, attr, value] of changed) el.setAttribute(attr, value);
  }
}

function targetResult(doc: Document, locators: readonly Locator[]): TargetResult {
  const found = locate(doc, locators);
  if (!found) {
    const disabled = disabledMatch(doc, locators);
    return disabled ? { found: false, disabled } : { found: false };
  }
  // The engine stops at the first locator that finds something: later ones never count.
  let index = 0;
  let matches: Element[] = [];
  for (const [i, locator] of locators.entries()) {
    const all = locateAll(doc, locator);
    if (all.length) {
      index = i;
      matches = all;
      break;
    }
  }
  if (!matches.includes(found)) matches = [found];
  const question = questionOf(found);
  return {
    found: true,
    locator: index,
    element: describe(found),
    count: matches.length,
    matches: matches.length > 1 ? matches.slice(0, 3).map(describeWhere) : [],
    ...(question ? { question } : {}),
  };
}

function pageKey(): string {
  const { hostname, pathname, search, hash } = location;
  return `${hostname}${pathname}${search}${hash}`;
}

function links(doc: Document): string[] {
  const out = new Set<string>();
  for (const a of Array.from(doc.querySelectorAll('a[href],area[href]'))) {
    out.add((a as HTMLAnchorElement).href);
  }
  for (const f of Array.from(doc.querySelectorAll('form'))) out.add(f.action);
  return [...out].filter((h) => h.startsWith('https://'));
}

export function inspect(steps: readonly StepQuery[]): Inspection {
  const url = pageKey();
  const probe = domProbe(document, url);
  const answers = steps.map((s): StepAnswer => {
    const holds = conditionHolds(s.on, probe);
    const done = s.done !== undefined && conditionHolds(s.done, probe);
    if (!holds || !s.target?.length) return { id: s.id, holds, done };
    return { id: s.id, holds, done, target: targetResult(document, s.target) };
  });
  return { url, left: departures(), steps: answers, links: links(document) };
}

function sampleValue(el: Element): string {
  const input = el as HTMLInputElement;
  const type = (el.getAttribute('type') ?? '').toLowerCase();
  const max = input.maxLength > 0 ? input.maxLength : 0;
  const digits = /^\[0-9\]\{(\d+)\}$|^\\d\{(\d+)\}$/.exec(el.getAttribute('pattern') ?? '');
  const mode = (el.getAttribute('inputmode') ?? '').toLowerCase();
  let value = 'Exemple';
  if (type === 'email') value = 'exemple@exemple.fr';
  else if (type === 'date') value = '2000-01-01';
  else if (type === 'tel') value = '0600000000';
  else if (type === 'password') value = 'Exemple-1234!';
  else if (digits) value = '1'.repeat(Number(digits[1] ?? digits[2]));
  else if (type === 'number' || mode === 'numeric' || mode === 'decimal') value = '1234567890123';
  return max ? value.slice(0, max) : value;
}

/** Types a made-up value into a field as the page sees typing: value, then input and change. */
function fill(el: Element): void {
  if (el instanceof HTMLSelectElement) {
    const option = Array.from(el.options).find((o) => o.value && !o.disabled);
    if (option) el.value = option.value;
  } else if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) {
    el.focus();
    // The prototype's setter, as typing does: a page that wraps `value` still hears it.
    const proto = Object.getPrototypeOf(el) as object;
    Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(el, sampleValue(el));
    el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText' }));
  } else if (el instanceof HTMLElement && el.isContentEditable) {
    el.focus();
    el.textContent = 'Exemple';
    el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText' }));
  } else {
    return;
  }
  el.dispatchEvent(new Event('change', { bubbles: true }));
  (el as HTMLElement).blur();
}

/**
 * The element a step acts on. For a question (the step rings the whole group), its first
 * answer: the check picks one to see what the page shows next; the guide never does.
 */
function actedOn(locators: readonly Locator[]): Element | null {
  const found = locate(document, locators);
  if (!found || answerControl(found)) return found;
  return answersIn(found)[0] ?? found;
}

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Plays a step as the person would: clicks its target, or types a made-up value into it (never
 * anyone's data), then presses its `submit`. Each time, lets the page run what it queued.
 */
export async function play(
  target: readonly Locator[],
  action: string,
  submit: readonly Locator[] | undefined,
): Promise<{ played: boolean; left: string[] }> {
  const el = actedOn(target);
  if (!el) return { played: false, left: departures() };
  // A plain DOM click: what the page does on click, without waiting for the pointer.
  if (action === 'fill') fill(el);
  else if (el instanceof HTMLElement) el.click();
  await tick();
  if (submit?.length) {
    const button = locate(document, submit);
    if (button instanceof HTMLElement) button.click();
    await tick();
  }
  return { played: true, left: departures() };
}
