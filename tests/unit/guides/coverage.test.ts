import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatCoverage, HEAD, translationCoverage } from '../../../core/guides/coverage';
import { headStamp, stampOf, stepStamp } from '../../../core/guides/stamp';
import { loadGuidesFromDir } from '../../../tools/guides/load-fs';
import { stampText } from '../../../tools/guides/stamp';
import { guideLines, load, problems, yaml } from './helpers';

const FR = 'guides/caf/caf-essai.yaml';
const EN = 'guides/caf/caf-essai.en.yaml';
const OUVRIR = { title: 'Ouvrez Mon Compte', text: 'Cliquez sur le bouton Mon Compte.' };
const FIN = { title: 'C’est fini', text: 'Votre déclaration est envoyée.' };
const HEAD_FR = {
  title: 'Déclarer mes ressources',
  goal: 'Pour continuer à recevoir le RSA.',
  prepare: [],
};

function coverage(en: string) {
  const { guides, parts, diagnostics } = load({ [FR]: guideLines(), [EN]: en });
  expect(diagnostics).toEqual([]);
  return translationCoverage(guides, parts, ['en', 'ar']);
}

describe('stamps', () => {
  it('change with the words, not with line breaks or spaces', () => {
    expect(stampOf(['Cliquez sur\n  le bouton.'])).toBe(stampOf(['Cliquez sur le bouton.']));
    expect(stampOf(['Cliquez sur le bouton.'])).not.toBe(stampOf(['Cliquez sur le lien.']));
    expect(stampOf(['a b', undefined])).not.toBe(stampOf(['a', 'b']));
    expect(stepStamp(OUVRIR)).toMatch(/^[0-9a-f]{8}$/);
  });

  it('are refused when they are not 8 hex digits', () => {
    expect(
      problems({ [FR]: guideLines(), [EN]: yaml('fr: "xyz"', 'title: Declare') }).join('\n'),
    ).toContain('« fr » est l’empreinte du français traduit');
  });
});

describe('translationCoverage', () => {
  it('counts the strings translated from the current French, per guide and language', () => {
    const en = yaml(
      `fr: "${headStamp(HEAD_FR)}"`,
      'title: Declare my income',
      'goal: To keep the RSA.',
      'steps:',
      '  ouvrir:',
      `    fr: "${stepStamp(OUVRIR)}"`,
      '    title: Open Mon Compte',
      '    text: Click Mon Compte.',
      '  fin:',
      `    fr: "${stepStamp(FIN)}"`,
      '    title: It is done',
    );
    const [c, ar] = coverage(en);
    expect(c).toEqual({
      id: 'caf-essai',
      kind: 'guide',
      lang: 'en',
      translated: 5,
      total: 6,
      missing: ['fin'],
      stale: [],
    });
    expect(ar).toMatchObject({
      lang: 'ar',
      translated: 0,
      total: 6,
      missing: [HEAD, 'ouvrir', 'fin'],
    });
  });

  it('lists a translation made from other French words (or with no stamp) as stale', () => {
    const en = yaml(
      'title: Declare my income',
      'steps:',
      '  ouvrir:',
      '    fr: "00000000"',
      '    title: Open Mon Compte',
      '    text: Click Mon Compte.',
      '  fin:',
      `    fr: "${stepStamp(FIN)}"`,
      '    title: It is done',
      '    text: Your declaration is sent.',
    );
    const [c] = coverage(en);
    expect(c!.stale).toEqual([HEAD, 'ouvrir']);
    expect(c!.missing).toEqual([HEAD]);
    expect(c!.translated).toBe(2);
    expect(formatCoverage([c!])).toEqual([
      'traduction en : caf-essai 2/6 textes ; à revoir (le français a changé) : (en-tête), ouvrir',
      'traductions : en 2/6 textes à jour',
    ]);
  });

  it('counts a part once, on its own steps, not inside each guide', () => {
    const { guides, parts } = loadGuidesFromDir(
      path.resolve(import.meta.dirname, '../../../guides'),
    );
    const list = translationCoverage(guides, parts);
    const part = list.filter((c) => c.kind === 'part');
    expect(part.map((c) => `${c.id} ${c.lang}`)).toEqual([
      'franceconnect-connexion en',
      'franceconnect-connexion ar',
    ]);
    for (const c of list) {
      for (const id of [...c.missing, ...c.stale]) expect(id).not.toContain('.');
    }
  });
});

describe('a translated list made from an older French list', () => {
  it('gives way to the French list when its stamp says the French changed', () => {
    const older = yaml('fr: "00000000"', 'title: Declare', 'prepare: [Your number.]');
    const { guides, diagnostics } = load({ [FR]: guideLines(), [EN]: older });
    expect(diagnostics).toEqual([]);
    expect(guides[0]!.i18n!.en!.prepare).toBeUndefined();
    expect(translationCoverage(guides, [], ['en'])[0]!.stale).toEqual([HEAD]);
  });

  it('is an error when it was made from this French (or says nothing)', () => {
    const wrong = (fr: string) =>
      problems({ [FR]: guideLines(), [EN]: yaml(fr, 'title: Declare', 'prepare: [One.]') });
    expect(wrong('# no stamp').join('\n')).toContain('« prepare » doit avoir 0 élément(s)');
    expect(wrong(`fr: "${headStamp(HEAD_FR)}"`).join('\n')).toContain('« prepare » doit avoir');
  });
});

describe('stampText', () => {
  it('writes or replaces the stamp as the first key of a step and at the top', () => {
    const text = yaml(
      '# English',
      'title: T',
      'steps:',
      '  ouvrir:',
      '    title: Open',
      '  fin:',
      '    fr: "00000000"',
      '    title: End',
    );
    const out = stampText(text, {
      head: 'aaaaaaaa',
      steps: new Map([
        ['ouvrir', 'bbbbbbbb'],
        ['fin', 'cccccccc'],
      ]),
    });
    expect(out).toBe(
      yaml(
        '# English',
        'fr: "aaaaaaaa"',
        'title: T',
        'steps:',
        '  ouvrir:',
        '    fr: "bbbbbbbb"',
        '    title: Open',
        '  fin:',
        '    fr: "cccccccc"',
        '    title: End',
      ),
    );
    expect(() => stampText(text, { steps: new Map([['absent', 'dddddddd']]) })).toThrow('absent');
  });
});
