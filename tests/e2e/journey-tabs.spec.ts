/**
 * The panel follows the tab through the browser's own tab events (issue 12, points 1, 4, 10
 * and 11): another site or an unknown page updates it at once, with nothing left of the last
 * site; switching tabs and coming back shows each tab's page; the toolbar button says when
 * the page has a guide; a panel opened in a tab brings the site back; the word list names
 * each reader; the first-run page says who we are not.
 */
import { artifact, expect, launch, openPanel, serviceWorkerOf, tabIdOf, test } from './fixtures';
import { welcomePage } from '../support/launch';

const UNKNOWN = 'https://www.example.org/';

test.beforeEach(async ({ context }) => {
  // Any other site: our page script never runs there, only the tab events can tell.
  await context.route(`${UNKNOWN}**`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: '<!doctype html><html lang="fr"><title>Autre site</title><h1>Un autre site</h1></html>',
    }),
  );
});

test('the panel follows the tab: another tab, an unknown page, and back', async ({ context }) => {
  const caf = await context.newPage();
  await caf.goto('https://www.caf.fr/');
  const cafTab = await tabIdOf(context, caf);
  const panel = await openPanel(context, cafTab);
  await expect(panel.getByTestId('site-name')).toHaveText('Vous êtes sur : Caf');
  await expect(panel.getByTestId('guide-caf-declaration-trimestrielle')).toBeVisible();

  // Another tab, on a page we do not know, comes to the front.
  const other = await context.newPage();
  await other.goto(UNKNOWN);
  await other.bringToFront();
  await expect(panel.getByText('Cette page n’est pas une page que je connais.')).toBeVisible();
  await expect(panel.getByTestId('site-name')).toHaveCount(0);
  await expect(panel.getByTestId('guide-caf-declaration-trimestrielle')).toHaveCount(0);
  await expect(panel.getByTestId('words')).toHaveCount(0);

  // Back to the CAF tab: its page again.
  await caf.bringToFront();
  await expect(panel.getByTestId('site-name')).toHaveText('Vous êtes sur : Caf');
  await expect(panel.getByTestId('guide-caf-declaration-trimestrielle')).toBeVisible();

  // In the same tab, off to an unknown page: the panel says so at once.
  await caf.goto(UNKNOWN);
  await expect(panel.getByText('Cette page n’est pas une page que je connais.')).toBeVisible();
  await expect(panel.getByTestId('site-name')).toHaveCount(0);
  await expect(panel.getByTestId('guide-caf-declaration-trimestrielle')).toHaveCount(0);

  // And on to another known site in that tab.
  await caf.goto('https://www.ameli.fr/assure');
  await expect(panel.getByTestId('site-name')).toHaveText(
    'Vous êtes sur : Assurance Maladie (ameli)',
  );
  // A tab opened for a moment and closed: the panel goes back to the tab it showed before.
  const passing = await context.newPage();
  await passing.goto(UNKNOWN);
  await passing.bringToFront();
  await expect(panel.getByTestId('site-name')).toHaveCount(0);
  await passing.close();
  await expect(panel.getByTestId('site-name')).toHaveText(
    'Vous êtes sur : Assurance Maladie (ameli)',
  );
  await panel.screenshot({ path: artifact('panel-follows-tab.png') });
});

test('a running guide waits while the person is off its site, and nothing of it is offered there', async ({
  context,
}) => {
  const page = await context.newPage();
  await page.goto('https://www.caf.fr/');
  const panel = await openPanel(context, await tabIdOf(context, page));
  await panel.getByTestId('guide-caf-declaration-trimestrielle').click();
  await panel.getByTestId('start').click();
  await expect(panel.getByTestId('step-view')).toBeVisible();
  await page.goto(UNKNOWN);
  await expect(panel.getByTestId('left-site')).toBeVisible();
  await expect(panel.getByTestId('step-view')).toHaveCount(0);
  await expect(panel.getByTestId('site-name')).toHaveCount(0);
  await page.goto('https://www.caf.fr/');
  await expect(panel.getByTestId('step-view')).toBeVisible();
  await expect(panel.getByTestId('site-name')).toHaveText('Vous êtes sur : Caf');
});

test('the toolbar button says when the page has a guide', async ({ context }) => {
  const sw = await serviceWorkerOf(context);
  const page = await context.newPage();
  await page.goto('https://www.caf.fr/');
  const tabId = await tabIdOf(context, page);
  const read = () =>
    sw.evaluate(async (id) => {
      const text = await chrome.action.getBadgeText({ tabId: id });
      const title = await chrome.action.getTitle({ tabId: id });
      return { text, title };
    }, tabId);
  await expect.poll(async () => (await read()).text).toMatch(/^[1-9]$/);
  expect((await read()).title).toMatch(/guide\(s\) pour cette page/);
  await page.goto(UNKNOWN);
  await expect.poll(async () => (await read()).text).toBe('');
  expect((await read()).title).toBe('Pas à pas : pas de guide pour cette page');
});

