/**
 * Everything Pas à pas draws on a site's page, inside its own shadow root: the offer card,
 * the ring around the element to use, its callout, and the glossary tooltip. It never
 * touches the page's own nodes; texts are set with textContent only.
 */
import {
  arrow,
  autoUpdate,
  computePosition,
  flip,
  offset,
  shift,
  size,
  type Padding,
  type Placement,
} from '@floating-ui/dom';
import { tokenizeInline } from '../text/inline';
import type { Translate } from './strings';
import type { Offer } from '../messaging/responses';

/**
 * Beside the element first: below it, the callout would hide the next fields of a form. On
 * the reading side's end (right in French and English, left in Arabic), as the eye goes on.
 */
const PLACEMENTS_LTR: Placement[] = ['right', 'left', 'bottom-start', 'top-start'];
const PLACEMENTS_RTL: Placement[] = ['left', 'right', 'bottom-end', 'top-end'];

/** A box as plain numbers (DOMRect is not constructible everywhere). */
interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const boxOf = (r: Box): Box => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
const hasArea = (r: DOMRect) => r.width > 0 || r.height > 0;
export const intersects = (a: Box, b: Box) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

function toRect(b: Box): DOMRect {
  const width = b.right - b.left;
  const height = b.bottom - b.top;
  return { ...b, x: b.left, y: b.top, width, height } as DOMRect;
}

/** The box of an element's words (its own box where ranges cannot tell). */
function wordsBox(part: Element): DOMRect {
  const range = part.ownerDocument.createRange();
  range.selectNodeContents(part);
  const r =
    typeof range.getBoundingClientRect === 'function' ? range.getBoundingClientRect() : null;
  return r && hasArea(r) ? r : part.getBoundingClientRect();
}

/** Farther than this from the target, a label is not « its » label (a layout we do not know). */
const NEAR_PX = 240;

/**
 * What the person must read around the element: the element, its labels, the texts that
 * describe it (hints, errors), its group's legend and, for an answer among others (a radio,
 * a box to tick), the other answers of its group. The callout and the step bar keep off this
 * whole box, not only the element's.
 */
export function readingBox(target: Element): Box {
  const doc = target.ownerDocument;
  const own = target.getBoundingClientRect();
  const parts: Element[] = [];
  const labels = (target as HTMLInputElement).labels;
  if (labels) parts.push(...Array.from(labels));
  const label = target.closest('label');
  if (label) parts.push(label);
  for (const attr of ['aria-labelledby', 'aria-describedby']) {
    for (const id of (target.getAttribute(attr) ?? '').split(/\s+/)) {
      const ref = id ? doc.getElementById(id) : null;
      if (ref) parts.push(ref);
    }
  }
  const group = target.closest('fieldset, [role="radiogroup"], [role="group"]');
  if (group) {
    const legend = group.querySelector(':scope > legend');
    if (legend) parts.push(legend);
    const type = (target as HTMLInputElement).type;
    const role = target.getAttribute('role');
    if (type === 'radio' || type === 'checkbox' || role === 'radio' || role === 'checkbox')
      parts.push(group);
  }
  const box = boxOf(own);
  for (const part of parts) {
    // A label or a hint is often a block as wide as the form: its words are what counts.
    const r = part === group ? part.getBoundingClientRect() : wordsBox(part);
    if (!hasArea(r)) continue;
    const near =
      r.top < own.bottom + NEAR_PX &&
      r.bottom > own.top - NEAR_PX &&
      r.left < own.right + NEAR_PX &&
      r.right > own.left - NEAR_PX;
    if (!near) continue;
    box.left = Math.min(box.left, r.left);
    box.top = Math.min(box.top, r.top);
    box.right = Math.max(box.right, r.right);
    box.bottom = Math.max(box.bottom, r.bottom);
  }
  return box;
}
const CONTROLS =
  'a[href], button, input:not([type="hidden"]), select, textarea, [role="button"], [role="link"], [role="radio"], [role="checkbox"]';

