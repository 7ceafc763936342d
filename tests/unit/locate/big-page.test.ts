// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { locate } from '../../../core/locate/locate';
import { BIG_PAGE_CASES, bigPage } from './big-page';
import { setBody } from './dom';

// Times on this page are printed by `npm run bench`; here only the answers are checked.
describe('locate on a 5,000-element portal page (jsdom)', () => {
  // jsdom computes styles slowly: the whole page takes seconds.
  it('finds the element each kind of locator names, and nothing for a miss', () => {
    setBody(bigPage());
    expect(document.getElementsByTagName('*').length).toBeGreaterThan(5000);
    for (const c of BIG_PAGE_CASES) {
      const expected = c.finds === null ? null : document.querySelector(c.finds);
      if (c.finds !== null) expect(expected, c.name).not.toBeNull();
      expect(locate(document, c.locators), c.name).toBe(expected);
    }
  }, 120_000);
});
