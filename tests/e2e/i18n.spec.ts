/**
 * A guide in English and in Arabic on the practice pages: the panel speaks the chosen language
 * (right to left for Arabic), the guide's own texts are the translations, the site's words stay
 * French inside the language's quote marks, and the read-aloud button says when the device has
 * no voice for the language (this browser has none at all).
 */
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { localiseGuide } from '../../core/guides/localise';
import { artifact, expect, openPanel, tabIdOf, test } from './fixtures';
import { bundledGuides, currentStep, firstVisible, perform, shownStep } from './walk';

const DECL = bundledGuides().find((g) => g.id === 'caf-declaration-trimestrielle')!;

async function chooseLanguage(serviceWorker: Worker, language: 'en' | 'ar') {
  // What the settings view stores; the background reads it on every message.
  await serviceWorker.evaluate(
    (language) => chrome.storage.local.set({ settings: { language } }),
    language,
  );
}

async function startDecl(context: BrowserContext): Promise<{ page: Page; panel: Page }> {
  const page = await context.newPage();
  await page.goto(DECL.start);
  await expect(page.locator('pas-a-pas-ui')).toHaveCount(1);
  const panel = await openPanel(context, await tabIdOf(context, page));
  await panel.getByTestId(`guide-${DECL.id}`).click();
  await panel.getByTestId('start').click();
  await expect(panel.getByTestId('step-view')).toBeVisible();
  await page.bringToFront();
  return { page, panel };
}

/** Does step `index` on the page and waits for the guide to move on; returns the new index. */
async function doStep(page: Page, panel: Page, index: number): Promise<number> {
  const step = DECL.steps[index]!;
  await perform(page, step, await firstVisible(page, step.target!));
  return currentStep(panel, index);
}

test('the Arabic panel walks the Caf declaration right to left, in Arabic', async ({
  context,
  serviceWorker,
}) => {
  await chooseLanguage(serviceWorker, 'ar');
  const ar = localiseGuide(DECL, 'ar');
  const { page, panel } = await startDecl(context);

  await expect(panel.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(panel.locator('html')).toHaveAttribute('lang', 'ar');
  expect(await shownStep(panel)).toBe(0);
  await expect(panel.getByTestId('step-count')).toContainText('الخطوة 1 من');
  // « Mon Compte » stays French, in Arabic guillemets without inner spaces, marked as French.
  await expect(panel.getByTestId('step-title')).toHaveText('افتح «Mon Compte»');
  await expect(panel.getByTestId('step-text')).toContainText('انقر على زر «Mon Compte» (حسابي).');
  await expect(panel.getByTestId('step-text').locator('bdi[lang="fr"]')).toHaveText('Mon Compte');

  // Two steps on: the login choice, then the number, each in Arabic.
  const second = await doStep(page, panel, 0);
  expect(DECL.steps[second]!.id).toBe('choisir-connexion');
  await expect(panel.getByTestId('step-title')).toHaveText(ar.steps[second]!.title);
  await expect(panel.getByTestId('step-text')).toContainText('«S’identifier avec FranceConnect»');
  await panel.screenshot({ path: artifact('i18n-ar-quotes.png'), fullPage: true });
  const third = await doStep(page, panel, second);
  expect(DECL.steps[third]!.id).toBe('numero');
  await expect(panel.getByTestId('step-title')).toHaveText('اكتب رقم الضمان الاجتماعي');
  await expect(panel.getByTestId('step-text')).toContainText('اكتب أول 13 رقمًا.');
  // No voice in this browser: the button says so, in Arabic, instead of doing nothing.
  expect(await panel.evaluate(() => speechSynthesis.getVoices().length)).toBe(0);
  const speak = panel.getByTestId('step-view').getByTestId('speak');
  await speak.click();
  await expect(speak).toContainText('لا يوجد على هذا الجهاز صوت للقراءة باللغة العربية');
  await expect(panel.getByTestId('step-view').getByTestId('speak-status')).toContainText('العربية');
  await panel.screenshot({ path: artifact('i18n-ar-panel.png'), fullPage: true });

  // The hard words of the page: the term as on the page, its definition in Arabic.
  await panel.getByTestId('words').locator('summary').click();
  const word = panel.getByTestId('word').first();
  await expect(word.locator('dd p')).toHaveText(/^[\u0600-\u06ff]/);
});

test('the English panel walks the Caf declaration in English, with “ ” around the site’s words', async ({
  context,
  serviceWorker,
}) => {
  await chooseLanguage(serviceWorker, 'en');
  const en = localiseGuide(DECL, 'en');
  const { page, panel } = await startDecl(context);

  await expect(panel.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(panel.locator('html')).toHaveAttribute('lang', 'en');
  await expect(panel.getByTestId('step-title')).toHaveText('Open “Mon Compte”');
  await expect(panel.getByTestId('step-text')).toContainText(
    'Click the “Mon Compte” (My account) button.',
  );
  const second = await doStep(page, panel, 0);
  await expect(panel.getByTestId('step-title')).toHaveText(en.steps[second]!.title);
  await expect(panel.getByTestId('step-text')).toContainText('click “Se connecter”');
  const third = await doStep(page, panel, second);
  await expect(panel.getByTestId('step-title')).toHaveText('Type your social security number');
  await panel.screenshot({ path: artifact('i18n-en-panel.png'), fullPage: true });

  const speak = panel.getByTestId('step-view').getByTestId('speak');
  await speak.click();
  await expect(speak).toContainText('This device has no voice to read in English.');
  expect(DECL.steps[third]!.id).toBe('numero');
});
