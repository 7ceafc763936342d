import { describe, expect, it, vi } from 'vitest';
import { requests, type RequestType } from '../../../core/messaging/protocol';
import {
  checkSender,
  createRouter,
  type HandlerContext,
  type Handlers,
  type RouterOptions,
  type Sender,
  waitingFor,
} from '../../../core/messaging/router';
import { recognise } from '../../../core/sites/recognise';

const EXT_ID = 'oimokpdpikpepbdcchndmflfkdcadjfj';
const OPTS: RouterOptions = {
  extensionId: EXT_ID,
  extensionOrigin: `chrome-extension://${EXT_ID}/`,
  isSiteUrl: (url) => recognise(url, false) !== null,
};

/** A content script in the top frame of a tab showing `url`. */
function contentSender(url: string, tabId = 12, frameId = 0): Sender {
  return { id: EXT_ID, url, origin: new URL(url).origin, frameId, tab: { id: tabId, url } };
}

/** The side panel (an extension page, not in a tab). */
const PANEL: Sender = {
  id: EXT_ID,
  url: `chrome-extension://${EXT_ID}/sidepanel.html?tabId=12`,
  origin: `chrome-extension://${EXT_ID}`,
};

/** Every handler records its call and answers with what it received. */
function echoHandlers() {
  const calls: { type: string; data: unknown; ctx: HandlerContext }[] = [];
  const handlers = Object.fromEntries(
    (Object.keys(requests) as RequestType[]).map((type) => [
      type,
      async (data: unknown, ctx: HandlerContext) => {
        calls.push({ type, data, ctx });
        return { type, data, ctx };
      },
    ]),
  ) as unknown as Handlers;
  return { handlers, calls };
}

const msg = (type: string, data: unknown) => ({ pap: 1, type, data });

describe('checkSender', () => {
  it('refuses a message from another extension, whatever it claims', () => {
    expect(
      checkSender('content', { ...contentSender('https://www.caf.fr/'), id: 'another' }, OPTS),
    ).toEqual({ ok: false, error: 'foreign sender' });
    expect(checkSender('extension', { ...PANEL, id: 'another' }, OPTS)).toEqual({
      ok: false,
      error: 'foreign sender',
    });
    // A web page (no extension id at all) is foreign too.
    expect(checkSender('content', { url: 'https://www.caf.fr/', tab: { id: 3 } }, OPTS).ok).toBe(
      false,
    );
  });

  it('accepts a content script in the top frame of a known site and gives its tab', () => {
    expect(
      checkSender('content', contentSender('https://wwwd.caf.fr/wps/myportal/', 42), OPTS),
    ).toEqual({ ok: true, ctx: { tabId: 42, url: 'https://wwwd.caf.fr/wps/myportal/' } });
    // frameId may be missing on some browsers: the tab's address is then used.
    expect(
      checkSender(
        'content',
        { id: EXT_ID, tab: { id: 5, url: 'https://www.ameli.fr/assure' } },
        OPTS,
      ),
    ).toEqual({ ok: true, ctx: { tabId: 5, url: 'https://www.ameli.fr/assure' } });
  });

  it('refuses a content script in a subframe, on an unknown site or outside any tab', () => {
    expect(checkSender('content', contentSender('https://www.caf.fr/', 12, 3), OPTS)).toEqual({
      ok: false,
      error: 'subframe',
    });
    expect(checkSender('content', contentSender('https://www.example.org/'), OPTS)).toEqual({
      ok: false,
      error: 'not a known site',
    });
    expect(checkSender('content', contentSender('https://www.cafe.fr/'), OPTS).ok).toBe(false);
    expect(checkSender('content', PANEL, OPTS)).toEqual({ ok: false, error: 'no tab' });
    expect(checkSender('content', contentSender('https://www.caf.fr/', -1), OPTS)).toEqual({
      ok: false,
      error: 'no tab',
    });
  });

  it('accepts extension messages only from the extension origin', () => {
    expect(checkSender('extension', PANEL, OPTS)).toEqual({ ok: true, ctx: {} });
    // A content script on a site may not send what only extension pages may.
    expect(checkSender('extension', contentSender('https://www.caf.fr/'), OPTS)).toEqual({
      ok: false,
      error: 'not an extension page',
    });
    // An id that merely starts like ours is another origin.
    expect(
      checkSender(
        'extension',
        { id: EXT_ID, url: `chrome-extension://${EXT_ID}x/panel.html` },
        OPTS,
      ).ok,
    ).toBe(false);
    expect(checkSender('extension', { id: EXT_ID }, OPTS).ok).toBe(false);
  });
});

