// Firefox smoke test: install the Firefox build (MV3) as a temporary add-on in firefox-esr,
// driven over WebDriver BiDi, and check that the content script recognises a practice page
// served by the local practice server, and marks its glossary words.
import puppeteer from 'puppeteer-core';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startServer } from '../fixtures/server.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const extension = path.join(root, '.output/firefox-mv3');
const port = 4181;
const result = { passed: 0, failed: 0 };
mkdirSync(path.join(root, 'artifacts'), { recursive: true });

const server = await startServer(port);
const browser = await puppeteer.launch({
  browser: 'firefox',
  executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
  headless: true,
});
try {
  const id = await browser.installExtension(extension);
  console.log(`installed ${id}`);
  const page = await browser.newPage();
  await page.setViewport({ width: 1200, height: 800 });
  await page.goto(`http://127.0.0.1:${port}/www.caf.fr/`);
  const offer = await page.waitForSelector('pas-a-pas-ui >>> [data-testid="pap-offer"]', {
    timeout: 20000,
  });
  const text = await offer.evaluate((el) => el.textContent ?? '');
  if (!/Déclarer mes ressources/.test(text))
    throw new Error(`offer does not name the CAF guide: ${text}`);
  // Glossary words are marked with a CSS Highlight the page can read.
  await page.waitForFunction(() => (CSS.highlights.get('pap-glossary')?.size ?? 0) > 0, {
    timeout: 20000,
  });
  const marked = await page.evaluate(() =>
    [...CSS.highlights.get('pap-glossary')].map((r) =>
      r.startContainer.data.slice(r.startOffset, r.endOffset),
    ),
  );
  if (!marked.some((w) => /^Caf$/i.test(w)))
    throw new Error(`the glossary marks do not include « Caf »: ${marked.join(', ')}`);
  const shot = path.join(root, 'artifacts/firefox-caf-offer.png');
  await page.screenshot({ path: shot });
  console.log(
    `ok - Firefox recognises the CAF practice page and offers: ${text.replace(/\s+/g, ' ').slice(0, 120)}`,
  );
  console.log(
    `ok - Firefox marks ${marked.length} glossary words: ${marked.slice(0, 6).join(', ')}…`,
  );
  console.log(`screenshot: ${shot}`);
  result.passed++;
} catch (err) {
  console.error(`not ok - Firefox smoke test: ${err instanceof Error ? err.message : err}`);
  result.failed++;
} finally {
  await browser.close();
  server.close();
  writeFileSync(path.join(root, 'artifacts/firefox-smoke.json'), JSON.stringify(result));
}
process.exit(result.failed ? 1 : 0);
