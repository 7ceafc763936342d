/**
 * Names as people read them. The accessible name follows the W3C text-alternative steps
 * (aria-labelledby, aria-label, labels and legends, alt and value of buttons, the content, the
 * title), with one deliberate difference: a form field met inside a label or a referenced
 * element gives nothing, where the standard would give what the person typed or chose. What
 * someone writes in a site's form therefore never becomes part of a name, whether it is used
 * for matching or shown.
 *
 * A person reading the screen may name an element differently from its accessible name, so a
 * guide's text is compared with a few readings of it (see `readings`): the accessible name,
 * with the text drawn by CSS as a browser reads it; the main text only, without hints, messages,
 * text hidden for screen readers and CSS decorations (« Numéro fiscal » for a label that also
 * says « Format attendu : 13 chiffres »); and, when aria-label or aria-labelledby replace the
 * visible words, the visible words themselves (a checkbox named « consent » by aria-label but
 * labelled « J’accepte… » on screen).
 */
import { breaksLine, createCtx, type Ctx } from './context';
import { roleOf } from './roles';

/** Roles whose name comes from their content (WAI-ARIA « name from: contents »). */
const FROM_CONTENT = new Set([
  'button',
  'cell',
  'checkbox',
  'columnheader',
  'gridcell',
  'heading',
  'link',
  'menuitem',
  'menuitemcheckbox',
  'menuitemradio',
  'option',
  'radio',
  'row',
  'rowheader',
  'switch',
  'tab',
  'tooltip',
  'treeitem',
]);

/** Roles of fields whose value is the person's own (typed, chosen or set). */
const VALUE_ROLES = new Set([
  'textbox',
  'searchbox',
  'combobox',
  'listbox',
  'spinbutton',
  'slider',
  'scrollbar',
]);

/** Elements whose text is never shown. */
const NO_TEXT = new Set(['script', 'style', 'template', 'noscript', 'head', 'title']);

/** Parts of a name a person reads as secondary: hints, live messages and alerts. */
const SECONDARY = '[class*="hint" i],[aria-live],[role~="alert" i],[role~="status" i]';

const BUTTON_INPUTS = ' button submit reset ';

interface Reading {
  ctx: Ctx;
  root: Element;
  /** Add the text of ::before and ::after (browsers do; decorations such as « * » then count). */
  css: boolean;
  /** Main text only: leave out hints, messages and visually hidden text. */
  main: boolean;
  /** Ignore the root's own aria-label and aria-labelledby: read what is on screen. */
  own: boolean;
  /** Elements the root's aria-describedby points to (secondary in a main reading). */
  described: Set<Element>;
  seen: Set<Element>;
  inLabelledby: boolean;
}

function safeMatches(el: Element, selector: string): boolean {
  try {
    return el.matches(selector);
  } catch {
    return false;
  }
}

function idRefs(el: Element, attr: string): Element[] {
  const value = el.getAttribute(attr);
  if (!value) return [];
  const out: Element[] = [];
  for (const id of value.trim().split(/\s+/)) {
    const ref = id ? el.ownerDocument.getElementById(id) : null;
    if (ref) out.push(ref);
  }
  return out;
}

function hiddenForName(el: Element, r: Reading): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const s = r.ctx.style(el);
  return !!s && (s.display === 'none' || s.visibility === 'hidden' || s.visibility === 'collapse');
}

/** Text hidden for sighted people but kept for screen readers (the usual `sr-only` class). */
function visuallyHidden(el: Element, r: Reading): boolean {
  if (!r.ctx.layout(el.ownerDocument)) return false;
  const s = r.ctx.style(el);
  if (!s || (s.position !== 'absolute' && s.position !== 'fixed')) return false;
  const box = el.getBoundingClientRect();
  return box.width <= 1 && box.height <= 1;
}

/** A field whose value is the person's: its value never enters a name. */
function holdsValue(el: Element): boolean {
  const tag = el.localName;
  if (tag === 'input') {
    const type = (el.getAttribute('type') ?? '').toLowerCase();
    return !BUTTON_INPUTS.includes(` ${type} `) && type !== 'image';
  }
  if (tag === 'select' || tag === 'textarea') return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') return true;
  return VALUE_ROLES.has(roleOf(el));
}

/** The words of a CSS `content` value: its quoted strings, or its alternative text after `/`. */
export function cssContentText(content: string): string {
  let main = '';
  let alt: string | null = null;
  let quote = '';
  let piece = '';
  for (let i = 0; i < content.length; i++) {
    const c = content.charAt(i);
    if (quote) {
      if (c === '\\' && i + 1 < content.length) piece += content.charAt(++i);
      else if (c === quote) {
        if (alt === null) main += piece;
        else alt += piece;
        piece = '';
        quote = '';
      } else piece += c;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '/') alt = '';
  }
  return alt ?? main;
}

function pseudoText(el: Element, which: '::before' | '::after', r: Reading): string {
  const s = r.ctx.pseudo(el, which);
  if (!s) return '';
  const text = cssContentText(s.content || '');
  if (!text) return '';
  const d = s.display;
  return d && d !== 'inline' && !d.startsWith('inline') ? ` ${text} ` : text;
}