/**
 * The side where the callout covers the least of the page's other controls (a row of buttons,
 * the next field), staying inside the window. Ties keep the usual order.
 */
async function bestSide(
  doc: Document,
  target: Element,
  reference: { getBoundingClientRect(): DOMRect },
  callout: HTMLElement,
  placements: Placement[],
  padding: () => Padding,
): Promise<Placement> {
  const view = doc.defaultView;
  if (!view) return placements[0]!;
  const around = reference.getBoundingClientRect();
  const near = (r: DOMRect) =>
    r.width > 0 && r.height > 0 && r.bottom > around.top - 400 && r.top < around.bottom + 400;
  // What the callout should not cover, with how much covering it costs.
  const others: [Box, number][] = [];
  for (const el of doc.querySelectorAll(CONTROLS)) {
    if (el === target || el.contains(target) || target.contains(el)) continue;
    const r = el.getBoundingClientRect();
    if (near(r)) others.push([r, 1]);
    // A box to tick is read with its sentence: covering it hides the answer from the person,
    // so its words weigh three times what a link or a button does.
    for (const label of (el as HTMLInputElement).labels ?? []) {
      const words = wordsBox(label);
      if (near(words)) others.push([words, 3]);
    }
    if (others.length > 300) break;
  }
  let best = placements[0]!;
  let bestScore = Infinity;
  for (const placement of placements) {
    const { x, y } = await computePosition(reference, callout, {
      strategy: 'fixed',
      placement,
      middleware: [offset(12), shift({ padding: padding() })],
    });
    const w = callout.offsetWidth;
    const h = callout.offsetHeight;
    const outside = x < 0 || y < 0 || x + w > view.innerWidth || y + h > view.innerHeight;
    // Over what the person must read: the worst, worse than leaving the window.
    let score = outside ? 1e9 : 0;
    if (intersects({ left: x, top: y, right: x + w, bottom: y + h }, boxOf(around))) score += 1e10;
    for (const [r, weight] of others) {
      const dx = Math.min(x + w, r.right) - Math.max(x, r.left);
      const dy = Math.min(y + h, r.bottom) - Math.max(y, r.top);
      if (dx > 0 && dy > 0) score += dx * dy * weight;
    }
    if (score < bestScore) {
      best = placement;
      bestScore = score;
    }
    if (score === 0) break;
  }
  return best;
}

export interface OverlayCallbacks {
  openPanel(): void;
  /** The offer was closed: with « Plus tard » (`remember`: for the day) or Escape (this page). */
  dismissOffer(remember: boolean): void;
  /** The person folded, unfolded or moved the step bar. */
  barChanged?(bar: BarPrefs): void;
}

/** Where the step bar sits and whether it is folded, as the person left it. */
export interface BarPrefs {
  folded: boolean;
  top: boolean;
}

export interface TooltipContent {
  term: string;
  definition: string;
}

function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attrs: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Guide text in the page's language: its quote marks follow it; quoted site words stay French. */
function appendInline(doc: Document, parent: HTMLElement, text: string, lang: string) {
  for (const run of tokenizeInline(text, lang)) {
    const words = run.label
      ? el(doc, 'bdi', { lang: 'fr' }, run.text)
      : doc.createTextNode(run.text);
    if (run.bold) {
      const strong = el(doc, 'strong');
      strong.append(words);
      parent.append(strong);
    } else parent.append(words);
  }
}

export class Overlay {
  private readonly doc: Document;
  private readonly layer: HTMLElement;
  private card: HTMLElement | null = null;
  private ring: HTMLElement | null = null;
  private callout: HTMLElement | null = null;
  private tooltip: HTMLElement | null = null;
  private stopRing: (() => void) | null = null;
  private stopTooltip: (() => void) | null = null;
  private target: Element | null = null;
  private bar: BarPrefs = { folded: false, top: false };
  /** The step bar's last content, to draw it again when folded, unfolded or moved. */
  private barContent: { n: number; total: number; finished: boolean } | null = null;
  /** The bar left its edge because it would cover what the person must read. */
  private barAway = false;
  private placeCallout: (() => void) | null = null;
  private calloutText: string | null = null;
  /** The bar is folded for now, the window being too small for it (not the person's choice). */
  private autoFolded = false;
  /** The person unfolded the bar while this target is shown: it stays so. */
  private keepUnfolded = false;

