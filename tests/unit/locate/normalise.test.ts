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
    expect(m.text).toBe('declarer mes ressources');
  });

  it('treats typographic and straight apostrophes alike', () => {
    expect(textMatcher("Mon avis d'impôt")('Mon avis d’impôt')).toBe(true);
    expect(textMatcher('Mon avis d’impôt')("mon avis d'impot")).toBe(true);
  });

  it('compiles no /regex/: such a text is plain text, slashes included', () => {
    const m = textMatcher('/Étape \\d/');
    expect(m('Formulaire – Étape 2 sur 4')).toBe(false);
    expect(m('Étape 2')).toBe(false);
    expect(m('/étape \\d/')).toBe(true);
    expect(m.text).toBe('/etape \\d/');
    expect(textMatcher('/[a/')('/[A/')).toBe(true);
  });

  it('returns the same compiled matcher for the same text', () => {
    expect(textMatcher('Valider')).toBe(textMatcher('Valider'));
  });
});
