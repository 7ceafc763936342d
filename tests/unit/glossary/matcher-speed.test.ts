/**
 * Speed of the matcher with the full glossary on a page-sized input: ~5,000 text nodes,
 * ~300 KB. It prints figures and asserts no timing (machines differ); it only checks that
 * the work was real. Reference points printed alongside:
 * - a bare loop reading every char code once: the floor for any one-pass automaton
 *   (Aho-Corasick included), since each must at least look at every char;
 * - the usual approach: normalize + toLowerCase each node, then one big regular expression
 *   (and it still lacks offsets in the original text and case-sensitive acronyms).
 */
import { describe, expect, it } from 'vitest';
import { loadGlossaryDir } from '../../../tools/glossary/load-fs';
import { compileGlossary, foldForm } from '../../../core/glossary/matcher';

const SENTENCES = [
  'Votre numéro d’allocataire figure sur vos courriers.',
  'Pour déclarer vos ressources, connectez-vous à Mon Compte.',
  'Le revenu fiscal de référence (RFR) est indiqué sur votre avis d’impôt.',
  'Cliquez sur « Suivant » pour continuer.',
  'Le tiers payant vous évite d’avancer les frais chez le médecin.',
  'Téléchargez votre attestation de droits en PDF.',
  'Il ne faut pas oublier de faire votre actualisation avant le 15 du mois.',
  'Accueil',
  'Mentions légales',
  'Vos paiements du mois de mars',
  'La complémentaire santé solidaire (C2S) peut prendre en charge vos soins.',
  'PRÉLÈVEMENT À LA SOURCE : GÉRER MON TAUX',
  'Nous vous invitons à vérifier les informations ci-dessous puis à valider.',
  'En cas de difficulté, un conseiller vous répond du lundi au vendredi.',
  'Les horaires d’ouverture de votre agence sont indiqués sur la carte.',
  'L’ARE est versée chaque mois si vous êtes inscrit comme demandeur d’emploi.',
  '\n      ',
  'Plan du site · Accessibilité : partiellement conforme · Données personnelles',
];

/** Deterministic pseudo-random page text. */
function makeNodes(count: number): string[] {
  let seed = 42;
  const rand = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const nodes: string[] = [];
  for (let i = 0; i < count; i++) {
    const parts = rand() < 0.15 ? 2 : 1;
    let s = '';
    for (let p = 0; p < parts; p++) s += `${SENTENCES[Math.floor(rand() * SENTENCES.length)]} `;
    nodes.push(s);
  }
  return nodes;
}

/** Best time of several runs: the machine may be busy with other work. */
function time(runs: number, fn: () => void): number {
  let best = Infinity;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

describe('matcher speed', () => {
  it('scans a page-sized text quickly with the full glossary', async () => {
    const { terms } = await loadGlossaryDir('guides/glossary');
    const compileMs = time(10, () => compileGlossary(terms));
    const matcher = compileGlossary(terms);

    const nodes = makeNodes(5000);
    const chars = nodes.reduce((n, s) => n + s.length, 0);
    const mb = chars / 1_000_000;

    let matches = 0;
    const ms = time(20, () => {
      matches = 0;
      for (const s of nodes) matches += matcher.findAll(s).length;
    });

    let sink = 0;
    const floorMs = time(20, () => {
      for (const s of nodes) for (let i = 0; i < s.length; i++) sink += s.charCodeAt(i);
    });
    const keys = terms.flatMap((t) => [t.term, ...t.forms, ...t.acronyms].map(foldForm));
    const escaped = keys
      .sort((a, b) => b.length - a.length)
      .map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    const big = new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
    const naiveMs = time(5, () => {
      for (const s of nodes) {
        const folded = s
          .normalize('NFD')
          .replace(/\p{M}/gu, '')
          .toLowerCase()
          .replace(/[\s'’-]+/g, ' ');
        sink += folded.match(big)?.length ?? 0;
      }
    });

    console.log(
      `glossary matcher: ${terms.length} terms compiled in ${compileMs.toFixed(1)} ms; ` +
        `${nodes.length} nodes, ${(chars / 1000).toFixed(0)} KB, ${matches} matches: ` +
        `${ms.toFixed(2)} ms (${(ms / mb).toFixed(1)} ms/MB). ` +
        `Char-code loop floor: ${(floorMs / mb).toFixed(1)} ms/MB; ` +
        `normalize + lower case + one big RegExp: ${(naiveMs / mb).toFixed(1)} ms/MB.`,
    );
    expect(chars).toBeGreaterThan(250_000);
    expect(matches).toBeGreaterThan(1000);
    expect(sink).toBeGreaterThan(0);
  });
});
