/**
 * Finds the element a guide step talks about, from semantic locators first ({role, name},
 * {label}, {text}, {placeholder}) and CSS last. Runs in the content script on large pages, so
 * every search narrows its candidates with one native selector before any costly check, and
 * nothing here ever throws: an odd page simply gives no match.
 *
 * Only elements a person can see are found. Of those, only one the person can use now is
 * returned for ringing (`locate`); `findTarget` also says when the target is there but waits
 * (disabled) or lies behind an open modal dialog.
 */
import type { Locator } from '../guides/types';
import { breaksLine, createCtx, type Ctx } from './context';
import { readings } from './names';
import {
  matchWildcard,
  normalisePiece,
  normaliseText,
  textMatcher,
  type TextMatch,
} from './normalise';
import { canonicalRole, roleOf, roleSelector } from './roles';
import { createUsableCheck } from './usable';

type Root = Document | Element;

/**
 * What a search for a step's target found:
 * - `ready`: visible and usable: the element to ring;
 * - `disabled`: visible but disabled (a button waiting for a box to be ticked, for instance):
 *   never ring it; say what it waits for;
 * - `covered`: visible but behind an open modal dialog: the dialog must be closed first;
 * - `missing`: nothing visible matches.
 * With a list of locators, the first locator that finds a usable element wins; when none
 * does, the first element found that waits or is covered is reported.
 */
export type Located =
  | { status: 'ready' | 'disabled' | 'covered'; element: Element }
  | { status: 'missing'; element: null };