  constructor(
    private readonly root: ShadowRoot | HTMLElement,
    private t: Translate,
    private readonly callbacks: OverlayCallbacks,
    private readonly reducedMotion: () => boolean,
  ) {
    this.doc = root.ownerDocument;
    this.layer = el(this.doc, 'div', { class: 'pap-layer' });
    this.setStrings(t);
    root.append(this.layer);
  }

  /**
   * The language of everything drawn (lang and dir on the layer, so the callout and the
   * tooltip follow too). Cards already shown are drawn again by their owner.
   */
  setStrings(t: Translate) {
    const before = this.t;
    this.t = t;
    this.layer.setAttribute('lang', t.lang);
    this.layer.setAttribute('dir', t.dir);
    const changed = before.lang !== t.lang || before.dir !== t.dir;
    if (changed && this.barContent && this.card?.classList.contains('pap-bar')) this.redrawBar();
    // The callout carries our name in the language, and changes sides with the direction.
    const target = this.target;
    if (target && this.calloutText !== null && changed) {
      const text = this.calloutText;
      this.clearHighlight();
      this.highlight(target, text);
    }
  }

  /** The person's text size (percent, as in the settings) for all we draw on the page. */
  setTextSize(percent: number) {
    // Checked by the background's settings schema: 100 to 200.
    this.layer.style.setProperty('--pap-scale', String(percent / 100));
    this.placeCallout?.();
  }

  /** Where the step bar sits, as remembered for the site. */
  setBarPrefs(bar: BarPrefs) {
    this.bar = { ...bar };
    if (this.barContent && this.card?.classList.contains('pap-bar')) this.redrawBar();
  }

  private placements(): Placement[] {
    return this.t.dir === 'rtl' ? PLACEMENTS_RTL : PLACEMENTS_LTR;
  }

  // ── offer card ───────────────────────────────────────────────────────────
  showOffer(offer: Offer) {
    this.removeCard();
    const { doc, t } = this;
    const card = el(doc, 'section', {
      class: 'pap-card',
      'data-testid': 'pap-offer',
      role: 'region',
      'aria-label': t('brand'),
    });
    card.append(el(doc, 'p', { class: 'pap-brand' }, t('brand')));
    // A resume says nothing of which procedure or step: the page's scripts can read this card.
    if (!offer.resume && offer.guides.length) {
      card.append(el(doc, 'p', { class: 'pap-lead' }, t('offerIntro')));
      const list = el(doc, 'ul');
      for (const g of offer.guides) list.append(el(doc, 'li', {}, g.title));
      card.append(list);
    } else {
      card.append(el(doc, 'p', { class: 'pap-lead' }, t('offerSite')));
    }
    // Firefox opens its sidebar only from our toolbar button or shortcut: say how.
    if (offer.sidebar) {
      const how =
        t('sidebarHint') +
        (offer.sidebar.shortcut ? ` ${t('sidebarKeys', { keys: offer.sidebar.shortcut })}` : '');
      card.append(el(doc, 'p', { class: 'pap-lead', 'data-testid': 'pap-sidebar-hint' }, how));
    }
    // Who we are, before anything is asked: not the administration, nothing seen or sent.
    card.append(el(doc, 'p', { class: 'pap-small', 'data-testid': 'pap-who' }, t('offerWho')));
    const actions = el(doc, 'div', { class: 'pap-actions' });
    const open = el(
      doc,
      'button',
      { type: 'button', class: 'pap-primary' },
      offer.sidebar ? t('openInTab') : offer.resume ? t('resume') : t('open'),
    );
    open.addEventListener('click', () => this.callbacks.openPanel());
    const later = el(doc, 'button', { type: 'button', class: 'pap-secondary' }, t('later'));
    later.addEventListener('click', () => this.closeOffer(true));
    actions.append(open, later);
    card.append(actions);
    card.addEventListener('keydown', (e) => {
      if (e.key !== 'Escape') return;
      e.stopPropagation();
      this.closeOffer(false);
    });
    this.layer.append(card);
    this.card = card;
  }

