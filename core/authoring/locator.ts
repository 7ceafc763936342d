/**
 * The locator a guide should use for an element the author picked. Like Playwright's codegen
 * and Testing Library's query priority: what a person reads comes first — role and name, then
 * a field's label, the visible text, the placeholder — and CSS only last. Each candidate is
 * tried on the page with the same engine the guides use, and the best one finds this element
 * and nothing else.
 *
 * A field's value is never read: names come from `core/locate/names`, which leaves out what
 * the person typed or chose (a field inside a label is named by the label's own words).
 */
import type { Locator, TextMatch } from '../guides/model';
import { createCtx } from '../locate/context';
import { locateAll } from '../locate/locate';
import { readings } from '../locate/names';
import { ANSWER_ROLES, roleOf } from '../locate/roles';

export interface Candidate {
  locator: Locator;
  /** How many visible elements it finds on the page now. */
  count: number;
  /** Whether the picked element is among them. */
  finds: boolean;
}

export interface Suggestion {
  /** The element the locators are for (the control around the picked one). */
  element: Element;
  /** The first candidate that finds this element alone, else the most precise one. */
  best: Candidate;
  /** Every candidate tried, in order of preference. */
  candidates: Candidate[];
  /** What a person reads on it (for step titles): never a typed value. */
  name: string;
  field: boolean;
}

/** What a person clicks when the pointer is on something inside it. */
const CONTROL =
  'a[href],button,input,select,textarea,summary,[role~="button" i],[role~="link" i],' +
  '[role~="tab" i],[role~="menuitem" i],[role~="checkbox" i],[role~="radio" i],' +
  '[role~="switch" i],[role~="option" i],[role~="combobox" i],[role~="textbox" i]';
const CONTROL_LEVELS = 4;
/** Roles that say nothing about what an element is. */
const VAGUE_ROLES = new Set(['', 'generic', 'none', 'presentation', 'paragraph']);
const FIELD_ROLES = new Set(['textbox', 'searchbox', 'combobox', 'spinbutton', 'listbox']);
/** Names longer than this are matched by their first words. */
const LONG_NAME = 60;
const START_WORDS = 6;

function safeClosest(el: Element, selector: string): Element | null {
  try {
    return el.closest(selector);
  } catch {
    return null;
  }
}

export function isFieldElement(el: Element): boolean {
  const tag = el.localName;
  if (tag === 'input') {
    const type = (el.getAttribute('type') ?? 'text').toLowerCase();
    return !['button', 'submit', 'reset', 'image', 'hidden', 'checkbox', 'radio'].includes(type);
  }
  if (tag === 'select' || tag === 'textarea') return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') return true;
  return FIELD_ROLES.has(roleOf(el));
}

/**
 * The element a pick means: the control the pointer is in (a word inside a button is the
 * button); a label stands for its field; one answer of a question (a radio button, a box)
 * stands for the whole question, since guides never ring an answer.
 */
export function pickTarget(el: Element): Element {
  let node: Element | null = el;
  let control: Element | null = null;
  for (let level = 0; node && level <= CONTROL_LEVELS; level++) {
    if (node.matches(CONTROL)) {
      control = node;
      break;
    }
    if (node.localName === 'label') {
      const forId = node.getAttribute('for');
      const field = forId
        ? node.ownerDocument.getElementById(forId)
        : node.querySelector('input,select,textarea');
      control = field ?? node;
      break;
    }
    node = node.parentElement;
  }
  const picked = control ?? el;
  if (ANSWER_ROLES.includes(roleOf(picked))) {
    return safeClosest(picked, 'fieldset,[role~="radiogroup" i],[role~="group" i]') ?? picked;
  }
  return picked;
}

function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** A text as a guide writes it: whole, or its first words when it is long. */
function textMatch(s: string): TextMatch {
  if (s.length <= LONG_NAME) return s;
  return { start: s.split(' ').slice(0, START_WORDS).join(' ') };
}

/** The shortest reading: the main words, without hints or messages (see names.ts). */
function shortName(el: Element): string {
  let best = '';
  for (const r of readings(el, createCtx())) {
    const s = squash(r);
    if (s && (!best || s.length < best.length)) best = s;
  }
  return best;
}

/** The element's own visible text (never a field's). */
function ownText(el: Element): string {
  if (isFieldElement(el)) return '';
  return squash(el.textContent ?? '');
}

const PLAIN_ID = /^[A-Za-z][\w-]*$/;