test('a panel opened in a tab has « Retour au site », which brings the site’s tab forward', async ({
  context,
}) => {
  const page = await context.newPage();
  await page.goto('https://www.caf.fr/');
  const panel = await openPanel(context, await tabIdOf(context, page));
  const sw = await serviceWorkerOf(context);
  const siteTab = await tabIdOf(context, page);
  const activeTab = () =>
    sw.evaluate(async () => (await chrome.tabs.query({ active: true }))[0]?.id ?? null);
  await panel.bringToFront();
  await expect.poll(activeTab).not.toBe(siteTab);
  await panel.getByTestId('back-to-site').click();
  await expect.poll(activeTab).toBe(siteTab);
});

test('the word list names the word each reader reads', async ({ context }) => {
  const page = await context.newPage();
  await page.goto('https://www.caf.fr/');
  const panel = await openPanel(context, await tabIdOf(context, page));
  const words = panel.getByTestId('word');
  await expect(words.first()).toBeVisible();
  const names = await panel
    .getByTestId('words')
    .getByRole('button')
    .evaluateAll((buttons) => buttons.map((b) => b.textContent ?? ''));
  // Headless Chromium may have no speech at all: then there is no reader to name.
  if (names.length) {
    expect(new Set(names).size).toBe(names.length);
    expect(names[0]).toMatch(/^Écouter « .+ »$/);
  }
});

test('the icon is in the manifest, the toolbar and the panel', async ({ context }) => {
  const sw = await serviceWorkerOf(context);
  const manifest = await sw.evaluate(() => chrome.runtime.getManifest());
  expect(manifest.icons).toEqual({
    16: 'icon/16.png',
    32: 'icon/32.png',
    48: 'icon/48.png',
    128: 'icon/128.png',
  });
  expect(manifest.action?.default_icon).toEqual(manifest.icons);
  expect(manifest.commands?._execute_action?.suggested_key).toEqual({ default: 'Alt+Shift+G' });
  const page = await context.newPage();
  await page.goto('https://www.caf.fr/');
  const panel = await openPanel(context, await tabIdOf(context, page));
  await expect(panel.locator('h1 [data-testid="app-icon"]')).toBeVisible();
  // The privacy page is one click away in the settings.
  await panel.getByTestId('open-settings').click();
  await expect(panel.getByTestId('privacy-link')).toHaveAttribute('href', '/privacy.html');
  // Every size is in the build, as a real PNG of that size.
  const sizes = await panel.evaluate(async (icons) => {
    const out: number[] = [];
    for (const file of Object.values(icons)) {
      const img = await createImageBitmap(await (await fetch(`/${file}`)).blob());
      out.push(img.width);
    }
    return out;
  }, manifest.icons!);
  expect(sizes).toEqual([16, 32, 48, 128]);
});

test('on install, the first-run page says plainly who we are not', async () => {
  const context = await launch({ keepWelcome: true });
  try {
    const welcome = await welcomePage(context);
    expect(welcome).not.toBeNull();
    const w = welcome!;
    await expect(w.getByTestId('welcome-not-admin')).toContainText(
      'Pas à pas n’est pas l’administration.',
    );
    await expect(w.getByTestId('welcome-not-seen')).toContainText(
      'Pas à pas ne voit pas ce que vous tapez.',
    );
    await expect(w.getByTestId('welcome-nothing-sent')).toContainText('Pas à pas n’envoie rien.');
    await expect(w.getByTestId('welcome-shortcut')).toContainText('Alt + Maj + G');
    await w.setViewportSize({ width: 1280, height: 800 });
    await w.screenshot({ path: artifact('welcome.png'), fullPage: true });
    const [privacy] = await Promise.all([
      context.waitForEvent('page'),
      w.getByTestId('welcome-privacy-link').click(),
    ]);
    await expect(privacy.getByTestId('privacy')).toContainText('Comment tout effacer');
    await expect(privacy.getByTestId('privacy')).toContainText('180 jours');
    await privacy.screenshot({ path: artifact('privacy.png'), fullPage: true });
    // « J’ai compris » closes the page.
    const closed = w.waitForEvent('close');
    await w.getByTestId('welcome-done').click();
    await closed;
  } finally {
    await context.close();
  }
});
