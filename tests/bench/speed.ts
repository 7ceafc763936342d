/**
 * Speed figures without a browser (first part of `npm run bench`): the glossary matcher on a
 * page-sized text, and locate() on a 5,000-element portal page in jsdom and happy-dom. It prints
 * figures and asserts no time (machines differ); it only stops when the work was not real.
 * Whether locate() finds the right elements on that page is a unit test
 * (tests/unit/locate/big-page*.test.ts).
 *
 * Reference points printed beside the matcher:
 * - a bare loop reading every char code once: the floor for any one-pass automaton
 *   (Aho-Corasick included), since each must at least look at every char;
 * - the usual approach: normalize + toLowerCase each node, then one big regular expression
 *   (and it still lacks offsets in the original text and case-sensitive acronyms).
 */
// @ts-expect-error jsdom ships no type declarations (vitest loads it for the unit tests)
import { JSDOM } from 'jsdom';
import { Window } from 'happy-dom';
import { compileGlossary, foldForm } from '../../core/glossary/matcher';
import { locate } from '../../core/locate/locate';
import { loadGlossaryDir } from '../../tools/glossary/load-fs';
import { BIG_PAGE_CASES, bigPage } from '../unit/locate/big-page';

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

function mustHold(ok: boolean, what: string) {
  if (!ok) throw new Error(`benchmark did no real work: ${what}`);
}

async function matcherFigures() {
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
  mustHold(chars > 250_000, 'page text too short');
  mustHold(matches > 1000 && sink > 0, 'no matches');

  console.log(
    `glossary matcher: ${terms.length} terms compiled in ${compileMs.toFixed(1)} ms; ` +
      `${nodes.length} nodes, ${(chars / 1000).toFixed(0)} KB, ${matches} matches: ` +
      `${ms.toFixed(2)} ms (${(ms / mb).toFixed(1)} ms/MB). ` +
      `Char-code loop floor: ${(floorMs / mb).toFixed(1)} ms/MB; ` +
      `normalize + lower case + one big RegExp: ${(naiveMs / mb).toFixed(1)} ms/MB.`,
  );
}

/** The big page in a document of the given engine (parsed, so no script runs). */
function bigDocument(engine: 'jsdom' | 'happy-dom'): { doc: Document; close(): void } {
  const html = `<!doctype html><html lang="fr"><body>${bigPage()}</body></html>`;
  if (engine === 'jsdom') {
    const dom = new JSDOM(html, { pretendToBeVisual: true });
    return { doc: dom.window.document as Document, close: () => dom.window.close() };
  }
  const window = new Window({ url: 'https://www.caf.fr/' });
  const parsed = new window.DOMParser().parseFromString(html, 'text/html');
  window.document.body.replaceChildren(
    ...Array.from(parsed.body.childNodes, (n) => window.document.importNode(n, true)),
  );
  return {
    doc: window.document as unknown as Document,
    close: () => void window.happyDOM.close(),
  };
}

function locateFigures(engine: 'jsdom' | 'happy-dom') {
  const { doc, close } = bigDocument(engine);
  try {
    const count = doc.getElementsByTagName('*').length;
    mustHold(count > 5000, `${engine} page has ${count} elements`);
    for (const c of BIG_PAGE_CASES) {
      const t0 = performance.now();
      const found = locate(doc, c.locators);
      const ms = performance.now() - t0;
      mustHold((found === null) === (c.finds === null), `${c.name} in ${engine}`);
      console.log(`locate ${c.name} on ${count} elements: ${ms.toFixed(1)} ms (${engine})`);
    }
  } finally {
    close();
  }
}

async function main() {
  await matcherFigures();
  locateFigures('happy-dom');
  locateFigures('jsdom');
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
