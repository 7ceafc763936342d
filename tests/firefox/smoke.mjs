// Firefox smoke test: install the Firefox build (MV3) as a temporary add-on in firefox-esr,
// driven over WebDriver BiDi, and check that the content script recognises a practice page
// served by the local practice server, marks its glossary words, and follows a single-page
// app's route change: with the Navigation API, then with it switched off by a preference, as
// on the Firefox versions before it (there the content script polls the address).
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

/** Firefox with the extension installed; `prefs` are extra Firefox preferences. */
async function firefox(prefs) {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    headless: true,
    ...(prefs ? { extraPrefsFirefox: prefs } : {}),
  });
  const id = await browser.installExtension(extension);
  console.log(`installed ${id}`);
  return browser;
}

/**
 * Waits for an element inside our shadow root. Polled on a timer: puppeteer's waitForSelector
 * watches the document's mutations, which do not include those inside a shadow root.
 */
async function inUi(page, selector) {
  await page.waitForFunction(
    (sel) => document.querySelector('pas-a-pas-ui')?.shadowRoot?.querySelector(sel),
    { timeout: 20000, polling: 100 },
    selector,
  );
  return page.$(`pas-a-pas-ui >>> ${selector}`);
}

/** The guide titles the in-page offer lists. */
function offerGuides(page) {
  return page.$$eval('pas-a-pas-ui >>> [data-testid="pap-offer"] li', (lis) =>
    lis.map((li) => li.textContent ?? ''),
  );
}

/**
 * The France Travail practice space is a single-page app: its own script calls pushState. The
 * offer lists the guides that fit the address, so it changes only if the change was heard.
 */
async function followsRoute(browser, how) {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${port}/candidat.francetravail.fr/espacepersonnel/`);
  const hasNavigation = await page.evaluate(() => 'navigation' in window);
  await inUi(page, '[data-testid="pap-offer"] li');
  const before = await offerGuides(page);
  if (!before.some((t) => /paiements/i.test(t)))
    throw new Error(`the personal space's offer misses the payments guide: ${before.join(', ')}`);
  await page.$$eval('a[data-route]', (links) =>
    links.find((a) => /actualiser/i.test(a.textContent ?? ''))?.click(),
  );
  await page.waitForFunction(() => location.pathname.includes('/candidat/actualisation/'));
  await page.waitForFunction(
    () => {
      const host = document.querySelector('pas-a-pas-ui');
      const items = host?.shadowRoot?.querySelectorAll('[data-testid="pap-offer"] li') ?? [];
      const titles = [...items].map((li) => li.textContent ?? '');
      return titles.length > 0 && !titles.some((t) => /paiements/i.test(t));
    },
    { timeout: 20000, polling: 100 },
  );
  const after = await offerGuides(page);
  console.log(
    `ok - Firefox follows a pushState route change ${how} (navigation in the page: ${hasNavigation}): ${after.join(', ')}`,
  );
  await page.close();
  return hasNavigation;
}

let browser = await firefox();
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1200, height: 800 });
  await page.goto(`http://127.0.0.1:${port}/www.caf.fr/`);
  const offer = await inUi(page, '[data-testid="pap-offer"]');
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

  if (!(await followsRoute(browser, 'with the Navigation API')))
    throw new Error('this Firefox has no Navigation API: the next check proves nothing new');
  await browser.close();
  browser = await firefox({ 'dom.navigation.webidl.enabled': false });
  if (await followsRoute(browser, 'without the Navigation API (address polled)'))
    throw new Error('the Navigation API could not be switched off');
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
