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

/** A term's marks in one part of the page, and the one underlined. */
interface Occurrences {
  marks: Set<Mark>;
  shown: Mark | null;
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
  private readonly makeRange: (mark: Mark) => AbstractRange;
  private readonly quiet: boolean;
  /** The page's headings in order; null: to read again (the page changed). */
  private headings: Element[] | null = null;
  /** Per part of the page (its heading; null before the first), per term, its marks. */
  private readonly sections = new Map<Element | null, Map<string, Occurrences>>();
  private readonly sectionOfMark = new Map<Mark, Element | null>();
  private lastText: Text | null = null;
  private lastSection: Element | null = null;
  /** Where the last text's part is in `headings` (-1: before the first heading). */
  private lastIndex = -1;
  /** The mark painted for each part and term: the first one. */
  private readonly shownMarks = new Set<Mark>();

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

  /** Applies a change as GlossaryMarker reports it: `added` first, then `removed`. */
  apply(change: MarkChange): void {
    if (!this.quiet) {
      for (const m of change.added) if (!m.inert) this.add(m);
      for (const m of change.removed) this.remove(m);
      return;
    }
    for (const m of change.added) if (!m.inert) this.addQuiet(m);
    for (const m of change.removed) this.removeQuiet(m);
  }

  /** The page's headings changed, or may have: read them again at the next change. */
  pageChanged(): void {
    this.headings = null;
    this.lastText = null;
    this.lastIndex = -1;
  }

  /** Whether a mark is underlined now (the first of its term in its part of the page). */
  isShown(m: Mark): boolean {
    return this.quiet ? this.shownMarks.has(m) : this.groupOf.has(m) || this.ranges.has(m);
  }

  /** The heading that opens the mark's part of the page (null: before the first heading). */
  private sectionOf(m: Mark): Element | null {
    // The marks of one text come one after the other: one look-up for them all.
    if (this.lastText === m.node && this.headings) return this.lastSection;
    this.lastText = m.node;
    this.lastSection = this.findSection(m);
    return this.lastSection;
  }

  private findSection(m: Mark): Element | null {
    const list = (this.headings ??= Array.from(
      m.node.ownerDocument?.querySelectorAll(HEADINGS) ?? [],
    ));
    const follows = (i: number) =>
      ((list[i] as Element).compareDocumentPosition(m.node) & FOLLOWING) !== 0;
    // Marks mostly come in page order: the part of the last text, or the next one.
    const i = this.lastIndex;
    if (i < list.length) {
      const afterCurrent = i < 0 || follows(i);
      if (afterCurrent && (i + 1 >= list.length || !follows(i + 1))) return list[i] ?? null;
      if (afterCurrent && (i + 2 >= list.length || !follows(i + 2))) {
        this.lastIndex = i + 1;
        return list[i + 1] as Element;
      }
    }
    // Elsewhere: the last heading that comes before the text (or holds it), by halves.
    let lo = 0;
    let hi = list.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (follows(mid)) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    this.lastIndex = found;
    return found < 0 ? null : (list[found] as Element);
  }

  private addQuiet(m: Mark): void {
    const section = this.sectionOf(m);
    this.sectionOfMark.set(m, section);
    let terms = this.sections.get(section);
    if (!terms) this.sections.set(section, (terms = new Map()));
    let occ = terms.get(m.termId);
    if (!occ) terms.set(m.termId, (occ = { marks: new Set(), shown: null }));
    occ.marks.add(m);
    const first = occ.shown;
    if (first && before(first, m)) return;
    if (first) {
      this.shownMarks.delete(first);
      this.remove(first);
    }
    occ.shown = m;
    this.shownMarks.add(m);
    this.add(m);
  }

  private removeQuiet(m: Mark): void {
    if (!this.sectionOfMark.has(m)) return;
    const section = this.sectionOfMark.get(m) ?? null;
    this.sectionOfMark.delete(m);
    const terms = this.sections.get(section);
    const occ = terms?.get(m.termId);
    if (!terms || !occ) return;
    occ.marks.delete(m);
    if (!occ.marks.size) {
      terms.delete(m.termId);
      if (!terms.size) this.sections.delete(section);
    }
    if (occ.shown !== m) return;
    this.shownMarks.delete(m);
    this.remove(m);
    // The next one of its part takes its place.
    let next: Mark | null = null;
    for (const other of occ.marks)
      if (other.node.isConnected && (!next || before(other, next))) next = other;
    occ.shown = next;
    if (next) {
      this.shownMarks.add(next);
      this.add(next);
    }
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

  private add(m: Mark): void {
    if (!this.observer) {
      this.highlight.add(this.rangeOf(m));
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
    if (group.near) this.highlight.add(this.rangeOf(m));
  }

  private remove(m: Mark): void {
    const range = this.ranges.get(m);
    if (range) {
      this.highlight.delete(range);
      this.ranges.delete(m);
    }
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
    if (near) for (const m of group.marks) this.highlight.add(this.rangeOf(m));
    else
      for (const m of group.marks) {
        const range = this.ranges.get(m);
        if (range) this.highlight.delete(range);
      }
  }

  disconnect(): void {
    this.lastText = null;
    this.lastIndex = -1;
    this.sections.clear();
    this.sectionOfMark.clear();
    this.shownMarks.clear();
    this.observer?.disconnect();
    this.groups.clear();
    this.groupOf.clear();
    this.ranges.clear();
    this.highlight.clear();
  }
}
