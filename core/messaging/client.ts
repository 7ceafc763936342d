/**
 * Sending side of the protocol, for the content script and extension pages. The transport is
 * passed in (browser.runtime.sendMessage) so this stays free of browser globals.
 */
import type { Envelope, Reply, RequestData, RequestType } from './protocol';
import type { Responses } from './responses';

export type Transport = (message: Envelope) => Promise<unknown>;

export class MessageError extends Error {
  override name = 'MessageError';
}

export function createClient(transport: Transport) {
  return async function send<K extends RequestType>(
    type: K,
    data: RequestData<K>,
  ): Promise<Responses[K]> {
    const reply = (await transport({ pap: 1, type, data })) as Reply<Responses[K]> | undefined;
    if (!reply || typeof reply !== 'object' || !('ok' in reply)) {
      throw new MessageError(`no reply to ${type}`);
    }
    if (!reply.ok) throw new MessageError(reply.error);
    return reply.value;
  };
}

export type Send = ReturnType<typeof createClient>;
