import { describe, expect, it } from 'vitest';
import { createClient, MessageError, type Transport } from '../../../core/messaging/client';
import type { Envelope } from '../../../core/messaging/protocol';

function fakeTransport(reply: unknown) {
  const sent: Envelope[] = [];
  const transport: Transport = async (m) => {
    sent.push(m);
    return reply;
  };
  return { transport, sent };
}

describe('createClient', () => {
  it('sends an envelope and unwraps an ok reply', async () => {
    const { transport, sent } = fakeTransport({ ok: true, value: { opened: true } });
    const send = createClient(transport);
    await expect(send('panel:open', {})).resolves.toEqual({ opened: true });
    expect(sent).toEqual([{ pap: 1, type: 'panel:open', data: {} }]);
  });

  it('unwraps a null value (not mistaken for no reply)', async () => {
    const send = createClient(fakeTransport({ ok: true, value: null }).transport);
    await expect(
      send('step:found', { guideId: 'g', stepIndex: 0, found: true }),
    ).resolves.toBeNull();
  });

  it('throws a MessageError with the error of an ok:false reply', async () => {
    const send = createClient(fakeTransport({ ok: false, error: 'refused: subframe' }).transport);
    const err = await send('glossary:terms', {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MessageError);
    expect((err as MessageError).message).toBe('refused: subframe');
    expect((err as MessageError).name).toBe('MessageError');
  });

  it('throws a MessageError when nobody answers', async () => {
    for (const reply of [undefined, null, 'text', 3, { value: 1 }]) {
      const send = createClient(fakeTransport(reply).transport);
      const err = await send('settings:get', {}).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(MessageError);
      expect((err as Error).message).toBe('no reply to settings:get');
    }
  });

  it('lets a transport failure through', async () => {
    const send = createClient(() => Promise.reject(new Error('Receiving end does not exist.')));
    await expect(send('settings:get', {})).rejects.toThrow('Receiving end does not exist.');
  });
});
