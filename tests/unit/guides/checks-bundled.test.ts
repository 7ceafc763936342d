import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkGlossaryFiles } from '../../../core/glossary/check';
import { checkGuideFiles } from '../../../core/guides/checks';
import { loadGuides } from '../../../core/guides/load';
import { readGuideSources } from '../../../tools/guides/load-fs';
import { TODAY } from './checks-helpers';

const GUIDES = path.resolve(__dirname, '../../../guides');

describe('the further checks on the bundled guides', () => {
  const sources = readGuideSources(GUIDES);
  const { units } = loadGuides(sources.guides);
  const { terms } = checkGlossaryFiles(sources.glossary);
  const { findings, evidence } = checkGuideFiles({
    units,
    glossaryFiles: sources.glossary,
    terms,
    today: TODAY,
  });

  it('every step but the last knows when it is done, and the last one too', () => {
    expect(findings.filter((f) => f.rule === 'logic')).toEqual([]);
  });

  it('every remark points inside its file, and the report covers every step once', () => {
    const lines = new Map(
      [...sources.guides, ...sources.glossary].map((s) => [s.path, s.text.split('\n').length]),
    );
    for (const f of findings) {
      expect(f.line, `${f.file}:${f.line}:${f.col}`).toBeGreaterThan(0);
      expect(f.line, `${f.file}:${f.line}:${f.col}`).toBeLessThanOrEqual(lines.get(f.file) ?? 0);
    }
    const own = units.reduce((n, u) => n + u.steps.filter((p) => !p.via).length, 0);
    expect(evidence.reduce((n, e) => n + e.steps.length, 0)).toBe(own);
  });
});
