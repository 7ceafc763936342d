import { createContext, useContext } from 'react';
import type { Send } from '../core/messaging/client';

/**
 * How the extension pages talk to the background. The pages provide the real client; unit
 * tests provide a stub, so components never reach for browser globals themselves.
 */
export const SendContext = createContext<Send>(() =>
  Promise.reject(new Error('no message transport')),
);

export function useSend(): Send {
  return useContext(SendContext);
}