function content(el: Element, r: Reading): string {
  let out = r.css ? pseudoText(el, '::before', r) : '';
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 3 || n.nodeType === 4) {
      out += (n as CharacterData).data;
    } else if (n.nodeType === 1) {
      const child = n as Element;
      const text = read(child, r, true);
      out += breaksLine(child, r.ctx.style) ? ` ${text} ` : text;
    }
  }
  if (r.css) out += pseudoText(el, '::after', r);
  return out;
}

function firstChild(el: Element, tag: string): Element | null {
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
    if (c.localName === tag) return c;
  }
  return null;
}

function nonEmpty(s: string | null | undefined): string | null {
  return s && s.trim() ? s : null;
}

/** HTML's own naming (labels, legend, caption, alt, value), or null when it has none. */
function nativeName(el: Element, r: Reading, nested: boolean): string | null {
  const tag = el.localName;
  if (tag === 'input') {
    const type = (el.getAttribute('type') ?? '').toLowerCase();
    if (BUTTON_INPUTS.includes(` ${type} `)) return nonEmpty(el.getAttribute('value'));
    if (type === 'image') return nonEmpty(el.getAttribute('alt') ?? el.getAttribute('title'));
  }
  if (tag === 'img' || tag === 'area') return el.getAttribute('alt');
  if (tag === 'fieldset' || tag === 'table') {
    const part = firstChild(el, tag === 'fieldset' ? 'legend' : 'caption');
    return part ? nonEmpty(read(part, r, true)) : null;
  }
  if (tag === 'optgroup') return nonEmpty(el.getAttribute('label'));
  if (tag === 'svg') return nonEmpty(firstChild(el, 'title')?.textContent);
  if (nested) return null;
  const labels = r.ctx.labelsOf(el);
  if (labels.length > 0) {
    const text = labels
      .map((l) => read(l, r, true))
      .filter((t) => t.trim())
      .join(' ');
    if (text) return text;
  }
  if (tag === 'textarea' || (tag === 'input' && holdsValue(el))) {
    return nonEmpty(
      el.getAttribute('title') ??
        el.getAttribute('placeholder') ??
        el.getAttribute('aria-placeholder'),
    );
  }
  return null;
}

/**
 * The text alternative of `el` within one reading. `nested`: `el` is part of what is read
 * (content, a label), not the element being named or one it points to.
 */
function read(el: Element, r: Reading, nested: boolean, referenced = false): string {
  // A node is read once (aria-labelledby may loop), except the element itself pointed to by
  // its own aria-labelledby (« Télécharger » + the title it refers to).
  if (NO_TEXT.has(el.localName) || (r.seen.has(el) && !(referenced && el === r.root))) return '';
  r.seen.add(el);
  if (!referenced && hiddenForName(el, r)) return '';
  if (r.main && (nested || referenced)) {
    if (r.described.has(el) || safeMatches(el, SECONDARY) || visuallyHidden(el, r)) return '';
  }
  if (el.localName === 'br') return ' ';

  const self = el === r.root && r.own;
  if (!r.inLabelledby && !self) {
    const refs = idRefs(el, 'aria-labelledby');
    if (refs.length > 0) {
      r.inLabelledby = true;
      const text = refs.map((ref) => read(ref, r, false, true)).join(' ');
      r.inLabelledby = false;
      if (text.trim()) return text;
    }
  }
  // Deliberately not the standard: a field inside what is read gives nothing, never its value.
  if ((nested || referenced) && holdsValue(el)) return '';
  if (!self) {
    const label = nonEmpty(el.getAttribute('aria-label'));
    if (label) return label;
  }
  const native = nativeName(el, r, nested || referenced);
  if (native !== null && (native.trim() || el.localName === 'img')) return native;

  const tag = el.localName;
  if (
    nested ||
    referenced ||
    tag === 'label' ||
    tag === 'legend' ||
    tag === 'caption' ||
    FROM_CONTENT.has(roleOf(el))
  ) {
    const text = content(el, r);
    if (text.trim()) return text;
  }
  return el.getAttribute('title') ?? '';
}

function flat(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function reading(el: Element, ctx: Ctx, main: boolean, own: boolean): string {
  const r: Reading = {
    ctx,
    root: el,
    css: !main && ctx.layout(el.ownerDocument),
    main,
    own,
    described: new Set(main ? idRefs(el, 'aria-describedby') : []),
    seen: new Set(),
    inLabelledby: false,
  };
  try {
    return flat(read(el, r, false));
  } catch {
    return '';
  }
}

/**
 * The ways a person may name the element, most standard first, computed one at a time (the
 * caller usually stops at the first): the accessible name; its main text; and, when aria-label
 * or aria-labelledby stand in for the visible words, the visible words in full and main.
 */
export function* readings(el: Element, ctx: Ctx): Generator<string, void, undefined> {
  const seen = new Set<string>();
  const overridden = el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby');
  for (const own of overridden ? [false, true] : [false]) {
    for (const main of [false, true]) {
      const text = reading(el, ctx, main, own);
      if (!seen.has(text)) {
        seen.add(text);
        yield text;
      }
    }
  }
}

/**
 * The element's accessible name, as a browser computes it but without any typed or chosen
 * value: safe to show.
 */
export function nameOf(el: Element, ctx: Ctx = createCtx()): string {
  return reading(el, ctx, false, false);
}
