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

/** White space collapsed to single spaces, case and accents kept, not trimmed. */
export function collapsePiece(s: string): string {
  return s.replace(INVISIBLE, '').replace(SPACES, ' ');
}

/** White space collapsed and trimmed, case and accents kept (what a regular expression sees). */
export function collapseSpaces(s: string): string {
  return collapsePiece(s).trim();
}

export interface TextMatcher {
  (candidate: string): boolean;
  /** For plain text: the normalised text a candidate must equal. */
  readonly exact?: string;
  /** For `/pattern/flags`: the compiled expression. */
  readonly regex?: RegExp;
}

const REGEX_SPEC = /^\/(.+)\/([a-z]*)$/s;

function compile(spec: string): TextMatcher {
  const m = REGEX_SPEC.exec(spec);
  if (m) {
    // `g` and `y` make `test` stateful (lastIndex), which would make results depend on history.
    const flags = (m[2] ?? '').replace(/[gy]/g, '');
    let regex: RegExp | null;
    try {
      regex = new RegExp(m[1] ?? '', flags);
    } catch {
      regex = null; // not a valid expression: fall back to plain text below
    }
    if (regex) {
      const fn = (candidate: string): boolean => {
        if (regex.test(candidate)) return true;
        const collapsed = collapseSpaces(candidate);
        if (collapsed !== candidate && regex.test(collapsed)) return true;
        return regex.test(normaliseText(candidate));
      };
      return Object.assign(fn, { regex });
    }
  }
  const exact = normaliseText(spec);
  const fn = (candidate: string): boolean => normaliseText(candidate) === exact;
  return Object.assign(fn, { exact });
}

const cache = new Map<string, TextMatcher>();
const CACHE_LIMIT = 1000;

/**
 * A predicate for a guide's text value. Plain text must equal the whole candidate once both are
 * normalised; `/pattern/flags` is tested (anywhere) on the candidate as is, with its spaces
 * collapsed, and normalised; any of them matching counts.
 */
export function textMatcher(spec: string): TextMatcher {
  let m = cache.get(spec);
  if (!m) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    m = compile(spec);
    cache.set(spec, m);
  }
  return m;
}
