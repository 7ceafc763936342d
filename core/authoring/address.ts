/**
 * An address as a guide pattern (`host/path` as in guides' `on.url`), for drafts and drift
 * notes. What may identify the person or their file is left out: the query string always, and
 * path segments holding digits or long tokens (a file number, a session key) become `*`.
 */

/** Segments that name a page (`mon-compte`, `declarer`) are kept; the rest is replaced. */
function keep(segment: string): boolean {
  if (segment === '') return true;
  if (/\d/.test(segment)) return false;
  // Long unbroken runs are ids or tokens, not words a site puts in its addresses.
  return segment.length <= 40 && !segment.split(/[-_.]/).some((w) => w.length > 24);
}

function clean(path: string): string {
  return path
    .split('/')
    .map((s) => (keep(s) ? s : '*'))
    .join('/');
}

/**
 * `host/path` with ids replaced by `*`. A hash route (`#/login`, as single-page apps use) is
 * part of the page and kept, cleaned the same way; any other hash and the query are dropped,
 * and then a final `*` lets the pattern match the address with them.
 */
export function addressPattern(url: URL): string {
  const base = `${url.hostname.toLowerCase()}${clean(url.pathname)}`;
  const hash = url.hash;
  const route = /^#!?\//.test(hash) ? hash.split('?')[0]! : '';
  if (!route) return hash !== '' || url.search !== '' ? `${base}*` : base;
  const cut = route.startsWith('#!') ? 3 : 2;
  // The query sits between the path and the hash: a `*` stands for it there.
  const query = url.search !== '' ? '*' : '';
  const tail = hash.length > route.length ? '*' : '';
  return `${base}${query}${route.slice(0, cut)}${clean(route.slice(cut))}${tail}`;
}