  private closeOffer(remember: boolean) {
    if (!this.card || this.card.dataset.testid !== 'pap-offer') return;
    this.removeCard();
    this.callbacks.dismissOffer(remember);
  }

  /** A small bar while a guide runs: which step, and a button back to the side panel. */
  showStepBar(n: number, total: number, finished: boolean) {
    const was = this.barContent;
    const same = was && was.n === n && was.total === total && was.finished === finished;
    // Drawn again only when it changes: the keyboard stays where it is on the bar's buttons.
    if (same && this.card?.isConnected && !this.card.querySelector('.pap-notfound')) return;
    this.barContent = { n, total, finished };
    this.redrawBar();
  }

  private redrawBar() {
    const content = this.barContent;
    if (!content) return;
    // A shadow root knows its own focused element; a plain element (tests) asks the document.
    const active = (this.root as ShadowRoot).activeElement ?? this.doc.activeElement;
    const focusedKind = this.card?.contains(active) && (active as HTMLElement).dataset.kind;
    this.removeCard();
    this.barContent = content;
    const { doc, t } = this;
    const { top } = this.bar;
    const folded = this.bar.folded || this.autoFolded;
    const bar = el(doc, 'section', {
      class: 'pap-card pap-bar',
      'data-testid': 'pap-stepbar',
      role: 'region',
      'aria-label': t('brand'),
    });
    if (folded) bar.classList.add('pap-folded');
    if (top !== this.barAway) bar.classList.add('pap-top');
    const where = content.finished
      ? t('finished')
      : t('stepOf', { n: content.n, total: content.total });
    bar.append(el(doc, 'p', { class: 'pap-lead' }, where));
    const row = el(doc, 'div', { class: 'pap-actions' });
    if (!folded) {
      const open = el(
        doc,
        'button',
        { type: 'button', class: 'pap-primary', 'data-kind': 'open' },
        t('showGuide'),
      );
      open.addEventListener('click', () => this.callbacks.openPanel());
      const move = el(
        doc,
        'button',
        { type: 'button', class: 'pap-secondary', 'data-kind': 'move' },
        top ? t('moveBottom') : t('moveTop'),
      );
      move.addEventListener('click', () => this.changeBar({ folded, top: !top }));
      row.append(open, move);
    }
    const fold = el(
      doc,
      'button',
      {
        type: 'button',
        class: 'pap-secondary',
        'data-kind': 'fold',
        'data-testid': 'pap-fold',
        'aria-expanded': String(!folded),
      },
      folded ? t('unfold') : t('fold'),
    );
    fold.addEventListener('click', () => this.changeBar({ folded: !folded, top }));
    row.append(fold);
    bar.append(row);
    this.layer.append(bar);
    this.card = bar;
    // Folding or moving draws the bar again: the keyboard stays on the same button.
    if (focusedKind) bar.querySelector<HTMLElement>(`[data-kind="${focusedKind}"]`)?.focus();
    this.placeCallout?.();
  }

  private changeBar(bar: BarPrefs) {
    this.bar = bar;
    this.barAway = false;
    if (this.autoFolded && !bar.folded) this.keepUnfolded = true;
    this.autoFolded = false;
    this.redrawBar();
    this.callbacks.barChanged?.({ ...bar });
  }

  showNotFound() {
    this.card?.querySelector('.pap-notfound')?.remove();
    this.card?.append(
      el(
        this.doc,
        'p',
        { class: 'pap-notfound', 'data-testid': 'pap-notfound' },
        this.t('notFound'),
      ),
    );
  }

