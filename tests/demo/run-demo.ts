/**
 * The demo: Chromium with the built extension, on the practice pages. It opens the CAF
 * practice home page, shows the offer, starts "Déclarer mes ressources du trimestre" and
 * shows the first steps. Without a display it runs headless and writes screenshots.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import {
  ARTIFACTS,
  EXTENSION_ID,
  launch,
  openPanel,
  serviceWorkerOf,
  tabIdOf,
} from '../support/launch';

const headless =
  !process.env.DISPLAY || process.env.CI === 'true' || process.argv.includes('--headless');
mkdirSync(ARTIFACTS, { recursive: true });
const shots: string[] = [];
const shot = (name: string) => {
  const file = path.join(ARTIFACTS, name);
  shots.push(file);
  return file;
};

/** The store listings' screenshots: 1280×800, as the stores ask. */
const STORE = path.join(ARTIFACTS, 'store');
mkdirSync(STORE, { recursive: true });
const W = 1280;
const H = 800;
const PANEL_W = 400;

/**
 * A listing picture as the person sees it: the site on the left and the side panel on the
 * right (the browser's own side panel cannot be captured, so the panel page is set beside it).
 */
async function storeShot(context: BrowserContext, name: string, site: Page, panel: Page | null) {
  const file = path.join(STORE, name);
  shots.push(file);
  if (!panel) {
    await site.setViewportSize({ width: W, height: H });
    await site.screenshot({ path: file });
    return;
  }
  await site.setViewportSize({ width: W - PANEL_W, height: H });
  await panel.setViewportSize({ width: PANEL_W, height: H });
  const left = (await site.screenshot()).toString('base64');
  const right = (await panel.screenshot()).toString('base64');
  const frame = await context.newPage();
  await frame.setViewportSize({ width: W, height: H });
  await frame.setContent(
    `<body style="margin:0;display:flex;background:#fff">` +
      `<img src="data:image/png;base64,${left}" width="${W - PANEL_W}" height="${H}">` +
      `<img src="data:image/png;base64,${right}" width="${PANEL_W}" height="${H}" style="border-left:2px solid #555;box-sizing:border-box">` +
      `</body>`,
  );
  await frame.screenshot({ path: file });
  await frame.close();
  await site.setViewportSize({ width: W, height: H });
}

const context = await launch({ headless });
try {
  await serviceWorkerOf(context);
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto('https://www.caf.fr/');
  const offer = page.getByTestId('pap-offer');
  await offer.waitFor({ timeout: 15_000 });
  console.log(`Offre affichée : ${(await offer.innerText()).replace(/\s+/g, ' ')}`);
  await page.screenshot({ path: shot('demo-1-offer.png') });
  await storeShot(context, '1-offer.png', page, null);

  const tabId = await tabIdOf(context, page);
  const panel = await openPanel(context, tabId);
  await panel.getByTestId('guide-caf-declaration-trimestrielle').click();
  await panel.getByTestId('start').click();
  await panel.getByTestId('step-view').waitFor();
  console.log(
    `Guide : ${await panel.getByTestId('step-count').innerText()} — ${await panel.getByTestId('step-title').innerText()}`,
  );

  await page.bringToFront();
  await page.getByTestId('pap-highlight').waitFor({ timeout: 15_000 });
  await page.screenshot({ path: shot('demo-2-step-1.png') });
  await panel.screenshot({ path: shot('demo-3-panel.png') });

  // The person clicks what is circled: the guide moves on by itself.
  await page.getByRole('link', { name: 'Mon Compte' }).first().click();
  await panel
    .getByTestId('step-count')
    .filter({ hasText: /Étape 2/ })
    .waitFor({ timeout: 15_000 });
  await page.getByTestId('pap-highlight').waitFor({ timeout: 15_000 });
  await page.screenshot({ path: shot('demo-4-step-2.png') });
  console.log(
    `Après le clic : ${await panel.getByTestId('step-count').innerText()} — ${await panel.getByTestId('step-title').innerText()}`,
  );

  // Taken once the walk is done: a narrower page may lay itself out differently.
  await storeShot(context, '2-step.png', page, panel);

  // The hard words of a page, explained in the panel.
  const ameli = await context.newPage();
  await ameli.goto('https://www.ameli.fr/assure');
  const words = await openPanel(context, await tabIdOf(context, ameli));
  await words.getByTestId('word').first().waitFor({ timeout: 15_000 });
  await ameli.bringToFront();
  await storeShot(context, '3-words.png', ameli, words);

  // What Pas à pas says of itself on its first run.
  const welcome = await context.newPage();
  await welcome.goto(`chrome-extension://${EXTENSION_ID}/welcome.html`);
  await welcome.getByTestId('welcome').waitFor();
  await storeShot(context, '4-welcome.png', welcome, null);

  console.log('\nCaptures d’écran :');
  for (const s of shots) console.log(`  ${s}`);
  if (!headless) {
    console.log('\nLe navigateur reste ouvert : essayez les pages d’entraînement, puis fermez-le.');
    await new Promise<void>((resolve) => context.on('close', () => resolve()));
  }
} finally {
  await context.close().catch(() => undefined);
}
