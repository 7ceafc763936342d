import { describe, expect, it } from 'vitest';
import type { MarkedRange } from '../../../core/glossary/marker';
import { HighlightPainter } from '../../../core/page/highlight-painter';

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

function rangeIn(el: Element, termId = 't'): MarkedRange {
  const range = document.createRange();
  range.selectNodeContents(el.firstChild!);
  return { range, termId };
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
  it('paints every range where the window cannot tell what is in view', () => {
    const h = new CountingSet();
    const painter = new HighlightPainter(h as unknown as Highlight, {});
    const [a, b] = [rangeIn(paragraph('a')), rangeIn(paragraph('b'))];
    painter.apply({ added: [a, b], removed: [] });
    expect([...h]).toEqual([a.range, b.range]);
    painter.apply({ added: [], removed: [a] });
    expect([...h]).toEqual([b.range]);
    painter.disconnect();
    expect(h.size).toBe(0);
  });

  it('paints only the ranges whose element is near the viewport', () => {
    const { state, IntersectionObserver } = fakeObserver();
    const h = new CountingSet();
    const painter = new HighlightPainter(h as unknown as Highlight, { IntersectionObserver });
    const near = paragraph('allocataire');
    const far = paragraph('quotient familial');
    const r1 = rangeIn(near, 'a');
    const r2 = rangeIn(far, 'b');
    painter.apply({ added: [r1, r2], removed: [] });
    expect(state.observed).toEqual([near, far]);
    expect(h.size).toBe(0); // nothing known to be in view yet
    state.report!([{ target: near, isIntersecting: true }]);
    expect([...h]).toEqual([r1.range]);
    state.report!([
      { target: near, isIntersecting: false },
      { target: far, isIntersecting: true },
    ]);
    expect([...h]).toEqual([r2.range]);
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
    const ranges = items.map((li) => rangeIn(li));
    painter.apply({ added: ranges, removed: [] });
    state.report!(items.map((target) => ({ target, isIntersecting: true })));
    expect([h.adds, h.deletes]).toEqual([200, 0]);
    expect(state.observed).toHaveLength(200);

    // One text changes: its old range goes, a new one comes, nothing else is touched.
    const again = rangeIn(items[7]!);
    painter.apply({ added: [again], removed: [ranges[7]!] });
    expect([h.adds, h.deletes]).toEqual([201, 1]);
    expect(h.has(again.range) && !h.has(ranges[7]!.range)).toBe(true);
    expect(state.observed).toHaveLength(200); // the group was already watched
    expect(state.unobserved).toEqual([]);

    // A range added and removed in the same change leaves nothing behind.
    const brief = rangeIn(items[9]!);
    painter.apply({ added: [brief], removed: [brief] });
    expect(h.has(brief.range)).toBe(false);

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
    painter.apply({ added: [rangeIn(b), rangeIn(i)], removed: [] });
    expect(state.observed).toEqual([p]);
  });
});
