import { describe, expect, it } from 'vitest';
import { HighlightPainter, syncHighlight } from '../../../core/page/highlight-painter';

/** A Highlight stand-in that counts what is done to it. */
class CountingSet extends Set<Range> {
  adds = 0;
  deletes = 0;
  override add(r: Range) {
    this.adds++;
    return super.add(r);
  }
  override delete(r: Range) {
    this.deletes++;
    return super.delete(r);
  }
}

const range = () => ({ range: document.createRange(), termId: 't' });

describe('syncHighlight', () => {
  it('adds and removes only what changed', () => {
    const h = new CountingSet();
    const [a, b, c] = [range(), range(), range()];
    let painted = syncHighlight(h as unknown as Highlight, new Set(), [a, b]);
    expect([h.adds, h.deletes]).toEqual([2, 0]);
    painted = syncHighlight(h as unknown as Highlight, painted, [b, c]);
    expect([h.adds, h.deletes]).toEqual([3, 1]);
    expect([...h]).toEqual([b.range, c.range]);
    expect(painted).toEqual(new Set([b.range, c.range]));
  });
});

describe('HighlightPainter', () => {
  it('paints every range where the window cannot tell what is in view', () => {
    const h = new CountingSet();
    const painter = new HighlightPainter(h as unknown as Highlight, {});
    const list = [range(), range()];
    painter.paint(list);
    expect(h.size).toBe(2);
    painter.disconnect();
    expect(h.size).toBe(0);
  });

  it('paints only the ranges whose element is near the viewport', () => {
    let report: ((e: { target: Element; isIntersecting: boolean }[]) => void) | null = null;
    const observed: Element[] = [];
    class FakeObserver {
      constructor(cb: typeof report) {
        report = cb;
      }
      observe(el: Element) {
        observed.push(el);
      }
      unobserve() {}
      disconnect() {}
    }
    const h = new CountingSet();
    const painter = new HighlightPainter(h as unknown as Highlight, {
      IntersectionObserver: FakeObserver as unknown as typeof IntersectionObserver,
    });
    const near = document.createElement('p');
    const far = document.createElement('p');
    near.append('allocataire');
    far.append('quotient familial');
    const r1 = document.createRange();
    r1.selectNodeContents(near.firstChild!);
    const r2 = document.createRange();
    r2.selectNodeContents(far.firstChild!);
    painter.paint([
      { range: r1, termId: 'a' },
      { range: r2, termId: 'b' },
    ]);
    expect(observed).toEqual([near, far]);
    expect(h.size).toBe(0); // nothing known to be in view yet
    report!([{ target: near, isIntersecting: true }]);
    expect([...h]).toEqual([r1]);
    report!([
      { target: near, isIntersecting: false },
      { target: far, isIntersecting: true },
    ]);
    expect([...h]).toEqual([r2]);
  });
});
