/**
 * Checks that need several files (ids, includes, next, reachability, translations) and builds
 * the compiled guides: includes expanded, translations attached.
 */
import type { Guide, GuideText, Step } from './types';
import type { GuideFile, PartFile, TranslationFile } from './schema';
import { headStamp } from './stamp';
import { MAX_ID_LENGTH, MAX_STEPS } from './limits';
import { closest } from './suggest';
import { positionOf, type DataPath, type YamlSource } from './yaml-source';

/** A reusable run of steps (`kind: part`), with its own includes expanded. */
export interface Part {
  id: string;
  site: Guide['site'];
  title: string;
  steps: Step[];
  i18n?: Record<string, GuideText>;
}

/** One file, once its YAML has been read. */
export interface LoadedFile {
  path: string;
  /** Name of the folder holding the file (must be the site). */
  folder: string;
  /** File name without `.yaml` and without the language. */
  id: string;
  lang?: string;
  /** The file as written (positions inside a text value are found in it). */
  text: string;
  source: YamlSource;
  data: unknown;
}

export type Report = (file: LoadedFile, path: DataPath, message: string, atKey?: boolean) => void;

export interface Translation {
  file: LoadedFile;
  lang: string;
  data: TranslationFile;
}

export type Unit =
  | { kind: 'guide'; file: LoadedFile; data: GuideFile }
  | { kind: 'part'; file: LoadedFile; data: PartFile };

/** A compiled step and where it was written. */
export interface Placed {
  step: Step;
  file: LoadedFile;
  path: DataPath;
  /** For an included step: the `include` item, in the file being compiled, that brought it. */
  via?: DataPath;
}

/** A guide or part file and its steps once its includes are expanded. */
export interface UnitLayout {
  kind: Unit['kind'];
  file: LoadedFile;
  data: GuideFile | PartFile;
  steps: Placed[];
}

interface Expansion {
  steps: Placed[];
  includes: Unit[];
}

function didYouMean(word: string, candidates: readonly string[]): string {
  const near = closest(word, candidates);
  return near ? ` (vouliez-vous dire « ${near} » ?)` : '';
}

function prefixed(step: Step, partId: string): Step {
  const out: Step = { ...step, id: `${partId}.${step.id}` };
  if (step.next !== undefined) out.next = `${partId}.${step.next}`;
  return out;
}

function checkOwnFile(unit: Unit, report: Report): void {
  const { file, data } = unit;
  if (data.id !== file.id) {
    report(file, ['id'], `l’id « ${data.id} » doit être le nom du fichier : « ${file.id} »`);
  }
  if (data.site !== file.folder) {
    report(
      file,
      ['site'],
      `le site « ${data.site} » ne correspond pas au dossier « ${file.folder} »`,
    );
  }
  const seen = new Map<string, number>();
  data.steps.forEach((item, i) => {
    if ('include' in item) return;
    const first = seen.get(item.id);
    if (first === undefined) {
      seen.set(item.id, i);
      return;
    }
    const { line } = positionOf(file.source, ['steps', first]);
    report(file, ['steps', i, 'id'], `cet id est déjà pris par l’étape de la ligne ${line}`);
  });
}

/** Steps the engine can never show (see the step engine semantics in the format contract). */
function unreachable(steps: readonly Placed[]): Placed[] {
  const index = new Map(steps.map((p, i) => [p.step.id, i]));
  const reached = new Set<number>();
  const todo = steps.flatMap((p, i) => (i === 0 || p.step.on ? [i] : []));
  for (let i = todo.pop(); i !== undefined; i = todo.pop()) {
    if (reached.has(i)) continue;
    reached.add(i);
    const next = steps[i]?.step.next;
    const after = next !== undefined ? index.get(next) : i + 1 < steps.length ? i + 1 : undefined;
    if (after !== undefined) todo.push(after);
  }
  return steps.filter((_, i) => !reached.has(i));
}

