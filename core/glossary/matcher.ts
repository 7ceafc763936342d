/**
 * Finds glossary terms in page text. It runs in the content script over every text node of big
 * pages, so it is built for speed: no dependencies, one pass over each text, no string made
 * per text (no toLowerCase, normalize or regular expression), only table look-ups on char codes.
 *
 * How it works: every form is "folded" once at compile time (lower case, accents removed,
 * ligatures split, any run of spaces, hyphens or apostrophes made one space) and stored in a
 * trie. The scan folds the text char by char with the same tables and walks the trie from each
 * word start only, keeping the longest form whose end is also a word end. Matches may only
 * start at word starts, so this costs about one look-up per char plus a few steps per word:
 * the same order of work as an Aho-Corasick automaton, with simpler offset handling (the start
 * of a match is the word start itself). Figures: tests/bench/speed.ts (npm run bench).
 */
import type { GlossaryTerm } from './types';

export interface Match {
  /** UTF-16 offsets in the original text: `text.slice(start, end)` is the matched words. */
  start: number;
  end: number;
  termId: string;
}

export interface GlossaryMatcher {
  /** Non-overlapping matches, left to right; the longest form wins at a given start. */
  findAll(text: string): Match[];
  readonly termIds: readonly string[];
}

/** What the matcher needs from a term (the content script may ship only this). */
export type MatchableTerm = Pick<GlossaryTerm, 'id' | 'term' | 'forms' | 'acronyms'>;

// ── character tables ────────────────────────────────────────────────────────
// Classes: a letter or digit, a separator (white space, hyphen, apostrophe: all alike),
// an invisible char skipped everywhere (soft hyphen, joiners), a combining accent (part of
// the letter before it, skipped when folding), anything else (punctuation, symbols).
const OTHER = 0;
const WORD = 1;
const SEP = 2;
const SKIP = 3;
const MARK = 4;

/** The folded code of every separator. */
const SPACE = 0x20;
/** Latin-1 and Latin Extended-A are in tables; other chars go through `highClass`. */
const LOW = 0x180;

const CLS = new Uint8Array(LOW);
const FOLD1 = new Uint16Array(LOW);
/** Second folded char for ligatures (œ → oe, æ → ae, ß → ss), else 0. */
const FOLD2 = new Uint16Array(LOW);
/** 1 upper-case letter, 2 lower-case letter, 0 otherwise. */
const CASE = new Uint8Array(LOW);
/** 1 for white space (not hyphens or apostrophes). */
const WHITE = new Uint8Array(LOW);

const SPECIAL_FOLDS: Record<string, string> = {
  œ: 'oe',
  Œ: 'oe',
  æ: 'ae',
  Æ: 'ae',
  ß: 'ss',
  ĳ: 'ij',
  Ĳ: 'ij',
  ø: 'o',
  Ø: 'o',
  đ: 'd',
  Đ: 'd',
  ð: 'd',
  Ð: 'd',
  ł: 'l',
  Ł: 'l',
  ŀ: 'l',
  Ŀ: 'l',
  ħ: 'h',
  Ħ: 'h',
  ı: 'i',
  ſ: 's',
  ŉ: 'n',
  ĸ: 'k',
  ŋ: 'n',
  Ŋ: 'n',
};

(function buildTables(): void {
  // Run once at load time; plain computation, no browser object involved.
  const letter = /\p{L}/u;
  const digit = /\p{N}/u;
  const white = /\s/u;
  for (let c = 0; c < LOW; c++) {
    const ch = String.fromCharCode(c);
    FOLD1[c] = c;
    if (c === 0x27 || c === 0x60 || c === 0xb4 || c === 0x2d) {
      CLS[c] = SEP; // apostrophes (straight, grave, acute used as one) and the hyphen
      FOLD1[c] = SPACE;
    } else if (white.test(ch) || c === 0x85) {
      CLS[c] = SEP;
      WHITE[c] = 1;
      FOLD1[c] = SPACE;
    } else if (c === 0xad) {
      CLS[c] = SKIP; // soft hyphen: invisible, may sit inside any word
    } else if (digit.test(ch)) {
      CLS[c] = WORD;
    } else if (letter.test(ch)) {
      CLS[c] = WORD;
      const lower = ch.toLowerCase();
      CASE[c] = lower !== ch ? 1 : ch.toUpperCase() !== ch ? 2 : 0;
      const folded = SPECIAL_FOLDS[ch] ?? ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
      FOLD1[c] = folded.charCodeAt(0);
      if (folded.length > 1) FOLD2[c] = folded.charCodeAt(1);
    } else if (c < 0x20 || (c >= 0x7f && c < 0xa0)) {
      CLS[c] = SKIP; // control chars
    } else {
      CLS[c] = OTHER;
    }
  }
})();

