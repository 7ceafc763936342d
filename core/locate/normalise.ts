/**
 * Text normalisation shared by every locator: guide authors write « Déclarer mes ressources »,
 * pages say "DECLARER  mes ressources" or "Declarer mes ressources" with a non-breaking space.
 * Both must compare equal.
 */

// Combining marks left by NFD (accents, cedillas…).
const MARKS = /\p{M}+/gu;
// Typographic apostrophes and look-alikes used by French sites.
const APOSTROPHES = /[\u2019\u2018\u02bc\u2032\u0060\u00b4]/g;
// Invisible characters that split words in the markup but not on screen (soft hyphen,
// zero-width spaces and joiners, BOM), and icon-font glyphs (private use area).
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff\ue000-\uf8ff]/g;
// `\s` covers \u00a0, \u202f, \u2009 and the other Unicode spaces.
const SPACES = /\s+/g;
const LIGATURES = /[œæ]/g;

function unligature(ch: string): string {
  return ch === 'œ' ? 'oe' : 'ae';
}

/**
 * Lower case, no accents, one kind of apostrophe, single spaces, but NOT trimmed: the text
 * locator joins the pieces of neighbouring text nodes and needs to know where spaces were.
 */
export function normalisePiece(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFD')
    .replace(MARKS, '')
    .replace(LIGATURES, unligature)
    .replace(APOSTROPHES, "'")
    .replace(INVISIBLE, '')
    .replace(SPACES, ' ');
}

/** The form in which texts are compared: lower case, no accents, `'`, single spaces, trimmed. */
export function normaliseText(s: string): string {
  return normalisePiece(s).trim();
}

/**
 * A guide's text compared with page text. Only plain text: a guide's `/…/` regular expressions
 * are refused by the checker, and none is ever compiled here (this runs in the page, on the
 * page's text, where a bad expression could freeze the tab). Such a text is compared as written,
 * slashes included, so it matches only an element showing those very characters.
 */
export interface TextMatcher {
  (candidate: string): boolean;
  /** The normalised text a candidate must equal. */
  readonly exact: string;
}

function compile(spec: string): TextMatcher {
  const exact = normaliseText(spec);
  const fn = (candidate: string): boolean => normaliseText(candidate) === exact;
  return Object.assign(fn, { exact });
}

const cache = new Map<string, TextMatcher>();
const CACHE_LIMIT = 1000;

/** A predicate for a guide's text value: equal to the whole candidate once both are normalised. */
export function textMatcher(spec: string): TextMatcher {
  let m = cache.get(spec);
  if (!m) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    m = compile(spec);
    cache.set(spec, m);
  }
  return m;
}
