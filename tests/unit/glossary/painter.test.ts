import { describe, expect, it } from 'vitest';
import type { Mark } from '../../../core/glossary/marker';
import { HighlightPainter } from '../../../core/glossary/painter';

/** A Highlight stand-in that counts what is done to it. */
class CountingSet extends Set<AbstractRange> {
  adds = 0;
  deletes = 0;
  override add(r: AbstractRange) {
    this.adds++;
    return super.add(r);
  }
  override delete(r: AbstractRange) {
    this.deletes++;
    return super.delete(r);
  }
}

function markIn(el: Element, termId = 't'): Mark {
  const node = el.firstChild as Text;
  return { node, start: 0, end: node.data.length, termId };
}

/** The marks whose ranges are in the highlight, as text. */
function painted(h: Set<AbstractRange>): string[] {
  return [...h].map((r) => (r.startContainer as Text).data.slice(r.startOffset, r.endOffset));
}

function paragraph(text: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.append(text);
  return p;
}

type Report = (e: { target: Element; isIntersecting: boolean }[]) => void;

/** An IntersectionObserver stand-in: the test says what is in view. */
function fakeObserver() {
  const state = {
    report: null as Report | null,
    observed: [] as Element[],
    unobserved: [] as Element[],
  };
  class FakeObserver {
    constructor(cb: Report) {
      state.report = cb;
    }
    observe(el: Element) {
      state.observed.push(el);
    }
    unobserve(el: Element) {
      state.unobserved.push(el);
    }
    disconnect() {}
  }
  return { state, IntersectionObserver: FakeObserver as unknown as typeof IntersectionObserver };
}

describe('HighlightPainter', () => {
  it('makes static ranges where the browser has them, live ones otherwise', () => {
    const mark = markIn(paragraph('allocataire'));
    const live = new HighlightPainter(new CountingSet() as unknown as Highlight, {});
    expect(live.rangeOf(mark)).toBeInstanceOf(Range);
    class FakeStatic {
      constructor(readonly init: StaticRangeInit) {}
    }
    const withStatic = new HighlightPainter(new CountingSet() as unknown as Highlight, {
      StaticRange: FakeStatic as unknown as typeof StaticRange,
    });
    const made = withStatic.rangeOf(mark) as unknown as FakeStatic;
    expect(made).toBeInstanceOf(FakeStatic);
    expect(made.init).toEqual({
      startContainer: mark.node,
      startOffset: 0,
      endContainer: mark.node,
      endOffset: 11,
    });
  });

  it('makes no range for a mark far from the viewport', () => {
    const { IntersectionObserver } = fakeObserver();
    let made = 0;
    class CountingStatic {
      constructor() {
        made++;
      }
    }
    const painter = new HighlightPainter(new CountingSet() as unknown as Highlight, {
      IntersectionObserver,
      StaticRange: CountingStatic as unknown as typeof StaticRange,
    });
    painter.apply({ added: [markIn(paragraph('allocataire'))], removed: [] });
    expect(made).toBe(0);
  });

  it('paints every range where the window cannot tell what is in view', () => {
    const h = new CountingSet();
    const painter = new HighlightPainter(h as unknown as Highlight, {});
    const [a, b] = [markIn(paragraph('allocataire')), markIn(paragraph('tiers payant'))];
    painter.apply({ added: [a, b], removed: [] });
    expect(painted(h)).toEqual(['allocataire', 'tiers payant']);
    painter.apply({ added: [], removed: [a] });
    expect(painted(h)).toEqual(['tiers payant']);
    painter.disconnect();
    expect(h.size).toBe(0);
  });

  it('paints only the ranges whose element is near the viewport', () => {
    const { state, IntersectionObserver } = fakeObserver();
    const h = new CountingSet();
    const painter = new HighlightPainter(h as unknown as Highlight, { IntersectionObserver });
    const near = paragraph('allocataire');
    const far = paragraph('quotient familial');
    const r1 = markIn(near, 'a');
    const r2 = markIn(far, 'b');
    painter.apply({ added: [r1, r2], removed: [] });
    expect(state.observed).toEqual([near, far]);
    expect(h.size).toBe(0); // nothing known to be in view yet
    state.report!([{ target: near, isIntersecting: true }]);
    expect(painted(h)).toEqual(['allocataire']);
    state.report!([
      { target: near, isIntersecting: false },
      { target: far, isIntersecting: true },
    ]);
    expect(painted(h)).toEqual(['quotient familial']);
    // Coming back near reuses the range made the first time.
    const first = [...h][0];
    state.report!([
      { target: far, isIntersecting: false },
      { target: far, isIntersecting: true },
    ]);
    expect([...h][0]).toBe(first);
    expect(painter.rangeOf(r2)).toBe(first);
  });

  it('does work in proportion to the change, not to the page', () => {
    const { state, IntersectionObserver } = fakeObserver();
    const h = new CountingSet();
    const painter = new HighlightPainter(h as unknown as Highlight, { IntersectionObserver });
    // One list of 200 items: each item is its own group.
    const items = Array.from({ length: 200 }, (_, i) => {
      const li = document.createElement('li');
      li.append(`allocataire ${i}`);
      return li;
    });
    const ranges = items.map((li) => markIn(li));
    painter.apply({ added: ranges, removed: [] });
    state.report!(items.map((target) => ({ target, isIntersecting: true })));
    expect([h.adds, h.deletes]).toEqual([200, 0]);
    expect(state.observed).toHaveLength(200);

    // One text changes: its old range goes, a new one comes, nothing else is touched.
    const old = painter.rangeOf(ranges[7]!);
    const again = markIn(items[7]!);
    painter.apply({ added: [again], removed: [ranges[7]!] });
    expect([h.adds, h.deletes]).toEqual([201, 1]);
    expect(h.has(painter.rangeOf(again)) && !h.has(old)).toBe(true);
    expect(state.observed).toHaveLength(200); // the group was already watched
    expect(state.unobserved).toEqual([]);

    // A range added and removed in the same change leaves nothing behind.
    const brief = markIn(items[9]!);
    painter.apply({ added: [brief], removed: [brief] });
    expect(h.size).toBe(200);

    // The last range of a group goes: the group is no longer watched.
    painter.apply({ added: [], removed: [ranges[3]!] });
    expect(state.unobserved).toEqual([items[3]]);
    expect(h.size).toBe(199);
  });

  it('watches the closest paragraph or list item rather than each inline element', () => {
    const { state, IntersectionObserver } = fakeObserver();
    const painter = new HighlightPainter(new CountingSet() as unknown as Highlight, {
      IntersectionObserver,
    });
    const p = document.createElement('p');
    const b = document.createElement('b');
    const i = document.createElement('i');
    b.append('revenu fiscal de référence');
    i.append('RFR');
    p.append(b, ' et ', i);
    painter.apply({ added: [markIn(b), markIn(i)], removed: [] });
    expect(state.observed).toEqual([p]);
  });
});
