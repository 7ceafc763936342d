// @vitest-environment jsdom
import { describe, it } from 'vitest';
import { timeLocators } from './big-page';

describe('performance sanity check (jsdom)', () => {
  // jsdom reads styles and label links very slowly (a browser is far faster): a long timeout,
  // and the times are printed, not asserted.
  it('locates on a generated 5,000-element page', () => timeLocators('jsdom'), 120_000);
});
