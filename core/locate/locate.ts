/**
 * Finds the element a guide step talks about, from semantic locators first ({role, name},
 * {label}, {text}, {placeholder}) and CSS last. Runs in the content script on large pages, so
 * every search narrows its candidates with one native selector before any costly check, and
 * nothing here ever throws: an odd page simply gives no match.
 */
import { computeAccessibleName, getRole } from 'dom-accessibility-api';
import type { Locator } from '../guides/types';
import { normalisePiece, normaliseText, textMatcher } from './normalise';
import { createStyleCache, createVisibilityCheck, type StyleOf } from './visible';

type Root = Document | Element;

/** What one search shares between its checks (valid while the page does not change). */
interface Ctx {
  style: StyleOf;
  visible: (el: Element) => boolean;
  /** Text of the <label for> elements pointing at an id in a document. */
  labelsFor: (doc: Document, id: string) => string;
}

function createCtx(): Ctx {
  const style = createStyleCache();
  const byDoc = new Map<Document, Map<string, string>>();
  // One pass over the labels instead of `el.labels`, which some engines (jsdom) answer by
  // walking the whole document for every label.
  const labelsFor = (doc: Document, id: string): string => {
    let map = byDoc.get(doc);
    if (!map) {
      map = new Map();
      const labels = doc.querySelectorAll('label[for]');
      for (let i = 0; i < labels.length; i++) {
        const l = labels[i];
        const target = l?.getAttribute('for');
        if (l && target) map.set(target, `${map.get(target) ?? ''} ${l.textContent ?? ''}`);
      }
      byDoc.set(doc, map);
    }
    return map.get(id) ?? '';
  };
  return { style, visible: createVisibilityCheck(style), labelsFor };
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

/**
 * Native elements that may carry each implicit role. An explicit `role` attribute is added to
 * every entry; roles missing here fall back to scanning every element.
 */
const IMPLICIT: Record<string, string> = {
  button: 'button,input,summary',
  link: 'a[href],area[href]',
  textbox: 'input,textarea',
  searchbox: 'input',
  combobox: 'input,select',
  listbox: 'select,datalist',
  option: 'option',
  radio: 'input',
  checkbox: 'input',
  spinbutton: 'input',
  slider: 'input',
  heading: 'h1,h2,h3,h4,h5,h6',
  img: 'img',
  presentation: 'img',
  list: 'ul,ol,menu',
  listitem: 'li',
  navigation: 'nav',
  main: 'main',
  banner: 'header',
  contentinfo: 'footer',
  complementary: 'aside',
  region: 'section',
  form: 'form',
  dialog: 'dialog',
  group: 'fieldset,details,optgroup',
  article: 'article',
  table: 'table',
  row: 'tr',
  cell: 'td',
  columnheader: 'th',
  rowgroup: 'thead,tbody,tfoot',
  separator: 'hr',
  progressbar: 'progress',
  status: 'output',
  figure: 'figure',
  term: 'dt',
  definition: 'dd',
  // Roles that only exist as explicit attributes in HTML.
  tab: '',
  tabpanel: '',
  tablist: '',
  menu: '',
  menubar: '',
  menuitem: '',
  menuitemcheckbox: '',
  menuitemradio: '',
  switch: '',
  alert: '',
  alertdialog: '',
  tooltip: '',
  tree: '',
  treeitem: '',
  grid: '',
  gridcell: '',
};

/** Form fields a {label} can name. */
const LABELLED_FIELDS =
  'input:not([type="hidden" i]),select,textarea,[role~="textbox" i],[role~="searchbox" i],' +
  '[role~="combobox" i],[role~="spinbutton" i],[contenteditable]:not([contenteditable="false" i])';

const PLACEHOLDER_FIELDS = '[placeholder],[aria-placeholder]';

/** Elements whose text never shows on the page. */
const NO_TEXT = new Set(['script', 'style', 'template', 'noscript', 'head', 'title', 'desc']);

/** What a person actually clicks when the matched text sits inside it. */
const CLICKABLE =
  'a[href],button,label,summary,[role~="button" i],[role~="link" i],[role~="tab" i],' +
  '[role~="menuitem" i],[role~="menuitemradio" i],[role~="menuitemcheckbox" i],[role~="option" i]';
const CLICKABLE_LEVELS = 3;

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

function roleSelector(role: string): string {
  const explicit = `[role~="${role.replace(/["\\]/g, '\\$&')}" i]`;
  const implicit = IMPLICIT[role];
  if (implicit === undefined) return '*';
  return implicit ? `${implicit},${explicit}` : explicit;
}

function roleOf(el: Element): string {
  try {
    return (getRole(el) ?? '').toLowerCase();
  } catch {
    return '';
  }
}

const NO_STYLE = {
  display: '',
  visibility: '',
  content: '',
  getPropertyValue: () => '',
} as unknown as CSSStyleDeclaration;

/**
 * A plain approximation of the accessible name for documents without a window (DOMParser,
 * createHTMLDocument), where dom-accessibility-api cannot run.
 */
function windowlessName(el: Element): string {
  const labelledby = el.getAttribute('aria-labelledby');
  if (labelledby) {
    const text = labelledby
      .split(/\s+/)
      .map((id) => (id ? (el.ownerDocument.getElementById(id)?.textContent ?? '') : ''))
      .join(' ')
      .trim();
    if (text) return text;
  }
  const label = el.getAttribute('aria-label')?.trim();
  if (label) return label;
  const labels = (el as HTMLInputElement).labels;
  if (labels && labels.length > 0) {
    return Array.from(labels, (l) => l.textContent ?? '').join(' ');
  }
  const tag = el.localName;
  if (tag === 'input') {
    const type = (el.getAttribute('type') ?? '').toLowerCase();
    if (type === 'button' || type === 'submit' || type === 'reset') {
      return el.getAttribute('value') ?? '';
    }
    if (type === 'image') return el.getAttribute('alt') ?? '';
    return el.getAttribute('title') ?? el.getAttribute('placeholder') ?? '';
  }
  if (tag === 'img') return el.getAttribute('alt') ?? '';
  if (tag === 'select' || tag === 'textarea') return el.getAttribute('title') ?? '';
  return el.textContent ?? el.getAttribute('title') ?? '';
}

function accessibleName(el: Element, ctx: Ctx): string {
  if (!el.ownerDocument.defaultView) return windowlessName(el);
  const getComputedStyle = (node: Element): CSSStyleDeclaration => ctx.style(node) ?? NO_STYLE;
  try {
    // Pseudo-element content is left out: it is mostly icon-font glyphs, and reading it costs
    // two extra style lookups per node.
    return computeAccessibleName(el, {
      getComputedStyle: getComputedStyle as typeof window.getComputedStyle,
      computedStyleSupportsPseudoElements: false,
    });
  } catch {
    return '';
  }
}

/** Attributes that can give an element (or a part of it) its accessible name. */
const NAMING_ATTRIBUTES = ['aria-label', 'title', 'alt', 'value', 'placeholder'];
const NAMING_SELECTOR = NAMING_ATTRIBUTES.map((a) => `[${a}]`).join(',');

function pushAttributes(el: Element, into: string[]) {
  for (const a of NAMING_ATTRIBUTES) {
    const v = el.getAttribute(a);
    if (v) into.push(v);
  }
}

/**
 * Everything an element's accessible name can be made of, in one string: its text, its
 * labels, the elements it points to with aria-labelledby, and the naming attributes inside.
 * A superset of the name, cheap to read.
 */
function nameSources(el: Element, ctx: Ctx): string {
  const parts: string[] = [el.textContent ?? ''];
  pushAttributes(el, parts);
  try {
    const inner = el.querySelectorAll(NAMING_SELECTOR);
    for (let i = 0; i < inner.length; i++) {
      const n = inner[i];
      if (n) pushAttributes(n, parts);
    }
  } catch {
    // keep what we have
  }
  if (el.id) parts.push(ctx.labelsFor(el.ownerDocument, el.id));
  const wrapping = el.parentElement?.closest('label');
  if (wrapping) parts.push(wrapping.textContent ?? '');
  const ids = el.getAttribute('aria-labelledby');
  if (ids) {
    for (const id of ids.split(/\s+/)) {
      const ref = id ? el.ownerDocument.getElementById(id) : null;
      if (ref) {
        parts.push(ref.textContent ?? '');
        pushAttributes(ref, parts);
      }
    }
  }
  return parts.join(' ');
}

interface NameTest {
  /** False when the name cannot match: one of the wanted words appears nowhere in its sources. */
  possible(el: Element): boolean;
  /** The real test, on the computed accessible name. */
  matches(el: Element): boolean;
}

/**
 * A test on an element's accessible name. Computing the name is the costly step, so an element
 * is first skipped when one of the wanted words appears nowhere in its name
 * sources: most candidates on a page are rejected before any style is read.
 */
function nameTest(spec: string, ctx: Ctx): NameTest {
  const match = textMatcher(spec);
  const words = match.exact ? match.exact.split(' ') : [];
  return {
    possible(el) {
      if (words.length === 0) return true;
      const sources = normaliseText(nameSources(el, ctx));
      for (const w of words) if (!sources.includes(w)) return false;
      return true;
    },
    matches: (el) => match(accessibleName(el, ctx)),
  };
}

/**
 * Candidates that pass `cheap` (no style read), are visible, then pass `costly`, in document
 * order. Visibility comes before the computed name: its cache makes whole hidden menus cheap
 * to reject, while every name costs style lookups of its own.
 */
function filtered(
  list: Element[],
  ctx: Ctx,
  cheap: (el: Element) => boolean,
  costly: ((el: Element) => boolean) | null,
  all: boolean,
): Element[] {
  const out: Element[] = [];
  for (const el of list) {
    if (!cheap(el) || !ctx.visible(el) || (costly && !costly(el))) continue;
    out.push(el);
    if (!all) break;
  }
  return out;
}

function byRole(
  root: Root,
  role: string,
  name: string | undefined,
  ctx: Ctx,
  all: boolean,
): Element[] {
  const wanted = role.trim().toLowerCase();
  if (!wanted) return [];
  const test = name === undefined ? null : nameTest(name, ctx);
  return filtered(
    candidates(root, roleSelector(wanted)),
    ctx,
    test ? (el) => roleOf(el) === wanted && test.possible(el) : (el) => roleOf(el) === wanted,
    test ? test.matches : null,
    all,
  );
}

function byLabel(root: Root, label: string, ctx: Ctx, all: boolean): Element[] {
  const test = nameTest(label, ctx);
  return filtered(candidates(root, LABELLED_FIELDS), ctx, test.possible, test.matches, all);
}

function byPlaceholder(root: Root, text: string, ctx: Ctx, all: boolean): Element[] {
  const match = textMatcher(text);
  const hasPlaceholder = (el: Element): boolean => {
    const p = el.getAttribute('placeholder');
    if (p !== null && match(p)) return true;
    const aria = el.getAttribute('aria-placeholder');
    return aria !== null && match(aria);
  };
  return filtered(candidates(root, PLACEHOLDER_FIELDS), ctx, hasPlaceholder, null, all);
}

function byCss(root: Root, css: string, ctx: Ctx, all: boolean): Element[] {
  if (!css.trim()) return [];
  return filtered(candidates(root, css), ctx, () => true, null, all);
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

const TOO_LONG = 0;
const MATCHED = 1;

/**
 * {text}: the deepest elements whose whole text matches, in document order, each replaced by
 * the clickable element around it if there is one close by.
 *
 * One bottom-up pass builds every element's text from its children's, so the page's text is
 * read once. An element whose text already matched somewhere below it is not a candidate (the
 * deepest one is), and a subtree whose text is longer than the wanted one cannot
 * match anywhere above it, so its ancestors skip the comparison.
 */
function byText(root: Root, spec: string, ctx: Ctx, all: boolean): Element[] {
  const exact = textMatcher(spec).exact;
  const out: Element[] = [];
  const seen = new Set<Element>();
  let stop = false;

  const visit = (el: Element): string | typeof TOO_LONG | typeof MATCHED => {
    let text = '';
    let state: string | typeof TOO_LONG | typeof MATCHED = '';
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (stop) return MATCHED;
      const type = n.nodeType;
      if (type === TEXT_NODE || type === CDATA_SECTION_NODE) {
        if (state === '') text = joinPieces(text, normalisePiece((n as CharacterData).data));
        continue;
      }
      if (type !== ELEMENT_NODE) continue;
      const child = n as Element;
      const tag = child.localName;
      if (NO_TEXT.has(tag) || child.hasAttribute('hidden')) continue;
      if (tag === 'br') {
        if (state === '') text = joinPieces(text, ' ');
        continue;
      }
      const r = visit(child);
      if (r === MATCHED) state = MATCHED;
      else if (r === TOO_LONG) {
        if (state === '') state = TOO_LONG;
      } else if (state === '') text = joinPieces(text, r);
    }
    if (state !== '') return state;
    const trimmed = text.trim();
    if (trimmed.length > exact.length) return TOO_LONG;
    if (trimmed !== exact) return text;
    if (ctx.visible(el)) {
      const hit = clickableAround(el);
      if (!seen.has(hit)) {
        seen.add(hit);
        out.push(hit);
        if (!all) stop = true;
      }
    }
    return MATCHED;
  };

  const start =
    root.nodeType === ELEMENT_NODE ? (root as Element) : (root as Document).documentElement;
  if (start && !NO_TEXT.has(start.localName)) visit(start);
  return out;
}

function isText(v: unknown): v is string {
  return typeof v === 'string';
}

function search(root: Root, locator: Locator, ctx: Ctx, all: boolean): Element[] {
  const l = locator as Record<string, unknown>;
  if (!l || typeof l !== 'object') return [];
  if (isText(l.role)) return byRole(root, l.role, isText(l.name) ? l.name : undefined, ctx, all);
  if (isText(l.label)) return byLabel(root, l.label, ctx, all);
  if (isText(l.text)) return byText(root, l.text, ctx, all);
  if (isText(l.placeholder)) return byPlaceholder(root, l.placeholder, ctx, all);
  if (isText(l.css)) return byCss(root, l.css, ctx, all);
  return [];
}

/**
 * The element to show for a list of locators: the first locator (in list order) that finds a
 * visible element wins; within one locator, the first such element in document order.
 * Returns null when nothing is found; never throws.
 */
export function locate(root: Document | Element, locators: readonly Locator[]): Element | null {
  try {
    const ctx = createCtx();
    for (const locator of locators) {
      const found = search(root, locator, ctx, false)[0];
      if (found) return found;
    }
  } catch {
    // An unexpected page structure must not break the guide.
  }
  return null;
}

/** Every visible element one locator finds, in document order (for tests and author tools). */
export function locateAll(root: Document | Element, locator: Locator): Element[] {
  try {
    return search(root, locator, createCtx(), true);
  } catch {
    return [];
  }
}
