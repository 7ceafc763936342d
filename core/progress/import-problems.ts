/**
 * Why a data file was not imported. The background says which; the extension pages say it in
 * the person's language, from the locale files. Kept apart from `transfer.ts` so that message
 * types can name it without reaching the database code.
 */
export const IMPORT_PROBLEMS = [
  'too-big',
  'unreadable',
  'not-ours',
  'newer',
  'damaged-list',
  'damaged-file',
  'damaged-session',
  'damaged-step',
  'damaged-note',
] as const;

export type ImportProblem = (typeof IMPORT_PROBLEMS)[number];
