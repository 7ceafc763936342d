/**
 * Writes the stamp of the current French into a translation (`fr:`), once a translator has
 * checked that the translated texts say what the French says now:
 *   npx tsx tools/guides/stamp.ts guides/caf/caf-attestation-paiement.en.yaml <step id>…
 *   npx tsx tools/guides/stamp.ts <file> --all        every text the file translates
 * `(en-tête)` or `head` stamps the title, goal and list to prepare. Glossary translations
 * (guides/glossary/<file>.<langue>.yaml) take term ids. Only the lines `fr:` are touched; the
 * file must keep the usual layout (`steps:` then `  <step id>:`, or `<term id>:`, alone on
 * their line).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { currentStamps, HEAD } from '../../core/guides/coverage';
import { checkGlossaryFiles } from '../../core/glossary/check';
import { termStamp } from '../../core/glossary/translations';
import { loadGuidesFromDir, readGuideSources } from './load-fs';

/** Sets `fr: <stamp>` as the first key of the block that starts at line `at` (or of the file). */
export function setStamp(lines: string[], at: number, indent: string, stamp: string): void {
  const line = `${indent}fr: "${stamp}"`;
  const first = at + 1;
  if (lines[first]?.startsWith(`${indent}fr:`)) lines[first] = line;
  else lines.splice(first, 0, line);
}

/** The new text of a translation file with the given stamps written in. */
export function stampText(
  text: string,
  stamps: {
    head?: string;
    steps?: ReadonlyMap<string, string>;
    /** Glossary translations: one block per term id, at the start of the line. */
    terms?: ReadonlyMap<string, string>;
  },
): string {
  const lines = text.split('\n');
  for (const [id, stamp] of stamps.terms ?? []) {
    const at = lines.findIndex((l) => new RegExp(`^${id}:\\s*$`).test(l));
    if (at < 0)
      throw new Error(`terme « ${id} » introuvable (écrivez « ${id}: » seul sur sa ligne)`);
    setStamp(lines, at, '  ', stamp);
  }
  for (const [id, stamp] of stamps.steps ?? []) {
    const steps = lines.findIndex((l) => /^steps:\s*$/.test(l));
    const at = lines.findIndex((l, i) => i > steps && new RegExp(`^  ${id}:\\s*$`).test(l));
    if (steps < 0 || at < 0)
      throw new Error(
        `étape « ${id} » introuvable (écrivez « ${id}: » seul sur sa ligne, sous « steps: »)`,
      );
    setStamp(lines, at, '    ', stamp);
  }
  if (stamps.head) {
    const existing = lines.findIndex((l) => l.startsWith('fr:'));
    if (existing >= 0) lines[existing] = `fr: "${stamps.head}"`;
    else {
      // Before the first key, after the comments at the top.
      const first = lines.findIndex((l) => /^[a-z]/i.test(l));
      lines.splice(first < 0 ? lines.length : first, 0, `fr: "${stamps.head}"`);
    }
  }
  return lines.join('\n');
}

function main(argv: string[]): number {
  const [file, ...rest] = argv;
  if (!file || !/\.[a-z]{2,3}(?:-[a-z0-9]+)*\.yaml$/i.test(file)) {
    console.log('usage : npx tsx tools/guides/stamp.ts <guide>.<langue>.yaml (--all | <étape>…)');
    return 1;
  }
  const id = path.basename(file).split('.')[0] ?? '';
  const root = path.resolve(path.dirname(file), '..');
  if (path.basename(path.dirname(path.resolve(file))) === 'glossary')
    return glossary(file, rest, root);
  const { guides, parts } = loadGuidesFromDir(root);
  const unit = guides.find((g) => g.id === id) ?? parts.find((p) => p.id === id);
  if (!unit) {
    console.log(`pas de guide ni de partie « ${id} » dans ${root}`);
    return 1;
  }
  const current = currentStamps(unit);
  const text = readFileSync(file, 'utf8');
  const all = rest.includes('--all');
  const wanted = new Set(rest.filter((a) => !a.startsWith('--')));
  const steps = new Map<string, string>();
  for (const [step, stamp] of current.steps) {
    const written = new RegExp(`^  ${step}:\\s*$`, 'm').test(text);
    if ((all && written) || wanted.has(step)) steps.set(step, stamp);
    wanted.delete(step);
  }
  const head = all || wanted.delete(HEAD) || wanted.delete('head');
  if (wanted.size) {
    console.log(`étape(s) inconnue(s) dans ${id} : ${[...wanted].join(', ')}`);
    return 1;
  }
  writeFileSync(file, stampText(text, { ...(head ? { head: current.head } : {}), steps }));
  console.log(`${file} : ${steps.size} étape(s)${head ? ' et l’en-tête' : ''} marquée(s) à jour`);
  return 0;
}

function glossary(file: string, rest: string[], root: string): number {
  const { terms } = checkGlossaryFiles(readGuideSources(root).glossary);
  const text = readFileSync(file, 'utf8');
  const all = rest.includes('--all');
  const wanted = new Set(rest.filter((a) => !a.startsWith('--')));
  const stamps = new Map<string, string>();
  for (const term of terms) {
    const written = new RegExp(`^${term.id}:\\s*$`, 'm').test(text);
    if ((all && written) || wanted.has(term.id)) stamps.set(term.id, termStamp(term));
    wanted.delete(term.id);
  }
  if (wanted.size) {
    console.log(`terme(s) inconnu(s) : ${[...wanted].join(', ')}`);
    return 1;
  }
  writeFileSync(file, stampText(text, { terms: stamps }));
  console.log(`${file} : ${stamps.size} terme(s) marqué(s) à jour`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  process.exitCode = main(process.argv.slice(2));
}
