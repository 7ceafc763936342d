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
  private readonly makeRange: (mark: Mark) => AbstractRange;

  constructor(
    private readonly highlight: Highlight,
    view: PainterView,
  ) {
    this.makeRange = rangeFactory(view);
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
    for (const m of change.added) this.add(m);
    for (const m of change.removed) this.remove(m);
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
    this.observer?.disconnect();
    this.groups.clear();
    this.groupOf.clear();
    this.ranges.clear();
    this.highlight.clear();
  }
}
