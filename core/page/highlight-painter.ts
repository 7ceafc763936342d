/**
 * Paints glossary ranges into a CSS Highlight, keeping the browser's rendering work small:
 * every change to a Highlight makes the browser restyle the page, and every registered range
 * is checked again at each later frame where the page changes. So only the ranges whose text
 * lies within about one screen of the viewport are registered (an IntersectionObserver tells
 * which), and only what changed is added or removed.
 */
import type { MarkedRange } from '../glossary/marker';

/** Brings `highlight` from the ranges it holds to `ranges`; returns the new set. */
export function syncHighlight(
  highlight: Highlight,
  painted: ReadonlySet<Range>,
  ranges: readonly MarkedRange[],
): Set<Range> {
  const next = new Set(ranges.map((r) => r.range));
  for (const range of painted) if (!next.has(range)) highlight.delete(range);
  for (const range of next) if (!painted.has(range)) highlight.add(range);
  return next;
}

type ObserverView = { IntersectionObserver?: typeof IntersectionObserver } | null;

/** Elements that group several texts: one of them is watched rather than each text's parent. */
const GROUPS = new Set([
  'P',
  'LI',
  'TR',
  'DL',
  'UL',
  'OL',
  'TABLE',
  'FORM',
  'FIELDSET',
  'SECTION',
  'ARTICLE',
  'NAV',
  'HEADER',
  'FOOTER',
  'ASIDE',
  'BLOCKQUOTE',
  'FIGURE',
  'DETAILS',
]);

/** The element whose position stands for the range's: its closest group, a few levels up at most. */
function watched(range: Range): Element | null {
  const start = range.startContainer.parentElement;
  let el = start;
  for (let i = 0; el && i < 4; i++, el = el.parentElement) if (GROUPS.has(el.tagName)) return el;
  return start;
}

export class HighlightPainter {
  private all: readonly MarkedRange[] = [];
  private painted = new Set<Range>();
  private readonly observer: IntersectionObserver | null;
  private readonly observed = new Set<Element>();
  private readonly near = new Set<Element>();

  constructor(
    private readonly highlight: Highlight,
    view: ObserverView,
  ) {
    const IO = view?.IntersectionObserver;
    this.observer = IO
      ? new IO(
          (entries) => {
            for (const e of entries) {
              if (e.isIntersecting) this.near.add(e.target);
              else this.near.delete(e.target);
            }
            this.repaint();
          },
          // One screen above and below: scrolling shows marks already in place.
          { rootMargin: '100% 0px' },
        )
      : null;
  }

  /** The complete, current list of ranges (as GlossaryMarker gives it). */
  paint(ranges: readonly MarkedRange[]): void {
    this.all = ranges;
    if (this.observer) {
      const parents = new Set<Element>();
      for (const r of ranges) {
        const el = watched(r.range);
        if (el) parents.add(el);
      }
      for (const el of parents) {
        if (!this.observed.has(el)) {
          this.observed.add(el);
          this.observer.observe(el);
        }
      }
      for (const el of this.observed) {
        if (!parents.has(el)) {
          this.observed.delete(el);
          this.near.delete(el);
          this.observer.unobserve(el);
        }
      }
    }
    this.repaint();
  }

  private repaint() {
    const shown = this.observer
      ? this.all.filter((r) => {
          const el = watched(r.range);
          return !!el && this.near.has(el);
        })
      : this.all;
    this.painted = syncHighlight(this.highlight, this.painted, shown);
  }

  disconnect(): void {
    this.observer?.disconnect();
    this.observed.clear();
    this.near.clear();
    this.highlight.clear();
    this.painted = new Set();
    this.all = [];
  }
}
