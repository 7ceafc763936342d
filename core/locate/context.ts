/**
 * What one search shares between its checks: computed styles, visibility, labels. Valid while
 * the page does not change, so create one per search.
 */
import { createStyleCache, createVisibilityCheck, hasLayout, type StyleOf } from './visible';

export interface Ctx {
  style: StyleOf;
  visible: (el: Element) => boolean;
  /** True in a real browser: boxes and pseudo-elements can be read (not in jsdom/happy-dom). */
  layout: (doc: Document) => boolean;
  /** Style of an element's ::before or ::after, or null where it cannot be read. */
  pseudo: (el: Element, which: '::before' | '::after') => CSSStyleDeclaration | null;
  /** The <label> elements of a form field, in document order. */
  labelsOf: (el: Element) => Element[];
}

/** Elements a <label> can label (HTML: labelable elements). */
export const LABELABLE =
  'button,input:not([type="hidden" i]),meter,output,progress,select,textarea';
const LABELABLE_TAGS = new Set(['button', 'meter', 'output', 'progress', 'select', 'textarea']);

/** A tag check is much cheaper than `matches(LABELABLE)` in jsdom, and says the same. */
export function isLabelable(el: Element): boolean {
  const tag = el.localName;
  if (tag === 'input') return (el.getAttribute('type') ?? '').toLowerCase() !== 'hidden';
  return LABELABLE_TAGS.has(tag);
}

/** Tags that are boxes of their own unless a style says otherwise (rare enough to ignore). */
const BLOCK_TAGS = new Set(
  (
    'address article aside blockquote dd details dialog div dl dt fieldset figcaption figure ' +
    'footer form h1 h2 h3 h4 h5 h6 header hr legend li main nav ol p pre section summary ' +
    'table tbody td tfoot th thead tr ul br'
  ).split(' '),
);

/**
 * A box that breaks the line (block, flex item, table cell…): its text reads apart from its
 * neighbours' even when the markup puts no space between them. Known block tags answer
 * without a style lookup; others (a span made a block by a class) ask the style.
 */
export function breaksLine(el: Element, style: StyleOf): boolean {
  if (BLOCK_TAGS.has(el.localName)) return true;
  const d = style(el)?.display ?? '';
  return d !== '' && d !== 'contents' && !d.startsWith('inline');
}

/** The field a label names: its `for` target, else the first labelable element inside it. */
export function labelControl(label: Element): Element | null {
  const id = label.getAttribute('for');
  if (id !== null) {
    const target = label.ownerDocument.getElementById(id);
    return target && isLabelable(target) ? target : null;
  }
  return label.querySelector(LABELABLE);
}

export function createCtx(): Ctx {
  const style = createStyleCache();
  const layouts = new Map<Document, boolean>();
  const layout = (doc: Document): boolean => {
    let l = layouts.get(doc);
    if (l === undefined) {
      l = hasLayout(doc);
      layouts.set(doc, l);
    }
    return l;
  };
  // One pass over the labels of a document instead of `el.labels`, which some engines (jsdom)
  // answer by walking the whole document for every field.
  const byDoc = new Map<Document, Map<string, Element[]>>();
  const labelsFor = (doc: Document, id: string): Element[] => {
    let map = byDoc.get(doc);
    if (!map) {
      map = new Map();
      const labels = doc.querySelectorAll('label[for]');
      for (let i = 0; i < labels.length; i++) {
        const l = labels[i];
        const target = l?.getAttribute('for');
        if (!l || !target) continue;
        const list = map.get(target);
        if (list) list.push(l);
        else map.set(target, [l]);
      }
      byDoc.set(doc, map);
    }
    return map.get(id) ?? [];
  };
  const labelsOf = (el: Element): Element[] => {
    if (!isLabelable(el)) return [];
    const out = el.id ? [...labelsFor(el.ownerDocument, el.id)] : [];
    const wrapping = el.parentElement?.closest('label');
    if (wrapping && !wrapping.hasAttribute('for') && labelControl(wrapping) === el) {
      // Document order: the wrapping label starts before any label that follows the field.
      const i = out.findIndex((l) => wrapping.compareDocumentPosition(l) & 4);
      out.splice(i < 0 ? out.length : i, 0, wrapping);
    }
    return out;
  };
  const pseudo = (el: Element, which: '::before' | '::after'): CSSStyleDeclaration | null => {
    const view = el.ownerDocument.defaultView;
    if (!view || !layout(el.ownerDocument)) return null;
    try {
      return view.getComputedStyle(el, which);
    } catch {
      return null;
    }
  };
  return { style, visible: createVisibilityCheck(style), layout, pseudo, labelsOf };
}
