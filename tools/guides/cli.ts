/**
 * Checks the guide files: `npx tsx tools/guides/cli.ts [dir]` (default `guides`).
 * Prints `file:line:col message` for each problem and a summary; exits with 1 on any problem.
 * Warnings (plain language, evidence) do not fail it; `--strict` makes the plain-language
 * ones errors. `--report` adds, per file, the verified and unverified steps and the
 * plain-language counts (see checks/).
 * Then looks for every step's target on the practice pages in headless Chromium (see
 * targets/check.ts) when Chromium is there: `--targets` requires it, `--no-targets` skips it,
 * `--fixtures=<dir>` takes other practice pages than tests/fixtures.
 * `--schema` writes `<dir>/schema.json` for editor completion instead.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkGlossaryFiles } from '../../core/glossary/check';
import { loadGuides } from '../../core/guides/load';
import { readGuideSources } from './load-fs';
import { guidesJsonSchema } from '../../core/guides/schema';
import { formatDiagnostic, type Guide } from '../../core/guides/types';
import type { SourceFile } from '../../core/guides/load';
import { checkTargets, chromiumPath } from './targets/check';
import { checkGuideFiles } from '../../core/guides/checks';
import { printReport } from './report';
import { formatCoverage, translationCoverage } from '../../core/guides/coverage';
import { glossaryCoverage } from '../../core/glossary/coverage';

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

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1).replace('.', ',')} s`;
}

/**
 * The target check, with its own summary line. Returns the number of errors, or -1 when it
 * could not run (no browser).
 */
async function targets(
  guides: readonly Guide[],
  sources: readonly SourceFile[],
  fixtures: string | undefined,
  required: boolean,
): Promise<number> {
  if (!chromiumPath()) {
    const where = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
    console.log(
      `cibles non vérifiées : Chromium introuvable (${where}). Installez-le (bash tools/setup.sh) ou donnez son chemin dans CHROMIUM_PATH ; --no-targets ne les vérifie pas.`,
    );
    return required ? -1 : 0;
  }
  const report = await checkTargets(guides, sources, fixtures ? { fixtures } : {});
  for (const d of [...report.errors, ...report.warnings]) console.log(formatDiagnostic(d));
  console.log(
    `cibles : ${count(report.checked, 'étape vérifiée', 'étapes vérifiées')} sur ${count(report.pages, 'page d’entraînement', 'pages d’entraînement')} (${count(report.states, 'état', 'états')}) en ${seconds(report.ms)}, ${count(report.errors.length, 'erreur', 'erreurs')}, ${count(report.warnings.length, 'avertissement', 'avertissements')}`,
  );
  return report.errors.length;
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

  const strict = argv.includes('--strict');
  const sources = readGuideSources(dir);
  const { guides, parts, diagnostics, units } = loadGuides(sources.guides);
  const glossary = checkGlossaryFiles(sources.glossary);
  const checked = checkGuideFiles({
    units,
    glossaryFiles: sources.glossary,
    terms: glossary.terms,
    today: new Date().toISOString().slice(0, 10),
  });
  const fails = (f: (typeof checked.findings)[number]) => f.error || (strict && f.rule === 'falc');
  const all = [...diagnostics, ...glossary.diagnostics, ...checked.findings.filter(fails)];
  const warnings = checked.findings.filter((f) => !fails(f));
  for (const d of all) console.log(formatDiagnostic(d));
  for (const d of warnings)
    console.log(formatDiagnostic({ ...d, message: `avertissement : ${d.message}` }));

  const steps = guides.reduce((n, g) => n + g.steps.length, 0);
  const summary = [count(guides.length, 'guide', 'guides')];
  if (parts.length) summary.push(count(parts.length, 'partie', 'parties'));
  summary.push(count(steps, 'étape', 'étapes'));
  if (sources.glossary.length) summary.push(count(glossary.terms.length, 'terme', 'termes'));
  summary.push(count(all.length, 'erreur', 'erreurs'));
  if (warnings.length) summary.push(count(warnings.length, 'avertissement', 'avertissements'));
  console.log(summary.join(', '));
  const falc = checked.findings.filter((f) => f.rule === 'falc').length;
  if (falc && !argv.includes('--report')) {
    console.log(
      `langage simple (FALC) : ${count(falc, 'remarque', 'remarques')}${strict ? ' (comptées comme erreurs : --strict)' : ''} ; le détail par fichier : --report`,
    );
  }
  if (argv.includes('--report')) printReport(checked, strict);
  const coverage = [...translationCoverage(guides, parts), ...glossaryCoverage(sources.glossary)];
  for (const line of formatCoverage(coverage)) console.log(line);

  if (existsSync(schemaPath) && !isUpToDate(schemaPath)) {
    console.log(`note : ${schemaPath} n’est pas à jour : lancez npm run guides:schema`);
  }

  let targetErrors = 0;
  if (!argv.includes('--no-targets') && guides.length) {
    const fixtures = argv.find((a) => a.startsWith('--fixtures='))?.slice('--fixtures='.length);
    targetErrors = await targets(guides, sources.guides, fixtures, argv.includes('--targets'));
  }
  return all.length || targetErrors ? 1 : 0;
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
