/**
 * Turns the router into a runtime.onMessage listener that answers on every browser we accept.
 *
 * Chrome before 144 ignores a Promise returned by a listener: the only way to answer later is to
 * return `true` and call `sendResponse`. Chrome 144+ and Firefox accept that too, so this one
 * shape serves everywhere (and the in-page bundle needs no polyfill).
 */
import type { Reply } from './protocol';
import type { Sender } from './router';

export type Route = (message: unknown, sender: Sender) => Promise<Reply<unknown>> | undefined;

export type Listener = (
  message: unknown,
  sender: Sender,
  sendResponse: (reply: Reply<unknown>) => void,
) => true | undefined;

const reason = (err: unknown) => (err instanceof Error ? err.message : String(err));

export function listen(route: Route): Listener {
  return (message, sender, sendResponse) => {
    let reply: Promise<Reply<unknown>> | undefined;
    try {
      // Called right away, not after a tick: a handler that opens the side panel needs the
      // click's user gesture, which only lasts while this listener runs.
      reply = route(message, sender);
    } catch (err) {
      // Only our own messages reach a handler, so a throw is ours to answer.
      sendResponse({ ok: false, error: reason(err) });
      return true;
    }
    // Not ours: undefined lets another listener answer.
    if (!reply) return undefined;
    reply.then(sendResponse, (err: unknown) => sendResponse({ ok: false, error: reason(err) }));
    return true;
  };
}
