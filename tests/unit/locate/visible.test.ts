// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { createVisibilityCheck } from '../../../core/locate/visible';
import { setBody } from './dom';

/** One element's visibility, with a check made for it alone. */
const isVisible = (el: Element) => createVisibilityCheck()(el);

function page(html: string) {
  setBody(html);
}

function byId(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`no #${id}`);
  return el;
}

type Rect = { width: number; height: number };

function fakeRects(el: Element, rects: Rect[]) {
  Object.defineProperty(el, 'getClientRects', {
    configurable: true,
    value: () => rects.map((r) => ({ ...r, x: 0, y: 0, top: 0, left: 0, right: 0, bottom: 0 })),
  });
}

/** Pretend the document has layout, as in a real browser. */
function withLayout() {
  Object.defineProperty(document.documentElement, 'getBoundingClientRect', {
    configurable: true,
    value: () => ({
      width: 1280,
      height: 800,
      x: 0,
      y: 0,
      top: 0,
      left: 0,
      right: 1280,
      bottom: 800,
    }),
  });
}

afterEach(() => {
  delete (document.documentElement as { getBoundingClientRect?: unknown }).getBoundingClientRect;
  document.head.replaceChildren();
  document.body.replaceChildren();
});

describe('isVisible', () => {
  it('accepts an ordinary element in jsdom (no layout there)', () => {
    page(`<button id="b">OK</button>`);
    expect(isVisible(byId('b'))).toBe(true);
  });

  it('rejects detached elements', () => {
    const b = document.createElement('button');
    expect(isVisible(b)).toBe(false);
  });

  it('rejects elements under hidden, inert or aria-hidden="true"', () => {
    page(`
      <div hidden><span id="a">x</span></div>
      <div inert><span id="b">x</span></div>
      <div aria-hidden="true"><p><span id="c">x</span></p></div>
      <div aria-hidden="false"><span id="d">x</span></div>
      <span id="e" hidden>x</span>`);
    expect(isVisible(byId('a'))).toBe(false);
    expect(isVisible(byId('b'))).toBe(false);
    expect(isVisible(byId('c'))).toBe(false);
    expect(isVisible(byId('d'))).toBe(true);
    expect(isVisible(byId('e'))).toBe(false);
  });

  it('rejects display:none on the element or any ancestor, from a style sheet too', () => {
    page(`
      <style>.closed { display: none }</style>
      <div class="closed"><ul><li><a id="a" href="/">x</a></li></ul></div>
      <a id="b" href="/" style="display:none">x</a>
      <a id="c" href="/">x</a>`);
    expect(isVisible(byId('a'))).toBe(false);
    expect(isVisible(byId('b'))).toBe(false);
    expect(isVisible(byId('c'))).toBe(true);
  });

  it('follows visibility, which a child may set back to visible', () => {
    page(`
      <div style="visibility:hidden"><span id="a">x</span><span id="b" style="visibility:visible">y</span></div>
      <table><tr id="c" style="visibility:collapse"><td>z</td></tr></table>`);
    expect(isVisible(byId('a'))).toBe(false);
    expect(isVisible(byId('b'))).toBe(true);
    expect(isVisible(byId('c'))).toBe(false);
  });

  it('rejects hidden inputs and the content of a closed <details>', () => {
    page(`
      <input id="h" type="hidden" value="1">
      <details id="d"><summary id="s">Plus</summary><p><a id="in" href="/">Lien</a></p></details>
      <details open><summary>Plus</summary><a id="open" href="/">Lien</a></details>`);
    expect(isVisible(byId('h'))).toBe(false);
    expect(isVisible(byId('d'))).toBe(true);
    expect(isVisible(byId('s'))).toBe(true);
    expect(isVisible(byId('in'))).toBe(false);
    expect(isVisible(byId('open'))).toBe(true);
  });

  it('judges a display:contents element by what it contains', () => {
    setBody(`
      <div id="wrap" style="display:contents"><a id="in" href="/">Lien</a></div>
      <a id="text" href="/" style="display:contents">Mon Compte</a>
      <div id="empty" style="display:contents"> </div>
      <div id="ghosts" style="display:contents"><span hidden>x</span></div>`);
    expect(isVisible(byId('in'))).toBe(true);
    expect(isVisible(byId('wrap'))).toBe(true);
    expect(isVisible(byId('text'))).toBe(true);
    expect(isVisible(byId('empty'))).toBe(false);
    expect(isVisible(byId('ghosts'))).toBe(false);
  });

  it('uses checkVisibility when the engine has it', () => {
    page(`<button id="b">OK</button>`);
    const b = byId('b');
    Object.defineProperty(b, 'checkVisibility', { configurable: true, value: () => false });
    expect(isVisible(b)).toBe(false);
    Object.defineProperty(b, 'checkVisibility', { configurable: true, value: () => true });
    expect(isVisible(b)).toBe(true);
  });

  it('with layout, rejects a zero-size box unless a child shows', () => {
    withLayout();
    page(`
      <a id="empty" href="/"></a>
      <a id="wrapper" href="/"><span id="abs">Mon Compte</span></a>
      <a id="sized" href="/">Ok</a>`);
    fakeRects(byId('empty'), [{ width: 0, height: 0 }]);
    fakeRects(byId('wrapper'), [{ width: 0, height: 0 }]);
    fakeRects(byId('abs'), [{ width: 90, height: 20 }]);
    fakeRects(byId('sized'), [
      { width: 0, height: 0 },
      { width: 20, height: 18 },
    ]);
    expect(isVisible(byId('empty'))).toBe(false);
    expect(isVisible(byId('wrapper'))).toBe(true);
    expect(isVisible(byId('sized'))).toBe(true);
  });

  it('without layout, ignores the (always empty) boxes', () => {
    page(`<a id="a" href="/">x</a>`);
    fakeRects(byId('a'), [{ width: 0, height: 0 }]);
    expect(isVisible(byId('a'))).toBe(true);
  });

  it('remembers hidden ancestors within one check', () => {
    page(`<div id="menu" style="display:none">${'<a href="/">x</a>'.repeat(50)}</div>`);
    const check = createVisibilityCheck();
    const view = document.defaultView!;
    const original = view.getComputedStyle.bind(view);
    let calls = 0;
    view.getComputedStyle = ((el: Element) => {
      calls++;
      return original(el);
    }) as typeof view.getComputedStyle;
    try {
      const links = Array.from(byId('menu').querySelectorAll('a'));
      expect(links.every((a) => !check(a))).toBe(true);
    } finally {
      view.getComputedStyle = original;
    }
    // One lookup per link, one for the menu: not one walk to the root per link.
    expect(calls).toBeLessThanOrEqual(50 + 3);
  });
});
