import { test as base, type BrowserContext, type Page, type Worker } from '@playwright/test';
import path from 'node:path';
import { openDisplay, type Display } from '../support/display';
import { ARTIFACTS, launch, serviceWorkerOf } from '../support/launch';

export { openPanel, tabIdOf, launch, serviceWorkerOf, EXTENSION_ID } from '../support/launch';

export const test = base.extend<
  {
    context: BrowserContext;
    /** Headed Chromium, where the real side panel can open (the others are headless). */
    headedContext: BrowserContext;
    serviceWorker: Worker;
    extensionId: string;
  },
  { display: Display }
>({
  // Started only for the tests that use a headed browser, once per worker.
  display: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const display = await openDisplay();
      await use(display);
      await display.close();
    },
    { scope: 'worker' },
  ],
  // eslint-disable-next-line no-empty-pattern
  context: async ({}, use) => {
    const context = await launch();
    await use(context);
    await context.close();
  },
  headedContext: async ({ display }, use) => {
    const context = await launch({ headless: false, env: display.env });
    await use(context);
    await context.close();
  },
  serviceWorker: async ({ context }, use) => {
    await use(await serviceWorkerOf(context));
  },
  extensionId: async ({ serviceWorker }, use) => {
    await use(new URL(serviceWorker.url()).host);
  },
});

export const expect = test.expect;

export function artifact(name: string): string {
  return path.join(ARTIFACTS, name);
}

/**
 * Waits for the in-page script's mark on its own host element: the background has answered
 * for this page and the glossary, when on, has its words. Only then does a missing offer, ring
 * or highlight mean the extension decided not to show it.
 */
export async function firstLookDone(page: Page): Promise<void> {
  await expect(page.locator('pas-a-pas-ui[data-pap-seen]')).toHaveCount(1);
}
