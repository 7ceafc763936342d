/**
 * The one message protocol between the content script, the background and the extension pages.
 * Each message names who may send it; the background router checks the sender and validates
 * `data` with the schema before any handler runs.
 */
import * as z from 'zod/mini';
import { GuideSchema, HowSchema, LanguageSchema, LocatorSchema, ModeSchema } from '../guides/model';
import { MAX_FILE_BYTES, MAX_NOTES_PAGE } from '../progress/limits';
import { schemas, SettingsSchema } from './schemas';

export * from './envelope';

const { id, tabId, index } = schemas;

/**
 * Who may send a message: a content script in a tab of a known site, an extension page, or the
 * authoring page only (it alone may hand the background a guide to run).
 */
export type Origin = 'content' | 'extension' | 'authoring';

export const requests = {
  // ── content script → background ─────────────────────────────────────────
  /** A recognised page loaded or changed route. */
  'page:seen': { from: 'content', data: z.object({ href: z.string().check(z.maxLength(4096)) }) },
  /** Whether the current step's target was found on the page. */
  'step:found': {
    from: 'content',
    data: z.object({
      guideId: id,
      stepIndex: index,
      found: z.boolean(),
      /** Found, but only by a later locator of the step's list (the first one missed). */
      fallback: z.optional(z.boolean()),
    }),
  },
  /** The page shows the step is done (or the person went ahead): move the guide. */
  'step:moved': {
    from: 'content',
    data: z.object({ guideId: id, from: index, to: index, finished: z.boolean() }),
  },
  /** The person asked to open the side panel from the in-page offer. */
  'panel:open': { from: 'content', data: z.object({}) },
  /**
   * What the page remembers for the sender's site (see PagePrefs): « Plus tard » for today,
   * the step bar folded or moved. Only the fields given change.
   */
  'page:prefs': {
    from: 'content',
    data: z.object({
      later: z.optional(z.boolean()),
      barFolded: z.optional(z.boolean()),
      barTop: z.optional(z.boolean()),
    }),
  },
  /** The in-page UI's words in a language other than French (the page script bundles only French). */
  'page:strings': { from: 'content', data: z.object({ language: LanguageSchema }) },
  /** Glossary terms present on the page (ids only). */
  'glossary:found': {
    from: 'content',
    data: z.object({ termIds: z.array(id).check(z.maxLength(1000)) }),
  },

  /** The glossary terms of the sender's site (without definitions), to mark on the page. */
  'glossary:terms': { from: 'content', data: z.object({}) },
  /** The plain definition of one glossary term, for the tooltip. */
  'glossary:define': { from: 'content', data: z.object({ termId: id }) },

  // ── extension pages (side panel, options) → background ──────────────────
  'tab:get': { from: 'extension', data: z.object({ tabId }) },
  'guide:start': {
    from: 'extension',
    data: z.object({
      tabId,
      guideId: id,
      mode: ModeSchema,
      stepIndex: z.optional(index),
      /** Carry on with the guide's unfinished session instead of starting a new one. */
      resume: z.optional(z.boolean()),
    }),
  },
  'guide:goto': { from: 'extension', data: z.object({ tabId, stepIndex: index }) },
  'guide:stop': { from: 'extension', data: z.object({ tabId }) },
  'guide:mode': { from: 'extension', data: z.object({ tabId, mode: ModeSchema }) },
  'step:how': {
    from: 'extension',
    data: z.object({ tabId, stepId: id, how: HowSchema }),
  },
  // Local progress (extension pages only: nothing personal ever goes to a content script).
  'progress:guide': { from: 'extension', data: z.object({ guideId: id }) },
  'progress:active': { from: 'extension', data: z.object({}) },
  'note:add': {
    from: 'extension',
    data: z.object({
      guideId: id,
      /** The tab whose running session the note belongs to, if any. */
      tabId: z.optional(tabId),
      stepId: z.optional(id),
      text: z.string().check(z.maxLength(2000)),
    }),
  },
  'note:delete': { from: 'extension', data: z.object({ id: z.number().check(z.int(), z.gte(1)) }) },
  /** The next page of a guide's notes, older than `before` (the last note shown). */
  'notes:page': {
    from: 'extension',
    data: z.object({
      guideId: id,
      before: z.object({
        at: z.number().check(z.gte(0)),
        id: z.number().check(z.int(), z.gte(1)),
      }),
      limit: z.optional(z.number().check(z.int(), z.gte(1), z.lte(MAX_NOTES_PAGE))),
    }),
  },
  /** How many notes a guide has (for « Mes données »; the panel does without). */
  'notes:count': { from: 'extension', data: z.object({ guideId: id }) },
  'data:export': { from: 'extension', data: z.object({}) },
  'data:import': {
    from: 'extension',
    data: z.object({
      // The same limit as the export and the data page's file check: what is saved comes back.
      text: z.string().check(z.maxLength(MAX_FILE_BYTES)),
      mode: z.enum(['replace', 'merge']),
    }),
  },
  /** Erases everything: the page asks for a clear confirmation, and says so here. */
  'data:erase': { from: 'extension', data: z.object({ confirm: z.literal('EFFACER') }) },
  'data:cleanup': { from: 'extension', data: z.object({}) },
  /**
   * « Terminer pour cette personne » on a shared computer: every guide stops, and her progress,
   * notes and aidant's contact are erased from this browser. Confirmed like `data:erase`.
   */
  'data:forget': { from: 'extension', data: z.object({ confirm: z.literal('EFFACER') }) },

  // ── authoring kit (« Je rédige des guides »; refused while the setting is off) ──
  /** The recorder in the page: a click or a field the author moved through (never a value). */
  'authoring:step': {
    from: 'content',
    data: z.object({
      kind: z.enum(['click', 'fill']),
      target: z.array(LocatorSchema).check(z.minLength(1), z.maxLength(6)),
      name: z.string().check(z.maxLength(200)),
      appeared: z.boolean(),
    }),
  },
  /** The open tabs of known sites, to work on. */
  'authoring:tabs': { from: 'authoring', data: z.object({}) },
  /** Starts the element picker in a tab. */
  'authoring:pick': { from: 'authoring', data: z.object({ tabId }) },
  /** Starts or stops recording in a tab; stopping gives the recording. */
  'authoring:record': { from: 'authoring', data: z.object({ tabId, on: z.boolean() }) },
  /** Runs a guide file checked by the authoring page on a tab, until the browser closes. */
  'authoring:preview': { from: 'authoring', data: z.object({ tabId, guide: GuideSchema }) },
  /** Whether each step of the previewed guide finds its target on the tab's page now. */
  'authoring:probe': { from: 'authoring', data: z.object({ tabId }) },
  'authoring:drift': { from: 'authoring', data: z.object({}) },
  'authoring:drift-clear': { from: 'authoring', data: z.object({}) },
  /** The guide in preview with this id, for the side panel (it is not among the bundled ones). */
  'guide:preview': { from: 'extension', data: z.object({ guideId: id }) },

  'settings:get': { from: 'extension', data: z.object({}) },
  /** Changes some settings; the others stay as they are. */
  'settings:set': { from: 'extension', data: z.partial(SettingsSchema) },
} as const satisfies Record<string, { from: Origin; data: z.ZodMiniType }>;

export type RequestType = keyof typeof requests;
export type RequestData<K extends RequestType> = z.infer<(typeof requests)[K]['data']>;

export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };
