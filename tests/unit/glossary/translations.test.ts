import { describe, expect, it } from 'vitest';
import { checkGlossaryFiles } from '../../../core/glossary/check';
import { glossaryCoverage } from '../../../core/glossary/coverage';
import { localiseTerm } from '../../../core/glossary/localise';
import { termStamp } from '../../../core/glossary/translations';
import { formatDiagnostic } from '../../../core/guides/types';

const FR = {
  path: 'guides/glossary/caf.yaml',
  text: [
    '- id: allocataire',
    '  term: allocataire',
    '  sites: [caf]',
    '  definition: Personne qui reçoit au moins une aide de la Caf.',
    '  source: https://www.caf.fr',
    '- id: trop-percu',
    '  term: trop-perçu',
    '  sites: [caf]',
    '  definition: Somme reçue en trop.',
    '  example: La Caf retient une partie des paiements suivants.',
    '  source: https://www.caf.fr',
    '',
  ].join('\n'),
};

function check(en: string) {
  return checkGlossaryFiles([FR, { path: 'guides/glossary/caf.en.yaml', text: en }]);
}

describe('glossary translations', () => {
  it('attach definitions by term id; the term stays French; French fills the gaps', () => {
    const { terms, diagnostics } = check(
      'allocataire:\n  definition: A person who gets at least one benefit from the Caf.\n',
    );
    expect(diagnostics).toEqual([]);
    const [allocataire, tropPercu] = terms.map((t) => localiseTerm(t, 'en-GB'));
    expect(allocataire).toMatchObject({
      term: 'allocataire',
      definition: 'A person who gets at least one benefit from the Caf.',
    });
    expect(tropPercu!.definition).toBe('Somme reçue en trop.');
    expect(localiseTerm(terms[0]!, 'fr')).toBe(terms[0]);
    expect(localiseTerm(terms[0]!, 'ar').definition).toBe(terms[0]!.definition);
  });

  it('reports unknown ids, unknown keys and long definitions at their line', () => {
    const { diagnostics } = check(
      [
        'allocatair:',
        '  definition: A person.',
        'trop-percu:',
        '  definiton: Money.',
        'allocataire:',
        `  definition: ${'word '.repeat(31)}`,
        '',
      ].join('\n'),
    );
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      'guides/glossary/caf.en.yaml:1:1 Aucun terme ne porte l’id « allocatair » (vouliez-vous dire « allocataire » ?).',
      'guides/glossary/caf.en.yaml:3:1 « trop-percu » : Clé inconnue « definiton ». Clés possibles : definition, example, fr.',
      'guides/glossary/caf.en.yaml:6:15 La définition a 31 mots : 30 au plus. Gardez l’essentiel, en mots simples.',
    ]);
  });

  it('reports coverage per French file, with stale translations apart', () => {
    const terms = checkGlossaryFiles([FR]).terms;
    const en = [
      'allocataire:',
      `  fr: "${termStamp(terms[0]!)}"`,
      '  definition: A person who gets a benefit.',
      'trop-percu:',
      '  fr: "00000000"',
      '  definition: Money received by mistake.',
      '',
    ].join('\n');
    const list = glossaryCoverage([FR, { path: 'guides/glossary/caf.en.yaml', text: en }], ['en']);
    expect(list).toEqual([
      {
        id: 'caf',
        kind: 'glossary',
        lang: 'en',
        translated: 1,
        total: 3,
        missing: ['trop-percu'],
        stale: ['trop-percu'],
      },
    ]);
  });
});
