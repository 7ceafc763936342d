import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import {
  artifact,
  EXTENSION_ID,
  expect,
  firstLookDone,
  openPanel,
  serviceWorkerOf,
  tabIdOf,
  test,
} from './fixtures';

const HOMES = [
  { site: 'Caf', url: 'https://www.caf.fr/', guide: 'Déclarer mes ressources' },
  {
    site: 'Assurance Maladie (ameli)',
    url: 'https://www.ameli.fr/assure',
    guide: /attestation de droits/i,
  },
  { site: 'France Travail', url: 'https://www.francetravail.fr/', guide: /actualis/i },
  { site: 'impots.gouv.fr', url: 'https://www.impots.gouv.fr/accueil', guide: /revenus/i },
];

for (const home of HOMES) {
  test(`on ${home.site} the offer names its guide and the panel shows the site`, async ({
    context,
  }) => {
    const page = await context.newPage();
    await page.goto(home.url);
    const offer = page.getByTestId('pap-offer');
    await expect(offer).toBeVisible();
    await expect(offer).toContainText(home.guide);
    // The offer lives in our one host element, inside an open shadow root.
    expect(await page.locator('pas-a-pas-ui').count()).toBe(1);
    expect(await page.evaluate(() => !!document.querySelector('pas-a-pas-ui')?.shadowRoot)).toBe(
      true,
    );

    const panel = await openPanel(context, await tabIdOf(context, page));
    await expect(panel.getByTestId('site-name')).toContainText(home.site);
    await expect(panel.getByRole('button', { name: home.guide }).first()).toBeVisible();
  });
}

const PANEL_PAGE = `chrome-extension://${EXTENSION_ID}/sidepanel.html`;

/** The side panels the browser shows for the extension, as its service worker sees them. */
const sidePanels = (sw: Worker) =>
  sw.evaluate(async () =>
    (await chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL' as never] })).map(
      (c) => c.documentUrl,
    ),
  );
/** The addresses of the browser's tabs. */
const tabUrls = (sw: Worker) =>
  sw.evaluate(async () => (await chrome.tabs.query({})).map((t) => t.url ?? ''));

/** Opens caf.fr and puts the keyboard focus on the offer's « Ouvrir le guide » button. */
async function focusOffer(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto('https://www.caf.fr/');
  const open = page.getByTestId('pap-offer').getByRole('button', { name: 'Ouvrir le guide' });
  await expect(open).toBeVisible();
  await open.focus();
  await expect(open).toBeFocused();
  return page;
}

// Headed Chromium (on a virtual screen when there is none, see tests/support/display.ts), as
// people use it: the browser's own side panel opens beside the page. (Headless Chromium 156
// opens one too, but only a headed browser shows it.)
test('Enter on the offer’s button opens the browser’s side panel, and no tab', async ({
  headedContext: context,
}) => {
  const sw = await serviceWorkerOf(context);
  const page = await focusOffer(context);
  expect(await page.evaluate(() => navigator.userAgent)).not.toContain('Headless');
  const tabsBefore = await tabUrls(sw);
  const pagesBefore = context.pages();
  expect(await sidePanels(sw)).toEqual([]);

  await page.keyboard.press('Enter');
  await expect.poll(() => sidePanels(sw)).toEqual([PANEL_PAGE]);
  // The tab fallback runs only when opening the panel failed: the panel is there, so no tab.
  expect(await tabUrls(sw)).toEqual(tabsBefore);
  expect(context.pages()).toEqual(pagesBefore);
});

// Chrome 114 and 115 have sidePanel without open(); headless Chromium opens the side panel like
// a headed one, so that older API is reproduced in the service worker.
test('where sidePanel.open is missing, the offer’s button opens the guide in a tab', async ({
  context,
}) => {
  const sw = await serviceWorkerOf(context);
  const page = await focusOffer(context);
  const tabId = await tabIdOf(context, page);
  await sw.evaluate(() => delete (chrome.sidePanel as { open?: unknown }).open);

  const opened = context.waitForEvent('page');
  await page.keyboard.press('Enter');
  const panelPage = await opened;
  await expect(panelPage).toHaveURL(`${PANEL_PAGE}?tabId=${tabId}`);
  await expect(panelPage.getByTestId('site-name')).toContainText('Caf');
  expect(await sidePanels(sw)).toEqual([]);
});

