/**
 * The stamp of a French text: 8 hex digits that a translation keeps (`fr:`) to say which French
 * words it was made from. When the French changes, the stamp no longer matches and the coverage
 * report lists the translation as one to review. Not a security hash: FNV-1a is short, stable
 * and needs no library.
 */

/** Line breaks and runs of spaces do not change the words (a YAML re-wrap is not a change). */
function normalise(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

export function stampOf(texts: readonly (string | undefined)[]): string {
  // A separator that cannot appear in a normalised text keeps ['a b', ''] apart from ['a', 'b'].
  const joined = texts.map((t) => (t === undefined ? '\u0000' : normalise(t))).join('\u0001');
  let h = 0x811c9dc5;
  for (let i = 0; i < joined.length; i++) {
    h ^= joined.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** The stamp of a step's French texts (title, text, callout, aidant). */
export function stepStamp(step: {
  title: string;
  text: string;
  callout?: string | undefined;
  aidant?: string | undefined;
}): string {
  return stampOf([step.title, step.text, step.callout, step.aidant]);
}

/** The stamp of a guide's or part's own texts (title, goal, what to prepare). */
export function headStamp(head: {
  title: string;
  goal?: string | undefined;
  prepare?: readonly string[] | undefined;
}): string {
  return stampOf([head.title, head.goal, ...(head.prepare ?? [])]);
}
