/**
 * The step model on the practice pages: several steps on one login page, a question ringed
 * whole, a code page that shows up only sometimes, and what happens when a guide ends.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../support/launch';
import { artifact, EXTENSION_ID, expect, openPanel, tabIdOf, test } from './fixtures';
import {
  bundledGuides,
  currentStep,
  expectRingAround,
  firstVisible,
  perform,
  shownStep,
  stepCount,
  StepCounter,
} from './walk';

const guides = bundledGuides();
const guide = (id: string) => {
  const g = guides.find((x) => x.id === id);
  if (!g) throw new Error(`no guide ${id}`);
  return g;
};
const AMELI = guide('ameli-attestation-droits');
const DECL = guide('caf-declaration-trimestrielle');
const PAIEMENTS = guide('ft-mes-paiements');
const IMPOTS = guide('impots-avis-impot');

async function startGuide(context: BrowserContext, url: string, guideId: string) {
  const page = await context.newPage();
  await page.goto(url);
  await expect(page.locator('pas-a-pas-ui')).toHaveCount(1);
  const panel = await openPanel(context, await tabIdOf(context, page));
  await panel.getByTestId(`guide-${guideId}`).click();
  await panel.getByTestId('start').click();
  await expect(panel.getByTestId('step-view')).toBeVisible();
  await page.bringToFront();
  return { page, panel };
}

/** The panel and the page's step bar both say « Étape N sur M ». */
async function counted(panel: Page, page: Page, shown: { n: number; total: number }) {
  await stepCount(panel, shown.n, shown.total);
  await expect(page.getByTestId('pap-stepbar')).toContainText(
    `Étape ${shown.n} sur ${shown.total}`,
  );
}

test('a one-page login: the number, the password, then « Me connecter », one after the other', async ({
  context,
}) => {
  const { page, panel } = await startGuide(context, AMELI.start, AMELI.id);
  const at = (id: string) => AMELI.steps.findIndex((s) => s.id === id);
  const counter = new StepCounter(AMELI);
  await counted(panel, page, counter.at(0));
  await (await firstVisible(page, AMELI.steps[0]!.target!)).click();
  await expect(page).toHaveURL(/ameliconnect\.ameli\.fr\/oauth2\/authorize/);

  // The three are on the page at once.
  const nir = page.getByLabel('Numéro de sécurité sociale');
  const password = page.getByLabel('Mot de passe', { exact: true });
  const button = page.getByRole('button', { name: 'Me connecter' });
  for (const el of [nir, password, button]) await expect(el).toBeVisible();

  // The number first; the text shows both ways in.
  await counted(panel, page, counter.at(at('numero')));
  await expect(panel.getByTestId('step-title')).toHaveText(AMELI.steps[at('numero')]!.title);
  await expect(panel.getByTestId('step-text')).toContainText('S’identifier avec FranceConnect');
  await expectRingAround(page, nir);
  await page.screenshot({ path: artifact('steps-one-page-login.png') });

  // Typing is not enough: the person may not have finished. The page changes meanwhile.
  await nir.pressSequentially('185057512345678');
  await page.evaluate(() => document.body.append(document.createElement('div')));
  await page.waitForTimeout(600);
  expect(await shownStep(panel)).toBe(at('numero'));

  // Leaving the field: the password, not the button already on the page.
  await nir.press('Tab');
  expect(await currentStep(panel, at('numero'))).toBe(at('mot-de-passe'));
  await counted(panel, page, counter.at(at('mot-de-passe')));
  await expectRingAround(page, password);

  await password.fill('MotDePasse!2024');
  await password.press('Tab');
  expect(await currentStep(panel, at('mot-de-passe'))).toBe(at('se-connecter'));
  await counted(panel, page, counter.at(at('se-connecter')));
  await expectRingAround(page, button);

  // The code is asked on this practice site: first the page that sends it, then its fields.
  await button.click();
  await expect(page).toHaveURL(/authStep=OTP_NECESSAIRE/);
  expect(await currentStep(panel, at('se-connecter'))).toBe(at('envoyer-code'));
  await counted(panel, page, counter.at(at('envoyer-code')));
  const send = page.locator('#BoutonGenerationOTP');
  await expectRingAround(page, send);
  await send.click();
  await expect(page).toHaveURL(/authStep=SAISIE_OTP/);
  expect(await currentStep(panel, at('envoyer-code'))).toBe(at('taper-code'));
  await counted(panel, page, counter.at(at('taper-code')));
  await expectRingAround(page, page.getByLabel('Chiffre 1', { exact: true }));
});

test('a form with hint text: the field whose label holds « Format attendu » is ringed, then the next step', async ({
  context,
}) => {
  const { page, panel } = await startGuide(context, IMPOTS.start, IMPOTS.id);
  const at = (id: string) => IMPOTS.steps.findIndex((s) => s.id === id);
  await (await firstVisible(page, IMPOTS.steps[0]!.target!)).click();
  await expect(page).toHaveURL(/cfspart-idp\.impots\.gouv\.fr\/oauth2\/authorize/);
  expect(await currentStep(panel, 0)).toBe(at('numero-fiscal'));
  // The hint is part of the label, as on the real page.
  const field = page.locator('#spi_tmp');
  await expect(field).toHaveAccessibleName('Numéro fiscal Format attendu : 13 chiffres');
  await expectRingAround(page, field);
  await expect(page.getByTestId('pap-notfound')).toHaveCount(0);
  await page.screenshot({ path: artifact('steps-hint-text.png') });
  // The person types the number and goes on: the password comes on the same page.
  await field.fill('1234567890123');
  await page.locator('#btnAction').click();
  expect(await currentStep(panel, at('numero-fiscal'))).toBe(at('mot-de-passe'));
  await expectRingAround(page, page.getByLabel('Mot de passe', { exact: true }));
});

