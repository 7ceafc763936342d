/**
 * Sizes shared by the background, the message protocol and the extension pages. Kept apart
 * from the database code so that the protocol (also loaded in the page) and the data page can
 * use them without pulling in Dexie.
 */

/**
 * The largest data file, in bytes, that Pas à pas writes (« Enregistrer dans un fichier ») and
 * reads back (« Remettre ce fichier »). One number on both sides, so that every file the export
 * makes can be imported again. Years of ordinary use weigh a few hundred KB; the benchmark's
 * 100,000 short notes weigh 19.6 MB. The file crosses the extension's messaging twice (Chrome
 * caps a message at 64 MiB) and is parsed whole in memory: 20 MB keeps both comfortable.
 *
 * The text of a file is never longer in UTF-16 code units (what `string.length` counts) than
 * the file is in UTF-8 bytes, so a file within this limit also fits the `data:import` message.
 */
export const MAX_FILE_BYTES = 20_000_000;

/** Notes sent and drawn at a time: the newest first, then « Voir les notes plus anciennes ». */
export const NOTES_PAGE_SIZE = 20;
/**
 * The most notes one `notes:page` request may ask for: the older notes on screen are read
 * again in one request when the first page is (see hooks/use-notes.ts).
 */
export const MAX_NOTES_PAGE = 500;

/** Bytes of `text` once written as UTF-8 (what a saved file weighs), without encoding it. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      // A surrogate pair is one character of four bytes; a lone surrogate is written as U+FFFD.
      if (d >= 0xdc00 && d < 0xe000) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}
