import { describe, expect, it } from 'vitest';
import {
  MAX_GUIDE_FILE_BYTES,
  MAX_ID_LENGTH,
  MAX_STEPS,
  MAX_YAML_DEPTH,
  utf8Length,
} from '../../../core/guides/limits';
import { schemas } from '../../../core/messaging/schemas';
import { checkGlossaryFiles } from '../../../core/glossary/check';
import { GUIDE_PATH, guideLines, load, problems, yaml } from './helpers';

const P = GUIDE_PATH;
const OTHER = 'guides/caf/caf-autre.yaml';
/** A valid guide next to the broken one: it must still be checked and compiled. */
const other = guideLines({ 1: 'id: caf-autre' });

/** `n` steps in flow style, one a line, after the guide's header (lines 1–7). */
function withSteps(n: number, id = (i: number) => `e${i}`): string {
  const steps = Array.from({ length: n }, (_, i) => `  - { id: ${id(i)}, title: T, text: X }`);
  return guideLines({
    8: steps,
    9: [],
    10: [],
    11: [],
    12: [],
    13: [],
    14: [],
    15: [],
    16: [],
    17: [],
  });
}

function part(id: string, steps: string[]): string {
  return yaml(`kind: part`, `id: ${id}`, 'site: caf', `title: ${id}`, 'steps:', ...steps);
}

/** « Billion laughs »: each level is nine copies of the one before. */
function laughs(): string {
  const lines = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  const names = 'bcdefghij';
  for (let i = 0; i < names.length; i++) {
    const prev = i === 0 ? 'a' : names[i - 1];
    lines.push(`${names[i]}: &${names[i]} [${Array(9).fill(`*${prev}`).join(', ')}]`);
  }
  return yaml(...lines);
}

describe('limits that match the messages', () => {
  it('fit what a message carries: the last step index and the longest id', () => {
    expect(schemas.index.safeParse(MAX_STEPS - 1).success).toBe(true);
    expect(schemas.id.safeParse('x'.repeat(MAX_ID_LENGTH)).success).toBe(true);
    expect(schemas.id.safeParse('x'.repeat(MAX_ID_LENGTH + 1)).success).toBe(false);
  });

  it('accepts a guide of exactly the largest number of steps', () => {
    const { diagnostics, guides } = load({ [P]: withSteps(MAX_STEPS) });
    expect(diagnostics).toEqual([]);
    expect(guides[0]?.steps).toHaveLength(MAX_STEPS);
  });

  it('refuses one step more', () => {
    expect(problems({ [P]: withSteps(MAX_STEPS + 1) })).toEqual([
      `${P}:8:3 trop d’étapes : ${MAX_STEPS} au plus`,
    ]);
  });

  it('counts the steps of included parts', () => {
    const own = Array.from({ length: 300 }, (_, i) => `  - { id: e${i}, title: T, text: X }`);
    const files = {
      'guides/caf/caf-part.yaml': part('caf-part', own),
      [P]: guideLines({ 17: ['    on: { url: "wwwd.caf.fr/fin*" }', '  - include: caf-part'] }),
      'guides/caf/caf-grand.yaml': yaml(
        ...guideLines({ 1: 'id: caf-grand' }).trimEnd().split('\n').slice(0, 7),
        '  - include: caf-part',
        ...own,
      ),
    };
    expect(problems(files)).toEqual([
      `guides/caf/caf-grand.yaml:8:3 trop d’étapes avec les parties incluses : plus de ${MAX_STEPS} (${MAX_STEPS} au plus)`,
    ]);
  });

  it('stops parts that multiply through includes (each level twice the one below)', () => {
    // p0 includes p1 and q1, each of which includes p2 and q2…: 2^40 steps if expanded in full.
    const files: Record<string, string> = {};
    for (let k = 0; k <= 40; k++) {
      const inner =
        k === 40
          ? ['  - { id: fin, title: T, text: X }']
          : [`  - include: p${k + 1}`, `  - include: q${k + 1}`];
      files[`guides/caf/p${k}.yaml`] = part(`p${k}`, inner);
      files[`guides/caf/q${k}.yaml`] = part(`q${k}`, inner);
    }
    files[P] = guideLines({ 17: ['    on: { url: "wwwd.caf.fr/fin*" }', '  - include: p0'] });
    const { diagnostics } = load(files);
    const tooMany = diagnostics.filter((d) => d.message.startsWith('trop d’étapes'));
    expect(tooMany.map((d) => d.file)).toContain(P);
  });

  it('refuses ids longer than a message carries, also once prefixed by their part', () => {
    const long = 'e'.repeat(MAX_ID_LENGTH - 5);
    expect(problems({ [P]: withSteps(1, () => `${long}xxxxxx`) })).toEqual([
      `${P}:8:11 étape « ${long}xxxxxx » : l’id est trop long : ${MAX_ID_LENGTH} caractères au plus`,
    ]);
    const files = {
      'guides/caf/caf-part.yaml': part('caf-part', [`  - { id: ${long}, title: T, text: X }`]),
      [P]: guideLines({ 17: ['    on: { url: "wwwd.caf.fr/fin*" }', '  - include: caf-part'] }),
    };
    expect(problems(files)).toEqual([
      `${P}:18:5 inclusion de « caf-part » : l’id « caf-part.${long} » est trop long avec le nom de la partie : ${MAX_ID_LENGTH} caractères au plus`,
    ]);
  });
});

