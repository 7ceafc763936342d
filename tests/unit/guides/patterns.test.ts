/**
 * Contributed patterns cost at most (text length × pattern length) steps. Each case below took
 * seconds to minutes with the former RegExp-based matching (the `*` → `.*` glob compiler, and
 * `/regex/` run on addresses and page text), so it would now time out instead of passing.
 */
import { describe, expect, it } from 'vitest';
import { matchUrlPattern } from '../../../core/guides/url-pattern';
import { textMatcher } from '../../../core/locate/normalise';
import { locate } from '../../../core/locate/locate';
import { setBody } from '../locate/dom';
import { GUIDE_PATH, guideLines, problems } from './helpers';

const A400 = 'a'.repeat(400);

describe('glob URL patterns against adversarial addresses', () => {
  it.each([
    ['*a*a*a*a*!', A400, false],
    ['*a*a*a*a*!', `${A400}!`, true],
    ['*a*a*a*a*!', `${A400}!a`, false],
    ['*a*a*a*a*a*a*a*a*b', 'a'.repeat(5000), false],
    [`${'*a'.repeat(60)}*!`, 'a'.repeat(3000), false],
    [`www.caf.fr/${'*a'.repeat(20)}*!`, `www.caf.fr/${'a'.repeat(3000)}`, false],
    [`*.caf.fr/${'*a'.repeat(20)}*!`, `www.caf.fr/${'a'.repeat(3000)}`, false],
    [`*.caf.fr/${'*a'.repeat(20)}*!`, `www.caf.fr/${'a'.repeat(3000)}!`, true],
    // A long run of sub-hosts: the leading `*.` tries each dot once.
    ['*.caf.fr/*', `${'a.'.repeat(2000)}caf.fr/x`, true],
    ['*.caf.fr/*!', `${'a.'.repeat(2000)}caf.fr/${'a'.repeat(2000)}`, false],
    ['*.caf.fr/*', `${'a.'.repeat(2000)}caf.fx/`, false],
    // A regular expression is refused by the checker; at run time it is never compiled.
    ['/(a+)+$/', `${A400}!`, false],
    ['/^(a|a)*$/', A400, false],
    ['/(.*a){20}/', `www.caf.fr/${A400}`, false],
  ])('%s on %#', (pattern, key, expected) => {
    expect(matchUrlPattern(pattern, key)).toBe(expected);
  });
});

/** The former RegExp translation of a glob: the reference for what a glob means. */
function formerGlob(pattern: string): RegExp {
  const subHost = pattern.startsWith('*.');
  const body = (subHost ? pattern.slice(2) : pattern)
    .split('*')
    .map((s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${subHost ? '[^/?#]+\\.' : ''}${body}$`, 's');
}

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('glob URL patterns keep their meaning', () => {
  it('agree with the former translation on 20,000 short random patterns and addresses', () => {
    const next = random(9);
    const pick = (chars: string, max: number): string => {
      let s = '';
      const n = Math.floor(next() * (max + 1));
      for (let i = 0; i < n; i++) s += chars[Math.floor(next() * chars.length)];
      return s;
    };
    const disagree: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      const pattern = (next() < 0.3 ? '*.' : '') + pick('ab./?#*', 7);
      const key = pick('ab./?#\n', 9);
      if (matchUrlPattern(pattern, key) !== formerGlob(pattern).test(key)) {
        disagree.push(`${JSON.stringify(pattern)} ~ ${JSON.stringify(key)}`);
      }
    }
    expect(disagree).toEqual([]);
  });
});

describe('regular expressions in guide files', () => {
  const P = GUIDE_PATH;
  const urlRegex =
    'les expressions régulières ne sont pas acceptées (« /(a+)+$/ ») : écrivez l’adresse avec « * » pour la partie qui change (ex. www.caf.fr/mon-compte/*) ; pour une page précise, ajoutez « present » ou « absent »';
  const textRegex =
    'les expressions régulières ne sont pas acceptées (« /(a+)+$/ ») : écrivez le texte entier, tel qu’il s’affiche ; pour plusieurs textes possibles, faites une liste (ex. [{ role: button, name: Valider }, { role: button, name: Envoyer }]) ; pour un texte qui change, { start: … } ou { pattern: … }';

  /** Column of the quoted expression on its line. */
  const at = (line: string) => line.indexOf('"/(a+)') + 1;

  it('refuses (a+)+$ as an address, in on and in done', () => {
    const on = '    on: { url: "/(a+)+$/" }';
    const done = '    done: { url: ["connect.caf.fr/*", "/(a+)+$/i"] }';
    expect(problems({ [P]: guideLines({ 11: on, 13: done }) })).toEqual([
      `${P}:11:${at(on)} étape « ouvrir » : ${urlRegex}`,
      `${P}:13:${at(done)} étape « ouvrir » : ${urlRegex.replace('/(a+)+$/', '/(a+)+$/i')}`,
    ]);
  });

  it.each([
    '{ role: button, name: "/(a+)+$/" }',
    '{ label: "/(a+)+$/" }',
    '{ text: "/(a+)+$/" }',
    '{ placeholder: "/(a+)+$/" }',
  ])('refuses (a+)+$ in %s', (locator) => {
    const line = `    target: ${locator}`;
    expect(problems({ [P]: guideLines({ 12: line }) })).toEqual([
      `${P}:12:${at(line)} étape « ouvrir » : ${textRegex}`,
    ]);
  });

  it('refuses it in present and absent too', () => {
    const line = '    done: { url: "connect.caf.fr/*", absent: { text: "/(a+)+$/" } }';
    const on = '    on: { present: { label: "/(a+)+$/" } }';
    expect(problems({ [P]: guideLines({ 11: on, 13: line }) })).toEqual([
      `${P}:11:${at(on)} étape « ouvrir » : ${textRegex}`,
      `${P}:13:${at(line)} étape « ouvrir » : ${textRegex}`,
    ]);
  });

  it('accepts texts that merely contain slashes', () => {
    const text = guideLines({
      12: '    target: [{ text: "1/2" }, { text: "/" }, { text: "a/b/" }]',
    });
    expect(problems({ [P]: text })).toEqual([]);
  });
});

describe('locator texts written as regular expressions, at run time', () => {
  it('never compiles them, whatever the page text', () => {
    const match = textMatcher('/(a+)+$/');
    expect(match(`${A400}!`)).toBe(false);
    expect(match('/(A+)+$/')).toBe(true);
  });

  it('finds nothing on a page of long adversarial texts', () => {
    setBody(`<button>${A400}!</button><p>${A400}!</p>
      <label>${A400}! <input></label><input placeholder="${A400}!">`);
    for (const spec of ['/(a+)+$/', '/^(a|a)*$/', '/(.*a){20}/']) {
      expect(locate(document, [{ role: 'button', name: spec }])).toBeNull();
      expect(locate(document, [{ text: spec }])).toBeNull();
      expect(locate(document, [{ label: spec }])).toBeNull();
      expect(locate(document, [{ placeholder: spec }])).toBeNull();
    }
  });
});
