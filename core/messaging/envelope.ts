/**
 * The wire format, and what the background pushes to content scripts and extension pages.
 * Kept apart from the request list so the content script bundles only what it reads.
 */
import * as z from 'zod/mini';
import { PageStateSchema, SettingsSchema, TabInfoSchema } from './schemas';

/**
 * Messages the background pushes. Each one carries the new state it announces, so nobody has
 * to ask again. To a tab's content script (the only list the in-page script bundles):
 */
export const pagePushes = {
  /** Its tab's guide or the settings it follows changed. */
  'state:changed': PageStateSchema,
} as const;

/** To the extension pages. */
export const extensionPushes = {
  /** This tab's state changed. */
  'tab:changed': TabInfoSchema,
  /** Another tab or window came to the front: its state, for the panels that follow it. */
  'tab:focused': z.object({
    windowId: z.number().check(z.int()),
    tab: TabInfoSchema,
  }),
  /** The settings changed (in this page or another one). */
  'settings:changed': SettingsSchema,
} as const;

type Pushes = typeof pagePushes & typeof extensionPushes;
export type PushType = keyof Pushes;
export type PushData<K extends PushType> = z.infer<Pushes[K]>;

/** Every message on the wire is wrapped so that foreign messages are easy to ignore. */
export interface Envelope {
  pap: 1;
  type: string;
  data: unknown;
}

export const EnvelopeSchema = z.object({ pap: z.literal(1), type: z.string(), data: z.unknown() });