describe('files that would exhaust the checker', () => {
  it('reports a file over the size limit at 1:1, and checks the others', () => {
    const big = guideLines() + `# ${'é'.repeat(MAX_GUIDE_FILE_BYTES / 2)}\n`;
    expect(utf8Length(big)).toBeGreaterThan(MAX_GUIDE_FILE_BYTES);
    expect(big.length).toBeLessThan(MAX_GUIDE_FILE_BYTES);
    const { diagnostics, guides } = load({ [P]: big, [OTHER]: other });
    expect(diagnostics.map((d) => `${d.file}:${d.line}:${d.col} ${d.message}`)).toEqual([
      `${P}:1:1 fichier trop gros : plus de 256 Ko (un guide tient en quelques Ko ; les étapes communes vont dans une partie, kind: part)`,
    ]);
    expect(guides.map((g) => g.id)).toEqual(['caf-autre']);
  });

  it('reports an alias explosion (billion laughs) at the first alias, and checks the others', () => {
    const { diagnostics, guides } = load({ [P]: laughs(), [OTHER]: other });
    expect(diagnostics.map((d) => `${d.file}:${d.line}:${d.col} ${d.message}`)).toEqual([
      `${P}:2:8 trop de copies par alias (*nom) : des alias qui recopient des alias se multiplient ; écrivez les blocs en entier`,
    ]);
    expect(guides.map((g) => g.id)).toEqual(['caf-autre']);
  });

  it('still accepts a few aliases', () => {
    const text = guideLines({
      12: '    target: &mon-compte { role: link, name: Mon Compte }',
      17: ['    on: { url: "wwwd.caf.fr/fin*" }', '    target: *mon-compte'],
    });
    expect(problems({ [P]: text })).toEqual([]);
  });

  // Deep enough to overflow the stack of the YAML library, had it been asked to build them.
  const DEEP = 100_000;
  it.each([
    ['flow lists', (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`, DEEP, 1, MAX_YAML_DEPTH + 1],
    [
      'flow blocks',
      (n: number) => `${'{a: '.repeat(n)}b${'}'.repeat(n)}`,
      DEEP / 2,
      1,
      4 * MAX_YAML_DEPTH + 1,
    ],
    // Indentation grows with depth: 700 levels already fill the file.
    [
      'indented blocks',
      (n: number) => Array.from({ length: n }, (_, i) => `${' '.repeat(i)}k:`).join('\n'),
      700,
      MAX_YAML_DEPTH + 1,
      MAX_YAML_DEPTH + 1,
    ],
    ['compact lists', (n: number) => `${'- '.repeat(n)}x`, DEEP, 1, 2 * MAX_YAML_DEPTH + 1],
  ])('reports %s nested too deep where the limit is passed', (_, make, deepest, line, col) => {
    for (const depth of [MAX_YAML_DEPTH + 1, deepest]) {
      const text = make(depth);
      expect(utf8Length(text)).toBeLessThanOrEqual(MAX_GUIDE_FILE_BYTES);
      const { diagnostics, guides } = load({ [P]: text, [OTHER]: other });
      expect(diagnostics.map((d) => `${d.file}:${d.line}:${d.col} ${d.message}`)).toEqual([
        `${P}:${line}:${col} trop de niveaux imbriqués : ${MAX_YAML_DEPTH} au plus (un guide en utilise moins de 10 ; vérifiez les crochets [ ] et les accolades { })`,
      ]);
      expect(guides.map((g) => g.id)).toEqual(['caf-autre']);
    }
  });

  it('accepts nesting up to the limit', () => {
    const text = guideLines({ 13: `    done: { url: "connect.caf.fr/*" }`, 17: [] });
    const deep = `${'['.repeat(MAX_YAML_DEPTH - 1)}${']'.repeat(MAX_YAML_DEPTH - 1)}`;
    const withDeep = `${text.trimEnd()}\n    on: { url: "wwwd.caf.fr/fin*" }\nx-deep: ${deep}\n`;
    // Only the unknown key is reported, not its depth.
    expect(problems({ [P]: withDeep })).toEqual([
      `${P}:18:1 clé inconnue « x-deep » (clés possibles : kind, id, site, title, goal, duration, source, source_dated, start, prepare, steps)`,
    ]);
  });

  it('applies the same limits to glossary files', () => {
    const files = [
      { path: 'guides/glossary/bombe.yaml', text: laughs() },
      {
        path: 'guides/glossary/profond.yaml',
        text: `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
      },
    ];
    const { diagnostics } = checkGlossaryFiles(files);
    expect(diagnostics.map((d) => `${d.file}:${d.line}:${d.col}`)).toEqual([
      'guides/glossary/bombe.yaml:2:8',
      'guides/glossary/profond.yaml:1:33',
    ]);
  });
});
