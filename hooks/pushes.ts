import { useEffect, useEffectEvent } from 'react';
import { browser } from 'wxt/browser';
import { safeParse } from 'zod/mini';
import { EnvelopeSchema, extensionPushes, type PushData } from '../core/messaging/envelope';

type PageAbout = keyof typeof extensionPushes;

/**
 * Calls `onData` with what the background pushes to the extension pages under `type`: only
 * from our own background, and only once it fits the push's schema.
 */
export function usePush<K extends PageAbout>(type: K, onData: (data: PushData<K>) => void) {
  // The latest callback, without adding and removing the listener at every render.
  const deliver = useEffectEvent(onData);
  useEffect(() => {
    const listener = (message: unknown, sender: { id?: string }) => {
      if (sender.id !== browser.runtime.id) return undefined;
      const env = safeParse(EnvelopeSchema, message);
      if (!env.success || env.data.type !== type) return undefined;
      const data = safeParse(extensionPushes[type], env.data.data);
      if (data.success) deliver(data.data as PushData<K>);
      return undefined;
    };
    browser.runtime.onMessage.addListener(listener);
    return () => browser.runtime.onMessage.removeListener(listener);
  }, [type]);
}
