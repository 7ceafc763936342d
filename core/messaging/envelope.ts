/**
 * The wire format, and what the background pushes to content scripts and extension pages.
 * Kept apart from the request list so the content script bundles only what it reads.
 */
import * as z from 'zod/mini';
import { ActiveStateSchema, schemas } from './schemas';

const { tabId } = schemas;

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
