/**
 * How much of each guide and part is translated, language by language, for `guides:check`.
 * Counted per file, on its own steps (a part is counted once, not inside every guide that
 * includes it). A string counts as translated when the translation has it and was made from
 * the French as it is now: its `fr:` stamp (core/guides/stamp.ts) matches. A translation with
 * no stamp, or an old one, is listed as « à revoir »: it still shows (better than French for
 * the person), but someone must check it against the new French.
 */
import type { Part } from './compile';
import type { Guide, GuideText, Step } from './types';
import { headStamp, stepStamp } from './stamp';

/** The languages every guide is expected in, besides French. */
export const TRANSLATED_LANGUAGES = ['en', 'ar'] as const;

export interface Coverage {
  /** Guide or part id. */
  id: string;
  kind: 'guide' | 'part' | 'glossary';
  lang: string;
  /** French strings translated from the current French. */
  translated: number;
  /** French strings (title, goal, each item to prepare, each step's texts; a term's
   * definition and example). */
  total: number;
  /** Step ids (or `(en-tête)` for title, goal and prepare) with a string not translated. */
  missing: string[];
  /** Step ids (or `(en-tête)`) whose translation was made from other French words. */
  stale: string[];
}

/** The name of the guide's own texts in the lists. */
export const HEAD = '(en-tête)';

const STEP_KEYS = ['title', 'text', 'callout', 'aidant'] as const;

type Unit = {
  id: string;
  kind: 'guide' | 'part';
  head: HeadText;
  steps: Step[];
  i18n?: Record<string, GuideText>;
};
type HeadText = { title: string; goal?: string; prepare?: string[] };

function unitOf(g: Guide | Part, kind: 'guide' | 'part'): Unit {
  const head: HeadText =
    'goal' in g ? { title: g.title, goal: g.goal, prepare: g.prepare } : { title: g.title };
  return { id: g.id, kind, head, steps: g.steps, ...(g.i18n ? { i18n: g.i18n } : {}) };
}

/** The stamps a translation of this guide or part must carry to be up to date. */
export function currentStamps(g: Guide | Part): { head: string; steps: Map<string, string> } {
  const unit = unitOf(g, 'goal' in g ? 'guide' : 'part');
  const own = unit.steps.filter((s) => !s.id.includes('.'));
  return { head: headStamp(unit.head), steps: new Map(own.map((s) => [s.id, stepStamp(s)])) };
}

function coverageOf(unit: Unit, lang: string): Coverage {
  const t = unit.i18n?.[lang];
  const out: Coverage = {
    id: unit.id,
    kind: unit.kind,
    lang,
    translated: 0,
    total: 0,
    missing: [],
    stale: [],
  };

  // The head: title, goal and every item to prepare.
  const head = unit.head;
  const headTotal = 1 + (head.goal !== undefined ? 1 : 0) + (head.prepare?.length ?? 0);
  let headDone = 0;
  if (t?.title !== undefined) headDone++;
  if (head.goal !== undefined && t?.goal !== undefined) headDone++;
  // The checker makes a translated list as long as the French one.
  if (head.prepare?.length && t?.prepare !== undefined) headDone += head.prepare.length;
  tally(out, HEAD, headTotal, headDone, headDone > 0 && t?.fr !== headStamp(head));

  // Only the unit's own steps: included ones (`part.step`) are counted in their part.
  for (const step of unit.steps) {
    if (step.id.includes('.')) continue;
    const s = t?.steps?.[step.id];
    const present = STEP_KEYS.filter((k) => step[k] !== undefined);
    const done = present.filter((k) => s?.[k] !== undefined).length;
    tally(out, step.id, present.length, done, done > 0 && s?.fr !== stepStamp(step));
  }
  return out;
}

function tally(out: Coverage, id: string, total: number, done: number, stale: boolean): void {
  out.total += total;
  if (stale) out.stale.push(id);
  else out.translated += done;
  if (done < total) out.missing.push(id);
}

/** Coverage of every guide and part in each language, guides first, in the order given. */
export function translationCoverage(
  guides: readonly Guide[],
  parts: readonly Part[],
  langs: readonly string[] = TRANSLATED_LANGUAGES,
): Coverage[] {
  const units = [...guides.map((g) => unitOf(g, 'guide')), ...parts.map((p) => unitOf(p, 'part'))];
  return units.flatMap((unit) => langs.map((lang) => coverageOf(unit, lang)));
}

/** The lines `guides:check` prints: one per file and language not fully done, then a total. */
export function formatCoverage(list: readonly Coverage[]): string[] {
  const lines: string[] = [];
  const totals = new Map<string, { translated: number; total: number }>();
  for (const c of list) {
    const sum = totals.get(c.lang) ?? { translated: 0, total: 0 };
    sum.translated += c.translated;
    sum.total += c.total;
    totals.set(c.lang, sum);
    if (c.translated === c.total) continue;
    const notes = [];
    const missing = c.missing.filter((id) => !c.stale.includes(id));
    if (missing.length) notes.push(`à traduire : ${missing.join(', ')}`);
    if (c.stale.length) notes.push(`à revoir (le français a changé) : ${c.stale.join(', ')}`);
    const kind = c.kind === 'part' ? 'partie ' : c.kind === 'glossary' ? 'glossaire ' : '';
    lines.push(
      `traduction ${c.lang} : ${kind}${c.id} ${c.translated}/${c.total} textes${notes.length ? ` ; ${notes.join(' ; ')}` : ''}`,
    );
  }
  const sums = [...totals].map(([lang, s]) => `${lang} ${s.translated}/${s.total}`);
  if (sums.length) lines.push(`traductions : ${sums.join(', ')} textes à jour`);
  return lines;
}
