import { describe, expect, it } from 'vitest';
import { compileGlossary, foldForm, type Match } from '../../../core/glossary/matcher';
import type { MatchableTerm } from '../../../core/glossary/matcher';

const TERMS: MatchableTerm[] = [
  {
    id: 'allocataire',
    term: 'allocataire',
    forms: ['allocataires', 'foyer allocataire'],
    acronyms: [],
  },
  {
    id: 'numero-allocataire',
    term: 'numéro d’allocataire',
    forms: ['numéros d’allocataire', 'n° allocataire'],
    acronyms: [],
  },
  { id: 'caf', term: 'Caf', forms: ['Caisse d’allocations familiales'], acronyms: ['CAF'] },
  {
    id: 'revenu-fiscal-de-reference',
    term: 'revenu fiscal de référence',
    forms: ['revenus fiscaux de référence'],
    acronyms: ['RFR'],
  },
  { id: 'revenu-fiscal', term: 'revenu fiscal', forms: [], acronyms: [] },
  { id: 'are', term: 'allocation d’aide au retour à l’emploi', forms: [], acronyms: ['ARE'] },
  { id: 'prelevement-a-la-source', term: 'prélèvement à la source', forms: [], acronyms: ['PAS'] },
  { id: 'tiers-payant', term: 'tiers payant', forms: [], acronyms: [] },
  { id: 'prime-activite', term: 'prime d’activité', forms: [], acronyms: [] },
  { id: 'css', term: 'complémentaire santé solidaire', forms: [], acronyms: ['CSS', 'C2S'] },
  { id: 'oeuvre', term: 'œuvre sociale', forms: [], acronyms: [] },
  { id: 'quotient-familial', term: 'quotient familial', forms: [], acronyms: ['QF'] },
  { id: 'strasse', term: 'Straße', forms: [], acronyms: [] },
];

const matcher = compileGlossary(TERMS);

/** [matched text, term id] pairs, checking that offsets point into the original text. */
function found(text: string): [string, string][] {
  const ms: Match[] = matcher.findAll(text);
  let last = 0;
  for (const m of ms) {
    expect(m.start).toBeGreaterThanOrEqual(last);
    expect(m.end).toBeGreaterThan(m.start);
    last = m.end;
  }
  return ms.map((m) => [text.slice(m.start, m.end), m.termId]);
}

describe('foldForm', () => {
  it('folds case, accents, ligatures and separators', () => {
    expect(foldForm('  Prélèvement À LA  source ')).toBe('prelevement a la source');
    expect(foldForm('tiers-payant')).toBe('tiers payant');
    expect(foldForm('prime d’activité')).toBe('prime d activite');
    expect(foldForm("prime d' activité")).toBe('prime d activite');
    expect(foldForm('Œuvre')).toBe('oeuvre');
    expect(foldForm('e\u0301te\u0301')).toBe('ete');
  });
});

