import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGuides } from '../../../core/guides/load';
import { readGuideSources } from '../../../tools/guides/load-fs';

const GUIDES = path.resolve(__dirname, '../../../guides');

describe('evidence of the bundled guides', () => {
  const { guides, diagnostics } = loadGuides(readGuideSources(GUIDES).guides);

  it('every step says what its words rest on, or why that is not verified yet', () => {
    expect(diagnostics).toEqual([]);
    const without = guides.flatMap((g) =>
      g.steps.filter((s) => !s.evidence).map((s) => `${g.id}#${s.id}`),
    );
    expect(without).toEqual([]);
  });

  it('a verified step names a public https page, quotes it and dates it', () => {
    for (const g of guides)
      for (const s of g.steps) {
        const e = s.evidence;
        if (!e || 'unverified' in e) continue;
        expect(e.url, `${g.id}#${s.id}`).toMatch(/^https:\/\//);
        expect(e.seen, `${g.id}#${s.id}`).toMatch(/^\d{4}-\d{2}(-\d{2})?$/);
      }
  });
});
