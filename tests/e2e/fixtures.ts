import { test as base, type BrowserContext, type Worker } from '@playwright/test';
import path from 'node:path';
import { ARTIFACTS, launch, serviceWorkerOf } from '../support/launch';

export { openPanel, tabIdOf, launch, serviceWorkerOf, EXTENSION_ID } from '../support/launch';

export const test = base.extend<{
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
}>({
  // eslint-disable-next-line no-empty-pattern
  context: async ({}, use) => {
    const context = await launch();
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
