/**
 * URL patterns of guide conditions. A pattern is matched against the page address without its
 * scheme (`host/path?query#hash`): `*` stands for any run of characters and the whole address
 * must match; a leading `*.` stands for one or more sub-host labels.
 *
 * Patterns come from contributed files (and, for the live preview, from files loaded at run
 * time), and a page controls its own address. So nothing here builds a RegExp from a pattern:
 * matching is the classic wildcard walk, which needs at most (address length × pattern length)
 * steps whatever the pattern, where a `.*` regular expression can take exponential time.
 * `/…/` regular expressions are refused by the checker (see `looksLikeRegex`); if one reaches
 * the matcher anyway it is taken as plain characters, and no address starts with `/`.
 */

/** A lower-case host with at least one dot, optionally `*.` first, then the path. */
const HOST_THEN_PATH = /^(\*\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)+)\//;

/**
 * Whether a text is written as a `/source/flags` regular expression (flags: letters). Guide
 * files no longer accept them; this only recognises the form, to tell the author.
 */
export function looksLikeRegex(text: string): boolean {
  const last = text.lastIndexOf('/');
  if (!text.startsWith('/') || last < 2) return false;
  for (let i = last + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 97 || c > 122) return false; // a–z
  }
  return true;
}

/** What is wrong with the way a pattern is written, or null when it is well formed. */
export function checkUrlPattern(p: string): string | null {
  if (p.trim() === '') return 'le motif d’adresse est vide';
  if (looksLikeRegex(p)) {
    return `les expressions régulières ne sont pas acceptées (« ${p} ») : écrivez l’adresse avec « * » pour la partie qui change (ex. www.caf.fr/mon-compte/*) ; pour une page précise, ajoutez « present » ou « absent »`;
  }
  if (/\s/.test(p)) return `le motif d’adresse « ${p} » contient une espace`;
  if (/^[a-z]+:\/\//i.test(p)) {
    return `écrivez le motif sans « ${p.split('//')[0]}// » (ex. www.caf.fr/)`;
  }
  const m = HOST_THEN_PATH.exec(p);
  if (!m) {
    if (HOST_THEN_PATH.test(p.toLowerCase())) {
      return `le nom de site s’écrit en minuscules dans « ${p} »`;
    }
    return `le motif « ${p} » doit commencer par un nom de site suivi de « / » (ex. www.caf.fr/)`;
  }
  return null;
}

/** The host a well-formed pattern names (without a leading `*.`), or null when there is none. */
export function urlPatternHost(p: string): string | null {
  return HOST_THEN_PATH.exec(p)?.[2] ?? null;
}

const SLASH = 47;
const QUESTION = 63;
const HASH = 35;
const STAR = 42;

/** A character that may be part of a host in an address key: anything but `/`, `?` and `#`. */
function inHost(code: number): boolean {
  return code !== SLASH && code !== QUESTION && code !== HASH;
}

/**
 * Whether the address key (`host/path?query#hash`) matches the pattern. Never throws; runs in
 * O(key length × pattern length) time.
 *
 * The walk keeps the pattern and key positions and, for the last `*` seen, where it resumed in
 * the key. On a mismatch the last `*` takes one more character and the walk resumes after it.
 * Earlier stars never need to be revisited: whatever they could take, the last one can take too.
 *
 * A leading `*.` is such a star restricted to host characters (it must not reach into the path,
 * or `*.caf.fr/*` would match `other.fr/?.caf.fr/`) and taking at least one character. It is
 * always the first star, so when it cannot grow, no other star can help and the answer is no.
 */
export function matchUrlPattern(pattern: string, urlKey: string): boolean {
  const m = pattern.length;
  const n = urlKey.length;
  let p = 0;
  let k = 0;
  /** Pattern position just after the last star, or -1 before any star. */
  let starP = -1;
  /** Key position where the last star's match ends. */
  let starK = 0;
  let hostOnly = false;

  if (pattern.startsWith('*.')) {
    if (n === 0 || !inHost(urlKey.charCodeAt(0))) return false;
    p = 1; // on the dot
    k = 1;
    starP = 1;
    starK = 1;
    hostOnly = true;
  }

  while (k < n) {
    const pc = p < m ? pattern.charCodeAt(p) : -1;
    if (pc === STAR) {
      p++;
      starP = p;
      starK = k;
      hostOnly = false;
    } else if (pc === urlKey.charCodeAt(k)) {
      p++;
      k++;
    } else if (starP >= 0 && (!hostOnly || inHost(urlKey.charCodeAt(starK)))) {
      starK++;
      k = starK;
      p = starP;
    } else {
      return false;
    }
  }
  while (p < m && pattern.charCodeAt(p) === STAR) p++;
  return p === m;
}
