/**
 * Is an element something a person can see? Used to ignore the hidden duplicates that big sites
 * are full of (mobile menus, closed dialogs, templates), so the ring never circles a ghost.
 *
 * Works in real browsers and in jsdom / happy-dom (no layout there: an element counts as visible
 * when its attributes and styles allow it).
 */

// Attributes that hide a whole subtree from the person (or from assistive technology, which for
// a guide means the same: a modal dialog marks the rest of the page aria-hidden).
const HIDING_ATTRIBUTES = '[hidden],[inert],[aria-hidden="true"]';

export type StyleOf = (el: Element) => CSSStyleDeclaration | null;

interface CheckVisibilityCapable {
  checkVisibility?: (options?: Record<string, boolean>) => boolean;
}

function styleReader(doc: Document): StyleOf {
  const view = doc.defaultView;
  if (!view || typeof view.getComputedStyle !== 'function') return () => null;
  return (el) => {
    try {
      return view.getComputedStyle(el);
    } catch {
      return null;
    }
  };
}

/** The element's parent, crossing out of shadow roots to their host. */
function parentOf(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const root = el.parentNode as (Node & { host?: Element }) | null;
  return root && root.host ? root.host : null;
}

function hasText(el: Element): boolean {
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 3 && (n.nodeValue ?? '').trim() !== '') return true;
  }
  return false;
}

/** True when the document has real layout (a browser), false in jsdom / happy-dom. */
export function hasLayout(doc: Document): boolean {
  const html = doc.documentElement;
  if (!html || typeof html.getBoundingClientRect !== 'function') return false;
  try {
    const r = html.getBoundingClientRect();
    return r.width > 0 || r.height > 0;
  } catch {
    return false;
  }
}

function isFirstSummary(child: Element, details: Element): boolean {
  if (child.localName !== 'summary') return false;
  for (let c = details.firstElementChild; c; c = c.nextElementSibling) {
    if (c.localName === 'summary') return c === child;
  }
  return false;
}

function hiddenByClosedParent(child: Element): boolean {
  const parent = child.parentElement;
  return (
    !!parent &&
    parent.localName === 'details' &&
    !parent.hasAttribute('open') &&
    !isFirstSummary(child, parent)
  );
}

/** Content of a closed <details> is not rendered, except its first <summary>. */
function hiddenInClosedDetails(el: Element): boolean {
  if (!el.closest('details:not([open])')) return false;
  for (let node: Element | null = el; node; node = node.parentElement) {
    if (hiddenByClosedParent(node)) return true;
  }
  return false;
}

/**
 * Computed styles, each read once: within one search the page does not change, and style
 * lookups are the costly part of every check (very much so in jsdom).
 */
export function createStyleCache(): StyleOf {
  const styles = new Map<Element, CSSStyleDeclaration | null>();
  const readers = new Map<Document, StyleOf>();
  return (el) => {
    let style = styles.get(el);
    if (style === undefined) {
      const doc = el.ownerDocument;
      let read = readers.get(doc);
      if (!read) {
        read = styleReader(doc);
        readers.set(doc, read);
      }
      style = read(el);
      styles.set(el, style);
    }
    return style;
  };
}

/**
 * A visibility test that remembers what it learnt about ancestors: create one per search so
 * that thousands of candidates sharing a hidden menu cost one style lookup each.
 */
export function createVisibilityCheck(
  styleOf: StyleOf = createStyleCache(),
): (el: Element) => boolean {
  const displayHidden = new Map<Element, boolean>();
  const results = new Map<Element, boolean>();
  const layoutOfDoc = new Map<Document, boolean>();

  function layout(doc: Document): boolean {
    let l = layoutOfDoc.get(doc);
    if (l === undefined) {
      l = hasLayout(doc);
      layoutOfDoc.set(doc, l);
    }
    return l;
  }

  /** `display: none` on the element or an ancestor (display is not inherited: walk up). */
  function underDisplayNone(el: Element): boolean {
    const chain: Element[] = [];
    let node: Element | null = el;
    let hidden = false;
    while (node) {
      const known = displayHidden.get(node);
      if (known !== undefined) {
        hidden = known;
        break;
      }
      chain.push(node);
      if (styleOf(node)?.display === 'none') {
        hidden = true;
        break;
      }
      node = parentOf(node);
    }
    // Everything below a hidden ancestor is hidden; a visible chain is visible all the way.
    for (const n of chain) displayHidden.set(n, hidden);
    return hidden;
  }

  function hiddenByAttributes(el: Element): boolean {
    let node: Element | null = el;
    while (node) {
      if (node.closest(HIDING_ATTRIBUTES)) return true;
      const root = node.getRootNode() as Node & { host?: Element };
      node = root && root.host ? root.host : null;
    }
    return false;
  }

  function check(el: Element, ancestorsChecked: boolean): boolean {
    const cached = results.get(el);
    if (cached !== undefined) return cached;
    const result = compute(el, ancestorsChecked);
    results.set(el, result);
    return result;
  }

  function compute(el: Element, ancestorsChecked: boolean): boolean {
    if (!el.isConnected) return false;
    if (el.localName === 'input' && (el.getAttribute('type') ?? '').toLowerCase() === 'hidden') {
      return false;
    }
    if (!ancestorsChecked) {
      if (hiddenByAttributes(el)) return false;
      if (hiddenInClosedDetails(el)) return false;
    } else if (el.matches(HIDING_ATTRIBUTES) || hiddenByClosedParent(el)) {
      return false;
    }
    if (underDisplayNone(el)) return false;
    const style = styleOf(el);
    // `visibility` is inherited and a child may set it back to `visible`: the element's own
    // computed value already tells the truth.
    if (style && (style.visibility === 'hidden' || style.visibility === 'collapse')) return false;

    const display = style?.display ?? '';
    const cv = (el as Element & CheckVisibilityCapable).checkVisibility;
    if (typeof cv === 'function' && display !== 'contents') {
      try {
        if (!cv.call(el, { visibilityProperty: true, checkVisibilityCSS: true })) return false;
      } catch {
        // an engine with a partial implementation: rely on the checks above
      }
    }

    // No box of its own: what shows is its children, text included.
    if (display === 'contents') return hasText(el) || someChildVisible(el);
    if (layout(el.ownerDocument) && typeof el.getClientRects === 'function') {
      const rects = el.getClientRects();
      let hasArea = false;
      for (let i = 0; i < rects.length; i++) {
        const r = rects[i];
        if (r && r.width > 0 && r.height > 0) {
          hasArea = true;
          break;
        }
      }
      // A zero-size box may still show positioned or floating children.
      if (!hasArea) return someChildVisible(el);
    }
    return true;
  }

  function someChildVisible(el: Element): boolean {
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
      if (check(c, true)) return true;
    }
    return false;
  }

  return (el: Element): boolean => {
    try {
      return check(el, false);
    } catch {
      return false;
    }
  };
}
