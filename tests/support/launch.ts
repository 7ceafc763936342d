/**
 * Starts real Chromium with the built extension and the practice pages served under the real
 * host names. Shared by the e2e tests, the demo and the benchmark.
 */
import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
// @ts-expect-error plain JavaScript module shared with the practice server
import { PRACTICE_URL_RE, resolveFixture } from '../fixtures/serve-core.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, '../..');
export const EXTENSION_PATH = path.join(ROOT, '.output/chrome-mv3');
export const ARTIFACTS = path.join(ROOT, 'artifacts');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Fixed by manifest.key in development and test builds. */
export const EXTENSION_ID = 'oimokpdpikpepbdcchndmflfkdcadjfj';

export function chromiumArgs(extensionPath = EXTENSION_PATH): string[] {
  return [
    `--disable-extensions-except=${extensionPath}`,
    `--load-extension=${extensionPath}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--lang=fr-FR',
  ];
}

type Resolved = {
  status: number;
  contentType: string;
  body: string | Buffer;
  headers?: Record<string, string>;
};

/** Answers every request to the practice domains from tests/fixtures. */
export async function servePractice(context: BrowserContext) {
  await context.route(PRACTICE_URL_RE, (route) => {
    const r = resolveFixture(route.request().url()) as Resolved;
    return route.fulfill({
      status: r.status,
      contentType: r.contentType,
      body: r.body,
      headers: r.headers,
    });
  });
}

export interface LaunchOptions {
  userDataDir?: string;
  headless?: boolean;
  extensionPath?: string;
  /** Extra environment for the browser (a headed one needs DISPLAY: see display.ts). */
  env?: Record<string, string>;
  /** Leave the first-run page the extension opens on install (closed by default). */
  keepWelcome?: boolean;
}

/** The first-run page the extension opens once installed, when it shows up in time. */
export async function welcomePage(context: BrowserContext, timeout = 10_000): Promise<Page | null> {
  const until = Date.now() + timeout;
  while (Date.now() < until) {
    const page = context.pages().find((p) => p.url().endsWith('/welcome.html'));
    if (page) return page;
    await new Promise((r) => setTimeout(r, 100));
  }
  return null;
}

export async function launch(opts: LaunchOptions = {}): Promise<BrowserContext> {
  const userDataDir = opts.userDataDir ?? mkdtempSync(path.join(tmpdir(), 'pap-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: opts.headless ?? true,
    args: chromiumArgs(opts.extensionPath),
    viewport: { width: 1280, height: 800 },
    locale: 'fr-FR',
    ...(opts.env ? { env: { ...process.env, ...opts.env } } : {}),
  });
  await servePractice(context);
  // Tests start from a quiet browser: the first-run page has its own test (first-run.spec.ts).
  // A profile given again may have it installed already: a shorter wait then.
  if (!opts.keepWelcome)
    await (await welcomePage(context, opts.userDataDir ? 2000 : 10_000))?.close();
  return context;
}

export async function serviceWorkerOf(context: BrowserContext): Promise<Worker> {
  const [sw] = context.serviceWorkers();
  return sw ?? context.waitForEvent('serviceworker');
}

/** The browser's tab id of a page, asked to the extension's service worker. */
export async function tabIdOf(context: BrowserContext, page: Page): Promise<number> {
  const sw = await serviceWorkerOf(context);
  const marker = `pap-${Math.random().toString(36).slice(2)}`;
  await page.evaluate((m) => (document.title = `${document.title}␟${m}`), marker);
  try {
    const id = await sw.evaluate(async (m) => {
      for (let i = 0; i < 50; i++) {
        const tabs = await chrome.tabs.query({});
        const tab = tabs.find((t) => t.title?.includes(m));
        if (tab?.id !== undefined) return tab.id;
        await new Promise((r) => setTimeout(r, 100));
      }
      return null;
    }, marker);
    if (id === null) throw new Error(`no tab for ${page.url()}`);
    return id;
  } finally {
    await page
      .evaluate((m) => (document.title = document.title.replace(`␟${m}`, '')), marker)
      .catch(() => undefined);
  }
}

/** Opens the side panel page for a tab, as the browser's side panel shows it. */
export async function openPanel(
  context: BrowserContext,
  tabId: number,
  extensionId = EXTENSION_ID,
): Promise<Page> {
  const panel = await context.newPage();
  await panel.setViewportSize({ width: 420, height: 900 });
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tabId=${tabId}`);
  return panel;
}
