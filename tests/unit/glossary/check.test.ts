import { describe, expect, it } from 'vitest';
import { checkGlossaryFiles } from '../../../core/glossary/check';
import { formatDiagnostic } from '../../../core/guides/types';

const GOOD = `# commentaire
- id: tiers-payant
  term: tiers payant
  sites: [ameli]
  definition: Vous n’avancez pas l’argent chez le médecin.
  source: https://www.service-public.fr/particuliers/vosdroits/F167
`;

/** Diagnostics of one file, as `line:col message`. */
function check(text: string, path = 'g.yaml'): string[] {
  return checkGlossaryFiles([{ path, text }]).diagnostics.map((d) =>
    formatDiagnostic(d).slice(path.length + 1),
  );
}

describe('checkGlossaryFiles', () => {
  it('reads a good file into terms, with defaults for forms and acronyms', () => {
    const r = checkGlossaryFiles([{ path: 'g.yaml', text: GOOD }]);
    expect(r.diagnostics).toEqual([]);
    expect(r.terms).toEqual([
      {
        id: 'tiers-payant',
        term: 'tiers payant',
        forms: [],
        acronyms: [],
        sites: ['ameli'],
        definition: 'Vous n’avancez pas l’argent chez le médecin.',
        source: 'https://www.service-public.fr/particuliers/vosdroits/F167',
      },
    ]);
  });

  it('reports YAML syntax errors with their position', () => {
    const out = check('- id: a\n  term: [x, y\n- id: b\n');
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^\d+:\d+ YAML invalide : .+\(\w+\)\.$/);
    expect(check('- id: a\n  id: b\n')[0]).toBe(
      '2:3 YAML invalide : la même clé est écrite deux fois dans ce terme (DUPLICATE_KEY).',
    );
  });

  it('reports an empty file and a file that is not a list', () => {
    expect(check('# rien\n')).toEqual(['1:1 Le fichier ne contient aucun terme.']);
    expect(check('id: a\nterm: b\n')).toEqual([
      '1:1 Le fichier doit être une liste de termes : chaque terme commence par « - id: ».',
    ]);
  });

  it('reports unknown keys at the key and missing keys at the term', () => {
    const text = GOOD.replace(
      '  sites: [ameli]\n',
      '  sites: [ameli]\n  definiton: oups\n',
    ).replace('  term: tiers payant\n', '');
    expect(check(text)).toEqual([
      '2:3 Clé « term » manquante.',
      '4:3 Clé inconnue « definiton ». Clés possibles : id, term, forms, acronyms, sites, definition, example, source.',
    ]);
  });

  it('reports bad ids, site ids and sources at the value', () => {
    const text = GOOD.replace('id: tiers-payant', 'id: Tiers_Payant')
      .replace('sites: [ameli]', 'sites: [ameli, secu]')
      .replace('source: https://www.service', 'source: http://www.service');
    expect(check(text)).toEqual([
      '2:7 L’identifiant (id) s’écrit en minuscules sans accent, avec des tirets (ex. : numero-allocataire).',
      '4:18 Site inconnu. Sites possibles : caf, ameli, france-travail, impots, franceconnect.',
      '6:11 La source doit être une adresse complète en https (ex. : https://www.service-public.fr/…).',
    ]);
    expect(check(GOOD.replace('sites: [ameli]', 'sites: []'))).toEqual([
      '4:10 Indiquez au moins un site dans sites.',
    ]);
  });

  it('reports an acronym that is not in capitals and digits', () => {
    const text = GOOD.replace('  sites:', '  acronyms: [TP, Tp, T-P]\n  sites:');
    expect(check(text)).toEqual([
      '4:18 Un sigle ne contient que des majuscules sans accent et des chiffres (ex. : RFR, C2S).',
      '4:22 Un sigle ne contient que des majuscules sans accent et des chiffres (ex. : RFR, C2S).',
    ]);
  });

  it('reports a definition that is too long or has too many sentences', () => {
    const long = Array.from({ length: 31 }, (_, i) => `mot${i}`).join(' ') + '.';
    expect(check(GOOD.replace(/definition: .*/, `definition: ${long}`))).toEqual([
      '5:15 La définition a 31 mots : 30 au plus. Gardez l’essentiel, en mots simples.',
    ]);
    expect(check(GOOD.replace(/definition: .*/, 'definition: Un. Deux. Trois.'))).toEqual([
      '5:15 La définition a 3 phrases : 2 au plus, courtes.',
    ]);
    // Two sentences, the second without a final full stop: fine.
    expect(check(GOOD.replace(/definition: .*/, 'definition: Un mot. Deux mots'))).toEqual([]);
  });

  it('reports duplicate ids across files, pointing at the second', () => {
    const r = checkGlossaryFiles([
      { path: 'a.yaml', text: GOOD },
      { path: 'b.yaml', text: '\n' + GOOD.replace('tiers payant', 'autre terme') },
    ]);
    expect(r.diagnostics.map(formatDiagnostic)).toEqual([
      'b.yaml:3:7 L’identifiant « tiers-payant » est déjà utilisé (a.yaml:2).',
    ]);
    expect(r.terms).toHaveLength(1);
  });

  it('reports the same form claimed by two terms after normalisation', () => {
    const second = `- id: autre
  term: Tiers-Payant
  forms: [mutuelle, MUTUELLE]
  acronyms: [TP]
  sites: [caf]
  definition: Autre chose.
  source: https://www.caf.fr
`;
    const first = GOOD.replace('  sites:', '  acronyms: [TP]\n  sites:');
    const r = checkGlossaryFiles([
      { path: 'a.yaml', text: first },
      { path: 'b.yaml', text: second },
    ]);
    expect(r.diagnostics.map(formatDiagnostic)).toEqual([
      'b.yaml:2:9 « Tiers-Payant » est déjà une forme du terme « tiers-payant » (a.yaml:3) : une forme ne peut appartenir qu’à un terme.',
      'b.yaml:3:21 « MUTUELLE » répète « mutuelle » : les majuscules, les accents, les tirets et les apostrophes ne comptent pas.',
      'b.yaml:4:14 « TP » est déjà une forme du terme « tiers-payant » (a.yaml:4) : une forme ne peut appartenir qu’à un terme.',
    ]);
  });

  it('accepts an acronym and a form of the same term with the same letters', () => {
    const text = GOOD.replace('  sites:', '  forms: [Rsa]\n  acronyms: [RSA]\n  sites:');
    expect(check(text)).toEqual([]);
  });

  it('refuses words too common or too short to be marked alone', () => {
    const text = GOOD.replace(
      '  sites:',
      '  forms: [revenu, Aides, QF, revenu fiscal de référence]\n  sites:',
    );
    expect(check(text)).toEqual([
      '4:11 « revenu » est un mot trop courant pour être marqué seul : choisissez une expression plus précise.',
      '4:19 « Aides » est un mot trop courant pour être marqué seul : choisissez une expression plus précise.',
      '4:26 « QF » est trop court pour être reconnu sans erreur : mettez-le dans acronyms, en majuscules.',
    ]);
  });

  it('refuses a form that does not start with a letter or digit', () => {
    expect(check(GOOD.replace('  sites:', '  forms: ["« tiers »"]\n  sites:'))).toEqual([
      '4:11 « « tiers » » doit commencer par une lettre ou un chiffre.',
    ]);
  });

  it('keeps going after a bad term and reports every file', () => {
    const r = checkGlossaryFiles([
      { path: 'a.yaml', text: '- id: x\n' + GOOD },
      { path: 'b.yaml', text: 'nope: [' },
    ]);
    expect(r.terms.map((t) => t.id)).toEqual(['tiers-payant']);
    expect(r.diagnostics.map((d) => d.file)).toEqual([
      'a.yaml',
      'a.yaml',
      'a.yaml',
      'a.yaml',
      'b.yaml',
    ]);
  });
});