/** Class of a char outside Latin-1 / Latin Extended-A. */
function highClass(c: number): number {
  if (c < 0x2000) {
    if (c >= 0x300 && c <= 0x36f) return MARK;
    if (c === 0x2bc || c === 0x2bb || c === 0x2b9) return SEP; // modifier letters used as ’
    if (c === 0x1680) return SEP;
    if ((c >= 0x1ab0 && c <= 0x1aff) || (c >= 0x1dc0 && c <= 0x1dff)) return MARK;
    return WORD;
  }
  if (c <= 0x206f) {
    // General punctuation: spaces (incl. narrow no-break), hyphens, quotes, invisibles.
    if (c <= 0x200b || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f) return SEP;
    if (c === 0x2010 || c === 0x2011) return SEP;
    if (c === 0x2018 || c === 0x2019 || c === 0x2032) return SEP;
    if (c === 0x200c || c === 0x200d || c >= 0x2060) return SKIP;
    return OTHER;
  }
  if (c <= 0x2bff) return c >= 0x20d0 && c <= 0x20ff ? MARK : OTHER; // symbols, arrows…
  if (c <= 0x2dff) return WORD;
  if (c <= 0x2e7f) return OTHER;
  if (c === 0x3000) return SEP;
  if (c <= 0x303f && c > 0x3000) return OTHER;
  if (c >= 0xd800 && c <= 0xf8ff) return OTHER; // surrogates (emoji) and private use (icon fonts)
  if (c >= 0xfe00 && c <= 0xfe0f) return SKIP; // variation selectors
  if (c >= 0xfe20 && c <= 0xfe2f) return MARK;
  if (c >= 0xfe30 && c <= 0xfe6f) return OTHER;
  if (c === 0xfeff) return SKIP;
  if (c >= 0xfff0) return OTHER;
  return WORD;
}

function classOf(c: number): number {
  return c < LOW ? (CLS[c] as number) : highClass(c);
}

function isWhite(c: number): boolean {
  if (c < LOW) return WHITE[c] === 1;
  return (
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0x1680 ||
    c === 0x2028 ||
    c === 0x2029
  );
}

/**
 * The key a form is stored under: folded as the scan folds text (case, accents, ligatures),
 * separators made one space, invisible chars dropped, ends trimmed. Two forms with the same key
 * are the same form for the matcher.
 */
export function foldForm(form: string): string {
  let out = '';
  let pendingSpace = false;
  for (let i = 0; i < form.length; i++) {
    const c = form.charCodeAt(i);
    const k = classOf(c);
    if (k === SKIP || k === MARK) continue;
    if (k === SEP) {
      pendingSpace = out.length > 0;
      continue;
    }
    if (pendingSpace) {
      out += ' ';
      pendingSpace = false;
    }
    if (c < LOW) {
      out += String.fromCharCode(FOLD1[c] as number);
      const f2 = FOLD2[c] as number;
      if (f2) out += String.fromCharCode(f2);
    } else {
      out += String.fromCharCode(c);
    }
  }
  return out;
}

/** True when `s` starts with a letter or digit, as every form must (matches start at words). */
export function startsWithWord(s: string): boolean {
  return s.length > 0 && classOf(s.charCodeAt(0)) === WORD;
}

// ── compile ─────────────────────────────────────────────────────────────────

/** Nodes with at least this many children get a direct look-up row (the busy top of the trie). */
const DENSE_MIN = 3;

