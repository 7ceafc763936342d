/**
 * Paints glossary marks into a CSS Highlight, keeping the browser's rendering work small:
 * every change to a Highlight makes the browser restyle the page, and every registered range
 * is checked again at each later frame where the page changes. So only the marks whose text
 * lies within about one screen of the viewport are registered (an IntersectionObserver tells
 * which), and only what changed is added or removed: the work of one change is the size of
 * that change, never the size of the page. A mark gets its range when it first comes near.
 *
 * Ranges are StaticRange objects where the browser has them. The page never pays for them:
 * the browser updates every live Range at each change of the page's DOM (with some hundreds
 * of them, each node the page adds or removes costs tens of microseconds more); a static one
 * is left alone, and the marker reads every changed text again anyway.
 */
import { liveRange, type Mark, type MarkChange } from './marker';

const FOLLOWING = 4;
const HEADINGS = 'h1, h2, h3, h4, h5, h6, [role="heading"]';

/** Whether mark `a` comes before mark `b` in the page. */
function before(a: Mark, b: Mark): boolean {
  if (a.node === b.node) return a.start < b.start;
  return (a.node.compareDocumentPosition(b.node) & FOLLOWING) !== 0;
}

export interface PainterOptions {
  /**
   * Underline only a term's first occurrence in each part of the page (from one heading to
   * the next); the others stay explainable on hover and tap (the marker still finds them).
   */
  firstPerSection?: boolean;
}

type PainterView = {
  IntersectionObserver?: typeof IntersectionObserver;
  StaticRange?: typeof StaticRange;
} | null;

/** Elements that group several texts: one of them is watched rather than each text's parent. */
const GROUPS = new Set([
  'p',
  'li',
  'tr',
  'dl',
  'ul',
  'ol',
  'table',
  'form',
  'fieldset',
  'section',
  'article',
  'nav',
  'header',
  'footer',
  'aside',
  'blockquote',
  'figure',
  'details',
]);

/** The element whose position stands for the mark's: its closest group, a few levels up at most. */
function watched(mark: Mark): Element | null {
  const start = mark.node.parentElement;
  let el = start;
  for (let i = 0; el && i < 4; i++, el = el.parentElement) if (GROUPS.has(el.localName)) return el;
  return start;
}

interface Group {
  marks: Set<Mark>;
  near: boolean;
}

function rangeFactory(view: PainterView): (mark: Mark) => AbstractRange {
  const Static = view?.StaticRange;
  if (typeof Static === 'function') {
    return (m) =>
      new Static({
        startContainer: m.node,
        startOffset: m.start,
        endContainer: m.node,
        endOffset: m.end,
      });
  }
  return liveRange;
}

export class HighlightPainter {
  private readonly observer: IntersectionObserver | null;
  private readonly groups = new Map<Element, Group>();
  /** The group each mark was filed under (its element may have moved since). */
  private readonly groupOf = new Map<Mark, Element>();
  /** Ranges made so far, kept while their mark lives. */
  private readonly ranges = new Map<Mark, AbstractRange>();
  /** The marks whose range is in the highlight now. */
  private readonly painted = new Set<Mark>();
  private readonly makeRange: (mark: Mark) => AbstractRange;
  private readonly quiet: boolean;
  /** Every mark held, by term (quiet mode: a mark is underlined when first of its part). */
  private readonly byTerm = new Map<string, Set<Mark>>();
  /** The page's headings in order; null: to read again (the page changed). */
  private headings: Element[] | null = null;
  /** The heading that opens each text's part of the page, found when first needed. */
  private readonly sectionOfText = new Map<Text, Element | null>();

  constructor(
    private readonly highlight: Highlight,
    view: PainterView,
    opts: PainterOptions = {},
  ) {
    this.makeRange = rangeFactory(view);
    this.quiet = opts.firstPerSection ?? false;
    const IO = view?.IntersectionObserver;
    this.observer = IO
      ? new IO(
          (entries) => {
            for (const e of entries) this.setNear(e.target, e.isIntersecting);
          },
          // One screen above and below: scrolling shows marks already in place.
          { rootMargin: '100% 0px' },
        )
      : null;
  }

  /**
   * Applies a change as GlossaryMarker reports it: `added` first, then `removed`. Which mark
   * of a term opens its part of the page is decided only for the marks near the viewport,
   * when they come near: a long page costs a map entry per mark, not a search in the page.
   */
  apply(change: MarkChange): void {
    const touched = this.quiet ? new Set<string>() : null;
    for (const m of change.added) {
      if (m.inert) continue;
      if (touched) {
        let marks = this.byTerm.get(m.termId);
        if (!marks) this.byTerm.set(m.termId, (marks = new Set()));
        marks.add(m);
        touched.add(m.termId);
      }
      this.watch(m);
    }
    for (const m of change.removed) {
      const marks = this.byTerm.get(m.termId);
      if (marks?.delete(m)) {
        if (!marks.size) this.byTerm.delete(m.termId);
        touched?.add(m.termId);
      }
      this.unwatch(m);
    }
    // A term's marks came or went: which of them opens its part may have changed.
    if (touched) for (const id of touched) this.refreshTerm(id);
  }