describe('createRouter', () => {
  it('runs the handler with the tab of a content message and wraps its value', async () => {
    const { handlers, calls } = echoHandlers();
    const route = createRouter(handlers, OPTS);
    const reply = await route(
      msg('page:seen', { href: 'https://www.caf.fr/' }),
      contentSender('https://www.caf.fr/', 9),
    );
    expect(reply).toEqual({
      ok: true,
      value: {
        type: 'page:seen',
        data: { href: 'https://www.caf.fr/' },
        ctx: { tabId: 9, url: 'https://www.caf.fr/' },
      },
    });
    expect(calls).toHaveLength(1);
  });

  it('refuses without calling any handler', async () => {
    const { handlers, calls } = echoHandlers();
    const route = createRouter(handlers, OPTS);
    const cases: [unknown, Sender, string][] = [
      [
        msg('page:seen', { href: 'x' }),
        { ...contentSender('https://www.caf.fr/'), id: 'x' },
        'foreign sender',
      ],
      [msg('page:seen', { href: 'x' }), contentSender('https://www.caf.fr/', 1, 2), 'subframe'],
      [msg('page:seen', { href: 'x' }), contentSender('https://example.org/'), 'not a known site'],
      [msg('tab:get', { tabId: 1 }), contentSender('https://www.caf.fr/'), 'not an extension page'],
      [
        msg('data:export', {}),
        contentSender('https://www.impots.gouv.fr/'),
        'not an extension page',
      ],
      [msg('glossary:define', { termId: 'rsa' }), PANEL, 'no tab'],
    ];
    for (const [message, sender, error] of cases) {
      expect(await route(message, sender)).toEqual({ ok: false, error: `refused: ${error}` });
    }
    expect(calls).toEqual([]);
  });

  it('refuses invalid data with "invalid <type>"', async () => {
    const { handlers, calls } = echoHandlers();
    const route = createRouter(handlers, OPTS);
    const site = contentSender('https://www.caf.fr/');
    expect(await route(msg('tab:get', { tabId: -1 }), PANEL)).toEqual({
      ok: false,
      error: 'invalid tab:get',
    });
    expect(await route(msg('tab:get', {}), PANEL)).toEqual({ ok: false, error: 'invalid tab:get' });
    expect(await route(msg('page:seen', { href: 42 }), site)).toEqual({
      ok: false,
      error: 'invalid page:seen',
    });
    expect(await route(msg('page:seen', { href: 'x'.repeat(5000) }), site)).toEqual({
      ok: false,
      error: 'invalid page:seen',
    });
    expect(await route(msg('data:erase', { confirm: 'oui' }), PANEL)).toEqual({
      ok: false,
      error: 'invalid data:erase',
    });
    expect(
      await route(msg('step:moved', { guideId: 'g', from: 0, to: 501, finished: false }), site),
    ).toEqual({ ok: false, error: 'invalid step:moved' });
    expect(calls).toEqual([]);
  });

  it('passes on the parsed data only', async () => {
    const { handlers, calls } = echoHandlers();
    const route = createRouter(handlers, OPTS);
    await route(msg('tab:get', { tabId: 3, extra: 'ignored' }), PANEL);
    expect(calls[0]?.data).toEqual({ tabId: 3 });
  });

  it('answers undefined to messages that are not ours, so other listeners may answer', () => {
    const { handlers, calls } = echoHandlers();
    const route = createRouter(handlers, OPTS);
    expect(route(msg('unknown:type', {}), PANEL)).toBeUndefined();
    // Names from Object.prototype are not message types.
    expect(route(msg('constructor', {}), PANEL)).toBeUndefined();
    expect(route(msg('toString', {}), PANEL)).toBeUndefined();
    expect(route({ pap: 2, type: 'tab:get', data: { tabId: 1 } }, PANEL)).toBeUndefined();
    expect(route({ type: 'tab:get', data: { tabId: 1 } }, PANEL)).toBeUndefined();
    expect(route('hello', PANEL)).toBeUndefined();
    expect(route(null, PANEL)).toBeUndefined();
    expect(calls).toEqual([]);
  });

  it('turns a handler error into { ok: false, error }', async () => {
    const { handlers } = echoHandlers();
    handlers['tab:get'] = vi.fn(async () => {
      throw new Error('boom');
    });
    handlers['settings:get'] = vi.fn(() => Promise.reject('plain reason'));
    const route = createRouter(handlers, OPTS);
    expect(await route(msg('tab:get', { tabId: 1 }), PANEL)).toEqual({ ok: false, error: 'boom' });
    expect(await route(msg('settings:get', {}), PANEL)).toEqual({
      ok: false,
      error: 'plain reason',
    });
  });
});

describe('waitingFor', () => {
  it('holds each handler until its wait is over, except those given none', async () => {
    const { handlers, calls } = echoHandlers();
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    const waiting = waitingFor(handlers, (type) => (type === 'panel:open' ? undefined : gate));
    const held = waiting['settings:get']({}, {});
    const atOnce = waiting['panel:open']({}, { tabId: 3 });
    await Promise.resolve();
    expect(calls.map((c) => c.type)).toEqual(['panel:open']);
    await atOnce;
    open();
    expect(await held).toMatchObject({ type: 'settings:get' });
    expect(calls.map((c) => c.type)).toEqual(['panel:open', 'settings:get']);
    // Every request type is still answered, and the originals do not wait.
    expect(Object.keys(waiting).sort()).toEqual(Object.keys(requests).sort());
    expect(waiting['settings:get']).not.toBe(handlers['settings:get']);
  });
});
