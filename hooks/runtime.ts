import { browser } from 'wxt/browser';
import { createClient } from '../core/messaging/client';

/** The extension pages' message client, over the browser's runtime messaging. */
export const send = createClient((m) => browser.runtime.sendMessage(m));