function toGuideText(t: TranslationFile): GuideText {
  const out: GuideText = {};
  if (t.fr !== undefined) out.fr = t.fr;
  if (t.title !== undefined) out.title = t.title;
  if (t.goal !== undefined) out.goal = t.goal;
  if (t.prepare !== undefined) out.prepare = t.prepare;
  if (t.steps !== undefined) out.steps = { ...t.steps };
  return out;
}

export function compileUnits(
  units: readonly Unit[],
  translations: readonly Translation[],
  report: Report,
  /** `folder/id` of every guide or part file, valid or not (a translation of a file with
   * errors is not reported as orphan). */
  written: ReadonlySet<string>,
): { guides: Guide[]; parts: Part[]; layouts: UnitLayout[] } {
  const byId = new Map<string, Unit>();
  for (const unit of units) {
    checkOwnFile(unit, report);
    const other = byId.get(unit.data.id);
    if (other)
      report(unit.file, ['id'], `l’id « ${unit.data.id} » est déjà utilisé par ${other.file.path}`);
    else byId.set(unit.data.id, unit);
  }
  const partIds = units.filter((u) => u.kind === 'part').map((u) => u.data.id);

  const expansions = new Map<Unit, Expansion>();
  const expand = (unit: Unit, stack: readonly string[]): Expansion => {
    const done = expansions.get(unit);
    if (done) return done;
    const result: Expansion = { steps: [], includes: [] };
    unit.data.steps.forEach((item, i) => {
      if (!('include' in item)) {
        result.steps.push({ step: item, file: unit.file, path: ['steps', i] });
        return;
      }
      const id = item.include;
      const at = ['steps', i, 'include'];
      const part = byId.get(id);
      if (!part) {
        report(unit.file, at, `aucune partie ne porte cet id${didYouMean(id, partIds)}`);
      } else if (part.kind !== 'part') {
        report(
          unit.file,
          at,
          `« ${id} » est un guide : seule une partie (kind: part) peut être incluse`,
        );
      } else if (stack.includes(id)) {
        const loop = [...stack.slice(stack.indexOf(id)), id].join(' → ');
        report(unit.file, at, `inclusion en boucle : ${loop}`);
      } else if (result.includes.includes(part)) {
        report(unit.file, at, `la partie « ${id} » est déjà incluse plus haut`);
      } else {
        result.includes.push(part);
        for (const p of expand(part, [...stack, id]).steps) {
          // Parts that include parts can multiply steps: stop one past the limit (reported below).
          if (result.steps.length > MAX_STEPS) break;
          result.steps.push({ ...p, step: prefixed(p.step, id), via: ['steps', i] });
        }
      }
    });
    expansions.set(unit, result);
    return result;
  };

  for (const unit of units) {
    const { steps } = expand(unit, [unit.data.id]);
    if (steps.length > MAX_STEPS) {
      report(
        unit.file,
        ['steps'],
        `trop d’étapes avec les parties incluses : plus de ${MAX_STEPS} (${MAX_STEPS} au plus)`,
      );
    }
    for (const { step, via } of steps) {
      if (via && step.id.length > MAX_ID_LENGTH) {
        report(
          unit.file,
          via,
          `l’id « ${step.id} » est trop long avec le nom de la partie : ${MAX_ID_LENGTH} caractères au plus`,
        );
        break;
      }
    }
    const ids = steps.map((p) => p.step.id);
    for (const { step, file, path, via } of steps) {
      // Included steps were checked in their own file.
      if (via || step.next === undefined || ids.includes(step.next)) continue;
      report(
        file,
        [...path, 'next'],
        `next « ${step.next} » ne correspond à aucune étape${didYouMean(step.next, ids)}`,
      );
    }
    if (unit.kind !== 'guide') continue;
    const last = steps.at(-1);
    if (last?.step.optional) {
      const why =
        'la dernière étape ne peut pas être facultative : c’est elle qui dit que la démarche est finie';
      if (last.via) report(unit.file, last.via, `l’étape « ${last.step.id} » : ${why}`);
      else report(unit.file, [...last.path, 'optional'], why, true);
    }
    for (const p of unreachable(steps)) {
      const why = 'aucune étape n’y mène et elle n’a pas de « on »';
      if (p.via)
        report(unit.file, p.via, `l’étape « ${p.step.id} » n’est jamais atteinte : ${why}`);
      else report(unit.file, p.path, `étape jamais atteinte : ${why}`);
    }
  }

  const texts = new Map<Unit, Map<string, GuideText>>();
  for (const t of translations) {
    const unit = units.find((u) => u.file.id === t.file.id && u.file.folder === t.file.folder);
    if (!unit) {
      if (written.has(`${t.file.folder}/${t.file.id}`)) continue;
      report(
        t.file,
        [],
        `traduction sans guide : il n’y a pas de « ${t.file.id}.yaml » dans ce dossier`,
      );
      continue;
    }
    const ids = expand(unit, [unit.data.id]).steps.map((p) => p.step.id);
    for (const id of Object.keys(t.data.steps ?? {})) {
      if (ids.includes(id)) continue;
      report(
        t.file,
        ['steps', id],
        `cette étape n’existe pas dans le guide en français${didYouMean(id, ids)}`,
        true,
      );
    }
    if (unit.kind === 'part') {
      for (const key of ['goal', 'prepare'] as const) {
        if (t.data[key] !== undefined)
          report(t.file, [key], `une partie n’a pas de « ${key} »`, true);
      }
    }
    let data = t.data;
    if (unit.kind === 'guide' && data.prepare && data.prepare.length !== unit.data.prepare.length) {
      if (data.fr !== undefined && data.fr !== headStamp(unit.data)) {
        // Made from an older French list (its stamp says so): the French list shows until it
        // is translated again, and the coverage report lists it « à revoir ».
        const { prepare: _older, ...rest } = data;
        data = rest;
      } else {
        report(
          t.file,
          ['prepare'],
          `« prepare » doit avoir ${unit.data.prepare.length} élément(s), comme en français`,
        );
      }
    }
    const byLang = texts.get(unit) ?? new Map<string, GuideText>();
    byLang.set(t.lang, toGuideText(data));
    texts.set(unit, byLang);
  }

  // A part's translations follow it into the guides that include it, in the languages the
  // guide itself is translated into (a guide is not offered in a language for one part only).
  const i18nMemo = new Map<Unit, Record<string, GuideText>>();
  const i18nOf = (unit: Unit): Record<string, GuideText> => {
    const memo = i18nMemo.get(unit);
    if (memo) return memo;
    const result: Record<string, GuideText> = {};
    i18nMemo.set(unit, result);
    for (const [lang, t] of texts.get(unit) ?? []) result[lang] = { ...t, steps: { ...t.steps } };
    for (const part of expand(unit, [unit.data.id]).includes) {
      for (const [lang, t] of Object.entries(i18nOf(part))) {
        if (unit.kind === 'guide' && !result[lang]) continue;
        const steps = ((result[lang] ??= {}).steps ??= {});
        for (const [id, s] of Object.entries(t.steps ?? {})) steps[`${part.data.id}.${id}`] ??= s;
      }
    }
    return result;
  };

  const guides: Guide[] = [];
  const parts: Part[] = [];
  for (const unit of units) {
    const steps = expand(unit, [unit.data.id]).steps.map((p) => p.step);
    const i18n = i18nOf(unit);
    const translated = Object.keys(i18n).length > 0;
    const { id, site, title } = unit.data;
    if (unit.kind === 'part') {
      parts.push({ id, site, title, steps, ...(translated ? { i18n } : {}) });
      continue;
    }
    const { goal, duration, prepare, start, source } = unit.data;
    guides.push({
      id,
      site,
      title,
      goal,
      ...(duration !== undefined ? { duration } : {}),
      prepare,
      start,
      source,
      steps,
      ...(translated ? { i18n } : {}),
    });
  }
  const layouts = units.map((unit): UnitLayout => {
    const { kind, file, data } = unit;
    return { kind, file, data, steps: expand(unit, [unit.data.id]).steps };
  });
  return { guides, parts, layouts };
}
