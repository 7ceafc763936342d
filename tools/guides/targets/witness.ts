/**
 * An address that two wildcard patterns both accept: a step's `on.url` pattern (guide syntax,
 * see core/guides/url-pattern.ts) and a practice route's `url` (routes.json: `*` is any run of
 * characters). The target check opens such an address to see the page of that route as the
 * step would.
 */

type Token = { lit: string } | { star: 'any' | 'host' };

/** A character that may stand in a host: anything but `/`, `?` and `#`. */
function inHost(c: string): boolean {
  return c !== '/' && c !== '?' && c !== '#';
}

/** Filler for a part both patterns leave open. */
const FILL = 'x';

function stepTokens(pattern: string): Token[] {
  const out: Token[] = [];
  let rest = pattern;
  // The guide syntax's leading `*.` is one or more host characters.
  if (rest.startsWith('*.')) {
    out.push({ star: 'host' });
    rest = rest.slice(1);
  }
  for (const c of rest) out.push(c === '*' ? { star: 'any' } : { lit: c });
  return out;
}

function routeTokens(pattern: string): Token[] {
  return [...pattern].map((c): Token => (c === '*' ? { star: 'any' } : { lit: c }));
}

interface Node {
  i: number;
  j: number;
  /** The host star has taken at least one character (or there is none). */
  h: boolean;
}

/**
 * The shortest address matched by both patterns, or null when they have none in common. A
 * breadth-first walk over pairs of positions (0–1 costs: a character costs one, leaving a star
 * costs nothing), so it takes at most (|step| + 1) × (|route| + 1) × 2 states.
 */
export function commonAddress(stepPattern: string, routePattern: string): string | null {
  const a = stepTokens(stepPattern);
  const b = routeTokens(routePattern);
  const id = (n: Node) => (n.i * (b.length + 1) + n.j) * 2 + (n.h ? 1 : 0);
  const first = a[0];
  const start: Node = { i: 0, j: 0, h: !(first && 'star' in first && first.star === 'host') };
  const startId = id(start);
  const from = new Map<number, { prev: number; char: string; cost: number }>();
  from.set(startId, { prev: -1, char: '', cost: 0 });
  const nodes = new Map<number, Node>([[startId, start]]);
  // Deque of the 0–1 breadth-first search: free moves in front, characters at the back.
  const deque: number[] = [startId];
  const done = new Set<number>();

  let cost = 0;
  const visit = (n: Node, prev: number, char: string, free: boolean) => {
    const k = id(n);
    const c = cost + (free ? 0 : 1);
    const known = from.get(k);
    if (known && known.cost <= c) return;
    from.set(k, { prev, char, cost: c });
    nodes.set(k, n);
    if (free) deque.unshift(k);
    else deque.push(k);
  };

  while (deque.length) {
    const k = deque.shift()!;
    if (done.has(k)) continue;
    done.add(k);
    const n = nodes.get(k)!;
    cost = from.get(k)!.cost;
    const ta = a[n.i];
    const tb = b[n.j];
    if (!ta && !tb && n.h) {
      let out = '';
      for (let at = k; at !== startId;) {
        const step = from.get(at)!;
        out = step.char + out;
        at = step.prev;
      }
      return out;
    }
    // Leave a star (free).
    if (ta && 'star' in ta && (ta.star === 'any' || n.h)) visit({ ...n, i: n.i + 1 }, k, '', true);
    if (tb && 'star' in tb) visit({ ...n, j: n.j + 1, h: n.h }, k, '', true);
    if (!ta || !tb) continue;
    if ('lit' in ta && 'lit' in tb) {
      if (ta.lit === tb.lit) visit({ i: n.i + 1, j: n.j + 1, h: n.h }, k, ta.lit, false);
    } else if ('lit' in ta) {
      // The route's star takes the step's character.
      visit({ i: n.i + 1, j: n.j, h: n.h }, k, ta.lit, false);
    } else if ('lit' in tb) {
      // The step's star takes the route's character (a host star only a host character).
      if (ta.star === 'any' || inHost(tb.lit)) {
        visit({ i: n.i, j: n.j + 1, h: ta.star === 'host' ? true : n.h }, k, tb.lit, false);
      }
    } else if (ta.star === 'host' && !n.h) {
      // Both open: a host star must still take something.
      visit({ i: n.i, j: n.j, h: true }, k, FILL, false);
    }
  }
  return null;
}

/**
 * Addresses in common between a step pattern and a route, shortest first. The shortest one
 * may belong to an earlier, narrower route (`www.caf.fr/` before `www.caf.fr/*`): the other
 * ones fill the route's stars with a character each, so that some reach the route itself.
 * The caller keeps those that the practice server really answers with the route's page.
 */
export function commonAddresses(stepPattern: string, routePattern: string): string[] {
  const variants = [routePattern];
  const stars = [...routePattern].flatMap((c, i) => (c === '*' ? [i] : []));
  const withFill = (at: readonly number[]) =>
    [...routePattern].map((c, i) => (at.includes(i) ? `${FILL}*` : c)).join('');
  if (stars.length) variants.push(withFill(stars));
  if (stars.length > 1) for (const s of stars) variants.push(withFill([s]));
  const out: string[] = [];
  for (const v of variants) {
    const found = commonAddress(stepPattern, v);
    if (found !== null && !out.includes(found)) out.push(found);
  }
  return out;
}
