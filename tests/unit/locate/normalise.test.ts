import { describe, expect, it } from 'vitest';
import { normaliseText, textMatcher } from '../../../core/locate/normalise';

describe('normaliseText', () => {
  it('lower-cases and removes accents', () => {
    expect(normaliseText('Déclarer ÉTÉ çà où')).toBe('declarer ete ca ou');
  });

  it('unifies apostrophes', () => {
    expect(normaliseText('L’avis d‘impôt ʼ′`')).toBe("l'avis d'impot '''");
  });

  it('collapses every kind of white space, including non-breaking ones, and trims', () => {
    expect(normaliseText('  Mon\u00a0Compte \u202f»\n\t suite  ')).toBe('mon compte » suite');
  });

  it('drops invisible characters and icon-font glyphs', () => {
    expect(normaliseText('Décla\u00adrer\u200b \ue900Valider')).toBe('declarer valider');
  });

  it('spells out French ligatures', () => {
    expect(normaliseText('Cœur ŒUVRE')).toBe('coeur oeuvre');
  });
});

describe('textMatcher', () => {
  it('matches plain text against the whole normalised candidate', () => {
    const m = textMatcher('Déclarer mes ressources');
    expect(m('  DECLARER\u00a0mes   ressources ')).toBe(true);
    expect(m('declarer mes ressources du trimestre')).toBe(false);
    expect(m('Déclarer')).toBe(false);
    expect(m.exact).toBe('declarer mes ressources');
  });

  it('treats typographic and straight apostrophes alike', () => {
    expect(textMatcher("Mon avis d'impôt")('Mon avis d’impôt')).toBe(true);
    expect(textMatcher('Mon avis d’impôt')("mon avis d'impot")).toBe(true);
  });

  it('tests a /regex/ anywhere, on the raw and on the normalised candidate', () => {
    const raw = textMatcher('/Étape \\d/');
    expect(raw('Formulaire – Étape 2 sur 4')).toBe(true);
    expect(raw('Formulaire')).toBe(false);
    expect(raw.regex).toBeInstanceOf(RegExp);
    // Only the normalised form matches an accent-free pattern.
    expect(textMatcher('/^declarer$/')('  Déclarer ')).toBe(true);
    // Case-insensitive flag on the raw text.
    expect(textMatcher('/^MON COMPTE$/i')('Mon  compte')).toBe(true);
  });

  it('ignores the stateful g and y flags', () => {
    const m = textMatcher('/valider/g');
    expect(m('valider')).toBe(true);
    expect(m('valider')).toBe(true);
    expect(m('valider')).toBe(true);
  });

  it('falls back to plain text for an invalid expression', () => {
    const m = textMatcher('/[a/');
    expect(m('/[A/')).toBe(true);
    expect(m('a')).toBe(false);
  });

  it('returns the same compiled matcher for the same text', () => {
    expect(textMatcher('Valider')).toBe(textMatcher('Valider'));
  });
});
