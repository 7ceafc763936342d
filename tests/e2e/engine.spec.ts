/**
 * How the guide behaves on the live page beyond the happy path: a target that is gone, a
 * service worker that was stopped, reduced motion, scrolling and layout changes, the help
 * lines, the FranceConnect route and single-page-app route changes.
 */
import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { artifact, expect, openPanel, tabIdOf, test } from './fixtures';
import { stepNumber } from '../../core/steps/numbering';
import {
  bundledGuides,
  currentStep,
  expectRingAround,
  firstVisible,
  perform,
  stepCount,
  StepCounter,
} from './walk';

const guides = bundledGuides();
const guide = (id: string) => {
  const g = guides.find((x) => x.id === id);
  if (!g) throw new Error(`no guide ${id}`);
  return g;
};
const DECL = guide('caf-declaration-trimestrielle');
const IMPOTS = guide('impots-declarer-revenus');
const ACTU = guide('ft-actualisation');

/** Errors from our pages and from the page's console, kept to assert that nothing threw. */
function collectErrors(context: BrowserContext) {
  const errors: string[] = [];
  context.on('weberror', (e) => errors.push(`weberror: ${e.error().message}`));
  context.on('console', (m) => {
    if (m.type() !== 'error') return;
    // The practice server answers 404 for a few images the pages do not need.
    if (/Failed to load resource/.test(m.text())) return;
    errors.push(`console: ${m.text()} (${m.location().url})`);
  });
  const watch = (page: Page) => page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  return { errors, watch };
}

/** Opens a site page, then the side panel for its tab, and starts a guide there. */
async function startGuide(
  context: BrowserContext,
  url: string,
  guideId: string,
  opts: { before?: (page: Page) => Promise<unknown> } = {},
) {
  const page = await context.newPage();
  await opts.before?.(page);
  await page.goto(url);
  await expect(page.locator('pas-a-pas-ui')).toHaveCount(1);
  const tabId = await tabIdOf(context, page);
  const panel = await openPanel(context, tabId);
  await panel.getByTestId(`guide-${guideId}`).click();
  await panel.getByTestId('start').click();
  await expect(panel.getByTestId('step-view')).toBeVisible();
  await page.bringToFront();
  return { page, panel, tabId };
}

/** The « Mon Compte » link of the caf.fr header (the one a person sees). */
const monCompte = (page: Page) =>
  page.getByRole('link', { name: 'Mon Compte', exact: true }).filter({ visible: true }).first();

test('a target that is gone: the step stays readable, says so calmly, and nothing throws', async ({
  context,
}) => {
  const { errors, watch } = collectErrors(context);
  const { page, panel } = await startGuide(context, 'https://www.caf.fr/', DECL.id);
  watch(page);
  watch(panel);
  const step = DECL.steps[0]!;
  await expectRingAround(page, monCompte(page));

  // The site changed: every « Mon Compte » link is gone (the header one and the mobile menu one).
  const removed = await page.evaluate(() => {
    const links = [...document.querySelectorAll('a')].filter(
      (a) => a.textContent?.trim() === 'Mon Compte',
    );
    links.forEach((a) => a.remove());
    return links.length;
  });
  expect(removed).toBe(2);

  const notFound = page.getByTestId('pap-notfound');
  await expect(notFound).toBeVisible({ timeout: 10_000 });
  await expect(notFound).toHaveText(/La page a peut-être changé/);
  await expect(page.getByTestId('pap-highlight')).toHaveCount(0);
  await expect(page.getByTestId('pap-stepbar')).toContainText('Étape 1 sur');

  const panelNotice = panel.getByTestId('step-notfound');
  await expect(panelNotice).toBeVisible();
  await expect(panelNotice).toHaveText(/La page a peut-être changé/);
  // The step itself is still there to read.
  await expect(panel.getByTestId('step-title')).toHaveText(step.title);
  await expect(panel.getByTestId('step-text')).toContainText(
    'Cliquez sur le bouton « Mon Compte »',
  );
  await stepCount(panel, 1, stepNumber(DECL, 0).total);
  await page.screenshot({ path: artifact('engine-notfound-page.png') });
  await panel.screenshot({ path: artifact('engine-notfound-panel.png') });

  // The link comes back (the site fixed it): the ring comes back and the notices go.
  await page.evaluate(() => {
    const a = document.createElement('a');
    a.className = 'btn-moncompte';
    a.href = 'https://wwwd.caf.fr/redirect/s/Redirect?page=monCompte';
    a.textContent = 'Mon Compte';
    document.querySelector('.caf-header__actions')!.append(a);
  });
  await expectRingAround(page, monCompte(page));
  await expect(notFound).toHaveCount(0);
  await expect(panelNotice).toHaveCount(0);
  expect(errors).toEqual([]);
});

