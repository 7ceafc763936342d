import { describe, expect, it } from 'vitest';
import { createClient, MessageError } from '../../../core/messaging/client';
import { listen } from '../../../core/messaging/listen';
import { requests, type RequestType } from '../../../core/messaging/protocol';
import { DEFAULT_SETTINGS } from '../../../core/messaging/responses';
import {
  createRouter,
  type HandlerContext,
  type Handlers,
  type RouterOptions,
  type Sender,
} from '../../../core/messaging/router';
import { recognise } from '../../../core/sites/recognise';

const EXT_ID = 'oimokpdpikpepbdcchndmflfkdcadjfj';
const OPTS: RouterOptions = {
  extensionId: EXT_ID,
  extensionOrigin: `chrome-extension://${EXT_ID}/`,
  isSiteUrl: (url) => recognise(url, false) !== null,
};
const PANEL: Sender = {
  id: EXT_ID,
  url: `chrome-extension://${EXT_ID}/sidepanel.html?tabId=12`,
  origin: `chrome-extension://${EXT_ID}`,
};
const CAF: Sender = {
  id: EXT_ID,
  url: 'https://www.caf.fr/',
  frameId: 0,
  tab: { id: 12, url: 'https://www.caf.fr/' },
};

type AnyListener = (
  message: unknown,
  sender: Sender,
  sendResponse: (reply: unknown) => void,
) => unknown;

const PORT_CLOSED = 'The message port closed before a response was received.';

/**
 * runtime.onMessage and runtime.sendMessage as Chrome runs them. A listener answers by calling
 * sendResponse (at once, or later if it returned `true`); before Chrome 144 a Promise it
 * returns is ignored, from 144 on it is the answer. With no answer coming, the sender's
 * promise rejects. A listener that throws answers nothing.
 */
function chromeMessaging({ promiseReplies }: { promiseReplies: boolean }) {
  const listeners: AnyListener[] = [];
  return {
    addListener: (l: AnyListener) => void listeners.push(l),
    sendMessage(message: unknown, sender: Sender): Promise<unknown> {
      return new Promise((resolve, reject) => {
        let answered = false;
        let waiting = false;
        const answer = (fn: () => void) => {
          if (answered) return;
          answered = true;
          fn();
        };
        const sendResponse = (reply: unknown) => answer(() => resolve(reply));
        for (const listener of listeners) {
          let out: unknown;
          try {
            out = listener(message, sender, sendResponse);
          } catch {
            // The browser reports it as an uncaught error; the sender hears nothing from it.
            continue;
          }
          if (out === true) waiting = true;
          else if (promiseReplies && out instanceof Promise) {
            waiting = true;
            out.then(sendResponse, (err: unknown) => answer(() => reject(err)));
          }
        }
        if (!waiting) answer(() => reject(new Error(PORT_CLOSED)));
      });
    },
  };
}

function handlers() {
  const calls: { type: string; ctx: HandlerContext }[] = [];
  const h = Object.fromEntries(
    (Object.keys(requests) as RequestType[]).map((type) => [
      type,
      async (_data: unknown, ctx: HandlerContext) => {
        calls.push({ type, ctx });
        return type === 'settings:get' ? DEFAULT_SETTINGS : null;
      },
    ]),
  ) as unknown as Handlers;
  return { handlers: h, calls };
}

const RULES = [
  { name: 'Chrome before 144 (a returned Promise is ignored)', promiseReplies: false },
  { name: 'Chrome 144+ and Firefox (a returned Promise is the answer)', promiseReplies: true },
];

describe.each(RULES)('background replies on $name', ({ promiseReplies }) => {
  function setup() {
    const runtime = chromeMessaging({ promiseReplies });
    const { handlers: h, calls } = handlers();
    runtime.addListener(listen(createRouter(h, OPTS)) as AnyListener);
    const clientOf = (sender: Sender) => createClient((m) => runtime.sendMessage(m, sender));
    return { runtime, handlers: h, calls, clientOf };
  }

  it('the client gets the handler’s value as its reply', async () => {
    const { clientOf, calls } = setup();
    await expect(clientOf(PANEL)('settings:get', {})).resolves.toEqual(DEFAULT_SETTINGS);
    await expect(clientOf(CAF)('panel:open', {})).resolves.toBeNull();
    expect(calls.map((c) => c.type)).toEqual(['settings:get', 'panel:open']);
    expect(calls[1]!.ctx).toEqual({ tabId: 12, url: 'https://www.caf.fr/' });
  });

  it('a failing handler reaches the client as a MessageError with its reason', async () => {
    const { clientOf, handlers: h } = setup();
    h['settings:get'] = async () => {
      throw new Error('disk full');
    };
    const err = await clientOf(PANEL)('settings:get', {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MessageError);
    expect((err as Error).message).toBe('disk full');
  });

  it('a handler that throws before returning still gets an error reply', async () => {
    const { clientOf, handlers: h } = setup();
    h['settings:get'] = (() => {
      throw new Error('sync failure');
    }) as unknown as Handlers['settings:get'];
    await expect(clientOf(PANEL)('settings:get', {})).rejects.toThrow('sync failure');
  });

  it('a refused sender gets a refusal reply, not silence', async () => {
    const { clientOf, calls } = setup();
    await expect(clientOf(CAF)('settings:get', {})).rejects.toThrow(
      'refused: not an extension page',
    );
    expect(calls).toEqual([]);
  });

  it('leaves a foreign message to another listener', async () => {
    const { runtime, calls } = setup();
    runtime.addListener((message, _sender, sendResponse) => {
      if ((message as { other?: boolean }).other) sendResponse('from the other listener');
      return undefined;
    });
    await expect(runtime.sendMessage({ other: true }, PANEL)).resolves.toBe(
      'from the other listener',
    );
    // With nobody to answer, the sender hears that no reply comes.
    await expect(runtime.sendMessage({ hello: 1 }, PANEL)).rejects.toThrow(PORT_CLOSED);
    expect(calls).toEqual([]);
  });
});

describe('listen', () => {
  it('keeps the channel open (returns true) only for our messages', () => {
    const listener = listen(createRouter(handlers().handlers, OPTS));
    const ignore = () => undefined;
    expect(listener({ pap: 1, type: 'settings:get', data: {} }, PANEL, ignore)).toBe(true);
    expect(listener({ pap: 1, type: 'no:such', data: {} }, PANEL, ignore)).toBeUndefined();
    expect(listener({ type: 'settings:get', data: {} }, PANEL, ignore)).toBeUndefined();
    expect(listener('hello', PANEL, ignore)).toBeUndefined();
  });

  it('runs the handler before the listener returns (the user gesture is still there)', () => {
    const { handlers: h, calls } = handlers();
    listen(createRouter(h, OPTS))({ pap: 1, type: 'panel:open', data: {} }, CAF, () => undefined);
    expect(calls.map((c) => c.type)).toEqual(['panel:open']);
  });
});