/** One search: what it shares, and what to do with each visible match (true: stop). */
interface Search {
  ctx: Ctx;
  take: (el: Element) => boolean;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

/** Elements that may be form fields a {label} can name (see `isField`). */
const MAYBE_FIELDS = 'input,select,textarea,[role],[contenteditable]';
const FIELD_ROLES = new Set([
  'textbox',
  'searchbox',
  'combobox',
  'spinbutton',
  'checkbox',
  'radio',
  'switch',
  'listbox',
  'slider',
]);

function isField(el: Element): boolean {
  const tag = el.localName;
  if (tag === 'input') return (el.getAttribute('type') ?? '').toLowerCase() !== 'hidden';
  return tag === 'select' || tag === 'textarea' || editable(el) || FIELD_ROLES.has(roleOf(el));
}

const PLACEHOLDER_FIELDS = '[placeholder],[aria-placeholder]';

/** Elements whose text never shows on the page, or is what the person typed. */
const NO_TEXT = new Set([
  'script',
  'style',
  'template',
  'noscript',
  'head',
  'title',
  'desc',
  'textarea',
]);

/** What a person actually clicks when the matched text sits inside it. */
const CLICKABLE =
  'a[href],button,label,summary,[role~="button" i],[role~="link" i],[role~="tab" i],' +
  '[role~="menuitem" i],[role~="menuitemradio" i],[role~="menuitemcheckbox" i],[role~="option" i]';
const CLICKABLE_LEVELS = 3;

/** A {text} pattern is compared only with texts up to this length (normalised). */
const PATTERN_TEXT_LIMIT = 300;

function safeMatches(el: Element, selector: string): boolean {
  try {
    return el.matches(selector);
  } catch {
    return false;
  }
}

/** Root (when it is an element) and its descendants matching the selector, in document order. */
function candidates(root: Root, selector: string): Element[] {
  const out: Element[] = [];
  if (root.nodeType === ELEMENT_NODE && safeMatches(root as Element, selector)) {
    out.push(root as Element);
  }
  let list: NodeListOf<Element>;
  try {
    list = root.querySelectorAll(selector);
  } catch {
    return out;
  }
  for (let i = 0; i < list.length; i++) {
    const el = list[i];
    if (el) out.push(el);
  }
  return out;
}

function editable(el: Element): boolean {
  const v = el.getAttribute('contenteditable');
  return v !== null && v.toLowerCase() !== 'false';
}

/** Attributes that can give an element (or a part of it) its name. */
const NAMING_ATTRIBUTES = ['aria-label', 'title', 'alt', 'placeholder', 'aria-placeholder'];
const NAMING_SELECTOR = `${NAMING_ATTRIBUTES.map((a) => `[${a}]`).join(',')},input[value]`;

function pushAttributes(el: Element, into: string[]) {
  for (const a of NAMING_ATTRIBUTES) {
    const v = el.getAttribute(a);
    if (v) into.push(v);
  }
  // The value of a button is its label; any other value is what the person typed.
  const type = ` ${(el.getAttribute('type') ?? '').toLowerCase()} `;
  if (el.localName === 'input' && / button | submit | reset /.test(type)) {
    into.push(el.getAttribute('value') ?? '');
  }
}

/** The text and naming attributes of an element and of what it contains. */
function pushAll(el: Element, into: string[]) {
  into.push(el.textContent ?? '');
  pushAttributes(el, into);
  try {
    const inner = el.querySelectorAll(NAMING_SELECTOR);
    for (let i = 0; i < inner.length; i++) {
      const n = inner[i];
      if (n) pushAttributes(n, into);
    }
  } catch {
    // keep what we have
  }
}

/** The `content` of the element's ::before and ::after (where styles can be read). */
function pseudoSources(el: Element, ctx: Ctx): string {
  let out = '';
  for (const which of ['::before', '::after'] as const) {
    const content = ctx.pseudo(el, which)?.content;
    if (content && content !== 'none' && content !== 'normal') out += ` ${content}`;
  }
  return out;
}

/**
 * Everything an element's names can be made of, in one string: its text, its labels, the
 * elements it points to with aria-labelledby and the naming attributes inside. A superset of
 * every reading of the name but the text CSS draws, cheap to read.
 */
function nameSources(el: Element, ctx: Ctx): string {
  const tag = el.localName;
  const parts: string[] = [];
  // A field's own text is what the person typed (or its default); it never names it.
  if (tag === 'input' || tag === 'select' || tag === 'textarea' || editable(el)) {
    pushAttributes(el, parts);
  } else pushAll(el, parts);
  for (const label of ctx.labelsOf(el)) parts.push(label.textContent ?? '');
  const ids = el.getAttribute('aria-labelledby');
  if (ids) {
    for (const id of ids.split(/\s+/)) {
      const ref = id ? el.ownerDocument.getElementById(id) : null;
      if (ref) pushAll(ref, parts);
    }
  }
  return parts.join(' ');
}

interface NameTest {
  /** False when the name cannot match: one of the wanted words appears nowhere in its sources. */
  possible(el: Element): boolean;
  /** The real test, on the readings of the name. */
  matches(el: Element): boolean;
}

/**
 * A test on an element's name. Computing names is the costly step, so an element is first
 * skipped when one of the wanted words appears nowhere in its name sources: most candidates on
 * a page are rejected before any style is read.
 */
function nameTest(spec: TextMatch, ctx: Ctx): NameTest {
  const match = textMatcher(spec);
  const { words } = match;
  return {
    possible(el) {
      if (!match.text) return false;
      if (words.length === 0) return true;
      const has = (sources: string) => words.every((w) => sources.includes(w));
      const sources = normaliseText(nameSources(el, ctx));
      if (has(sources)) return true;
      // Text drawn by CSS is read only for an element with no words of its own (a button
      // whose label is all CSS): reading pseudo-elements for every candidate costs too much,
      // and next to real words it is decoration.
      return sources === '' && has(normaliseText(pseudoSources(el, ctx)));
    },
    matches(el) {
      for (const name of readings(el, ctx)) if (match(name)) return true;
      return false;
    },
  };
}

/**
 * Candidates that pass `cheap` (no style read), are visible, then pass `costly`, in document
 * order, each handed to the search. Visibility comes before the name: its cache makes whole
 * hidden menus cheap to reject, while every name costs style lookups of its own.
 */
function filtered(
  list: Element[],
  s: Search,
  cheap: (el: Element) => boolean,
  costly: ((el: Element) => boolean) | null,
) {
  for (const el of list) {
    if (!cheap(el) || !s.ctx.visible(el) || (costly && !costly(el))) continue;
    if (s.take(el)) return;
  }
}

function byRole(root: Root, roles: readonly string[], name: TextMatch | undefined, s: Search) {
  const wanted = new Set(roles.map(canonicalRole).filter((r) => r !== ''));
  if (wanted.size === 0) return;
  const test = name === undefined ? null : nameTest(name, s.ctx);
  filtered(
    candidates(root, roleSelector([...wanted])),
    s,
    test ? (el) => wanted.has(roleOf(el)) && test.possible(el) : (el) => wanted.has(roleOf(el)),
    test ? test.matches : null,
  );
}

function byLabel(root: Root, label: TextMatch, s: Search) {
  const test = nameTest(label, s.ctx);
  filtered(
    candidates(root, MAYBE_FIELDS),
    s,
    (el) => isField(el) && test.possible(el),
    test.matches,
  );
}

function byPlaceholder(root: Root, text: TextMatch, s: Search) {
  const match = textMatcher(text);
  const hasPlaceholder = (el: Element): boolean => {
    const p = el.getAttribute('placeholder');
    if (p !== null && match(p)) return true;
    const aria = el.getAttribute('aria-placeholder');
    return aria !== null && match(aria);
  };
  filtered(candidates(root, PLACEHOLDER_FIELDS), s, hasPlaceholder, null);
}

function byCss(root: Root, css: string, s: Search) {
  if (!css.trim()) return;
  filtered(candidates(root, css), s, () => true, null);
}

function joinPieces(a: string, b: string): string {
  if (!b) return a;
  if (!a) return b;
  // Pieces have single spaces already; only the seam may hold two.
  return a.charCodeAt(a.length - 1) === 32 && b.charCodeAt(0) === 32 ? a + b.slice(1) : a + b;
}

function clickableAround(el: Element): Element {
  let node: Element | null = el;
  for (let level = 0; node && level <= CLICKABLE_LEVELS; level++) {
    if (safeMatches(node, CLICKABLE)) return node;
    node = node.parentElement;
  }
  return el;
}

/** Two pieces that touch without a space between them. */
function tight(a: string, b: string): boolean {
  return a !== '' && b !== '' && a.charCodeAt(a.length - 1) !== 32 && b.charCodeAt(0) !== 32;
}

const TOO_LONG = 0;
const MATCHED = 1;

/**
 * {text}: the deepest elements whose text matches, in document order, each replaced by the
 * clickable element around it if there is one close by.
 *
 * One bottom-up pass builds every element's text from its children's, so the page's text is
 * read once. Children that are boxes of their own (blocks, flex items) are read apart, as on
 * screen, even when the markup has no space between them; that costs a style lookup, so only
 * where two pieces touch. An element whose text already matched somewhere below it is not a
 * candidate (the deepest one is). A subtree whose text is longer than a whole text (or a
 * pattern's limit) cannot match anywhere above it, so its ancestors skip the comparison; for
 * a start, only the first characters are kept.
 */
function byText(root: Root, spec: TextMatch, s: Search) {
  const match = textMatcher(spec);
  const { how, text: wanted } = match;
  if (!wanted) return;
  const truncate = how === 'start';
  const limit =
    how === 'whole'
      ? wanted.length
      : how === 'pattern'
        ? Math.max(PATTERN_TEXT_LIMIT, wanted.length)
        : wanted.length + 2;
  const test =
    how === 'whole'
      ? (t: string) => t === wanted
      : how === 'start'
        ? (t: string) => t.startsWith(wanted)
        : (t: string) => matchWildcard(wanted, t);
  const seen = new Set<Element>();
  let stop = false;

  const visit = (el: Element): string | typeof TOO_LONG | typeof MATCHED => {
    let text = '';
    let state: string | typeof TOO_LONG | typeof MATCHED = '';
    /** The child element whose text ends `text`, if the last piece came from one. */
    let last: Element | null = null;
    const add = (piece: string, from: Element | null) => {
      if (
        tight(text, piece) &&
        ((from && breaksLine(from, s.ctx.style)) || (last && breaksLine(last, s.ctx.style)))
      ) {
        text += ' ';
      }
      text = joinPieces(text, piece);
      if (truncate && text.length > limit) text = text.slice(0, limit);
      last = from;
    };
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (stop) return MATCHED;
      const type = n.nodeType;
      if (type === TEXT_NODE || type === CDATA_SECTION_NODE) {
        if (state === '') add(normalisePiece((n as CharacterData).data), null);
        continue;
      }
      if (type !== ELEMENT_NODE) continue;
      const child = n as Element;
      const tag = child.localName;
      if (NO_TEXT.has(tag) || child.hasAttribute('hidden') || editable(child)) continue;
      if (tag === 'br') {
        if (state === '') add(' ', null);
        continue;
      }
      const r = visit(child);
      if (r === MATCHED) state = MATCHED;
      else if (r === TOO_LONG) {
        if (state === '') state = TOO_LONG;
      } else if (state === '') add(r, child);
    }
    if (state !== '') return state;
    const trimmed = text.trim();
    if (!truncate && trimmed.length > limit) return TOO_LONG;
    if (!test(trimmed)) return text;
    if (s.ctx.visible(el)) {
      const hit = clickableAround(el);
      if (!seen.has(hit)) {
        seen.add(hit);
        if (s.take(hit)) stop = true;
      }
    }
    return MATCHED;
  };

