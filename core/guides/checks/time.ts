/**
 * A target or an address that names a year or a month works one season only: « Avis d'impôt
 * 2025 », « Salaire d'août ». Such words are refused; the step says « la plus récente » or
 * uses `{ pattern: … }` with `*` for what changes.
 *
 * The rule, as guides/README.md gives it:
 * - a year is a whole number from 1990 to 2099 (not part of a longer number or word);
 * - it is a form number, not a year, when « formulaire », « déclaration », « cerfa »,
 *   « imprimé » or « annexe » comes just before it (« n° » may sit between), or « n° » or
 *   « numéro » alone; when a letter or « -lettres » follows it (2042-C, 2042RICI); or when it
 *   is one of the tax forms people name by number alone (2042, 2044, 2047, 2074, 2086).
 *   « Déclaration des revenus 2025 » names a year: a word between them is enough;
 * - a month is one of the twelve French month names, whole word, accents or not.
 */

const YEAR = /(?<![\p{L}\p{N}])(?:199\d|20\d\d)(?![\p{N}])/gu;
const FORM_AFTER = /^(?:\s*-\s*)?\p{L}/u;
const FORM_BEFORE =
  /(?:(?:formulaire|declaration|cerfa|imprime|annexe)\s+(?:(?:n°|nº|numero)\s*)?|(?:n°|nº|numero)\s*)$/u;
const FORM_NUMBERS = new Set(['2042', '2044', '2047', '2074', '2086']);
const MONTHS = [
  'janvier',
  'fevrier',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'aout',
  'septembre',
  'octobre',
  'novembre',
  'decembre',
];
const MONTH = new RegExp(`(?<![\\p{L}])(?:${MONTHS.join('|')})(?![\\p{L}])`, 'u');

/** Lower case without accents, one character for one (indexes stay those of the text). */
function plain(text: string): string {
  let out = '';
  for (const c of text) {
    const lower =
      c.length === 1 ? (c.normalize('NFD')[0] ?? c).toLowerCase() : ' '.repeat(c.length);
    out += lower.length === c.length ? lower : c;
  }
  return out;
}

export interface NamedTime {
  /** As written in the text. */
  word: string;
  kind: 'year' | 'month';
  index: number;
}

/** The first year or month named in a text, or null. */
export function namedTime(text: string): NamedTime | null {
  const folded = plain(text);
  for (const m of folded.matchAll(YEAR)) {
    const i = m.index ?? 0;
    const word = m[0];
    if (FORM_NUMBERS.has(word)) continue;
    if (FORM_AFTER.test(folded.slice(i + word.length))) continue;
    if (FORM_BEFORE.test(folded.slice(Math.max(0, i - 40), i))) continue;
    return { word, kind: 'year', index: i };
  }
  // An address has no spaces: its words are split by / - _ . ? = &.
  const month = MONTH.exec(folded.replace(/[/_.?=&#-]/g, ' '));
  if (month) {
    const word = text.slice(month.index, month.index + month[0].length);
    return { word, kind: 'month', index: month.index };
  }
  return null;
}

export function timeMessage(found: Pick<NamedTime, 'word' | 'kind'>): string {
  const what =
    found.kind === 'year'
      ? `l’année « ${found.word} » change chaque année : ne la nommez pas`
      : `le mois « ${found.word} » change d’une fois à l’autre : ne le nommez pas`;
  return `${what}. Désignez l’élément sans ce mot ({ pattern: … }, avec * à sa place) et dites « la plus récente » dans le texte`;
}
