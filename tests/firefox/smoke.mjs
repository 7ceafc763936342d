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

/**
 * In Firefox a page's button cannot open the sidebar: the offer says how (toolbar button, or
 * the shortcut), its button opens the guide in a tab that a second click brings back instead
 * of opening another, and that tab has « Retour au site ».
 */
async function sidebarOffer(browser, page) {
  const hint = await inUi(page, '[data-testid="pap-sidebar-hint"]');
  const words = await hint.evaluate((el) => el.textContent ?? '');
  if (!/bouton Pas à pas/.test(words) || !/Alt \+ Maj \+ G/.test(words))
    throw new Error(`the offer does not say how to open the sidebar: ${words}`);
  const button = () => page.$('pas-a-pas-ui >>> [data-testid="pap-offer"] .pap-primary');
  const label = await (await button()).evaluate((el) => el.textContent ?? '');
  if (!/onglet/.test(label))
    throw new Error(`the offer's button does not say « onglet »: ${label}`);
  // The tab list may show a new tab's first address (about:blank): ask the page itself.
  const where = (p) => p.evaluate(() => location.href).catch((e) => `? ${e.message}`);
  const panelPages = async () => {
    const found = [];
    for (const p of await browser.pages())
      if ((await where(p)).includes('/sidepanel.html')) found.push(p);
    return found;
  };
  const before = (await browser.pages()).length;
  for (let i = 0; i < 2; i++) {
    await (await button()).click();
    const deadline = Date.now() + 20000;
    while ((await panelPages()).length < 1 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 200));
    await page.bringToFront();
  }
  await new Promise((r) => setTimeout(r, 1000));
  const panels = await panelPages();
  if (panels.length !== 1 || (await browser.pages()).length !== before + 1)
    throw new Error(
      `two clicks opened ${panels.length} guide tabs (one expected): ${(await Promise.all((await browser.pages()).map(where))).join(' ')}`,
    );
  const panel = panels[0];
  await panel.bringToFront();
  await panel.waitForSelector('[data-testid="back-to-site"]', { timeout: 20000 });
  await panel.waitForFunction(
    () => document.querySelector('[data-testid="site-name"]')?.textContent?.includes('Caf'),
    { timeout: 20000, polling: 100 },
  );
  await panel.screenshot({ path: path.join(root, 'artifacts/firefox-panel-tab.png') });
  await panel.click('[data-testid="back-to-site"]');
  await page.waitForFunction(() => document.visibilityState === 'visible', { timeout: 20000 });
  console.log(
    `ok - Firefox: the offer says how to open the sidebar (${words.replace(/\s+/g, ' ')}); two clicks, one guide tab, with « Retour au site »`,
  );
  await panel.close();
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
  await sidebarOffer(browser, page);

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