test('a question is ringed whole, and the person answers it', async ({ context }) => {
  const url =
    'https://wwwd.caf.fr/wps/myportal/caffr/moncompte/mesressources/declarermesressourcestrimestrielles';
  const { page, panel } = await startGuide(context, url, DECL.id);
  const at = DECL.steps.findIndex((s) => s.id === 'profil-change');
  // Started on the question's page: the guide goes to it.
  await expect(panel.getByTestId('step-title')).toHaveText(DECL.steps[at]!.title);
  await expect(panel.getByTestId('step-text')).toContainText('Rien n’a changé ? Cochez « Non »');

  const question = page.getByRole('group', { name: 'Votre profil a-t-il changé ?' });
  const answers = question.getByRole('radio');
  await expect(answers).toHaveCount(2);
  await expectRingAround(page, question);
  // Every answer inside the ring, none chosen for the person.
  for (const answer of await answers.all()) {
    await expectRingAround(page, answer);
    await expect(answer).not.toBeChecked();
  }
  const ring = (await page.getByTestId('pap-highlight').boundingBox())!;
  const one = (await answers.first().boundingBox())!;
  expect(ring.height).toBeGreaterThan(one.height * 3);
  await expect(page.getByTestId('pap-callout').locator('.pap-callout-text')).toHaveText(
    'Répondez à la question',
  );
  await page.screenshot({ path: artifact('steps-question-ring.png') });

  // The person answers and sends: the guide moves on.
  await question.getByRole('radio', { name: 'Non' }).check();
  await page.getByRole('button', { name: 'Suivant' }).click();
  expect(await currentStep(panel, at)).toBe(at + 1);
});

/** The France Travail login page with a code after the password (a practice page of ours). */
const CODE_PAGE = readFileSync(path.join(ROOT, 'tests/fixtures/_cases/france-travail-code.html'));
const XUI = /^https:\/\/authentification-candidat\.francetravail\.fr\/connexion\/XUI\//;

for (const withCode of [true, false]) {
  test(`an optional code page: ${withCode ? 'asked, it is a step' : 'not asked, no step is missing'}; then the guide ends`, async ({
    context,
  }) => {
    const { page, panel } = await startGuide(context, PAIEMENTS.start, PAIEMENTS.id);
    if (withCode) {
      await page.route(XUI, (route) =>
        route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: CODE_PAGE }),
      );
    }
    const last = PAIEMENTS.steps.length - 1;
    const counter = new StepCounter(PAIEMENTS);
    const shown: string[] = [];
    let i = 0;
    while (i < last) {
      const step = PAIEMENTS.steps[i]!;
      shown.push(step.id);
      await counted(panel, page, counter.at(i));
      await expect(panel.getByTestId('step-title')).toHaveText(step.title);
      await page.bringToFront();
      const target = await firstVisible(page, step.target!);
      await expectRingAround(page, target);
      if (step.id === 'code-verification') {
        await page.screenshot({ path: artifact('steps-optional-code.png') });
      }
      await perform(page, step, target, step.id === 'code-verification' ? '482913' : undefined);
      i = await currentStep(panel, i);
    }
    expect(shown).toEqual([
      'connexion',
      'ouvrir-espace',
      'identifiant',
      'mot-de-passe',
      ...(withCode ? ['code-verification'] : []),
      'mes-paiements',
    ]);
    const end = counter.at(last);
    expect(end).toEqual({ n: shown.length + 1, total: shown.length + 1 });

    // The end: the ring and the step bar leave the page; the panel shows the end screen.
    await expect(panel.getByTestId('guide-finished')).toBeVisible();
    await expect(panel.getByTestId('end-step-title')).toHaveText(PAIEMENTS.steps[last]!.title);
    await expect(panel.getByTestId('step-count')).toHaveCount(0);
    await expect(page.getByTestId('pap-highlight')).toHaveCount(0);
    await expect(page.getByTestId('pap-stepbar')).toHaveCount(0);
    await panel.screenshot({ path: artifact(`steps-end-panel${withCode ? '-code' : ''}.png`) });

    // The session is recorded as finished.
    const data = await context.newPage();
    await data.goto(`chrome-extension://${EXTENSION_ID}/options.html`);
    const procedure = data
      .getByTestId('data-procedures')
      .getByRole('listitem')
      .filter({ hasText: PAIEMENTS.title })
      .first();
    await expect(procedure).toContainText('Démarche terminée : 1 fois');
    await expect(procedure).not.toContainText('En cours');
    await data.close();

    // Another site: the finished guide stays behind. The site's own guides are offered.
    await page.bringToFront();
    await page.goto('https://www.caf.fr/');
    await expect(page.getByTestId('pap-offer')).toBeVisible();
    await expect(page.getByTestId('pap-stepbar')).toHaveCount(0);
    await expect(panel.getByTestId('guide-finished')).toHaveCount(0);
    await expect(panel.getByTestId(`guide-${DECL.id}`)).toBeVisible();
  });
}
