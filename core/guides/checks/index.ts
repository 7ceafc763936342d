/**
 * The checks `guides:check` adds to the loader's: logic of the steps, years and months in
 * targets and addresses, evidence, and plain language (FALC) on the French texts. Pure: the
 * files are already loaded; today's date is given (the `seen` rule).
 */
import type { LoadedFile, UnitLayout } from '../compile';
import type { SourceFile } from '../load';
import { stepLabel } from '../load';
import type { Diagnostic } from '../types';
import { parseYaml, positionOf, valueAt, type DataPath } from '../yaml-source';
import { checkEvidence, type FileEvidence } from './evidence';
import { checkPlainText, glossaryIndex, type FalcOptions, type Glossary } from './falc';
import { checkLogic } from './logic';
import { textAt } from './place';
import { namedTime, timeMessage } from './time';

export type Rule = 'logic' | 'time' | 'evidence' | 'falc';

export interface Finding extends Diagnostic {
  rule: Rule;
  /** An error fails the check; a warning does not (FALC ones do with --strict). */
  error: boolean;
  /** The FALC rule's short name, for counts. */
  kind?: string;
}

export interface GuideCheckInput {
  units: readonly UnitLayout[];
  /** `guides/glossary/*.yaml`: their definitions are French texts too. */
  glossaryFiles?: readonly SourceFile[];
  /** The glossary's terms (acronyms and administrative words need an entry). */
  terms?: readonly { term: string; forms: readonly string[]; acronyms: readonly string[] }[];
  /** AAAA-MM-JJ. */
  today: string;
}

export interface GuideCheckResult {
  findings: Finding[];
  evidence: FileEvidence[];
}

/** `étape « id » : ` before a message about a step, like the loader's. */
function prefixFor(data: unknown, path: DataPath): string {
  if (path[0] !== 'steps' || typeof path[1] !== 'number') return '';
  const id = (valueAt(data, ['steps', path[1], 'id']) ?? null) as unknown;
  return typeof id === 'string' ? stepLabel(id) : '';
}

/** Definitions of the glossary: 15 words where possible, 20 at most (issue 11). */
const DEFINITION_WORDS = { soft: 15, hard: 20 };

type TextKind = Pick<FalcOptions, 'stepTitle' | 'callout' | 'words'>;

/** The French texts of a guide or part file, with their paths. */
function frenchTexts(unit: UnitLayout): { path: DataPath; kind: TextKind }[] {
  const out: { path: DataPath; kind: TextKind }[] = [{ path: ['title'], kind: {} }];
  if (unit.kind === 'guide') {
    out.push({ path: ['goal'], kind: {} });
    const prepare = valueAt(unit.file.data, ['prepare']);
    if (Array.isArray(prepare))
      prepare.forEach((_, i) => out.push({ path: ['prepare', i], kind: {} }));
  }
  for (const p of unit.steps) {
    if (p.via) continue;
    out.push(
      { path: [...p.path, 'title'], kind: { stepTitle: true } },
      { path: [...p.path, 'text'], kind: {} },
      { path: [...p.path, 'callout'], kind: { callout: true } },
      { path: [...p.path, 'aidant'], kind: {} },
    );
  }
  return out;
}

/** Every text a step uses to find something on the page or in the address bar. */
function timeTexts(data: unknown, stepPath: DataPath): { path: DataPath; text: string }[] {
  const out: { path: DataPath; text: string }[] = [];
  const walk = (value: unknown, path: DataPath, key: string): void => {
    if (typeof value === 'string') {
      if (key !== 'role') out.push({ path, text: value });
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, [...path, i], key));
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, [...path, k], k);
    }
  };
  for (const key of ['target', 'submit', 'on', 'done']) {
    walk(valueAt(data, [...stepPath, key]), [...stepPath, key], key);
  }
  return out;
}

export function checkGuideFiles(input: GuideCheckInput): GuideCheckResult {
  const findings: Finding[] = [];
  const at = (
    file: Pick<LoadedFile, 'path' | 'source' | 'data'>,
    path: DataPath,
    message: string,
    rule: Rule,
    error: boolean,
    atKey = false,
  ): void => {
    const { line, col } = positionOf(file.source, path, atKey);
    findings.push({
      file: file.path,
      line,
      col,
      message: prefixFor(file.data, path) + message,
      rule,
      error,
    });
  };

  for (const p of checkLogic(input.units)) at(p.file, p.path, p.message, 'logic', true, p.atKey);

  const { problems, report } = checkEvidence(input.units, input.today);
  for (const p of problems) at(p.file, p.path, p.message, 'evidence', p.error);

  const glossary: Glossary = glossaryIndex(input.terms ?? []);
  const falc = (
    file: Pick<LoadedFile, 'path' | 'text' | 'source' | 'data'>,
    path: DataPath,
    kind: TextKind,
    /** Names the rule apart for counts (« définition : … »). */
    kindPrefix = '',
  ): void => {
    const placed = textAt(file, path);
    if (!placed) return;
    const prefix = prefixFor(file.data, path);
    for (const f of checkPlainText(placed.value, { glossary, ...kind })) {
      const { line, col } = placed.at(f.index);
      findings.push({
        file: file.path,
        line,
        col,
        message: `${prefix}FALC : ${f.message}`,
        rule: 'falc',
        error: false,
        kind: kindPrefix + f.kind,
      });
    }
  };

  for (const unit of input.units) {
    for (const p of unit.steps) {
      if (p.via) continue;
      for (const t of timeTexts(unit.file.data, p.path)) {
        const found = namedTime(t.text);
        if (!found) continue;
        const placed = textAt(unit.file, t.path);
        const { line, col } = placed
          ? placed.at(found.index)
          : positionOf(unit.file.source, t.path);
        const prefix = prefixFor(unit.file.data, t.path);
        const message = prefix + timeMessage(found);
        findings.push({ file: unit.file.path, line, col, message, rule: 'time', error: true });
      }
    }
    for (const t of frenchTexts(unit)) falc(unit.file, t.path, t.kind);
  }

  for (const g of input.glossaryFiles ?? []) {
    // `caf.en.yaml` is a translation: not French.
    if (/\.[^./]+\.yaml$/.test(g.path)) continue;
    const parsed = parseYaml(g.text);
    if (parsed.errors.length || !Array.isArray(parsed.data)) continue;
    const file = { path: g.path, text: g.text, source: parsed.source, data: parsed.data };
    parsed.data.forEach((_, i) =>
      falc(file, [i, 'definition'], { words: DEFINITION_WORDS }, 'définition : '),
    );
  }

  const seen = new Set<string>();
  const unique = findings.filter((f) => {
    const key = `${f.file}:${f.line}:${f.col} ${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  unique.sort((a, b) =>
    a.file !== b.file ? (a.file < b.file ? -1 : 1) : a.line - b.line || a.col - b.col,
  );
  return { findings: unique, evidence: report };
}
