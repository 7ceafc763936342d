/**
 * Can the person act on an element now? A disabled button waits for something (often a box to
 * tick), and what lies behind an open modal dialog cannot be reached until it closes: neither
 * may be ringed as the thing to click.
 */
import { labelControl, type Ctx } from './context';
import { roleOf } from './roles';

/** Why a visible element cannot be used now. */
export type Unusable = 'disabled' | 'covered';

const FORM_CONTROLS = 'button,input,select,textarea,optgroup,option,fieldset';

function safeMatches(el: Element, selector: string): boolean {
  try {
    return el.matches(selector);
  } catch {
    return false;
  }
}

/** Inside the first <legend> of the fieldset: HTML keeps that part usable. */
function inFirstLegend(el: Element, fieldset: Element): boolean {
  let legend: Element | null = null;
  for (let c = fieldset.firstElementChild; c && !legend; c = c.nextElementSibling) {
    if (c.localName === 'legend') legend = c;
  }
  return !!legend && legend.contains(el);
}

/**
 * Disabled by HTML (`disabled`, inside a disabled fieldset, a disabled optgroup) or by ARIA
 * (`aria-disabled="true"` on it or around it); also what sits inside a disabled button and a
 * label whose field is disabled.
 */
export function isDisabled(el: Element): boolean {
  if (safeMatches(el, ':disabled')) return true;
  if (el.closest('[aria-disabled="true" i]')) return true;
  const parent = el.parentElement;
  if (safeMatches(el, FORM_CONTROLS)) {
    // The same rules for engines whose :disabled ignores fieldsets (happy-dom).
    if (el.hasAttribute('disabled')) return true;
    const fieldset = parent?.closest('fieldset[disabled]');
    if (fieldset && !inFirstLegend(el, fieldset)) return true;
    if (el.localName === 'option' && parent?.closest('optgroup[disabled]')) return true;
  }
  if (parent?.closest('button[disabled]')) return true;
  if (el.localName === 'label') {
    const control = labelControl(el);
    if (control && isDisabled(control)) return true;
  }
  return false;
}

/** The open modal dialog on top of the page, if any. */
export function topModal(doc: Document, ctx: Ctx): Element | null {
  let top: Element | null = null;
  const dialogs = doc.getElementsByTagName('dialog');
  for (let i = 0; i < dialogs.length; i++) {
    const d = dialogs[i];
    if (d && d.hasAttribute('open') && safeMatches(d, ':modal')) top = d;
  }
  if (top) return top;
  // aria-modal also sits on closed dialogs (the design system writes it in the markup): only a
  // visible one counts. (A bare attribute selector: `[aria-modal="true" i]` is slow in jsdom.)
  const marked = doc.querySelectorAll('[aria-modal]');
  for (let i = marked.length - 1; i >= 0; i--) {
    const d = marked[i];
    if (!d || (d.getAttribute('aria-modal') ?? '').toLowerCase() !== 'true') continue;
    const role = roleOf(d);
    if ((role === 'dialog' || role === 'alertdialog') && ctx.visible(d)) return d;
  }
  return null;
}

/** `inner` is `outer` or inside it, crossing shadow roots. */
function within(inner: Element, outer: Element): boolean {
  for (let n: Element | null = inner; n;) {
    if (outer.contains(n)) return true;
    const root = n.getRootNode() as Node & { host?: Element };
    n = root && root.host ? root.host : null;
  }
  return false;
}

/**
 * A checker for one search (it finds the modal dialog once): null when the visible element can
 * be used, else why not. Behind a dialog comes first: the dialog must be closed before anything
 * else can happen.
 */
export function createUsableCheck(ctx: Ctx): (el: Element) => Unusable | null {
  const modals = new Map<Document, Element | null>();
  return (el) => {
    const doc = el.ownerDocument;
    let modal = modals.get(doc);
    if (modal === undefined) {
      modal = topModal(doc, ctx);
      modals.set(doc, modal);
    }
    if (modal && !within(el, modal)) return 'covered';
    return isDisabled(el) ? 'disabled' : null;
  };
}
