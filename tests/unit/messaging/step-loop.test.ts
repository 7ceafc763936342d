/**
 * Every message one finished step costs, counted on the real pieces: the background handlers
 * behind the router, the page's controller on a small DOM, and the side panel's hook.
 *
 * Before pushes carried the state, the same step cost 6 messages until both sides showed it
 * (step:moved, a state:changed echo to the page, a bare tab:changed, then tab:get asked and
 * answered, the step:moved reply) and 11 in all (the page's step:found brought another
 * tab:changed and tab:get).
 */
import path from 'node:path';
import { act, renderHook } from '@testing-library/react';
import { Window } from 'happy-dom';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createBackground } from '../../../core/background/handlers';
import { memoryStore } from '../../support/memory-store';
import type { Guide } from '../../../core/guides/model';
import { PageController, type PageOverlay } from '../../../core/in-page/controller';
import { createClient } from '../../../core/messaging/client';
import type { Envelope } from '../../../core/messaging/protocol';
import { createRouter, type Sender } from '../../../core/messaging/router';
import { recognise } from '../../../core/sites/recognise';
import { loadGuidesFromDir } from '../../../tools/guides/load-fs';
import { usePanel } from '../../../hooks/use-panel';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const EXT = fakeBrowser.runtime.id;
const TAB = 9;
const GUIDE = 'caf-declaration-trimestrielle';
/** The login page: step 2 (« Se connecter ») is done when the number field shows up. */
const LOGIN = 'https://connect.caf.fr/connexionappli/dist/#/login';

let guides: Guide[];
beforeAll(() => {
  guides = loadGuidesFromDir(path.join(ROOT, 'guides')).guides;
});

interface Sent {
  to: 'background' | 'page' | 'panel';
  kind: 'request' | 'reply' | 'push';
  type: string;
  data: unknown;
}

/** What one side now shows of the guide: the step, once a message has told it. */
function stepIn(m: Sent): number | null {
  const d = m.data as Record<string, unknown> | null;
  const value = (d && 'value' in d ? d.value : d) as Record<string, unknown> | null | undefined;
  const state = value?.state as { stepIndex?: number } | undefined;
  if (m.to === 'page' && state && typeof state.stepIndex === 'number') return state.stepIndex;
  const active = value?.active as { stepIndex?: number } | undefined;
  if (m.to === 'panel' && active && typeof active.stepIndex === 'number') return active.stepIndex;
  return null;
}

function harness() {
  const log: Sent[] = [];
  let page: PageController | null = null;
  // What the content script's runtime.onMessage listener does.
  const deliverToPage = (message: Envelope) => page?.receive(message);
  const bg = createBackground({
    guides,
    glossary: [],
    session: memoryStore(),
    local: memoryStore(),
    allowPractice: false,
    push: async (tabId, type, data) => {
      log.push({ to: 'page', kind: 'push', type, data });
      if (tabId === TAB) deliverToPage({ pap: 1, type, data });
    },
    broadcast: async (type, data) => {
      log.push({ to: 'panel', kind: 'push', type, data });
      await fakeBrowser.runtime.onMessage.trigger({ pap: 1, type, data }, { id: EXT });
    },
    openPanel: async () => true,
  });
  const route = createRouter(bg.handlers, {
    extensionId: EXT,
    extensionOrigin: `chrome-extension://${EXT}/`,
    isSiteUrl: (url) => recognise(url, false) !== null,
  });
  const transport = (from: Sender, to: 'page' | 'panel') => async (message: Envelope) => {
    log.push({ to: 'background', kind: 'request', type: message.type, data: message.data });
    const reply = await route(message, from);
    log.push({ to, kind: 'reply', type: message.type, data: reply });
    return reply;
  };
  const pageSender: Sender = { id: EXT, url: LOGIN, frameId: 0, tab: { id: TAB, url: LOGIN } };
  const panelSender: Sender = { id: EXT, url: `chrome-extension://${EXT}/sidepanel.html` };

  const win = new Window({ url: LOGIN });
  const doc = win.document as unknown as Document;
  const main = doc.createElement('main');
  const button = doc.createElement('button');
  button.textContent = 'Se connecter';
  main.append(button);
  doc.body.append(main);
  const shown: number[] = [];
  const overlay: PageOverlay = {
    showStepBar: (n: number) => void shown.push(n - 1),
    highlight: () => undefined,
    clearHighlight: () => undefined,
    showNotFound: () => undefined,
    showOffer: () => undefined,
    removeCard: () => undefined,
    setBarPrefs: () => undefined,
  };
  page = new PageController({
    doc,
    send: createClient(transport(pageSender, 'page')),
    overlay,
    allowPractice: false,
    setTimeout: (fn, ms) => window.setTimeout(fn, ms),
    clearTimeout: (id) => window.clearTimeout(id),
    onSettings: () => undefined,
  });
  const panelSend = createClient(transport(panelSender, 'panel'));
  return { log, page, doc, win, panelSend, shown };
}

/** Lets every message, reply and render that is under way finish. */
async function settle(log: Sent[]) {
  for (let quiet = 0, seen = -1; quiet < 20;) {
    await act(async () => {
      await new Promise((r) => setTimeout(r, 0));
    });
    if (log.length === seen) quiet++;
    else {
      seen = log.length;
      quiet = 0;
    }
  }
}

afterEach(() => {
  fakeBrowser.reset();
});

describe('the step loop', () => {
  it('one finished step costs 3 messages until the page and the panel show the next, 5 in all', async () => {
    window.history.replaceState(null, '', `/sidepanel.html?tabId=${TAB}`);
    const x = harness();
    const { result, unmount } = renderHook(() => usePanel(x.panelSend));
    await x.page.pageSeen();
    await act(async () => {
      await result.current.act(() =>
        x.panelSend('guide:start', { tabId: TAB, guideId: GUIDE, mode: 'alone', stepIndex: 1 }),
      );
    });
    await settle(x.log);
    expect(result.current.info?.active?.stepIndex).toBe(1);

    // The person clicks « Se connecter »: the number field appears, the page sees step 2 done.
    x.log.length = 0;
    const label = x.doc.createElement('label');
    label.htmlFor = 'nir';
    label.textContent = 'Numéro de sécurité sociale';
    const field = x.doc.createElement('input');
    field.id = 'nir';
    x.doc.querySelector('main')!.replaceChildren(label, field);
    x.page.refresh();
    await settle(x.log);

    const pageAt = x.log.findIndex((m) => stepIn(m) === 2 && m.to === 'page');
    const panelAt = x.log.findIndex((m) => stepIn(m) === 2 && m.to === 'panel');
    expect(Math.max(pageAt, panelAt) + 1).toBe(3);
    expect(x.log.map((m) => `${m.to} ${m.kind} ${m.type}`).sort()).toEqual(
      [
        'background request step:moved',
        'page reply step:moved', // the new state: the page shows it at once
        'panel push tab:changed', // the tab's new state: the panel shows it at once
        'background request step:found', // the page found the new target
        'page reply step:found',
      ].sort(),
    );
    expect(result.current.info?.active?.stepIndex).toBe(2);
    expect(x.shown.at(-1)).toBe(2);
    unmount();
    x.win.close();
  });
});
