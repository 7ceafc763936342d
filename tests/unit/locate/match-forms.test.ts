// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { locate, locateAll } from '../../../core/locate/locate';
import { matchWildcard, textMatcher } from '../../../core/locate/normalise';
import { setBody } from './dom';

function byId(id: string): Element {
  const el = document.getElementById(id);
  if (!el) throw new Error(`no #${id}`);
  return el;
}

const ids = (els: Element[]) => els.map((e) => e.id);

beforeEach(() => {
  document.head.replaceChildren();
  document.body.replaceChildren();
});

describe('a name matched by its start', () => {
  it('finds the FranceConnect « Continuer sur … » button whatever the service', () => {
    setBody(`
      <form method="post" action="/api/v2/login">
        <button id="go" type="submit" class="fr-btn fr-btn--lg">Continuer sur caf.fr</button>
      </form>
      <a id="other" href="/x">Continuer</a>`);
    expect(locate(document, [{ role: 'button', name: { start: 'Continuer sur' } }])).toBe(
      byId('go'),
    );
    expect(locate(document, [{ role: 'button', name: { start: 'continuer  SUR ' } }])).toBe(
      byId('go'),
    );
    expect(locate(document, [{ role: 'button', name: 'Continuer sur' }])).toBeNull();
    expect(locate(document, [{ role: 'button', name: { start: 'sur caf.fr' } }])).toBeNull();
    expect(locate(document, [{ text: { start: 'Continuer sur' } }])).toBe(byId('go'));
  });

  it('works for labels and placeholders too', () => {
    setBody(`
      <label for="nf">Numéro fiscal (13 chiffres)</label><input id="nf" placeholder="Ex : 1234567890123">`);
    expect(locate(document, [{ label: { start: 'Numéro fiscal' } }])).toBe(byId('nf'));
    expect(locate(document, [{ placeholder: { start: 'Ex :' } }])).toBe(byId('nf'));
  });

  it('takes the deepest element whose text starts so, even in a long page', () => {
    const filler = Array.from({ length: 200 }, (_, i) => `<p>Paragraphe ${i}</p>`).join('');
    setBody(
      `<main>${filler}<div id="card"><h2 id="t">Votre attestation du mois</h2><p>Texte</p></div></main>`,
    );
    expect(ids(locateAll(document, { text: { start: 'Votre attestation' } }))).toEqual(['t']);
  });
});

describe('a name matched by a short pattern', () => {
  it('finds a document whose year changes', () => {
    setBody(`
      <ul class="documents">
        <li><a id="a25" href="/d/1">Avis d’impôt 2026 sur les revenus de 2025</a></li>
        <li><a id="s25" href="/d/2">Avis de situation déclarative 2026</a></li>
      </ul>`);
    const pattern = { pattern: "Avis d'impôt * sur les revenus de *" };
    expect(locate(document, [{ role: 'link', name: pattern }])).toBe(byId('a25'));
    expect(locate(document, [{ text: pattern }])).toBe(byId('a25'));
    expect(locate(document, [{ role: 'link', name: { pattern: 'Avis * 2026' } }])).toBe(
      byId('s25'),
    );
    expect(locate(document, [{ role: 'link', name: { pattern: 'Avis d’impôt *' } }])).toBe(
      byId('a25'),
    );
    expect(locate(document, [{ role: 'link', name: { pattern: '* 2024' } }])).toBeNull();
  });

  it('treats every other character of the pattern literally', () => {
    setBody(
      `<button id="b">Étape (1/3) : vos revenus</button><button id="c">Étape 1 sur 3</button>`,
    );
    expect(locate(document, [{ role: 'button', name: { pattern: 'Étape (*/3) : *' } }])).toBe(
      byId('b'),
    );
    expect(locate(document, [{ role: 'button', name: { pattern: 'Étape . sur 3' } }])).toBeNull();
    expect(locate(document, [{ role: 'button', name: { pattern: 'Étape ? sur 3' } }])).toBeNull();
  });
});

describe('the wildcard walk', () => {
  it('matches the whole text, * standing for any run of characters', () => {
    expect(matchWildcard('a*c', 'abc')).toBe(true);
    expect(matchWildcard('a*c', 'ac')).toBe(true);
    expect(matchWildcard('a*c', 'abcd')).toBe(false);
    expect(matchWildcard('*', '')).toBe(true);
    expect(matchWildcard('a**b', 'axxb')).toBe(true);
    expect(matchWildcard('', 'a')).toBe(false);
  });

  it('agrees with a regular expression on 20,000 random patterns and texts', () => {
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const word = (alphabet: string, max: number) =>
      Array.from({ length: rand(max) }, () => alphabet.charAt(rand(alphabet.length))).join('');
    for (let i = 0; i < 20_000; i++) {
      const p = word('ab*', 7);
      const s = word('ab', 9);
      const re = new RegExp(`^${p.replace(/\*/g, '.*')}$`);
      expect([p, s, matchWildcard(p, s)]).toEqual([p, s, re.test(s)]);
    }
  });

  it('finishes on adversarial input (a backtracking engine would not)', () => {
    const p = `${'*a'.repeat(30)}*b`;
    expect(matchWildcard(p, 'a'.repeat(5000))).toBe(false);
    setBody(`<p>${'a '.repeat(140)}</p>`);
    expect(locate(document, [{ text: { pattern: `${'* a '.repeat(20)}* b` } }])).toBeNull();
  });

  it('gives odd values a matcher that never matches', () => {
    for (const odd of [{}, { pattern: '***' }, { start: '  ' }, '', 42, null]) {
      const m = textMatcher(odd as never);
      expect(m('')).toBe(false);
      expect(m('x')).toBe(false);
    }
  });
});