  /** The page's headings changed, or may have: read them again when next needed. */
  pageChanged(): void {
    this.headings = null;
    this.sectionOfText.clear();
  }

  /** Whether a mark is underlined when near (the first of its term in its part of the page). */
  isShown(m: Mark): boolean {
    if (!this.quiet) return this.groupOf.has(m) || this.ranges.has(m);
    const marks = this.byTerm.get(m.termId);
    return !!marks?.has(m) && this.isFirst(m, marks);
  }

  /** The range of a mark, made on first need. */
  rangeOf(m: Mark): AbstractRange {
    let r = this.ranges.get(m);
    if (!r) {
      r = this.makeRange(m);
      this.ranges.set(m, r);
    }
    return r;
  }

  private show(m: Mark, on: boolean): void {
    if (on === this.painted.has(m)) return;
    if (on) {
      this.painted.add(m);
      this.highlight.add(this.rangeOf(m));
    } else {
      this.painted.delete(m);
      const range = this.ranges.get(m);
      if (range) this.highlight.delete(range);
    }
  }

  private isNear(m: Mark): boolean {
    if (!this.observer) return true;
    const el = this.groupOf.get(m);
    return el !== undefined && this.groups.get(el)?.near === true;
  }

  /** Whether no other mark of the term comes before `m` in its part of the page. */
  private isFirst(m: Mark, marks: ReadonlySet<Mark>): boolean {
    if (marks.size === 1) return true;
    const section = this.sectionOf(m.node);
    for (const other of marks) {
      if (other === m || !other.node.isConnected) continue;
      if (this.sectionOf(other.node) === section && before(other, m)) return false;
    }
    return true;
  }

  /** Paints or unpaints the term's marks near the viewport, as each is first of its part or not. */
  private refreshTerm(id: string): void {
    const marks = this.byTerm.get(id);
    if (!marks) return;
    for (const m of marks) if (this.isNear(m)) this.show(m, this.isFirst(m, marks));
  }

  /** The heading that opens the text's part of the page (null: before the first heading). */
  private sectionOf(t: Text): Element | null {
    let found = this.sectionOfText.get(t);
    if (found === undefined) {
      found = this.findSection(t);
      this.sectionOfText.set(t, found);
    }
    return found;
  }

  private findSection(t: Text): Element | null {
    const list = (this.headings ??= Array.from(t.ownerDocument.querySelectorAll(HEADINGS)));
    // The last heading that comes before the text (or holds it), by halves.
    let lo = 0;
    let hi = list.length - 1;
    let found: Element | null = null;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const h = list[mid] as Element;
      if (h.compareDocumentPosition(t) & FOLLOWING) {
        found = h;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  /** Files the mark under the element that tells when it is near; paints it if it is. */
  private watch(m: Mark): void {
    if (!this.observer) {
      if (!this.quiet) this.show(m, true);
      return;
    }
    const el = watched(m);
    if (!el) return;
    let group = this.groups.get(el);
    if (!group) {
      group = { marks: new Set(), near: false };
      this.groups.set(el, group);
      this.observer.observe(el);
    }
    group.marks.add(m);
    this.groupOf.set(m, el);
    if (group.near && !this.quiet) this.show(m, true);
  }

  private unwatch(m: Mark): void {
    this.show(m, false);
    this.ranges.delete(m);
    this.sectionOfText.delete(m.node);
    const el = this.groupOf.get(m);
    if (!el) return;
    this.groupOf.delete(m);
    const group = this.groups.get(el);
    if (!group) return;
    group.marks.delete(m);
    if (group.marks.size === 0) {
      this.groups.delete(el);
      this.observer?.unobserve(el);
    }
  }

  private setNear(el: Element, near: boolean): void {
    const group = this.groups.get(el);
    if (!group || group.near === near) return;
    group.near = near;
    for (const m of group.marks) {
      if (!near) this.show(m, false);
      else if (!this.quiet) this.show(m, true);
      else {
        const marks = this.byTerm.get(m.termId);
        this.show(m, !!marks && this.isFirst(m, marks));
      }
    }
  }

  disconnect(): void {
    this.byTerm.clear();
    this.headings = null;
    this.sectionOfText.clear();
    this.observer?.disconnect();
    this.groups.clear();
    this.groupOf.clear();
    this.ranges.clear();
    this.painted.clear();
    this.highlight.clear();
  }
}
