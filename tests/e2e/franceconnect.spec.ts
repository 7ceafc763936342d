/**
 * The FranceConnect branch at the partners' logins, walked to the end of each guide that
 * offers it, and the consent page with and without the box a service may require: the button
 * waits for the box, the step explains it, and only the person ticks it.
 */
import type { BrowserContext, Page, Route } from '@playwright/test';
import type { Guide } from '../../core/guides/types';
import { NOT_FOUND_GRACE_MS } from '../../core/in-page/controller';
import { artifact, expect, firstLookDone, openPanel, tabIdOf, test } from './fixtures';
import {
  bundledGuides,
  currentStep,
  expectRingAround,
  firstVisible,
  perform,
  stepCount,
  StepCounter,
} from './walk';

const PART = 'franceconnect-connexion.';
const CONSENT_STEP = `${PART}continuer`;
/** The partners' FranceConnect button (a <button> of the design system, or Caf's link). */
const FC_BUTTON = /S.identifier avec\s+FranceConnect/;

const guides = bundledGuides();
/** Every guide whose login offers FranceConnect: they include its part. */
const withFranceConnect = guides.filter((g) => g.steps.some((s) => s.id.startsWith(PART)));

/** Boxes of two elements: whether `outer` encloses `inner` (a pixel of rounding aside). */
function encloses(
  outer: { x: number; y: number; width: number; height: number },
  inner: { x: number; y: number; width: number; height: number },
): boolean {
  return (
    outer.x <= inner.x + 1 &&
    outer.y <= inner.y + 1 &&
    outer.x + outer.width >= inner.x + inner.width - 1 &&
    outer.y + outer.height >= inner.y + inner.height - 1
  );
}

/**
 * Plays a service that requires the consent box: FranceConnect's practice pages ask for it
 * with `&consentement=obligatoire`, which the partner's button does not send.
 */
async function requireConsentBox(page: Page) {
  await page.route(
    /^https:\/\/app\.franceconnect\.gouv\.fr\/api\/v2\/authorize/,
    (route: Route) => {
      const url = new URL(route.request().url());
      if (url.searchParams.get('consentement') === 'obligatoire') return route.fallback();
      url.searchParams.set('consentement', 'obligatoire');
      return route.fulfill({ status: 302, headers: { location: url.href } });
    },
  );
}

interface Walk {
  page: Page;
  panel: Page;
  /** Ids of the steps the panel showed, in order. */
  shown: string[];
}

/**
 * Walks a guide as a person who takes « S’identifier avec FranceConnect » at the partner's
 * login, to the guide's end. `atConsent` runs on the consent page before the person goes on.
 */
async function walkThroughFranceConnect(
  context: BrowserContext,
  guide: Guide,
  options: { box?: boolean; atConsent?(walk: Walk, n: number): Promise<void> } = {},
): Promise<Walk> {
  const page = await context.newPage();
  if (options.box) await requireConsentBox(page);
  await page.goto(guide.start);
  await expect(page.getByTestId('pap-offer')).toBeVisible();
  const panel = await openPanel(context, await tabIdOf(context, page));
  await panel.getByTestId(`guide-${guide.id}`).click();
  await panel.getByTestId('start').click();
  const walk: Walk = { page, panel, shown: [] };
  const last = guide.steps.length - 1;
  const counter = new StepCounter(guide);
  let taken = false;
  let i = 0;
  while (i < last) {
    const step = guide.steps[i]!;
    walk.shown.push(step.id);
    const { n, total } = counter.at(i);
    await stepCount(panel, n, total);
    await expect(panel.getByTestId('step-title')).toHaveText(step.title);
    await page.bringToFront();
    if (step.id === CONSENT_STEP && options.atConsent) await options.atConsent(walk, n);
    const target = await firstVisible(page, step.target!);
    await expectRingAround(page, target);
    const fc = page
      .getByRole('button', { name: FC_BUTTON })
      .or(page.getByRole('link', { name: FC_BUTTON }))
      .filter({ visible: true });
    if (!taken && (await fc.count()) > 0) {
      // The login shows both ways, and the step says so: the person takes FranceConnect.
      await expect(panel.getByTestId('step-text')).toContainText('FranceConnect');
      await fc.first().click();
      taken = true;
      i = await currentStep(panel, i);
      expect(guide.steps[i]!.id).toBe(`${PART}choisir-compte`);
      continue;
    }
    await perform(page, step, target);
    const next = await currentStep(panel, i);
    // Only optional steps (the site's own login, a code not asked) may be passed over.
    const skipped = guide.steps.slice(i + 1, next).filter((s) => !s.optional);
    expect(skipped.map((s) => s.id)).toEqual([]);
    i = next;
  }
  walk.shown.push(guide.steps[last]!.id);
  expect(taken, 'the login offered FranceConnect').toBe(true);

  // The end: the panel says so, the page is the person's again.
  await expect(panel.getByTestId('guide-finished')).toBeVisible();
  await expect(panel.getByTestId('end-step-title')).toHaveText(guide.steps[last]!.title);
  await expect(page.getByTestId('pap-highlight')).toHaveCount(0);
  await expect(page.getByTestId('pap-stepbar')).toHaveCount(0);
  return walk;
}