describe('compileGlossary().findAll', () => {
  it('finds a plain term and gives offsets in the original text', () => {
    const text = 'Vous êtes allocataire depuis 2020.';
    expect(matcher.findAll(text)).toEqual([{ start: 10, end: 21, termId: 'allocataire' }]);
  });

  it('ignores case and accents for forms', () => {
    expect(found('ALLOCATAIRE, Allocataires, allocatairés, allocatair ?')).toEqual([
      ['ALLOCATAIRE', 'allocataire'],
      ['Allocataires', 'allocataire'],
      ['allocatairés', 'allocataire'],
    ]);
    expect(found('Votre revenu fiscal de reference')).toEqual([
      ['revenu fiscal de reference', 'revenu-fiscal-de-reference'],
    ]);
  });

  it('matches a title in capitals with accents', () => {
    expect(found('PRÉLÈVEMENT À LA SOURCE : CE QUI CHANGE')).toEqual([
      ['PRÉLÈVEMENT À LA SOURCE', 'prelevement-a-la-source'],
    ]);
  });

  it('treats elisions with straight and curly apostrophes as word starts', () => {
    expect(found("l'allocataire, d’allocataire et l’ allocataire")).toEqual([
      ['allocataire', 'allocataire'],
      ['allocataire', 'allocataire'],
      ['allocataire', 'allocataire'],
    ]);
    expect(found("Mon numéro d'allocataire")).toEqual([
      ["numéro d'allocataire", 'numero-allocataire'],
    ]);
    expect(found("la prime d’activité et la prime d'activité")).toEqual([
      ['prime d’activité', 'prime-activite'],
      ["prime d'activité", 'prime-activite'],
    ]);
  });

  it('treats any white space, line breaks and hyphens alike', () => {
    const text =
      'le revenu\u00a0fiscal\u202fde\n  référence, le tiers-payant, le tiers\tpayant, le tiers - payant';
    expect(found(text)).toEqual([
      ['revenu\u00a0fiscal\u202fde\n  référence', 'revenu-fiscal-de-reference'],
      ['tiers-payant', 'tiers-payant'],
      ['tiers\tpayant', 'tiers-payant'],
      ['tiers - payant', 'tiers-payant'],
    ]);
  });

  it('prefers the longest match and falls back to a shorter one', () => {
    expect(found('Revenu fiscal de référence')).toEqual([
      ['Revenu fiscal de référence', 'revenu-fiscal-de-reference'],
    ]);
    expect(found('Revenu fiscal des ménages')).toEqual([['Revenu fiscal', 'revenu-fiscal']]);
    expect(found('foyer allocataire')).toEqual([['foyer allocataire', 'allocataire']]);
  });

  it('finds a term that starts where a longer one failed', () => {
    // Each walk reads past the first word before it fails: the next word is still a start.
    expect(found('tiers tiers payant')).toEqual([['tiers payant', 'tiers-payant']]);
    expect(found('revenu fiscal revenu fiscal de référence')).toEqual([
      ['revenu fiscal', 'revenu-fiscal'],
      ['revenu fiscal de référence', 'revenu-fiscal-de-reference'],
    ]);
    expect(found('allocatairex allocataire')).toEqual([['allocataire', 'allocataire']]);
    expect(found('prime-allocataire primes d’activité')).toEqual([['allocataire', 'allocataire']]);
  });

  it('matches plurals listed as forms', () => {
    expect(found('Les revenus fiscaux de référence du foyer')).toEqual([
      ['revenus fiscaux de référence', 'revenu-fiscal-de-reference'],
    ]);
  });

  it('respects word boundaries (café, CAFÉ, PAREIL)', () => {
    expect(found('Un café à la CAFÉTÉRIA, CAFÉ.')).toEqual([]);
    expect(found('C’EST PAREIL, ARES, ARE2')).toEqual([]);
    expect(found('La CAF et la Caf (caf)')).toEqual([
      ['CAF', 'caf'],
      ['Caf', 'caf'],
      ['caf', 'caf'],
    ]);
    expect(found('allocataire2 et 2allocataire')).toEqual([]);
  });

  it('matches acronyms only as written, in capitals', () => {
    expect(found('Votre ARE est versée. Vous are, Are.')).toEqual([['ARE', 'are']]);
    expect(found('Votre RFR et votre rfr, Rfr')).toEqual([['RFR', 'revenu-fiscal-de-reference']]);
    expect(found('Demandez la C2S (ou CSS) ; css ne compte pas')).toEqual([
      ['C2S', 'css'],
      ['CSS', 'css'],
    ]);
  });

  it('does not take the word « pas » for the PAS', () => {
    expect(found('Il ne faut pas oublier. Pas à pas.')).toEqual([]);
    expect(found('Le PAS est calculé. Votre taux de PAS.')).toEqual([
      ['PAS', 'prelevement-a-la-source'],
      ['PAS', 'prelevement-a-la-source'],
    ]);
    // In a heading in capitals, PAS next to other capital words is the word « pas ».
    expect(found('NE PAS OUBLIER VOTRE ARE')).toEqual([]);
    expect(found('PRÉLÈVEMENT À LA SOURCE (PAS)')).toEqual([
      ['PRÉLÈVEMENT À LA SOURCE', 'prelevement-a-la-source'],
      ['PAS', 'prelevement-a-la-source'],
    ]);
  });

  it('folds ligatures with correct offsets', () => {
    const text = 'Une Œuvre sociale, une oeuvre sociale.';
    expect(found(text)).toEqual([
      ['Œuvre sociale', 'oeuvre'],
      ['oeuvre sociale', 'oeuvre'],
    ]);
  });

  it('folds ß to ss, including two identical folded chars', () => {
    expect(found('Straße, STRASSE, strasse, Strase')).toEqual([
      ['Straße', 'strasse'],
      ['STRASSE', 'strasse'],
      ['strasse', 'strasse'],
    ]);
  });

  it('handles decomposed accents, soft hyphens and symbols', () => {
    expect(found('Votre pre\u0301le\u0300vement a\u0300 la source.')).toEqual([
      ['pre\u0301le\u0300vement a\u0300 la source', 'prelevement-a-la-source'],
    ]);
    expect(found('allo\u00adcataire')).toEqual([['allo\u00adcataire', 'allocataire']]);
    expect(found('Le n° allocataire')).toEqual([['n° allocataire', 'numero-allocataire']]);
    expect(found('QF: 560 €, 🙂CAF🙂')).toEqual([
      ['QF', 'quotient-familial'],
      ['CAF', 'caf'],
    ]);
  });

  it('does not match across a letter from another script', () => {
    expect(found('allocataireж')).toEqual([]);
  });

  it('returns no match for empty or term-free text', () => {
    expect(matcher.findAll('')).toEqual([]);
    expect(matcher.findAll('   \n ')).toEqual([]);
    expect(matcher.findAll('Bonjour, cliquez sur « Suivant ».')).toEqual([]);
  });

  it('keeps the first term when two claim the same form', () => {
    const m = compileGlossary([
      { id: 'a', term: 'mutuelle', forms: [], acronyms: [] },
      { id: 'b', term: 'Mutuelle', forms: [], acronyms: [] },
    ]);
    expect(m.findAll('une mutuelle').map((x) => x.termId)).toEqual(['a']);
  });
});
