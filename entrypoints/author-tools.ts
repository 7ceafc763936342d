/**
 * The authoring script: injected by the background into one tab when the author asks for the
 * picker, the recorder or a target check (never listed in the manifest, never loaded
 * otherwise). The logic is in core/authoring/in-page.ts.
 */
import { browser, defineUnlistedScript } from '#imports';
import { AuthorTools } from '../core/authoring/in-page';
import type { AuthorCommand } from '../core/authoring/types';
import { createClient } from '../core/messaging/client';

export default defineUnlistedScript(() => {
  // Injected again on each request: one set of tools per page.
  const here = window as { papAuthorTools?: AuthorTools };
  if (here.papAuthorTools) return;
  const send = createClient((m) => browser.runtime.sendMessage(m));
  const tools = new AuthorTools({
    doc: document,
    record: (step) => void send('authoring:step', step).catch(() => undefined),
    copy: (text) => navigator.clipboard.writeText(text),
  });
  here.papAuthorTools = tools;

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (sender.id !== browser.runtime.id || !message || typeof message !== 'object') return;
    const m = message as Partial<AuthorCommand>;
    if (m.type === 'author:pick') {
      tools.pick();
      sendResponse(null);
    } else if (m.type === 'author:record') {
      tools.record(m.on === true);
      sendResponse(null);
    } else if (m.type === 'author:probe' && Array.isArray(m.steps)) {
      sendResponse(tools.probe(m.steps));
    } else return;
    return true;
  });
});