/** The origins of the script worlds the page gets (a content script runs in its own world). */
async function scriptWorlds(context: BrowserContext, page: Page): Promise<() => string[]> {
  const cdp = await context.newCDPSession(page);
  const origins: string[] = [];
  cdp.on('Runtime.executionContextCreated', (e) => origins.push(e.context.origin));
  await cdp.send('Runtime.enable');
  return () => [...origins];
}

test('an unrelated site gets no content script, no element and no highlight', async ({
  context,
}) => {
  await context.route('https://www.example.org/**', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: '<!doctype html><html lang="fr"><title>Autre site</title><h1>Un autre site</h1><p>Allocataire, RSA, actualisation.</p></html>',
    }),
  );
  const ours = `chrome-extension://${EXTENSION_ID}`;
  const page = await context.newPage();
  const pageWorlds = await scriptWorlds(context, page);
  await page.goto('https://www.example.org/');

  // Our script is never injected here, so it cannot mark that it has looked. The signal comes
  // from a recognised page opened afterwards in another tab: the browser injects a matching
  // script at the latest just after the load event, and example.org's load event had fired
  // before the other page started loading, ran our script and got the background's answer.
  const caf = await context.newPage();
  const cafWorlds = await scriptWorlds(context, caf);
  await caf.goto('https://www.caf.fr/');
  await firstLookDone(caf);
  // Where it runs, our script's world shows (so its absence below means something)…
  expect(cafWorlds()).toContain(ours);
  // …and on the unrelated site there is none, nor anything of ours.
  expect(pageWorlds()).not.toContain(ours);
  expect(await page.locator('pas-a-pas-ui').count()).toBe(0);
  expect(await page.evaluate(() => CSS.highlights.size)).toBe(0);
});

test('after a single-page-app route change the panel suggests that page’s guide, with no page load', async ({
  context,
}) => {
  const page = await context.newPage();
  await page.goto('https://candidat.francetravail.fr/espacepersonnel/');
  const tabId = await tabIdOf(context, page);
  const panel = await openPanel(context, tabId);
  await expect(panel.getByTestId('site-name')).toContainText('France Travail');
  // Both France Travail guides start from the personal space.
  const paiements = panel.getByTestId('guide-ft-mes-paiements');
  const actualisation = panel.getByTestId('guide-ft-actualisation');
  await expect(paiements.locator('.badge')).toBeVisible();
  await expect(actualisation.locator('.badge')).toBeVisible();
  const loads: string[] = [];
  page.on('load', () => loads.push(page.url()));
  await page.bringToFront();
  // The page's own script changes the address with history.pushState: only the Navigation
  // API's events (heard in the content script's isolated world) tell the extension.
  await page
    .getByRole('link', { name: /M.actualiser/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/candidat\/actualisation/);
  // The page was reported again: only the actualisation guide fits its new address.
  await expect(paiements.locator('.badge')).toHaveCount(0);
  await expect(actualisation.locator('.badge')).toBeVisible();
  expect(loads).toEqual([]);
});

test('the side panel passes axe-core (WCAG 2.1 AA) with no violation', async ({ context }) => {
  const page = await context.newPage();
  await page.goto('https://www.caf.fr/');
  const panel = await openPanel(context, await tabIdOf(context, page));
  await expect(panel.getByTestId('site-name')).toBeVisible();
  const lists = await new AxeBuilder({ page: panel })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(
    lists.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`),
  ).toEqual([]);
  await panel.screenshot({ path: artifact('panel-guides-caf.png') });

  // The guide view too.
  await panel.getByTestId('guide-caf-declaration-trimestrielle').click();
  await panel.getByTestId('start').click();
  await expect(panel.getByTestId('step-view')).toBeVisible();
  const step = await new AxeBuilder({ page: panel })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(step.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual(
    [],
  );
  await panel.screenshot({ path: artifact('panel-step-caf.png') });
  await page.screenshot({ path: artifact('page-step-caf.png') });
});