  const start =
    root.nodeType === ELEMENT_NODE ? (root as Element) : (root as Document).documentElement;
  if (start && !NO_TEXT.has(start.localName)) visit(start);
}

function isText(v: unknown): v is string {
  return typeof v === 'string';
}

function roles(v: unknown): string[] | null {
  if (isText(v)) return [v];
  if (Array.isArray(v) && v.every(isText)) return v;
  return null;
}

function search(root: Root, locator: Locator, s: Search) {
  const l = locator as Record<string, unknown>;
  if (!l || typeof l !== 'object') return;
  const role = roles(l.role);
  if (role) return byRole(root, role, l.name as TextMatch | undefined, s);
  if (l.label !== undefined) return byLabel(root, l.label as TextMatch, s);
  if (l.text !== undefined) return byText(root, l.text as TextMatch, s);
  if (l.placeholder !== undefined) return byPlaceholder(root, l.placeholder as TextMatch, s);
  if (isText(l.css)) return byCss(root, l.css, s);
}

const MISSING: Located = { status: 'missing', element: null };

/**
 * What a step's target is on the page now (see `Located`): the first locator, in list order,
 * that finds a visible and usable element wins; within one locator, the first such element in
 * document order. Never throws.
 */
export function findTarget(root: Document | Element, locators: readonly Locator[]): Located {
  try {
    const ctx = createCtx();
    const unusable = createUsableCheck(ctx);
    let ready: Element | null = null;
    let waiting: Located | null = null;
    const take = (el: Element): boolean => {
      const why = unusable(el);
      if (why === null) {
        ready = el;
        return true;
      }
      if (!waiting) waiting = { status: why, element: el };
      return false;
    };
    for (const locator of locators) {
      search(root, locator, { ctx, take });
      if (ready) return { status: 'ready', element: ready };
    }
    if (waiting) return waiting;
  } catch {
    // An unexpected page structure must not break the guide.
  }
  return MISSING;
}

/**
 * The element to ring for a list of locators: visible and usable (see `findTarget`), or null.
 * A disabled element, or one behind an open modal dialog, is never returned.
 */
export function locate(root: Document | Element, locators: readonly Locator[]): Element | null {
  const found = findTarget(root, locators);
  return found.status === 'ready' ? found.element : null;
}

/**
 * Every visible element one locator finds, in document order, usable or not (for tests and
 * author tools).
 */
export function locateAll(root: Document | Element, locator: Locator): Element[] {
  const out: Element[] = [];
  try {
    const take = (el: Element): boolean => {
      out.push(el);
      return false;
    };
    search(root, locator, { ctx: createCtx(), take });
  } catch {
    // what was found so far
  }
  return out;
}