/** An id a site is likely to keep: no digits run (generated ids change on every build). */
function stableId(el: Element): string | null {
  const id = el.getAttribute('id');
  return id && PLAIN_ID.test(id) && !/\d{2,}/.test(id) ? id : null;
}

/** A CSS path to the element: from the nearest ancestor with a stable id, else from body. */
function cssPath(el: Element): string {
  const parts: string[] = [];
  let node: Element | null = el;
  while (node && node.localName !== 'body' && node.localName !== 'html') {
    const id = stableId(node);
    if (id) {
      parts.unshift(`#${id}`);
      return parts.join(' > ');
    }
    const tag = node.localName;
    const parent: Element | null = node.parentElement;
    const same = parent ? [...parent.children].filter((c) => c.localName === tag) : [];
    parts.unshift(same.length > 1 ? `${tag}:nth-of-type(${same.indexOf(node) + 1})` : tag);
    node = parent;
  }
  parts.unshift('body');
  return parts.join(' > ');
}

function cssCandidates(el: Element): string[] {
  const out: string[] = [];
  const id = stableId(el);
  if (id) out.push(`#${id}`);
  const name = el.getAttribute('name');
  if (name && PLAIN_ID.test(name)) out.push(`${el.localName}[name="${name}"]`);
  const path = cssPath(el);
  if (!out.includes(path)) out.push(path);
  return out;
}

/** The locators worth trying for an element, most readable first. */
export function candidateLocators(el: Element): Locator[] {
  const out: Locator[] = [];
  const field = isFieldElement(el);
  const role = roleOf(el);
  const name = shortName(el);
  if (name && !VAGUE_ROLES.has(role) && !ANSWER_ROLES.includes(role)) {
    out.push({ role, name: textMatch(name) });
  }
  if (field && name) out.push({ label: textMatch(name) });
  const text = ownText(el);
  if (!field && text && text.length <= 120) out.push({ text: textMatch(text) });
  const placeholder = squash(el.getAttribute('placeholder') ?? '');
  if (field && placeholder) out.push({ placeholder: textMatch(placeholder) });
  for (const css of cssCandidates(el)) out.push({ css });
  return out;
}

/** Tries each candidate on the page and picks the best (see `Suggestion`). */
export function suggestLocator(root: Document | Element, picked: Element): Suggestion {
  const element = pickTarget(picked);
  const candidates = candidateLocators(element).map((locator): Candidate => {
    const found = locateAll(root, locator);
    return { locator, count: found.length, finds: found.includes(element) };
  });
  const best =
    candidates.find((c) => c.finds && c.count === 1) ??
    // Not alone anywhere (an invisible element, or twins): the one that finds the fewest.
    [...candidates].filter((c) => c.finds).sort((a, b) => a.count - b.count)[0] ??
    candidates[candidates.length - 1]!;
  return { element, best, candidates, name: shortName(element), field: isFieldElement(element) };
}

// ── YAML, in the flow style the guides use: `{ role: button, name: Se connecter }` ──

const PLAIN = /^[^\s\-?:,[\]{}#&*!|>'"%@`][^:#,[\]{}]*$/;
const RESERVED = /^(?:true|false|yes|no|on|off|null|~|[-+]?[\d.]+(?:e[-+]?\d+)?)$/i;

/** A YAML scalar: plain when it reads back the same, else double-quoted (JSON escapes). */
export function yamlScalar(s: string): string {
  if (PLAIN.test(s) && !RESERVED.test(s) && s.trim() === s) return s;
  return JSON.stringify(s);
}

function yamlValue(v: unknown): string {
  if (typeof v === 'string') return yamlScalar(v);
  if (Array.isArray(v)) return `[${v.map(yamlValue).join(', ')}]`;
  if (v && typeof v === 'object') {
    const parts = Object.entries(v).map(([k, x]) => `${k}: ${yamlValue(x)}`);
    return `{ ${parts.join(', ')} }`;
  }
  return String(v);
}

/** One locator in flow style. */
export function locatorYaml(locator: Locator): string {
  return yamlValue(locator);
}

/** The snippet to paste in a step: `target: { … }`, with how many elements it finds. */
export function locatorSnippet(c: Candidate, key = 'target'): string {
  const n = c.count;
  const found = n === 1 ? '1 élément sur cette page' : `${n} éléments sur cette page : à préciser`;
  return `${key}: ${locatorYaml(c.locator)}  # ${found}`;
}
