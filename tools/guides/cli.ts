/**
 * Checks the guide files: `npx tsx tools/guides/cli.ts [dir]` (default `guides`).
 * Prints `file:line:col message` for each problem and a summary; exits with 1 on any problem.
 * `--schema` writes `<dir>/schema.json` for editor completion instead.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkGlossaryFiles } from '../../core/glossary/check';
import { loadGuides } from '../../core/guides/load';
import { readGuideSources } from './load-fs';
import { guidesJsonSchema } from '../../core/guides/schema';
import { formatDiagnostic } from '../../core/guides/types';

/** French plural: 0 and 1 take the singular. */
function count(n: number, one: string, many: string): string {
  return `${n} ${n > 1 ? many : one}`;
}

/** The schema as the repository's formatter would write it (so `npm run lint` stays clean). */
async function schemaText(file: string): Promise<string> {
  const json = JSON.stringify(guidesJsonSchema(), null, 2);
  try {
    const prettier = await import('prettier');
    const options = (await prettier.resolveConfig(file)) ?? {};
    return await prettier.format(json, { ...options, parser: 'json' });
  } catch {
    return `${json}\n`;
  }
}

function isUpToDate(file: string): boolean {
  try {
    const written: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return JSON.stringify(written) === JSON.stringify(guidesJsonSchema());
  } catch {
    return false;
  }
}

async function main(argv: readonly string[]): Promise<number> {
  const dir = argv.find((a) => !a.startsWith('--')) ?? 'guides';
  const schemaPath = path.join(dir, 'schema.json');

  if (argv.includes('--schema')) {
    writeFileSync(schemaPath, await schemaText(schemaPath));
    console.log(schemaPath);
    return 0;
  }
  if (!existsSync(dir)) {
    console.log(`dossier introuvable : ${dir}`);
    return 1;
  }

  const sources = readGuideSources(dir);
  const { guides, parts, diagnostics } = loadGuides(sources.guides);
  const glossary = checkGlossaryFiles(sources.glossary);
  const all = [...diagnostics, ...glossary.diagnostics];
  for (const d of all) console.log(formatDiagnostic(d));

  const steps = guides.reduce((n, g) => n + g.steps.length, 0);
  const summary = [count(guides.length, 'guide', 'guides')];
  if (parts.length) summary.push(count(parts.length, 'partie', 'parties'));
  summary.push(count(steps, 'étape', 'étapes'));
  if (sources.glossary.length) summary.push(count(glossary.terms.length, 'terme', 'termes'));
  summary.push(count(all.length, 'erreur', 'erreurs'));
  console.log(summary.join(', '));

  if (existsSync(schemaPath) && !isUpToDate(schemaPath)) {
    console.log(`note : ${schemaPath} n’est pas à jour : lancez npm run guides:schema`);
  }
  return all.length ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  },
);
