// Finds calls to built-in JavaScript APIs newer than the oldest browsers the manifest accepts.
// Vite lowers syntax to the build target, but it adds no polyfill: a newer method called on an
// older browser throws. A call counts as guarded when the code tests for the method just before
// (`x.name&&`, `typeof x.name`, `"name" in x`) or calls it optionally (`x.name?.(`).

/** First Chrome and Firefox versions with each API. Kept short: what bundles are likely to use. */
export const NEWER_APIS = [
  {
    api: 'Array.prototype.toSorted/toReversed/toSpliced',
    names: ['toSorted', 'toReversed', 'toSpliced'],
    chrome: 110,
    firefox: 115,
  },
  { api: 'Array.prototype.with', names: ['with'], chrome: 110, firefox: 115 },
  {
    api: 'String.prototype.isWellFormed/toWellFormed',
    names: ['isWellFormed', 'toWellFormed'],
    chrome: 111,
    firefox: 119,
  },
  { api: 'AbortSignal.any', names: ['any'], on: 'AbortSignal', chrome: 116, firefox: 124 },
  { api: 'Object.groupBy / Map.groupBy', names: ['groupBy'], chrome: 117, firefox: 119 },
  { api: 'Promise.withResolvers', names: ['withResolvers'], chrome: 119, firefox: 121 },
  { api: 'URL.canParse', names: ['canParse'], chrome: 120, firefox: 115 },
  { api: 'Array.fromAsync', names: ['fromAsync'], chrome: 121, firefox: 115 },
  {
    api: 'Set.prototype.union/intersection/difference/symmetricDifference/isSubsetOf/isSupersetOf/isDisjointFrom',
    names: [
      'union',
      'intersection',
      'difference',
      'symmetricDifference',
      'isSubsetOf',
      'isSupersetOf',
      'isDisjointFrom',
    ],
    chrome: 122,
    firefox: 127,
  },
  { api: 'Iterator helpers', iterator: true, chrome: 122, firefox: 131 },
  { api: 'URL.parse', names: ['parse'], on: 'URL', chrome: 126, firefox: 126 },
  { api: 'Promise.try', names: ['try'], chrome: 128, firefox: 134 },
  { api: 'Error.isError', names: ['isError'], on: 'Error', chrome: 134, firefox: 138 },
  { api: 'RegExp.escape', names: ['escape'], on: 'RegExp', chrome: 136, firefox: 134 },
  {
    api: 'Uint8Array base64/hex',
    names: ['fromBase64', 'fromHex', 'toBase64', 'toHex'],
    chrome: 140,
    firefox: 133,
  },
];

const ITERATOR_CALL =
  /\b(?:Iterator\.from\(|Iterator\.prototype\b|\.(?:keys|values|entries)\(\)\.(?:map|filter|take|drop|flatMap|reduce|toArray|forEach|some|every|find)\()/g;

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether the code tests for `name` shortly before `index` (same expression, roughly). */
function guarded(code, name, index) {
  const before = code.slice(Math.max(0, index - 160), index);
  const n = escape(name);
  return new RegExp(
    `typeof [\\w$.]*\\.${n}\\b|\\.${n}\\s*(?:&&|\\?(?!\\.))|["'\`]${n}["'\`]\\s*in\\b`,
  ).test(before);
}

/**
 * The calls in `code` to APIs newer than the given versions, without a guard.
 * @param {string} code built JavaScript
 * @param {{ chrome?: number, firefox?: number }} min oldest versions accepted
 */
export function auditApis(code, min) {
  const found = [];
  const tooNew = (entry) =>
    (min.chrome !== undefined && entry.chrome > min.chrome) ||
    (min.firefox !== undefined && entry.firefox > min.firefox);
  for (const entry of NEWER_APIS.filter(tooNew)) {
    if (entry.iterator) {
      for (const m of code.matchAll(ITERATOR_CALL)) found.push(hit(code, entry, m.index, m[0]));
      continue;
    }
    const owner = entry.on ? `\\b${escape(entry.on)}` : '';
    const re = new RegExp(`${owner}\\.(${entry.names.map(escape).join('|')})\\s*\\(`, 'g');
    for (const m of code.matchAll(re)) {
      if (!guarded(code, m[1], m.index)) found.push(hit(code, entry, m.index, m[0]));
    }
  }
  return found;
}

function hit(code, entry, index, text) {
  const since = `Chrome ${entry.chrome}, Firefox ${entry.firefox}`;
  const context = code.slice(Math.max(0, index - 60), index + 60).replace(/\s+/g, ' ');
  return { api: entry.api, since, text, index, context };
}
