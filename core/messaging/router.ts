/**
 * Background side of the protocol: checks who sent a message, validates its data, then calls
 * the handler. Handlers are plain async functions, so tests call them directly too.
 */
import { safeParse } from 'zod/mini';
import {
  EnvelopeSchema,
  requests,
  type Origin,
  type Reply,
  type RequestData,
  type RequestType,
} from './protocol';

/** The parts of runtime.MessageSender the router looks at. */
export interface Sender {
  id?: string;
  url?: string;
  origin?: string;
  frameId?: number;
  tab?: { id?: number; url?: string };
}

export interface HandlerContext {
  /** The sending tab (content-script messages only). */
  tabId?: number;
  /** The sender's page address (content-script messages only). */
  url?: string;
}

export type Handlers = {
  [K in RequestType]: (data: RequestData<K>, ctx: HandlerContext) => Promise<unknown>;
};

/**
 * The same handlers, each first waiting for what `until` gives for its type (nothing: it runs
 * at once). The originals are left as they are.
 */
export function waitingFor(
  handlers: Handlers,
  until: (type: RequestType) => Promise<unknown> | undefined,
): Handlers {
  const out: Partial<Record<RequestType, unknown>> = {};
  for (const type of Object.keys(handlers) as RequestType[]) {
    const handler = handlers[type] as (d: unknown, c: HandlerContext) => Promise<unknown>;
    out[type] = (data: unknown, ctx: HandlerContext) => {
      const wait = until(type);
      return wait ? wait.then(() => handler(data, ctx)) : handler(data, ctx);
    };
  }
  return out as Handlers;
}

export interface RouterOptions {
  extensionId: string;
  /** e.g. chrome-extension://<id>/ */
  extensionOrigin: string;
  /** Whether an address belongs to a site the content script may speak for. */
  isSiteUrl(url: string): boolean;
}

export type SenderCheck = { ok: true; ctx: HandlerContext } | { ok: false; error: string };

/** The one extension page that may hand the background a guide to run. */
export const AUTHORING_PAGE = 'authoring.html';

export function checkSender(from: Origin, sender: Sender, opts: RouterOptions): SenderCheck {
  if (sender.id !== opts.extensionId) return { ok: false, error: 'foreign sender' };
  if (from === 'authoring') {
    const page = (sender.url ?? '').split(/[?#]/)[0];
    return page === `${opts.extensionOrigin}${AUTHORING_PAGE}`
      ? { ok: true, ctx: {} }
      : { ok: false, error: 'not the authoring page' };
  }
  if (from === 'extension') {
    const url = sender.url ?? '';
    return url.startsWith(opts.extensionOrigin)
      ? { ok: true, ctx: {} }
      : { ok: false, error: 'not an extension page' };
  }
  const tabId = sender.tab?.id;
  const url = sender.url ?? sender.tab?.url ?? '';
  if (typeof tabId !== 'number' || tabId < 0) return { ok: false, error: 'no tab' };
  if (sender.frameId !== undefined && sender.frameId !== 0) return { ok: false, error: 'subframe' };
  if (!opts.isSiteUrl(url)) return { ok: false, error: 'not a known site' };
  return { ok: true, ctx: { tabId, url } };
}

/**
 * Returns the reply for one of our messages, or undefined for anything else (so that other
 * listeners may answer it).
 */
export function createRouter(handlers: Handlers, opts: RouterOptions) {
  return (message: unknown, sender: Sender): Promise<Reply<unknown>> | undefined => {
    const envelope = safeParse(EnvelopeSchema, message);
    if (!envelope.success) return undefined;
    const { type, data } = envelope.data;
    if (!Object.hasOwn(requests, type)) return undefined;
    const spec = requests[type as RequestType];
    const who = checkSender(spec.from, sender, opts);
    if (!who.ok) return Promise.resolve({ ok: false, error: `refused: ${who.error}` });
    const parsed = safeParse(spec.data, data);
    if (!parsed.success) return Promise.resolve({ ok: false, error: `invalid ${type}` });
    const handler = handlers[type as RequestType] as (
      d: unknown,
      c: HandlerContext,
    ) => Promise<unknown>;
    return handler(parsed.data, who.ctx).then(
      (value): Reply<unknown> => ({ ok: true, value }),
      (err: unknown): Reply<unknown> => ({
        ok: false,
        error: err instanceof Error ? err.message : String(err),
      }),
    );
  };
}