/** The extension's service worker, seen through the ServiceWorker domain of a page session. */
async function watchWorkers(page: Page) {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const statuses: string[] = [];
  cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
    for (const v of e.versions) {
      if (v.scriptURL.endsWith('/background.js')) statuses.push(v.runningStatus);
    }
  });
  await cdp.send('ServiceWorker.enable');
  await expect.poll(() => statuses.at(-1)).toBe('running');
  return { cdp, statuses };
}

test('the guide goes on after the browser stopped the service worker', async ({ context }) => {
  const { errors, watch } = collectErrors(context);
  const { page, panel } = await startGuide(context, 'https://www.caf.fr/', DECL.id);
  watch(page);
  await expectRingAround(page, monCompte(page));
  await stepCount(panel, 1, stepNumber(DECL, 0).total);

  const { cdp, statuses } = await watchWorkers(page);
  await cdp.send('ServiceWorker.stopAllWorkers');
  await expect.poll(() => statuses.at(-1)).toBe('stopped');
  const stoppedAt = statuses.length;
  // Careful: the Worker handle Playwright had is dead now; using it would break the browser
  // connection. Everything below goes through the page and the side panel only.

  await page.bringToFront();
  await monCompte(page).click();
  await expect(page).toHaveURL(/connect\.caf\.fr\/connexionappli\/dist\//);
  // The content script's message woke a new worker up…
  await expect.poll(() => statuses.slice(stoppedAt)).toContain('running');
  // …which read the guide back from session storage and moved it on.
  await stepCount(panel, 2, stepNumber(DECL, 0).total);
  await expect(panel.getByTestId('step-title')).toHaveText(DECL.steps[1]!.title);
  await page.bringToFront();
  await expectRingAround(page, await firstVisible(page, DECL.steps[1]!.target!));
  expect(errors).toEqual([]);
});

test('the ring pulses, except when the person asked for reduced motion', async ({ context }) => {
  const { page } = await startGuide(context, 'https://www.caf.fr/', DECL.id, {
    before: (p) => p.emulateMedia({ reducedMotion: 'reduce' }),
  });
  const ring = page.getByTestId('pap-highlight');
  await expectRingAround(page, monCompte(page));
  expect(await ring.evaluate((el) => getComputedStyle(el).animationName)).toBe('none');

  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await page.reload();
  await expectRingAround(page, monCompte(page));
  expect(await ring.evaluate((el) => getComputedStyle(el).animationName)).not.toBe('none');
  expect(await ring.evaluate((el) => getComputedStyle(el).animationName)).toBe('pap-pulse');
});

test('the ring finds a target below the fold and follows scrolling and layout changes', async ({
  context,
}) => {
  // A long notice above the header pushes « Mon Compte » far below the fold before the guide starts.
  const { page, panel } = await startGuide(context, 'https://www.caf.fr/', DECL.id, {
    before: (p) =>
      p.addInitScript(() => {
        document.addEventListener('DOMContentLoaded', () => {
          const spacer = document.createElement('div');
          spacer.id = 'spacer';
          spacer.style.height = '2400px';
          spacer.textContent = 'Information importante';
          document.body.prepend(spacer);
        });
      }),
  });
  const target = monCompte(page);
  const viewport = page.viewportSize()!;
  expect(await page.evaluate(() => document.getElementById('spacer')?.offsetHeight)).toBe(2400);

  // Scrolled into view by the extension (nobody else scrolled this page).
  await expect
    .poll(async () => {
      const box = await target.boundingBox();
      return !!box && box.y >= 0 && box.y + box.height <= viewport.height;
    })
    .toBe(true);
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(1500);
  await expectRingAround(page, target);
  await page.screenshot({ path: artifact('engine-ring-scrolled.png') });

  // The person scrolls a little: the ring follows.
  await page.evaluate(() => window.scrollBy(0, 120));
  await expectRingAround(page, target);

  // The page inserts a banner above the target: the ring follows the layout change.
  const before = (await target.boundingBox())!;
  await page.evaluate(() => {
    const banner = document.createElement('div');
    banner.style.height = '200px';
    banner.textContent = 'Nouveau message';
    document.querySelector('.caf-header')!.prepend(banner);
  });
  await expect.poll(async () => (await target.boundingBox())!.y - before.y).toBeCloseTo(200, 0);
  await expectRingAround(page, target);
  await page.screenshot({ path: artifact('engine-ring-after-layout.png') });

  // A click in the middle of the ring reaches the link underneath.
  const ring = (await page.getByTestId('pap-highlight').boundingBox())!;
  const cx = ring.x + ring.width / 2;
  const cy = ring.y + ring.height / 2;
  const hit = await page.evaluate(
    ([x, y]) => {
      const el = document.elementFromPoint(x!, y!);
      return { tag: el?.tagName, text: el?.closest('a')?.textContent?.trim() };
    },
    [cx, cy],
  );
  expect(hit).toEqual({ tag: 'A', text: 'Mon Compte' });
  // First with the page holding the link back, to count what the link itself received.
  await page.evaluate(() => {
    const w = window as unknown as { clicks: string[]; hold: (e: Event) => void };
    w.clicks = [];
    w.hold = (e: Event) => {
      w.clicks.push((e.currentTarget as HTMLElement).textContent ?? '');
      e.preventDefault();
    };
    document.querySelector('.btn-moncompte')!.addEventListener('click', w.hold);
  });
  await page.mouse.click(cx, cy);
  expect(await page.evaluate(() => (window as unknown as { clicks: string[] }).clicks)).toEqual([
    'Mon Compte',
  ]);
  // Then for real.
  await page.evaluate(() => {
    const w = window as unknown as { hold: (e: Event) => void };
    document.querySelector('.btn-moncompte')!.removeEventListener('click', w.hold);
  });
  await page.mouse.click(cx, cy);
  // The link followed: the guide is on its next step.
  await expect(page).toHaveURL(/connect\.caf\.fr\/connexionappli\/dist\//);
  await stepCount(panel, 2, stepNumber(DECL, 0).total);
});

test('« Je suis bloqué(e) » shows the site’s official help lines', async ({ context }) => {
  const { panel } = await startGuide(context, 'https://www.caf.fr/', DECL.id);
  await panel.bringToFront();
  const stuck = panel.getByTestId('stuck');
  await expect(stuck).toHaveAttribute('aria-expanded', 'false');
  await stuck.click();
  await expect(stuck).toHaveAttribute('aria-expanded', 'true');
  const help = panel.getByTestId('help');
  await expect(help).toBeVisible();
  await expect(help).toContainText('Appeler la Caf');
  // A computer cannot call: the number is shown to dial on a phone, with what a call costs.
  await expect(help.locator('a[href^="tel:"]')).toHaveCount(0);
  await expect(help).toContainText('Téléphone : 3230');
  await expect(help).toContainText('Service gratuit + prix d’un appel normal.');
  await expect(help).not.toContainText('Appel gratuit');
  await expect(help).toContainText('Du lundi au vendredi, de 9 h à 16 h 30');
  await expect(help).toContainText('France services');
  await expect(help).toContainText('www.france-services.gouv.fr');
  await panel.screenshot({ path: artifact('engine-stuck-caf.png'), fullPage: true });

  // Another site, another line.
  const other = await startGuide(context, 'https://www.impots.gouv.fr/accueil', IMPOTS.id);
  await other.panel.getByTestId('stuck').click();
  const help2 = other.panel.getByTestId('help');
  await expect(help2).toContainText('Téléphone : 0 809 401 401');
  await expect(help2).toContainText('de 8 h 30 à 19 h');
  await expect(help2).toContainText('France services');
  await expect(help2).not.toContainText('3230');
});

test('impots: the FranceConnect route runs the included steps and comes back', async ({
  context,
}) => {
  const { errors, watch } = collectErrors(context);
  const { page, panel } = await startGuide(context, IMPOTS.start, IMPOTS.id);
  watch(page);
  const last = IMPOTS.steps.length - 1;
  const at = (id: string) => IMPOTS.steps.findIndex((s) => s.id === id);
  const counter = new StepCounter(IMPOTS);
  const fcIds = IMPOTS.steps.map((s) => s.id).filter((id) => id.includes('.'));
  expect(fcIds).toEqual([
    'franceconnect-connexion.choisir-compte',
    'franceconnect-connexion.impots-numero',
    'franceconnect-connexion.impots-continuer',
    'franceconnect-connexion.impots-mot-de-passe',
    'franceconnect-connexion.impots-se-connecter',
    'franceconnect-connexion.continuer',
  ]);

  // Step 1 as usual, to the login page, where both ways are shown.
  let { n, total } = counter.at(0);
  await stepCount(panel, n, total);
  await expectRingAround(page, await firstVisible(page, IMPOTS.steps[0]!.target!));
  await (await firstVisible(page, IMPOTS.steps[0]!.target!)).click();
  ({ n, total } = counter.at(at('numero-fiscal')));
  await stepCount(panel, n, total);
  await expect(panel.getByTestId('step-text')).toContainText('S’identifier avec FranceConnect');

  // The person takes FranceConnect instead of the numéro fiscal.
  await page.bringToFront();
  // The State design system's FranceConnect button is a <button>, not a link.
  await page.getByRole('button', { name: /S.identifier avec\s+FranceConnect/ }).click();
  await expect(page).toHaveURL(/app\.franceconnect\.gouv\.fr\/api\/v2\/interaction\//);
  ({ n, total } = counter.at(at('franceconnect-connexion.choisir-compte')));
  await stepCount(panel, n, total);
  await expect(panel.getByTestId('step-title')).toHaveText(
    'Choisissez un compte que vous avez déjà',
  );
  // The text offers the accounts; it tells nobody which one to take.
  await expect(panel.getByTestId('step-text')).not.toContainText(/Cliquez sur « impots/);
  // Still the impots guide, on the impots site's side, while on FranceConnect.
  await expect(panel.getByTestId('site-name')).toContainText('impots.gouv.fr');
  await page.bringToFront();
  // The ring goes around the whole list of accounts, not around one of them.
  const accounts = page.getByTestId('main-providers');
  await expectRingAround(page, accounts);
  await expect(page.getByTestId('pap-callout')).toContainText('Choisissez un de vos comptes');
  await page.screenshot({ path: artifact('engine-franceconnect-choice.png') });

  // Then every step as the person does it, back to the impots site and to the end.
  let i = at('franceconnect-connexion.choisir-compte');
  const passed: string[] = [];
  while (i < last) {
    const step = IMPOTS.steps[i]!;
    if (i !== at('franceconnect-connexion.choisir-compte')) {
      ({ n, total } = counter.at(i));
      await stepCount(panel, n, total);
    }
    await expect(panel.getByTestId('step-title')).toHaveText(step.title);
    await page.bringToFront();
    const target = await firstVisible(page, step.target!);
    await expectRingAround(page, target);
    await perform(page, step, target);
    const next = await currentStep(panel, i);
    passed.push(...IMPOTS.steps.slice(i + 1, next).map((s) => s.id));
    i = next;
  }
  // The impots account's page asks the number, then « Continuer », then the password, as the
  // site's own login does: every step of the part applied, none was passed over.
  expect(passed).toEqual([]);
  await expect(panel.getByTestId('guide-finished')).toBeVisible();
  expect(errors).toEqual([]);
});

test('single-page-app route changes move the guide on without a page load', async ({ context }) => {
  const { errors, watch } = collectErrors(context);
  const { page, panel } = await startGuide(
    context,
    'https://candidat.francetravail.fr/espacepersonnel/',
    ACTU.id,
  );
  watch(page);
  const at = (id: string) => ACTU.steps.findIndex((s) => s.id === id);
  // Logged in already: no optional step is entered, only the required ones count.
  const count = (i: number) => stepNumber(ACTU, i);

  // Already logged in: the guide jumps to « M'actualiser ».
  await stepCount(panel, count(at('m-actualiser')).n, count(0).total);
  const loads: string[] = [];
  page.on('load', () => loads.push(page.url()));
  // A mark that a page load would wipe out.
  await page.evaluate(() => ((window as unknown as { spaMark: string }).spaMark = 'same page'));

  for (const id of ['m-actualiser', 'commencer', 'activites', 'situations-particulieres']) {
    const i = at(id);
    const step = ACTU.steps[i]!;
    await stepCount(panel, count(i).n, count(i).total);
    await expect(panel.getByTestId('step-title')).toHaveText(step.title);
    await page.bringToFront();
    const target = await firstVisible(page, step.target!);
    await expectRingAround(page, target);
    await perform(page, step, target);
    expect(await currentStep(panel, i)).toBe(i + 1);
  }
  await expect(page).toHaveURL(/\/candidat\/actualisation\/declaration\/validation/);
  expect(await page.evaluate(() => (window as unknown as { spaMark?: string }).spaMark)).toBe(
    'same page',
  );
  // pushState fires no load, and the page never loaded a new document.
  expect(loads).toEqual([]);
  expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
  expect(errors).toEqual([]);
});
