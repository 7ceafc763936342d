import { describe, expect, it } from 'vitest';
import { plainText, tokenizeInline } from '../../../core/text/inline';

describe('tokenizeInline', () => {
  it('returns plain text as one run', () => {
    expect(tokenizeInline('Cliquez sur le bouton.')).toEqual([
      { text: 'Cliquez sur le bouton.', bold: false },
    ]);
  });

  it('splits bold runs', () => {
    expect(tokenizeInline('Cliquez sur **Mon Compte**, puis sur **Valider**.')).toEqual([
      { text: 'Cliquez sur ', bold: false },
      { text: 'Mon Compte', bold: true },
      { text: ', puis sur ', bold: false },
      { text: 'Valider', bold: true },
      { text: '.', bold: false },
    ]);
    expect(tokenizeInline('**Tout**')).toEqual([{ text: 'Tout', bold: true }]);
  });

  it('keeps an unmatched marker as text', () => {
    expect(tokenizeInline('Tapez 2 ** 3')).toEqual([
      { text: 'Tapez 2 ', bold: false },
      { text: '** 3', bold: false },
    ]);
    const odd = 'Un **mot** et un ** seul';
    expect(tokenizeInline(odd).some((r) => r.bold)).toBe(false);
    expect(plainText(odd)).toBe(odd);
    expect(tokenizeInline('fin **')).toEqual([
      { text: 'fin ', bold: false },
      { text: '**', bold: false },
    ]);
  });

  it('never makes HTML: markup stays text', () => {
    const runs = tokenizeInline('<b>Non</b> **<img src=x onerror=alert(1)>** &amp;');
    expect(runs).toEqual([
      { text: '<b>Non</b> ', bold: false },
      { text: '<img src=x onerror=alert(1)>', bold: true },
      { text: ' &amp;', bold: false },
    ]);
    // Each run is a plain string, nothing else.
    expect(runs.every((r) => Object.keys(r).sort().join() === 'bold,text')).toBe(true);
  });

  it('drops empty runs', () => {
    expect(tokenizeInline('')).toEqual([]);
    expect(tokenizeInline('****')).toEqual([]);
    expect(tokenizeInline('a****b')).toEqual([
      { text: 'a', bold: false },
      { text: 'b', bold: false },
    ]);
  });
});

describe('plainText', () => {
  it('removes the markers of bold runs only', () => {
    expect(plainText('Cliquez sur **Mon Compte**.')).toBe('Cliquez sur Mon Compte.');
    expect(plainText('Rien à signaler')).toBe('Rien à signaler');
  });
});
