/**
 * Limits of what a guide file may hold, checked by `guides:check` and by the loader (also when
 * it runs in the extension, for the live preview). They keep a file's cost bounded before and
 * after parsing, and match what the messages between the extension's parts can carry
 * (core/messaging/schemas.ts; a unit test keeps the two in step).
 */

/** Largest guide file, in bytes of UTF-8. The bundled guides are under 10 KB. */
export const MAX_GUIDE_FILE_BYTES = 256 * 1024;

/** Deepest nesting of blocks and lists. A guide needs about 7 levels (steps → on → present → …). */
export const MAX_YAML_DEPTH = 32;

/**
 * How far `*alias` copies may multiply (the `yaml` package's `maxAliasCount`): reusing a block
 * a few times is fine, an alias of aliases of aliases (« billion laughs ») is not.
 */
export const MAX_YAML_ALIAS_COUNT = 100;

/** Steps in one guide or part once its includes are expanded: a message carries index ≤ 500. */
export const MAX_STEPS = 500;

/** Longest guide or step id, a part's prefix included: a message carries ids of ≤ 200 characters. */
export const MAX_ID_LENGTH = 200;

/** Bytes of a text once written as UTF-8, without copying it. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}
