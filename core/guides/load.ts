/**
 * Reads guide, part and translation files (already in memory), checks them and compiles them
 * into `Guide` objects. Every problem becomes a `Diagnostic` at the line and column where the
 * author has to fix it. Pure: no file system access.
 */
import type { Diagnostic, Guide } from './types';
import {
  frenchErrors,
  guideFileSchema,
  partFileSchema,
  translationFileSchema,
  type GuideFile,
  type PartFile,
  type TranslationFile,
} from './schema';
import { locateIssues } from './issues';
import {
  compileUnits,
  type LoadedFile,
  type Part,
  type Report,
  type Translation,
  type Unit,
  type UnitLayout,
} from './compile';
import { parseYaml, positionOf, type DataPath } from './yaml-source';

export type { Part, UnitLayout };

export interface SourceFile {
  path: string;
  text: string;
}

export interface LoadResult {
  guides: Guide[];
  parts: Part[];
  diagnostics: Diagnostic[];
  /** The guide and part files that passed the schema, with their steps placed: the further
   * checks of `guides:check` (checks/) read them. */
  units: UnitLayout[];
}

const LANG = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i;

/** `étape « id » : ` for problems inside a step, so the author finds it by its id. */
export function stepLabel(id: string): string {
  return `étape « ${id} » : `;
}

function stepPrefix(data: unknown, path: DataPath): string {
  if (path[0] !== 'steps' || path.length < 2) return '';
  const key = path[1];
  if (typeof key === 'string') return stepLabel(key);
  const steps = (data as { steps?: unknown }).steps;
  const step: unknown = Array.isArray(steps) ? steps[key as number] : undefined;
  const { id, include } = (step ?? {}) as { id?: unknown; include?: unknown };
  if (typeof include === 'string') return `inclusion de « ${include} » : `;
  if (typeof id === 'string') return stepLabel(id);
  return `étape n° ${(key as number) + 1} : `;
}

export function loadGuides(files: readonly SourceFile[]): LoadResult {
  const diagnostics: Diagnostic[] = [];
  const report: Report = (file, path, message, atKey = false) => {
    const { line, col } = positionOf(file.source, path, atKey);
    diagnostics.push({
      file: file.path,
      line,
      col,
      message: stepPrefix(file.data, path) + message,
    });
  };
  const atStart = (path: string, message: string) =>
    diagnostics.push({ file: path, line: 1, col: 1, message });

  const units: Unit[] = [];
  const translations: Translation[] = [];
  const written = new Set<string>();

  const sorted = [...files]
    .map((f) => ({ ...f, path: f.path.replace(/\\/g, '/') }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  for (const { path, text } of sorted) {
    try {
      loadFile(path, text);
    } catch (e) {
      // Last resort: one odd file must not stop the others from being checked.
      atStart(
        path,
        `ce fichier n’a pas pu être vérifié (${e instanceof Error ? e.message : String(e)})`,
      );
    }
  }

  function loadFile(path: string, text: string): void {
    const segments = path.split('/');
    const base = segments.at(-1) ?? '';
    const folder = segments.at(-2) ?? '';
    if (!base.endsWith('.yaml')) {
      atStart(
        path,
        base.endsWith('.yml')
          ? 'renommez le fichier en .yaml'
          : 'ce fichier n’est pas un fichier .yaml',
      );
      return;
    }
    const [id = '', ...rest] = base.slice(0, -'.yaml'.length).split('.');
    const lang = rest.length ? rest.join('.') : undefined;
    if (lang !== undefined && !LANG.test(lang)) {
      atStart(
        path,
        `nom de fichier invalide : <id>.yaml, ou <id>.<langue>.yaml pour une traduction (ex. ${id}.en.yaml)`,
      );
      return;
    }
    if (lang === 'fr') {
      atStart(path, `le français est dans « ${id}.yaml » : pas de fichier .fr.yaml`);
      return;
    }

    if (!lang) written.add(`${folder}/${id}`);
    const parsed = parseYaml(text);
    for (const e of parsed.errors) diagnostics.push({ file: path, ...e });
    if (parsed.errors.length) return;
    const file: LoadedFile = {
      path,
      folder,
      id,
      text,
      source: parsed.source,
      data: parsed.data,
    };
    if (lang) file.lang = lang;

    if (file.data === null || file.data === undefined) {
      atStart(path, 'le fichier est vide');
      return;
    }
    if (typeof file.data !== 'object' || Array.isArray(file.data)) {
      report(file, [], 'le fichier doit être un bloc de clés (id:, site:, title:…)');
      return;
    }

    const kind = lang
      ? 'translation'
      : (file.data as { kind?: unknown }).kind === 'part'
        ? 'part'
        : 'guide';
    const schema =
      kind === 'translation'
        ? translationFileSchema
        : kind === 'part'
          ? partFileSchema
          : guideFileSchema;
    const result = schema.safeParse(file.data, { error: frenchErrors });
    if (!result.success) {
      for (const issue of locateIssues(result.error.issues, file.data)) {
        report(file, issue.path, issue.message, issue.atKey);
      }
      return;
    }
    if (kind === 'translation') {
      translations.push({ file, lang: lang ?? '', data: result.data as TranslationFile });
    } else if (kind === 'part') {
      units.push({ kind: 'part', file, data: result.data as PartFile });
    } else {
      units.push({ kind: 'guide', file, data: result.data as GuideFile });
    }
  }

  const { guides, parts, layouts } = compileUnits(units, translations, report, written);
  return { guides, parts, diagnostics: sortDiagnostics(dedupe(diagnostics)), units: layouts };
}

function dedupe(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = `${d.file}:${d.line}:${d.col} ${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return list.sort((a, b) =>
    a.file !== b.file ? (a.file < b.file ? -1 : 1) : a.line - b.line || a.col - b.col,
  );
}
