/**
 * The one message protocol between the content script, the background and the extension pages.
 * Each message names who may send it; the background router checks the sender and validates
 * `data` with the schema before any handler runs.
 */
import * as z from 'zod/mini';
import { ActiveStateSchema, HowSchema, ModeSchema, schemas } from './schemas';

const { id, tabId, index } = schemas;

/** Who may send a message: a content script in a tab of a known site, or an extension page. */
export type Origin = 'content' | 'extension';

export const requests = {
  // ── content script → background ─────────────────────────────────────────
  /** A recognised page loaded or changed route. */
  'page:seen': { from: 'content', data: z.object({ href: z.string().check(z.maxLength(4096)) }) },
  /** Whether the current step's target was found on the page. */
  'step:found': { from: 'content', data: z.object({ guideId: id, stepIndex: index, found: z.boolean() }) },
  /** The page shows the step is done (or the person went ahead): move the guide. */
  'step:moved': {
    from: 'content',
    data: z.object({ guideId: id, from: index, to: index, finished: z.boolean() }),
  },
  /** The person asked to open the side panel from the in-page offer. */
  'panel:open': { from: 'content', data: z.object({}) },
  /** Glossary terms present on the page (ids only). */
  'glossary:found': {
    from: 'content',
    data: z.object({ termIds: z.array(id).check(z.maxLength(1000)) }),
  },

  // ── extension pages (side panel, options) → background ──────────────────
  'tab:get': { from: 'extension', data: z.object({ tabId }) },
  'guide:start': {
    from: 'extension',
    data: z.object({ tabId, guideId: id, mode: ModeSchema, stepIndex: z.optional(index) }),
  },
  'guide:goto': { from: 'extension', data: z.object({ tabId, stepIndex: index }) },
  'guide:stop': { from: 'extension', data: z.object({ tabId }) },
  'guide:mode': { from: 'extension', data: z.object({ tabId, mode: ModeSchema }) },
  'step:how': {
    from: 'extension',
    data: z.object({ tabId, stepId: id, how: HowSchema }),
  },
  'settings:get': { from: 'extension', data: z.object({}) },
  'settings:set': {
    from: 'extension',
    data: z.object({
      glossary: z.optional(z.boolean()),
      language: z.optional(z.enum(['fr', 'en', 'ar'])),
      textSize: z.optional(z.number().check(z.gte(100), z.lte(200))),
      retentionDays: z.optional(z.number().check(z.int(), z.gte(0), z.lte(3650))),
    }),
  },
} as const satisfies Record<string, { from: Origin; data: z.ZodMiniType }>;

export type RequestType = keyof typeof requests;
export type RequestData<K extends RequestType> = z.infer<(typeof requests)[K]['data']>;

/** Messages the background pushes: to a tab's content script, or to extension pages. */
export const pushes = {
  /** To a content script: the guide state of its tab changed (null: no guide). */
  'state:changed': z.object({ state: z.nullable(ActiveStateSchema), glossary: z.boolean() }),
  /** To extension pages: something about this tab changed; read it again with tab:get. */
  'tab:changed': z.object({ tabId }),
} as const;

export type PushType = keyof typeof pushes;
export type PushData<K extends PushType> = z.infer<(typeof pushes)[K]>;

/** Every message on the wire is wrapped so that foreign messages are easy to ignore. */
export interface Envelope {
  pap: 1;
  type: string;
  data: unknown;
}

export const EnvelopeSchema = z.object({ pap: z.literal(1), type: z.string(), data: z.unknown() });

export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };
