/**
 * Text normalisation shared by every locator: guide authors write « Déclarer mes ressources »,
 * pages say "DECLARER  mes ressources" or "Declarer mes ressources" with a non-breaking space.
 * Both must compare equal.
 */
import type { TextMatch } from '../guides/types';

export type { TextMatch };

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
 * A guide's text compared with page text, both normalised. Never a regular expression: this
 * runs in the page, on the page's text, where a bad expression could freeze the tab. A `/…/`
 * text is compared as written, slashes included, so it matches only an element showing those
 * very characters. Patterns are matched by a wildcard walk.
 */
export interface TextMatcher {
  (candidate: string): boolean;
  /** whole: equal; start: begins with; pattern: `*` stands for any run of characters. */
  readonly how: 'whole' | 'start' | 'pattern';
  /** The normalised text (with its `*` for a pattern). */
  readonly text: string;
  /** Normalised words (or word parts) every matching candidate contains: a quick rejection. */
  readonly words: readonly string[];
}

const STAR = 42;

/**
 * Whether `s` matches `p`, where `*` in `p` stands for any run of characters: the wildcard walk
 * of url-pattern.ts, at most (length of s × length of p) steps whatever the pattern.
 */
export function matchWildcard(p: string, s: string): boolean {
  let i = 0;
  let k = 0;
  let afterStar = -1;
  let starK = 0;
  while (k < s.length) {
    const c = i < p.length ? p.charCodeAt(i) : -1;
    if (c === STAR) {
      afterStar = ++i;
      starK = k;
    } else if (c === s.charCodeAt(k)) {
      i++;
      k++;
    } else if (afterStar >= 0) {
      i = afterStar;
      k = ++starK;
    } else {
      return false;
    }
  }
  while (i < p.length && p.charCodeAt(i) === STAR) i++;
  return i === p.length;
}

const NEVER: TextMatcher = Object.assign(() => false, {
  how: 'whole' as const,
  text: '',
  words: [] as string[],
});

function words(text: string): string[] {
  return text.split(/[\s*]+/).filter((w) => w !== '');
}

function compile(spec: TextMatch): TextMatcher {
  if (typeof spec === 'string') {
    const text = normaliseText(spec);
    if (!text) return NEVER;
    const fn = (candidate: string): boolean => normaliseText(candidate) === text;
    return Object.assign(fn, { how: 'whole' as const, text, words: words(text) });
  }
  if (spec && typeof spec === 'object') {
    const o = spec as Record<string, unknown>;
    if (typeof o.start === 'string') {
      const text = normaliseText(o.start);
      if (!text) return NEVER;
      const fn = (candidate: string): boolean => normaliseText(candidate).startsWith(text);
      return Object.assign(fn, { how: 'start' as const, text, words: words(text) });
    }
    if (typeof o.pattern === 'string') {
      const text = normaliseText(o.pattern);
      const parts = words(text);
      if (parts.length === 0) return NEVER;
      const fn = (candidate: string): boolean => matchWildcard(text, normaliseText(candidate));
      return Object.assign(fn, { how: 'pattern' as const, text, words: parts });
    }
  }
  return NEVER;
}

const cache = new Map<string, TextMatcher>();
const CACHE_LIMIT = 1000;

function key(spec: TextMatch): string | null {
  if (typeof spec === 'string') return `=${spec}`;
  if (spec && typeof spec === 'object') {
    const o = spec as Record<string, unknown>;
    if (typeof o.start === 'string') return `^${o.start}`;
    if (typeof o.pattern === 'string') return `*${o.pattern}`;
  }
  return null;
}

/** A predicate for a guide's text value (odd values give a matcher that never matches). */
export function textMatcher(spec: TextMatch): TextMatcher {
  const k = key(spec);
  if (k === null) return NEVER;
  let m = cache.get(k);
  if (!m) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    m = compile(spec);
    cache.set(k, m);
  }
  return m;
}
