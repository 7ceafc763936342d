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

  describe('one underline per term and part of the page', () => {
    /**
     * A page of parts: before any heading, then headings h2/h3 (and one role="heading") each
     * followed by paragraphs where the terms come again. Returns every mark in page order.
     */
    function page(): { body: HTMLElement; marks: Mark[] } {
      const body = document.createElement('div');
      const marks: Mark[] = [];
      const para = (words: string[]) => {
        const p = document.createElement('p');
        for (const w of words) {
          const span = document.createElement('span');
          span.append(w);
          p.append(span, ' ');
          marks.push(markIn(span, w));
        }
        body.append(p);
      };
      para(['rfr', 'caf']);
      for (let i = 0; i < 12; i++) {
        let h: HTMLElement;
        if (i === 5) {
          h = document.createElement('div');
          h.setAttribute('role', 'heading');
        } else h = document.createElement(i % 3 ? 'h3' : 'h2');
        h.append(`Partie ${i}`);
        body.append(h);
        if (i === 7) continue; // a heading with nothing under it
        para(['caf', 'rfr', 'caf']);
        if (i % 2) para(['rfr', 'ald', 'caf']);
      }
      document.body.replaceChildren(body);
      return { body, marks };
    }

    /** The marks that should be underlined: the first of each term after each heading. */
    function expected(body: HTMLElement, marks: Mark[]): Set<Mark> {
      const heads = [...body.querySelectorAll('h2, h3, [role="heading"]')];
      const seen = new Set<string>();
      const out = new Set<Mark>();
      for (const m of marks) {
        const part = heads.filter(
          (h) => h.compareDocumentPosition(m.node) & Node.DOCUMENT_POSITION_FOLLOWING,
        ).length;
        const key = `${part}/${m.termId}`;
        if (!seen.has(key)) out.add(m);
        seen.add(key);
      }
      return out;
    }

    /** The same list in an order fixed by `seed` (a small linear congruential generator). */
    function shuffled<T>(xs: T[], seed: number): T[] {
      const out = [...xs];
      let x = seed;
      for (let i = out.length - 1; i > 0; i--) {
        x = (x * 1103515245 + 12345) % 2147483648;
        const j = x % (i + 1);
        [out[i], out[j]] = [out[j] as T, out[i] as T];
      }
      return out;
    }

    function quietPainter() {
      const h = new CountingSet();
      const painter = new HighlightPainter(
        h as unknown as Highlight,
        {},
        { firstPerSection: true },
      );
      return { h, painter };
    }

    it('underlines the first occurrence in each part, marks coming in page order', () => {
      const { body, marks } = page();
      const { h, painter } = quietPainter();
      painter.apply({ added: marks, removed: [] });
      const want = expected(body, marks);
      expect(want.size).toBeGreaterThan(20);
      expect(want.size).toBeLessThan(marks.length * 0.6); // 29 of 50
      expect(marks.filter((m) => painter.isShown(m))).toEqual(marks.filter((m) => want.has(m)));
      expect(h.size).toBe(want.size);
    });

    it('finds the same ones whatever order the marks come in, in one change or many', () => {
      const { body, marks } = page();
      const want = marks.filter((m) => expected(body, marks).has(m));
      for (const seed of [1, 7, 42, 1234]) {
        const { h, painter } = quietPainter();
        const order = shuffled(marks, seed);
        if (seed % 2) painter.apply({ added: order, removed: [] });
        else for (const m of order) painter.apply({ added: [m], removed: [] });
        expect(marks.filter((m) => painter.isShown(m))).toEqual(want);
        expect(h.size).toBe(want.length);
      }
    });

    it('hands the underline to the next occurrence of its part when the first goes', () => {
      const { body, marks } = page();
      const { h, painter } = quietPainter();
      painter.apply({ added: marks, removed: [] });
      const gone = marks.filter((m) => expected(body, marks).has(m)).slice(0, 6);
      painter.apply({ added: [], removed: gone });
      for (const m of gone) m.node.remove();
      const rest = marks.filter((m) => !gone.includes(m));
      const want = expected(body, rest);
      expect(rest.filter((m) => painter.isShown(m))).toEqual(rest.filter((m) => want.has(m)));
      expect(h.size).toBe(want.size);
    });

    it('decides only for what comes near, and changes its mind when an earlier one comes', () => {
      const { body, marks } = page();
      const { state, IntersectionObserver } = fakeObserver();
      const h = new CountingSet();
      const painter = new HighlightPainter(
        h as unknown as Highlight,
        { IntersectionObserver },
        { firstPerSection: true },
      );
      const paragraphs = [...body.querySelectorAll('p')];
      const late = paragraphs.slice(-4);
      const lateMarks = marks.filter((m) => late.some((p) => p.contains(m.node)));
      // The end of the page first, as a page that loads its top later would give it.
      painter.apply({ added: lateMarks, removed: [] });
      expect(h.size).toBe(0); // nothing near yet
      state.report!(late.map((target) => ({ target, isIntersecting: true })));
      const wantLate = expected(body, lateMarks);
      expect(painted(h).length).toBe(wantLate.size);
      expect(lateMarks.filter((m) => h.has(painter.rangeOf(m)))).toEqual(
        lateMarks.filter((m) => wantLate.has(m)),
      );
      // The rest of the page arrives, far from view: where it opens a part earlier than a
      // painted mark, that mark is no longer the first and loses its underline.
      painter.apply({ added: marks.filter((m) => !lateMarks.includes(m)), removed: [] });
      const want = expected(body, marks);
      expect(lateMarks.filter((m) => h.has(painter.rangeOf(m)))).toEqual(
        lateMarks.filter((m) => want.has(m)),
      );
      expect(lateMarks.filter((m) => want.has(m)).length).toBeLessThan(wantLate.size);
      // Out of view again: nothing painted, and coming back gives the same marks.
      state.report!(late.map((target) => ({ target, isIntersecting: false })));
      expect(h.size).toBe(0);
      state.report!(paragraphs.map((target) => ({ target, isIntersecting: true })));
      expect(marks.filter((m) => h.has(painter.rangeOf(m)))).toEqual(
        marks.filter((m) => want.has(m)),
      );
    });

    it('reads the headings again after the page changed', () => {
      const { body, marks } = page();
      const { painter } = quietPainter();
      painter.apply({ added: marks, removed: [] });
      // A new heading before the last paragraph: its « caf » opens a part of its own.
      const last = body.lastElementChild as HTMLElement;
      const h = document.createElement('h2');
      h.append('Nouvelle partie');
      last.before(h);
      const caf = marks.filter((m) => last.contains(m.node) && m.termId === 'caf')[0] as Mark;
      painter.pageChanged();
      const again = { ...caf };
      painter.apply({ added: [again], removed: [caf] });
      expect(painter.isShown(again)).toBe(true);
    });
  });
});
