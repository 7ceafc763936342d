import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { guideLines, yaml } from './helpers';

const made: string[] = [];

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pap-guides-'));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** The static checks only, unless `--targets` is given (tests/unit/tools/targets.test.ts checks those). */
function cli(...args: string[]): { code: number | null; out: string } {
  return run(args.includes('--targets') ? args : ['--no-targets', ...args]);
}

function run(
  args: string[],
  env: Record<string, string> = {},
): { code: number | null; out: string } {
  const tsx = path.resolve('node_modules/.bin/tsx');
  const r = spawnSync(tsx, ['tools/guides/cli.ts', ...args], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, ...env },
  });
  return { code: r.status, out: r.stdout + r.stderr };
}

afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

// Each test starts a Node process with tsx: slower than the rest.
describe('guides CLI', { timeout: 60_000 }, () => {
  it('exits with 0 and prints a summary on good files', () => {
    const dir = folder({ 'caf/caf-essai.yaml': guideLines() });
    const { code, out } = cli(dir);
    expect(out).toContain('1 guide, 2 étapes, 0 erreur');
    expect(code).toBe(0);
  });

  it('exits with 1 and prints each problem with its position', () => {
    const dir = folder({
      'caf/caf-essai.yaml': guideLines({ 12: '    tagret: { role: link }' }),
      'caf/caf-autre.yaml': guideLines({ 1: 'id: caf-autre', 11: '    on: { url: caf.fr }' }),
    });
    const { code, out } = cli(dir);
    const file = (name: string) => path.join(dir, 'caf', name);
    expect(out).toContain(
      `${file('caf-autre.yaml')}:11:16 étape « ouvrir » : le motif « caf.fr » doit commencer`,
    );
    expect(out).toContain(
      `${file('caf-essai.yaml')}:12:5 étape « ouvrir » : clé inconnue « tagret » (vouliez-vous dire « target » ?)`,
    );
    expect(out).toContain('0 guide, 0 étape, 2 erreurs');
    expect(code).toBe(1);
  });

  it('reports files that would exhaust it, each at a position, and checks the others', () => {
    const bomb = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (const [name, prev] of ['ba', 'cb', 'dc', 'ed', 'fe', 'gf', 'hg', 'ih', 'ji']) {
      bomb.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`);
    }
    const dir = folder({
      'caf/caf-essai.yaml': guideLines(),
      'caf/caf-alias.yaml': yaml(...bomb),
      'caf/caf-profond.yaml': `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
      'caf/caf-gros.yaml': `${guideLines({ 1: 'id: caf-gros' })}# ${'x'.repeat(2_000_000)}\n`,
      'glossary/bombe.yaml': yaml(...bomb),
    });
    const { code, out } = cli(dir);
    const file = (name: string) => path.join(dir, name);
    expect(out).toContain(`${file('caf/caf-alias.yaml')}:2:8 trop de copies par alias`);
    expect(out).toContain(`${file('caf/caf-profond.yaml')}:1:33 trop de niveaux imbriqués`);
    expect(out).toContain(`${file('caf/caf-gros.yaml')}:1:1 fichier trop gros : plus de 256 Ko`);
    expect(out).toContain(`${file('glossary/bombe.yaml')}:2:8 trop de copies par alias`);
    expect(out).toContain('1 guide, 2 étapes, 0 terme, 4 erreurs');
    expect(out).not.toMatch(/\bat .*\.(js|ts):\d+/); // no stack trace
    expect(code).toBe(1);
  });

  it('without Chromium, says the targets were not checked, and fails only when asked for them', () => {
    const dir = folder({ 'caf/caf-essai.yaml': guideLines() });
    const none = { CHROMIUM_PATH: path.join(dir, 'pas-de-chromium') };
    const quiet = run([dir], none);
    expect(quiet.out).toContain('1 guide, 2 étapes, 0 erreur');
    expect(quiet.out).toContain(
      `cibles non vérifiées : Chromium introuvable (${none.CHROMIUM_PATH})`,
    );
    expect(quiet.code).toBe(0);
    const asked = run(['--targets', dir], none);
    expect(asked.out).toContain('cibles non vérifiées : Chromium introuvable');
    expect(asked.code).toBe(1);
    const skipped = run(['--no-targets', dir], none);
    expect(skipped.out).not.toContain('cibles');
    expect(skipped.code).toBe(0);
  });

  it('--strict turns the plain-language warnings into errors; a year in a target always is one', () => {
    const dir = folder({ 'caf/caf-essai.yaml': guideLines() });
    const file = path.join(dir, 'caf', 'caf-essai.yaml');
    const acronym = `${file}:4:36 FALC : sigle « RSA » : ajoutez-le au glossaire (acronyms) ou écrivez les mots en entier`;
    const quiet = cli(dir);
    expect(quiet.out).toContain(`${file}:4:36 avertissement : FALC : sigle « RSA »`);
    expect(quiet.out).toMatch(/0 erreur, \d+ avertissements/);
    expect(quiet.code).toBe(0);
    const strict = cli('--strict', dir);
    expect(strict.out).toContain(acronym);
    expect(strict.out).toContain('1 erreur');
    expect(strict.code).toBe(1);
    const year = folder({
      'caf/caf-essai.yaml': guideLines({ 12: '    target: { role: link, name: Mon Compte 2026 }' }),
    });
    const timed = cli(year);
    expect(timed.out).toContain('étape « ouvrir » : l’année « 2026 » change chaque année');
    expect(timed.code).toBe(1);
  });

  it('--report lists the verified and unverified steps of each guide, and counts the remarks', () => {
    const dir = folder({
      'caf/caf-essai.yaml': guideLines({
        13: [
          '    done: { url: "connect.caf.fr/*" }',
          '    evidence: { url: "https://www.caf.fr/a", quote: Mon Compte, seen: 2026-01-15 }',
        ],
        17: [
          '    on: { url: "wwwd.caf.fr/fin*" }',
          '    evidence: { unverified: aucune page ne le montre }',
        ],
      }),
    });
    const { code, out } = cli('--report', dir);
    expect(out).toContain(
      `${path.join(dir, 'caf', 'caf-essai.yaml')} (guide caf-essai) : 1 vérifiée, 1 non vérifiée`,
    );
    expect(out).toContain(
      '  vérifiée : ouvrir : https://www.caf.fr/a « Mon Compte » (vue le 2026-01-15)',
    );
    expect(out).toContain('  non vérifiée : fin : aucune page ne le montre');
    expect(out).toContain(
      'total : 2 étapes (chaque partie comptée une fois), 1 vérifiée (50 %), 1 non vérifiée, 0 sans preuve',
    );
    expect(out).toContain('langage simple (FALC) : 1 remarque');
    expect(out).toMatch(/\n {5}1 {2}sigle absent du glossaire/);
    expect(code).toBe(0);
  });

  it('--schema writes schema.json into the folder', () => {
    const dir = folder({});
    const { code, out } = cli('--schema', dir);
    expect(code).toBe(0);
    expect(out.trim()).toBe(path.join(dir, 'schema.json'));
    const schema = JSON.parse(readFileSync(path.join(dir, 'schema.json'), 'utf8')) as {
      definitions: object;
    };
    expect(Object.keys(schema.definitions)).toContain('step');
  });

  it('leaves the glossary folder to the glossary checker', () => {
    const dir = folder({
      'caf/caf-essai.yaml': guideLines(),
      'glossary/termes.yaml': yaml('pas: un guide'),
    });
    const { out } = cli(dir);
    expect(out).not.toMatch(/termes\.yaml:\d+:\d+ il manque « id »/);
    // Checked by the glossary module when it is there, else a note says it was not checked.
    expect(out).toMatch(/glossary\/termes\.yaml:1:1 |le glossaire n’a pas été vérifié/);
  });
});