  removeCard() {
    if (this.card?.classList.contains('pap-bar')) this.barContent = null;
    this.card?.remove();
    this.card = null;
  }

  // ── ring and callout ─────────────────────────────────────────────────────
  highlight(target: Element, calloutText: string) {
    this.calloutText = calloutText;
    if (this.target === target && this.ring) {
      const box = this.callout!.querySelector('.pap-callout-text') as HTMLElement;
      box.textContent = '';
      appendInline(this.doc, box, calloutText, this.t.lang);
      return;
    }
    this.clearHighlight();
    const { doc } = this;
    this.target = target;
    const ring = el(doc, 'div', {
      class: 'pap-ring',
      'data-testid': 'pap-highlight',
      'aria-hidden': 'true',
    });
    if (!this.reducedMotion()) ring.classList.add('pap-animated');
    const callout = el(doc, 'div', {
      class: 'pap-callout',
      'data-testid': 'pap-callout',
      role: 'status',
    });
    // Our name on it: the instruction is never taken for the site's own.
    const brand = el(doc, 'span', { class: 'pap-callout-brand' }, this.t('brand'));
    const textBox = el(doc, 'span', { class: 'pap-callout-text' });
    appendInline(doc, textBox, calloutText, this.t.lang);
    const tip = el(doc, 'div', { class: 'pap-arrow' });
    callout.append(brand, textBox, tip);
    this.layer.append(ring, callout);
    this.ring = ring;
    this.callout = callout;

    const rect = target.getBoundingClientRect();
    const inView = rect.top >= 0 && rect.bottom <= (doc.defaultView?.innerHeight ?? 0);
    if (!inView) {
      target.scrollIntoView({
        block: 'center',
        behavior: this.reducedMotion() ? 'auto' : 'smooth',
      });
    }

    // The callout is placed beside the reading box (the element, its label, its hint…).
    const reading = { getBoundingClientRect: () => toRect(readingBox(target)) };
    // Never over the step bar either: the window's edge where it sits is kept for it.
    const padding = (): Padding => {
      const bar = this.card?.classList.contains('pap-bar')
        ? this.card.getBoundingClientRect()
        : null;
      const base = { top: 8, bottom: 8, left: 8, right: 8 };
      const h = this.doc.defaultView?.innerHeight ?? 0;
      if (!bar || !hasArea(bar)) return base;
      if (bar.top < h / 2) base.top = bar.bottom + 8;
      else base.bottom = h - bar.top + 8;
      return base;
    };
    let order: Placement[] = this.placements();
    const update = () => {
      if (this.ring !== ring) return;
      const r = target.getBoundingClientRect();
      const pad = 6;
      Object.assign(ring.style, {
        left: `${r.left - pad}px`,
        top: `${r.top - pad}px`,
        width: `${r.width + pad * 2}px`,
        height: `${r.height + pad * 2}px`,
        display: r.width === 0 && r.height === 0 ? 'none' : 'block',
      });
      this.keepBarAway(readingBox(target));
      void computePosition(reading, callout, {
        strategy: 'fixed',
        placement: order[0],
        middleware: [
          offset(12),
          flip({ fallbackPlacements: order.slice(1), padding: padding() }),
          shift({ padding: padding() }),
          // Narrower rather than over the page's words: it wraps onto more lines.
          size({
            padding: padding(),
            apply: ({ availableWidth }) => {
              callout.style.maxWidth = `min(20em, ${Math.max(120, Math.floor(availableWidth))}px)`;
            },
          }),
          arrow({ element: tip }),
        ],
      }).then(({ x, y, placement, middlewareData }) => {
        Object.assign(callout.style, { left: `${x}px`, top: `${y}px` });
        const side = placement.split('-')[0];
        callout.dataset.side = side;
        const a = middlewareData.arrow;
        Object.assign(tip.style, {
          left: a?.x != null ? `${a.x}px` : '',
          top: a?.y != null ? `${a.y}px` : '',
        });
      });
    };
    this.placeCallout = update;
    update();
    this.stopRing = autoUpdate(target, ring, update, { animationFrame: false });
    // Once, not on every scroll: choose the side where the callout hides no other control.
    void bestSide(doc, target, reading, callout, this.placements(), padding).then((best) => {
      if (this.ring !== ring || best === order[0]) return;
      order = [best, ...this.placements().filter((p) => p !== best)];
      update();
    });
  }

