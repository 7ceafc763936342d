// @vitest-environment happy-dom
import { describe, it } from 'vitest';
import { timeLocators } from './big-page';

describe('performance sanity check (happy-dom)', () => {
  it('locates on a generated 5,000-element page', () => timeLocators('happy-dom'), 120_000);
});
