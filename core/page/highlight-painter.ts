/**
 * Paints glossary ranges into a CSS Highlight, keeping the browser's rendering work small:
 * every change to a Highlight makes the browser restyle the page, and every registered range
 * is checked again at each later frame where the page changes. So only the ranges whose text
 * lies within about one screen of the viewport are registered (an IntersectionObserver tells
 * which), and only what changed is added or removed: the work of one change is the size of
 * that change, never the size of the page.
 */
import type { MarkedRange, RangeChange } from '../glossary/marker';

type ObserverView = { IntersectionObserver?: typeof IntersectionObserver } | null;

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

/** The element whose position stands for the range's: its closest group, a few levels up at most. */
function watched(range: AbstractRange): Element | null {
  const start = range.startContainer.parentElement;
  let el = start;
  for (let i = 0; el && i < 4; i++, el = el.parentElement) if (GROUPS.has(el.localName)) return el;
  return start;
}

interface Group {
  ranges: Set<MarkedRange>;
  near: boolean;
}

export class HighlightPainter {
  private readonly observer: IntersectionObserver | null;
  private readonly groups = new Map<Element, Group>();
  /** The group each range was filed under (its element may have moved since). */
  private readonly groupOf = new Map<MarkedRange, Element>();

  constructor(
    private readonly highlight: Highlight,
    view: ObserverView,
  ) {
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
  apply(change: RangeChange): void {
    for (const r of change.added) this.add(r);
    for (const r of change.removed) this.remove(r);
  }

  private add(r: MarkedRange): void {
    if (!this.observer) {
      this.highlight.add(r.range);
      return;
    }
    const el = watched(r.range);
    if (!el) return;
    let group = this.groups.get(el);
    if (!group) {
      group = { ranges: new Set(), near: false };
      this.groups.set(el, group);
      this.observer.observe(el);
    }
    group.ranges.add(r);
    this.groupOf.set(r, el);
    if (group.near) this.highlight.add(r.range);
  }

  private remove(r: MarkedRange): void {
    this.highlight.delete(r.range);
    const el = this.groupOf.get(r);
    if (!el) return;
    this.groupOf.delete(r);
    const group = this.groups.get(el);
    if (!group) return;
    group.ranges.delete(r);
    if (group.ranges.size === 0) {
      this.groups.delete(el);
      this.observer?.unobserve(el);
    }
  }

  private setNear(el: Element, near: boolean): void {
    const group = this.groups.get(el);
    if (!group || group.near === near) return;
    group.near = near;
    if (near) for (const r of group.ranges) this.highlight.add(r.range);
    else for (const r of group.ranges) this.highlight.delete(r.range);
  }

  disconnect(): void {
    this.observer?.disconnect();
    this.groups.clear();
    this.groupOf.clear();
    this.highlight.clear();
  }
}
