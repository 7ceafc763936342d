import path from 'node:path';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createBackground } from '../../../core/background/handlers';
import { ProgressService } from '../../../core/progress/service';
import { memoryStore } from '../../support/memory-store';
import type { KeyValueStore } from '../../../core/background/tab-state';
import { loadGuidesFromDir } from '../../../tools/guides/load-fs';
import type { Guide, Language } from '../../../core/guides/model';
import { createClient, type Send } from '../../../core/messaging/client';
import { createRouter } from '../../../core/messaging/router';
import type { RequestData, RequestType } from '../../../core/messaging/protocol';
import type { GuideProgress, Responses } from '../../../core/messaging/responses';
import { PapDB } from '../../../core/progress/db';
import { PageShell } from '../../../components/page-shell';

const ROOT = path.resolve(import.meta.dirname, '../../..');

let cached: Guide[] | null = null;
/** The guides bundled with the extension, read from guides/. */
export function bundledGuides(): Guide[] {
  if (cached) return cached;
  const { guides, diagnostics } = loadGuidesFromDir(path.join(ROOT, 'guides'));
  if (diagnostics.length) throw new Error(diagnostics.map((d) => d.message).join('\n'));
  cached = guides;
  return guides;
}

export function cafGuide(): Guide {
  const g = bundledGuides().find((x) => x.id === 'caf-declaration-trimestrielle');
  if (!g) throw new Error('caf-declaration-trimestrielle is missing');
  return g;
}

type Answers = {
  [K in RequestType]?: (data: RequestData<K>) => Responses[K] | Promise<Responses[K]>;
};

/** A message client that answers from `answers` and records every call. */
export function stubSend(answers: Answers) {
  const fn = vi.fn(async (type: RequestType, data: unknown) => {
    const answer = answers[type] as ((d: unknown) => unknown) | undefined;
    if (!answer) throw new Error(`unexpected message ${type}`);
    return answer(data);
  });
  return { send: fn as unknown as Send, calls: fn };
}

/** Renders inside the same frame as the extension pages (strings, message client, guides). */
export function renderPage(
  ui: ReactElement,
  send: Send,
  { lang = 'fr', guides = [] }: { lang?: Language; guides?: Guide[] } = {},
) {
  return render(
    <PageShell send={send} lang={lang} guides={guides}>
      {ui}
    </PageShell>,
  );
}

export function emptyProgress(guideId: string, over: Partial<GuideProgress> = {}): GuideProgress {
  return {
    guideId,
    resume: null,
    lastAloneCount: 0,
    lastStepCount: 0,
    marks: {},
    notes: [],
    moreNotes: null,
    history: { sessions: 0, done: 0, alone: 0, help: 0, aidant: 0 },
    problem: null,
    ...over,
  };
}

let dbCount = 0;
/**
 * The real background (handlers, progress store on fake-indexeddb) behind a message client,
 * so the pages are tested against what the extension really answers.
 */
export function realBackground({
  local = memoryStore(),
  openTabs,
}: { local?: KeyValueStore; openTabs?: () => Promise<number[]> } = {}) {
  dbCount += 1;
  const db = new PapDB(`pap-components-${dbCount}-${Math.random().toString(36).slice(2)}`);
  const bg = createBackground({
    guides: bundledGuides(),
    glossary: [],
    session: memoryStore(),
    local,
    allowPractice: true,
    push: async () => undefined,
    // To the open pages, as the browser would: through runtime.onMessage, from our background.
    broadcast: async (type, data) =>
      void (await fakeBrowser.runtime.onMessage.trigger(
        { pap: 1, type, data },
        { id: fakeBrowser.runtime.id },
      )),
    openPanel: async () => false,
    ...(openTabs ? { openTabs } : {}),
    progress: new ProgressService(db),
  });
  // Through the real router: the data is validated and the sender checked, as in the browser.
  const route = createRouter(bg.handlers, {
    extensionId: 'test-extension',
    extensionOrigin: 'chrome-extension://test-extension/',
    isSiteUrl: () => false,
  });
  const page = { id: 'test-extension', url: 'chrome-extension://test-extension/sidepanel.html' };
  const transport = vi.fn(async (message: unknown) => route(message, page));
  const send = createClient(transport);
  return { send, transport, handlers: bg.handlers, db };
}