export function compileGlossary(terms: readonly MatchableTerm[]): GlossaryMatcher {
  const termIds = terms.map((t) => t.id);
  const acronyms: string[] = [];

  // Build: a trie as linked lists in plain number arrays (cheap to grow).
  const firstChild: number[] = [-1];
  const nextSibling: number[] = [-1];
  const label: number[] = [0];
  const outTerm: number[] = [-1];
  const outAcr: number[] = [-1];

  const insert = (key: string, termIndex: number, acronym: number): void => {
    if (!key || classOf(key.charCodeAt(0)) !== WORD) return;
    let node = 0;
    for (let i = 0; i < key.length; i++) {
      const code = key.charCodeAt(i);
      let child = firstChild[node] as number;
      while (child >= 0 && label[child] !== code) child = nextSibling[child] as number;
      if (child < 0) {
        child = label.length;
        label.push(code);
        firstChild.push(-1);
        nextSibling.push(firstChild[node] as number);
        outTerm.push(-1);
        outAcr.push(-1);
        firstChild[node] = child;
      }
      node = child;
    }
    if (outTerm[node] === -1) {
      outTerm[node] = termIndex;
      outAcr[node] = acronym;
    } else if (outTerm[node] === termIndex && acronym === -1) {
      outAcr[node] = -1; // a form of the same term that ignores case covers the acronym
    }
    // Otherwise another term already owns this key: the first one wins (the checker reports it).
  };

  terms.forEach((t, ti) => {
    insert(foldForm(t.term), ti, -1);
    for (const f of t.forms) insert(foldForm(f), ti, -1);
    for (const a of t.acronyms) {
      acronyms.push(a);
      insert(foldForm(a), ti, acronyms.length - 1);
    }
  });

  // Flatten: children of a node side by side; branching nodes also get a dense row indexed
  // by a small alphabet (the folded chars that occur in the glossary).
  const n = label.length;
  const alpha = new Int16Array(LOW).fill(-1);
  let alphaSize = 0;
  for (let i = 1; i < n; i++) {
    const c = label[i] as number;
    if (c < LOW && alpha[c] === -1) alpha[c] = alphaSize++;
  }
  const childStart = new Int32Array(n);
  const childCount = new Int32Array(n);
  const childSym = new Uint16Array(Math.max(1, n - 1));
  const childNode = new Int32Array(Math.max(1, n - 1));
  const denseRow = new Int32Array(n).fill(-1);
  let rows = 0;
  let pos = 0;
  for (let i = 0; i < n; i++) {
    childStart[i] = pos;
    for (let c = firstChild[i] as number; c >= 0; c = nextSibling[c] as number) {
      childSym[pos] = label[c] as number;
      childNode[pos] = c;
      pos++;
    }
    childCount[i] = pos - (childStart[i] as number);
    if (i === 0 || (childCount[i] as number) >= DENSE_MIN) denseRow[i] = alphaSize * rows++;
  }
  const dense = new Int32Array(Math.max(1, alphaSize * rows)).fill(-1);
  for (let i = 0; i < n; i++) {
    const row = denseRow[i] as number;
    if (row < 0) continue;
    const e = (childStart[i] as number) + (childCount[i] as number);
    for (let q = childStart[i] as number; q < e; q++) {
      const sym = childSym[q] as number;
      if (sym < LOW) dense[row + (alpha[sym] as number)] = childNode[q] as number;
    }
  }
  const termOf = Int32Array.from(outTerm);
  const acrOf = Int32Array.from(outAcr);

  const tables: Tables = {
    termIds,
    acronyms,
    childStart,
    childCount,
    childSym,
    childNode,
    denseRow,
    alpha,
    dense,
    termOf,
    acrOf,
  };
  return { findAll: (text) => scan(tables, text), termIds };
}

/** The compiled trie, flat. */
interface Tables {
  termIds: readonly string[];
  acronyms: readonly string[];
  childStart: Int32Array;
  childCount: Int32Array;
  childSym: Uint16Array;
  childNode: Int32Array;
  denseRow: Int32Array;
  alpha: Int16Array;
  dense: Int32Array;
  termOf: Int32Array;
  acrOf: Int32Array;
}

/**
 * The scan: one loop over the text finds word starts; from each, the trie is walked with the
 * folded chars until it has no way on, remembering the longest form that also ends a word.
 * Everything is in one function with local variables: this is the hot path.
 */