/** Every step of the FranceConnect part ran, in order, and none of the site's own login. */
function expectFranceConnectRoute(guide: Guide, shown: string[]) {
  const part = guide.steps.map((s) => s.id).filter((id) => id.startsWith(PART));
  expect(shown.filter((id) => id.startsWith(PART))).toEqual(part);
  const from = shown.indexOf(`${PART}choisir-compte`);
  const after = shown.slice(from).filter((id) => !id.startsWith(PART));
  const optionalAfter = after.filter((id) => guide.steps.find((s) => s.id === id)!.optional);
  expect(optionalAfter).toEqual([]);
}

test('the guides whose login offers FranceConnect are found from the guides themselves', () => {
  expect(withFranceConnect.map((g) => g.site)).toEqual(
    expect.arrayContaining(['ameli', 'caf', 'impots']),
  );
});

for (const guide of withFranceConnect) {
  test(`walks "${guide.title}" (${guide.id}) through « S’identifier avec FranceConnect » to its end`, async ({
    context,
  }) => {
    const { shown } = await walkThroughFranceConnect(context, guide);
    expectFranceConnectRoute(guide, shown);
  });
}

const AMELI = guides.find((g) => g.id === 'ameli-attestation-droits')!;

test('consent without a box (public services): the button « Continuer sur ameli.fr » is ringed', async ({
  context,
}) => {
  const { shown } = await walkThroughFranceConnect(context, AMELI, {
    atConsent: async ({ page, panel }) => {
      await expect(page).toHaveURL(/\/api\/v2\/interaction\/[^/]+\/consent/);
      await expect(page.getByRole('checkbox')).toHaveCount(0);
      const button = page.getByRole('button', { name: 'Continuer sur ameli.fr' });
      await expect(button).toBeEnabled();
      await expectRingAround(page, button);
      // The text says a box may come, and that the person decides.
      await expect(panel.getByTestId('step-text')).toContainText(/C['’]est vous qui décidez/);
      await page.screenshot({ path: artifact('franceconnect-consent-no-box.png') });
    },
  });
  expectFranceConnectRoute(AMELI, shown);
});

test('consent with a required box: the button waits, the step explains the box, and only the person ticks it', async ({
  context,
}) => {
  const step = AMELI.steps.find((s) => s.id === CONSENT_STEP)!;
  const { shown } = await walkThroughFranceConnect(context, AMELI, {
    box: true,
    atConsent: async ({ page, panel }, n) => {
      await expect(page).toHaveURL(/consentement=obligatoire/);
      await firstLookDone(page);
      const box = page.getByRole('checkbox');
      const button = page.getByRole('button', { name: 'Continuer sur ameli.fr' });
      await expect(box).toBeVisible();
      await expect(button).toBeDisabled();
      await expect(page.getByTestId('pap-stepbar')).toContainText(`Étape ${n} sur`);
      // The step explains what the box means and that the choice is the person's.
      const text = panel.getByTestId('step-text');
      await expect(text).toContainText('une case demande votre accord');
      await expect(text).toContainText(/C['’]est vous qui décidez/);
      await expect(text).toContainText('le bouton reste grisé');

      // Longer than the engine waits before saying « not found »: still nothing ringed (not
      // the disabled button, not the box), no « not found », the box untouched.
      await page.waitForTimeout(NOT_FOUND_GRACE_MS + 500);
      await expect(page.getByTestId('pap-highlight')).toHaveCount(0);
      await expect(page.getByTestId('pap-notfound')).toHaveCount(0);
      await expect(box).not.toBeChecked();
      await expect(button).toBeDisabled();
      await page.screenshot({ path: artifact('franceconnect-consent-box-waiting.png') });
      await panel.screenshot({ path: artifact('franceconnect-consent-box-panel.png') });

      // The person reads, decides and ticks the box: now the button is ringed, not the box.
      await box.check();
      await expect(button).toBeEnabled();
      await expectRingAround(page, button);
      await expect(page.getByTestId('pap-callout').locator('.pap-callout-text')).toHaveText(
        step.callout ?? step.title,
      );
      const ring = (await page.getByTestId('pap-highlight').boundingBox())!;
      expect(encloses(ring, (await box.boundingBox())!)).toBe(false);
      // The box and its sentence stay in sight: the person can still read and untick them.
      const callout = (await page.getByTestId('pap-callout').boundingBox())!;
      for (const seen of [box, page.locator('label[for="consent"]')]) {
        const r = (await seen.boundingBox())!;
        const apart =
          callout.x + callout.width <= r.x ||
          r.x + r.width <= callout.x ||
          callout.y + callout.height <= r.y ||
          r.y + r.height <= callout.y;
        expect(apart).toBe(true);
      }
      await expect(box).toBeChecked();
      await page.screenshot({ path: artifact('franceconnect-consent-box-ticked.png') });
    },
  });
  expectFranceConnectRoute(AMELI, shown);
});
