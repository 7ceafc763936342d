/**
 * The demo: Chromium with the built extension, on the practice pages. It opens the CAF
 * practice home page, shows the offer, starts "Déclarer mes ressources du trimestre" and
 * shows the first steps. Without a display it runs headless and writes screenshots.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { ARTIFACTS, launch, openPanel, serviceWorkerOf, tabIdOf } from '../support/launch';

const headless =
  !process.env.DISPLAY || process.env.CI === 'true' || process.argv.includes('--headless');
mkdirSync(ARTIFACTS, { recursive: true });
const shots: string[] = [];
const shot = (name: string) => {
  const file = path.join(ARTIFACTS, name);
  shots.push(file);
  return file;
};

const context = await launch({ headless });
try {
  await serviceWorkerOf(context);
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto('https://www.caf.fr/');
  const offer = page.getByTestId('pap-offer');
  await offer.waitFor({ timeout: 15_000 });
  console.log(`Offre affichée : ${(await offer.innerText()).replace(/\s+/g, ' ')}`);
  await page.screenshot({ path: shot('demo-1-offer.png') });

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

  console.log('\nCaptures d’écran :');
  for (const s of shots) console.log(`  ${s}`);
  if (!headless) {
    console.log('\nLe navigateur reste ouvert : essayez les pages d’entraînement, puis fermez-le.');
    await new Promise<void>((resolve) => context.on('close', () => resolve()));
  }
} finally {
  await context.close().catch(() => undefined);
}