  /**
   * The step bar goes to the other edge of the window when it would cover what the person
   * must read; back to where the person put it once that is clear.
   */
  private keepBarAway(reading: Box): void {
    const bar = this.card;
    if (!bar?.classList.contains('pap-bar')) return;
    const clear = () => {
      const r = bar.getBoundingClientRect();
      return !hasArea(r) || !intersects(boxOf(r), reading);
    };
    const otherEdge = () => {
      this.barAway = !this.barAway;
      bar.classList.toggle('pap-top', this.bar.top !== this.barAway);
    };
    if (clear()) return;
    otherEdge();
    if (clear()) return;
    otherEdge();
    // Neither edge is clear: folded for now (drawn again, then placed the same way).
    if (this.bar.folded || this.autoFolded || this.keepUnfolded) return;
    this.autoFolded = true;
    this.redrawBar();
  }

  clearHighlight() {
    this.stopRing?.();
    this.stopRing = null;
    this.placeCallout = null;
    this.ring?.remove();
    this.callout?.remove();
    this.ring = this.callout = null;
    this.target = null;
    this.calloutText = null;
    this.keepUnfolded = false;
    if (this.barAway || this.autoFolded) {
      this.barAway = false;
      this.autoFolded = false;
      if (this.barContent) this.redrawBar();
    }
  }

  get highlighted(): Element | null {
    return this.target;
  }

  // ── glossary tooltip ─────────────────────────────────────────────────────
  showTooltip(
    content: TooltipContent,
    anchor: { getBoundingClientRect(): DOMRect },
    actions: { speak?: () => void; more: () => void },
  ) {
    this.hideTooltip();
    const { doc, t } = this;
    const box = el(doc, 'div', {
      class: 'pap-tooltip',
      'data-testid': 'pap-tooltip',
      role: 'tooltip',
      'aria-label': t('tooltipLabel', { term: content.term }),
    });
    box.append(el(doc, 'p', { class: 'pap-term' }, content.term));
    const def = el(doc, 'p', { class: 'pap-def' });
    appendInline(doc, def, content.definition, t.lang);
    box.append(def);
    const row = el(doc, 'div', { class: 'pap-actions' });
    if (actions.speak) {
      const speak = el(doc, 'button', { type: 'button', class: 'pap-secondary' }, t('readAloud'));
      speak.addEventListener('click', actions.speak);
      row.append(speak);
    }
    const more = el(doc, 'button', { type: 'button', class: 'pap-secondary' }, t('more'));
    more.addEventListener('click', actions.more);
    row.append(more);
    box.append(row);
    this.layer.append(box);
    this.tooltip = box;
    const virtual = { getBoundingClientRect: () => anchor.getBoundingClientRect() };
    const place = () =>
      void computePosition(virtual, box, {
        strategy: 'fixed',
        placement: 'top',
        middleware: [offset(8), flip(), shift({ padding: 8 })],
      }).then(({ x, y }) => Object.assign(box.style, { left: `${x}px`, top: `${y}px` }));
    place();
    this.stopTooltip = autoUpdate(virtual, box, place, { animationFrame: false });
  }

  get tooltipElement(): HTMLElement | null {
    return this.tooltip;
  }

  hideTooltip() {
    this.stopTooltip?.();
    this.stopTooltip = null;
    this.tooltip?.remove();
    this.tooltip = null;
  }

  destroy() {
    this.clearHighlight();
    this.hideTooltip();
    this.removeCard();
    this.layer.remove();
  }
}
