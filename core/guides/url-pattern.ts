/**
 * URL patterns of guide conditions. A pattern is matched against the page address without its
 * scheme (`host/path?query#hash`): `*` stands for any run of characters and the whole address
 * must match; `/source/flags` is a regular expression tested against the same string.
 */

const REGEX_LITERAL = /^\/(.+)\/([a-z]*)$/s;
/** A lower-case host with at least one dot, optionally `*.` first, then the path. */
const HOST_THEN_PATH = /^(\*\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)+)\//;

/** The parts of a `/source/flags` string, or null when the text is not written that way. */
export function splitRegex(text: string): { source: string; flags: string } | null {
  const m = REGEX_LITERAL.exec(text);
  return m ? { source: m[1] ?? '', flags: m[2] ?? '' } : null;
}

/** Why a `/source/flags` string does not compile, or null when it does (or is plain text). */
export function checkRegex(text: string): string | null {
  const parts = splitRegex(text);
  if (!parts) return null;
  try {
    new RegExp(parts.source, parts.flags);
    return null;
  } catch (e) {
    return `expression régulière invalide « ${text} » : ${(e as Error).message}`;
  }
}

/** What is wrong with the way a pattern is written, or null when it is well formed. */
export function checkUrlPattern(p: string): string | null {
  if (p.trim() === '') return 'le motif d’adresse est vide';
  if (splitRegex(p)) return checkRegex(p);
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

/** The host a well-formed pattern names (without a leading `*.`), or null for a regex. */
export function urlPatternHost(p: string): string | null {
  if (splitRegex(p)) return null;
  return HOST_THEN_PATH.exec(p)?.[2] ?? null;
}

// Step conditions are evaluated on every route change: compile each pattern once.
const compiled = new Map<string, RegExp | null>();

function compile(pattern: string): RegExp | null {
  const parts = splitRegex(pattern);
  if (parts) {
    try {
      // `g` and `y` would make test() remember its last position between calls.
      return new RegExp(parts.source, parts.flags.replace(/[gy]/g, ''));
    } catch {
      return null;
    }
  }
  // A leading `*.` stands for sub-hosts only: it must not reach into the path, or
  // `*.caf.fr/*` would match `other.fr/?.caf.fr/`.
  const subHost = pattern.startsWith('*.');
  const body = (subHost ? pattern.slice(2) : pattern)
    .split('*')
    .map((s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${subHost ? '[^/?#]+\\.' : ''}${body}$`, 's');
}

/** Whether the address key (`host/path?query#hash`) matches the pattern. Never throws. */
export function matchUrlPattern(pattern: string, urlKey: string): boolean {
  let re = compiled.get(pattern);
  if (re === undefined) {
    re = compile(pattern);
    compiled.set(pattern, re);
  }
  return re ? re.test(urlKey) : false;
}
