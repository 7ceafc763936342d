import AxeBuilder from '@axe-core/playwright';
import { artifact, expect, openPanel, tabIdOf, test } from './fixtures';

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
  test(`recognises ${home.site} and offers its guides`, async ({ context }) => {
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

test('the offer is reachable with the keyboard and opens the guide', async ({ context }) => {
  const page = await context.newPage();
  await page.goto('https://www.caf.fr/');
  const open = page.getByTestId('pap-offer').getByRole('button', { name: 'Ouvrir le guide' });
  await expect(open).toBeVisible();
  await open.focus();
  await expect(open).toBeFocused();
  const opened = context.waitForEvent('page', { timeout: 5000 }).catch(() => null);
  await page.keyboard.press('Enter');
  // Headless Chromium has no side panel to show: the extension then opens the same page in a tab.
  const panelPage = await opened;
  if (panelPage) {
    await expect(panelPage).toHaveURL(/sidepanel\.html\?tabId=\d+/);
    await expect(panelPage.getByTestId('site-name')).toContainText('Caf');
  } else {
    const sw = context.serviceWorkers()[0]!;
    const isOpen = await sw.evaluate(async () => {
      const contexts = await chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL' as never] });
      return contexts.length > 0;
    });
    expect(isOpen).toBe(true);
  }
});

test('an unrelated page gets nothing', async ({ context }) => {
  await context.route('https://www.example.org/**', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: '<!doctype html><html lang="fr"><title>Autre site</title><h1>Un autre site</h1><p>Allocataire, RSA, actualisation.</p></html>',
    }),
  );
  const page = await context.newPage();
  await page.goto('https://www.example.org/');
  // Give the extension every chance to (wrongly) show up.
  await page.waitForTimeout(1500);
  expect(await page.locator('pas-a-pas-ui').count()).toBe(0);
  expect(await page.evaluate(() => CSS.highlights.size)).toBe(0);
});

test('a single-page-app route change is recognised without a reload', async ({ context }) => {
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
