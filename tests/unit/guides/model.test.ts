import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'zod/mini';
import {
  GuideSchema,
  LANGUAGES,
  RunningGuideSchema,
  runningGuide,
  type Guide,
} from '../../../core/guides/model';
import { localiseGuide } from '../../../core/guides/localise';
import { pagePushes } from '../../../core/messaging/envelope';
import { SITE_IDS, SITES } from '../../../core/sites/registry';
import { loadGuidesFromDir } from '../../../tools/guides/load-fs';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const { guides, diagnostics } = loadGuidesFromDir(path.join(ROOT, 'guides'));

/** What the extension bundle holds and what a message carries: JSON, nothing else. */
const overTheWire = <T>(value: T): unknown => JSON.parse(JSON.stringify(value));

describe('one model of a guide', () => {
  it('compiles the bundled guides without a problem', () => {
    expect(diagnostics).toEqual([]);
    expect(guides.length).toBeGreaterThan(0);
  });

  it.each(guides.map((g): [string, Guide] => [g.id, g]))(
    '%s parses with the model schema exactly as compiled (no field lost)',
    (_id, guide) => {
      // zod drops keys it does not know: a compiled field missing from the model would show here.
      expect(parse(GuideSchema, overTheWire(guide))).toEqual(guide);
    },
  );

  it.each(guides.map((g): [string, Guide] => [g.id, g]))(
    '%s reaches the page unchanged, in every language',
    (_id, guide) => {
      for (const lang of LANGUAGES) {
        const running = runningGuide(localiseGuide(guide, lang));
        expect(parse(RunningGuideSchema, overTheWire(running))).toEqual(running);
        const push = {
          state: { guide: running, stepIndex: 0, finished: false, seq: 1 },
          glossary: true,
          language: lang,
          textSize: 100,
        };
        expect(parse(pagePushes['state:changed'], overTheWire(push))).toEqual(push);
        // The steps the page follows are the compiled steps, field for field.
        if (lang === 'fr') expect(running.steps).toEqual(guide.steps);
      }
    },
  );

  it('the site list is the registry’s, in the same order', () => {
    expect(SITES.map((s) => s.id)).toEqual([...SITE_IDS]);
  });
});