function scan(t: Tables, text: string): Match[] {
  const { termIds, acronyms, childStart, childCount, childSym, childNode } = t;
  const { denseRow, alpha, dense, termOf, acrOf } = t;
  let out: Match[] | null = null;
  const n = text.length;
  let prevWord = false;
  let i = 0;
  while (i < n) {
    const c0 = text.charCodeAt(i);
    const k0 = c0 < LOW ? (CLS[c0] as number) : highClass(c0);
    if (k0 !== WORD) {
      if (k0 === MARK) prevWord = true;
      else if (k0 !== SKIP) prevWord = false;
      i++;
      continue;
    }
    if (prevWord) {
      i++;
      continue;
    }
    prevWord = true;

    // Walk the trie from this word start.
    let node = 0;
    let j = i;
    let lastSep = false;
    /** Where the walk first left the word it started in (-1: it never did). */
    let firstSep = -1;
    let bestEnd = -1;
    let bestTerm = -1;
    while (j < n) {
      const c = text.charCodeAt(j);
      let k: number;
      let f1: number;
      let f2 = 0;
      if (c < LOW) {
        k = CLS[c] as number;
        f1 = FOLD1[c] as number;
        f2 = FOLD2[c] as number;
      } else {
        k = highClass(c);
        f1 = k === SEP ? SPACE : c;
      }
      if (k === SKIP || k === MARK) {
        j++;
        continue;
      }
      if (k === SEP) {
        if (lastSep) {
          j++;
          continue; // a run of separators counts as one
        }
        lastSep = true;
        if (firstSep < 0) firstSep = j;
      } else {
        lastSep = false;
      }
      // One or two trie steps (two for a ligature: œ → o, e).
      let sym = f1;
      let then = f2;
      for (;;) {
        const row = denseRow[node] as number;
        if (row >= 0 && sym < LOW) {
          const col = alpha[sym] as number;
          node = col < 0 ? -1 : (dense[row + col] as number);
        } else {
          const s = childStart[node] as number;
          const e = s + (childCount[node] as number);
          let next = -1;
          for (let q = s; q < e; q++) {
            if (childSym[q] === sym) {
              next = childNode[q] as number;
              break;
            }
          }
          node = next;
        }
        if (node < 0 || then === 0) break;
        sym = then;
        then = 0;
      }
      if (node < 0) break;
      j++;
      const term = termOf[node] as number;
      if (term < 0 || k === SEP) continue;
      // A form ends here: the match may take the accents that follow, then must end a word.
      let end = j;
      while (end < n && classOf(text.charCodeAt(end)) === MARK) end++;
      let b = end;
      while (b < n && classOf(text.charCodeAt(b)) === SKIP) b++;
      if (b < n) {
        const kb = classOf(text.charCodeAt(b));
        if (kb === WORD || kb === MARK) continue;
      }
      const acr = acrOf[node] as number;
      if (acr >= 0 && !acronymAt(text, i, end, acronyms[acr] as string)) continue;
      bestEnd = end;
      bestTerm = term;
    }
    if (bestEnd > 0) {
      (out ??= []).push({ start: i, end: bestEnd, termId: termIds[bestTerm] as string });
      i = bestEnd; // the char at `bestEnd` is not part of a word (checked above)
      prevWord = false;
      continue;
    }
    // No term starts here. The chars the walk read in this word are not word starts: go on
    // from where it left the word, or from where it stopped if it never left it.
    i = firstSep >= 0 ? firstSep : j > i ? j : i + 1;
  }
  return out ?? NONE;
}

/** The answer for the many texts with no term (one shared array, never changed). */
const NONE: Match[] = [];
Object.freeze(NONE);

/**
 * An acronym matches only as written (same capitals) and not inside a run of words in
 * capitals: in a heading like « NE PAS OUBLIER », PAS is the word « pas », not the
 * prélèvement à la source.
 */
function acronymAt(text: string, start: number, end: number, acronym: string): boolean {
  if (end - start !== acronym.length) return false;
  for (let q = 0; q < acronym.length; q++) {
    if (text.charCodeAt(start + q) !== acronym.charCodeAt(q)) return false;
  }
  // Neighbour word before, joined by white space only.
  let p = start - 1;
  while (p >= 0 && isWhite(text.charCodeAt(p))) p--;
  if (p < start - 1 && p >= 0 && capsWordAround(text, p, -1)) return false;
  p = end;
  while (p < text.length && isWhite(text.charCodeAt(p))) p++;
  if (p > end && p < text.length && capsWordAround(text, p, 1)) return false;
  return true;
}

/** Whether the word starting (dir 1) or ending (dir -1) at `p` has ≥ 2 capitals and no small letter. */
function capsWordAround(text: string, p: number, dir: 1 | -1): boolean {
  let upper = 0;
  for (let q = p; q >= 0 && q < text.length; q += dir) {
    const c = text.charCodeAt(q);
    const k = classOf(c);
    if (k !== WORD && k !== MARK) break;
    if (c < LOW) {
      const cs = CASE[c];
      if (cs === 2) return false;
      if (cs === 1) upper++;
    }
  }
  return upper >= 2;
}
