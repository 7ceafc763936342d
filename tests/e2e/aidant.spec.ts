/**
 * Aidant mode and local progress, in real Chromium with the built extension: the aidant's visit,
 * the person coming back alone after a browser restart, the paper memo, « Mes données », and
 * many notes drawn a page at a time. The five tests share one browser profile, closed and reopened between them as a person would.
 */
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ARTIFACTS, EXTENSION_PATH } from '../support/launch';
import { artifact, EXTENSION_ID, expect, launch, openPanel, tabIdOf, test } from './fixtures';
import { listNumbers, stepNumber } from '../../core/steps/numbering';
import { bundledGuides, expectRingAround, firstVisible, perform, stepCount } from './walk';

const GUIDE_ID = 'caf-declaration-trimestrielle';
const guide = bundledGuides().find((g) => g.id === GUIDE_ID)!;
const TOTAL = guide.steps.length;
/** « Étape N sur M » counts the required steps (the optional ones once entered). */
const COUNTED = stepNumber(guide, 0).total;
const NOTE = 'Votre code est dans le carnet bleu';
const FAKE_NIR = '1 84 12 75 123 456 78';
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const profile = mkdtempSync(path.join(tmpdir(), 'pap-aidant-'));

test.describe.configure({ mode: 'serial' });
test.afterAll(() => rmSync(profile, { recursive: true, force: true }));

/** The browser opened on the person's own profile: what they saved last time is still there. */
async function withBrowser(fn: (context: BrowserContext) => Promise<void>) {
  const context = await launch({ userDataDir: profile });
  try {
    await fn(context);
  } finally {
    await context.close();
  }
}

async function axe(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`);
}

async function onCafHome(context: BrowserContext) {
  const page = await context.newPage();
  await page.goto('https://www.caf.fr/');
  await expect(page.getByTestId('pap-offer')).toBeVisible();
  const panel = await openPanel(context, await tabIdOf(context, page));
  return { page, panel };
}

test('the aidant marks how a step went and leaves a note; private numbers are refused', async () => {
  await withBrowser(async (context) => {
    const { page, panel } = await onCafHome(context);
    await panel.getByTestId(`guide-${GUIDE_ID}`).click();
    await panel.getByTestId('start-aidant').click();
    await stepCount(panel, 1, COUNTED);

    await expect(panel.getByTestId('aidant-toggle')).toHaveAttribute('aria-checked', 'true');
    await expect(panel.getByTestId('aidant-tip')).toContainText(guide.steps[0]!.aidant!);
    // Nothing is done yet: nothing to mark.
    await expect(panel.getByTestId('how')).toHaveCount(0);

    // The person does the step on the page; the guide moves on by itself.
    await page.bringToFront();
    const step = guide.steps[0]!;
    const target = await firstVisible(page, step.target!);
    await expectRingAround(page, target);
    await perform(page, step, target);
    await stepCount(panel, 2, COUNTED);
    // Then the aidant is asked how the step just done went: one choice among three.
    const how = panel.getByTestId('how');
    await expect(how).toHaveAttribute('data-step-id', step.id);
    await expect(how.getByRole('radio')).toHaveCount(3);
    await panel.getByTestId('how-help').check();
    await expect(panel.getByTestId('how-help')).toBeChecked();
    await expect(panel.getByTestId('how-alone')).not.toBeChecked();
    await expect(panel.getByTestId('how-aidant')).not.toBeChecked();

    // An ordinary note is kept.
    await panel.getByTestId('note-input').fill(NOTE);
    await expect(panel.getByTestId('note-error')).toHaveCount(0);
    await panel.getByTestId('note-save').click();
    await expect(panel.getByTestId('notes-list')).toContainText(NOTE);
    await expect(panel.getByTestId('note-input')).toHaveValue('');

    // A social security number is flagged while typing, then refused, and the text stays.
    await panel.getByTestId('note-input').fill(`Son numéro : ${FAKE_NIR}`);
    await expect(panel.getByTestId('note-error')).toContainText('numéro de sécurité sociale');
    await panel.getByTestId('note-save').click();
    await expect(panel.getByTestId('note-error')).toContainText(
      'Ne l’écrivez pas ici : quelqu’un d’autre pourrait le lire.',
    );
    await expect(panel.getByTestId('note-input')).toHaveValue(`Son numéro : ${FAKE_NIR}`);
    await expect(panel.getByTestId('notes-list').getByTestId('note')).toHaveCount(1);

    // However it is written: a phone number with slashes, a short secret code.
    await expect(panel.getByTestId('note-never')).toContainText('code secret');
    await panel.getByTestId('note-input').fill('Sa fille : 06/12/34/56/78');
    await expect(panel.getByTestId('note-error')).toContainText('numéro de téléphone');
    await panel.getByTestId('note-input').fill('Son code : 4821');
    await panel.getByTestId('note-save').click();
    await expect(panel.getByTestId('note-error')).toContainText('code secret');
    await expect(panel.getByTestId('note-input')).toHaveValue('Son code : 4821');
    await expect(panel.getByTestId('notes-list').getByTestId('note')).toHaveCount(1);

    // On second thought, the person found « Mon Compte » alone: the aidant corrects the mark.
    await panel.getByTestId('how-alone').check();
    await expect(panel.getByTestId('how-alone')).toBeChecked();
    await expect(panel.getByTestId('how-help')).not.toBeChecked();

    expect(await axe(panel)).toEqual([]);
    await panel.screenshot({ path: artifact('aidant-panel.png'), fullPage: true });
    await page.close();
  });
});

/** What a site's script can read of our shadow root: its texts and attributes, styles aside. */
async function readableByTheSite(page: Page): Promise<string> {
  return page.evaluate(() => {
    const root = document.querySelector('pas-a-pas-ui')?.shadowRoot;
    if (!root) throw new Error('no shadow root');
    const out: string[] = [];
    for (const node of root.querySelectorAll('*')) {
      if (node.closest('style, script')) continue;
      for (const a of Array.from(node.attributes)) out.push(a.value);
      for (const child of Array.from(node.childNodes))
        if (child.nodeType === Node.TEXT_NODE) out.push(child.textContent ?? '');
    }
    return out.join('\n');
  });
}

test('after a browser restart the page offers a neutral « Reprendre ma démarche »; the panel says where they stopped and they carry on alone', async () => {
  await withBrowser(async (context) => {
    const page = await context.newPage();
    await page.goto('https://www.caf.fr/');
    const offer = page.getByTestId('pap-offer');
    await expect(offer.getByRole('button', { name: 'Reprendre ma démarche' })).toBeVisible();
    await expect(offer.getByRole('button', { name: 'Plus tard' })).toBeVisible();
    // The site's scripts, and the next person at the desk, learn nothing of the procedure.
    const readable = await readableByTheSite(page);
    expect(readable).toContain('Reprendre ma démarche');
    expect(readable).not.toContain(guide.title);
    for (const step of guide.steps) expect(readable).not.toContain(step.title);
    expect(readable).not.toMatch(/étape/i);
    expect(readable).not.toContain(NOTE);
    await page.screenshot({ path: artifact('offer-neutral-resume.png') });

    // The details are in the panel.
    const panel = await openPanel(context, await tabIdOf(context, page));
    const card = panel.getByTestId('resume-card');
    await expect(card).toBeVisible();
    await expect(card.getByRole('heading', { level: 2 })).toHaveText(
      `Reprendre : ${guide.title} — vous étiez à l’étape 2`,
    );
    await expect(card.getByTestId('notes-list')).toContainText(NOTE);
    await expect(card.getByTestId('notes-list')).toContainText(
      `Pour l’étape : ${guide.steps[1]!.title}`,
    );
    // One step was really done last time (the second was on screen, not done).
    await expect(card.getByTestId('last-alone')).toHaveText(
      'La dernière fois, vous avez fait 1 étape seul(e), sur 1.',
    );
    await expect(card.getByTestId('history')).toContainText('seul(e) : 1 fois');
    await expect(card.getByTestId('history')).toContainText('avec aide : 0 fois');
    await expect(card.getByTestId('history')).toContainText('par l’aidant : 0 fois');
    expect(await axe(panel)).toEqual([]);
    await panel.screenshot({ path: artifact('resume-card.png') });

    // The person goes to the login page, as last time, and picks up the guide there.
    await page.bringToFront();
    await (await firstVisible(page, guide.steps[0]!.target!)).click();
    await expect(page).toHaveURL(/connect\.caf\.fr\/connexionappli/);
    await panel.getByTestId('resume-button').click();
    await stepCount(panel, 2, COUNTED);
    await expect(panel.getByTestId('step-title')).toHaveText(guide.steps[1]!.title);
    await expect(panel.getByTestId('aidant-toggle')).toHaveAttribute('aria-checked', 'false');
    await expect(panel.getByTestId('aidant-tools')).toHaveCount(0);
    await page.bringToFront();
    await expectRingAround(page, await firstVisible(page, guide.steps[1]!.target!));
    await page.screenshot({ path: artifact('resume-page-ring.png') });
  });
});

test('the paper memo lists the steps, the notes and the help lines, and prints', async () => {
  await withBrowser(async (context) => {
    // Reached from the guide's introduction, in a new tab.
    const { panel } = await onCafHome(context);
    await panel.getByTestId(`guide-${GUIDE_ID}`).click();
    const opening = context.waitForEvent('page');
    await panel.getByTestId('memo-link').click();
    const memo = await opening;
    await expect(memo).toHaveURL(`chrome-extension://${EXTENSION_ID}/memo.html?guide=${GUIDE_ID}`);
    await memo.setViewportSize({ width: 900, height: 1200 });

    await expect(memo.getByTestId('memo-title')).toHaveText(guide.title);
    const steps = memo.getByTestId('memo-steps').getByRole('listitem');
    await expect(steps).toHaveCount(TOTAL);
    // Numbered as « Étape N sur M »: the optional steps not entered have no number.
    const { numbers } = listNumbers(guide);
    for (const [i, s] of guide.steps.entries()) {
      const n = numbers[i];
      await expect(steps.nth(i).getByRole('heading')).toHaveText(
        n === null ? `Seulement si cette page s’affiche : ${s.title}` : `Étape ${n}. ${s.title}`,
      );
    }
    await expect(
      memo.getByRole('heading', { level: 2, name: `Les ${COUNTED} étapes` }),
    ).toBeVisible();
    await expect(memo.getByTestId('notes-list')).toContainText(NOTE);
    await expect(memo.getByTestId('help')).toContainText('Téléphone : 3230');
    await expect(memo.getByTestId('help')).toContainText('france-services.gouv.fr');
    await expect(memo.getByTestId('memo-print')).toBeVisible();
    expect(await axe(memo)).toEqual([]);
    await memo.screenshot({ path: artifact('memo-screen.png'), fullPage: true });

    // On paper: the « Imprimer » button is left out.
    await memo.emulateMedia({ media: 'print' });
    await expect(memo.getByTestId('memo-print')).toBeHidden();
    await memo.emulateMedia({ media: null });
    mkdirSync(ARTIFACTS, { recursive: true });
    const pdf = path.join(ARTIFACTS, 'memo-caf.pdf');
    await memo.pdf({ path: pdf, format: 'A4' });
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      pdf,
      path.join(ARTIFACTS, 'memo-caf-page1'),
    ]);
    expect(existsSync(path.join(ARTIFACTS, 'memo-caf-page1.png'))).toBe(true);
  });
});

test('« Mes données »: export, erase after confirmation, import back', async () => {
  const manifest = JSON.parse(readFileSync(path.join(EXTENSION_PATH, 'manifest.json'), 'utf8'));
  expect(manifest.options_ui).toMatchObject({ page: 'options.html', open_in_tab: true });

  await withBrowser(async (context) => {
    const { panel } = await onCafHome(context);
    await expect(panel.getByTestId('resume-card')).toBeVisible();

    // The settings lead to « Mes données » in a new tab.
    await panel.getByTestId('open-settings').click();
    const opening = context.waitForEvent('page');
    await panel.getByTestId('my-data-link').click();
    const data = await opening;
    await expect(data).toHaveURL(`chrome-extension://${EXTENSION_ID}/options.html`);
    await data.setViewportSize({ width: 900, height: 1200 });
    await expect(data.getByTestId('data-procedures')).toContainText(guide.title);
    await expect(data.getByTestId('retention')).toHaveValue('180');
    expect(await axe(data)).toEqual([]);
    await data.screenshot({ path: artifact('options-page.png'), fullPage: true });

    // Export: a .json file in the downloads.
    const downloading = data.waitForEvent('download');
    await data.getByTestId('data-export').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.json$/);
    const file = path.join(ARTIFACTS, 'export-test.json');
    await download.saveAs(file);
    const text = readFileSync(file, 'utf8');
    expect(() => JSON.parse(text)).not.toThrow();
    expect(text).toContain(NOTE);
    expect(text).not.toContain('84 12 75');

    // Erase: nothing happens until the second, clearly worded button.
    await data.getByTestId('data-erase').click();
    await expect(data.getByTestId('erase-confirm-box')).toContainText('Voulez-vous vraiment');
    expect(await axe(data)).toEqual([]);
    await data.screenshot({ path: artifact('options-erase-confirm.png'), fullPage: true });
    await data.getByTestId('data-erase-confirm').click();
    await expect(data.getByTestId('erase-status')).toContainText('C’est effacé');
    await expect(data.getByTestId('data-empty')).toBeVisible();

    await panel.reload();
    await expect(panel.getByTestId(`guide-${GUIDE_ID}`)).toBeVisible();
    await expect(panel.getByTestId('resume-card')).toHaveCount(0);

    // Import the file back, added to what is here: the resume card is back.
    await data.getByTestId('data-import-file').setInputFiles(file);
    await expect(data.getByTestId('import-merge')).toBeChecked();
    await data.getByTestId('data-import').click();
    await expect(data.getByTestId('import-status')).toContainText('C’est fait');
    await expect(data.getByTestId('import-status')).toContainText('Notes : 1');
    await expect(data.getByTestId('data-procedures')).toContainText(guide.title);

    await panel.reload();
    await expect(panel.getByTestId('resume-card')).toContainText('vous étiez à l’étape 2');
    await expect(panel.getByTestId('resume-card').getByTestId('notes-list')).toContainText(NOTE);

    // The clean-up delay: « jamais » is kept.
    await data.getByTestId('retention').selectOption('0');
    await expect(data.getByTestId('retention-status')).toContainText('enregistré');
    await data.reload();
    await expect(data.getByTestId('retention')).toHaveValue('0');
  });
});

test('many notes come a page at a time, in the panel and in « Mes données »', async () => {
  await withBrowser(async (context) => {
    const { panel } = await onCafHome(context);
    await expect(panel.getByTestId('resume-card')).toBeVisible();
    // 25 more notes beside the one kept so far, saved as the note box does.
    await panel.evaluate(async (guideId) => {
      for (let i = 1; i <= 25; i++) {
        await chrome.runtime.sendMessage({
          pap: 1,
          type: 'note:add',
          data: { guideId, text: `Note numéro ${i}` },
        });
      }
    }, GUIDE_ID);
    await panel.reload();
    const card = panel.getByTestId('resume-card');
    await expect(card.getByTestId('note')).toHaveCount(20);
    await expect(card.getByTestId('note').first()).toContainText('Note numéro 25');
    await card.getByTestId('notes-more-button').click();
    await expect(card.getByTestId('note')).toHaveCount(26);
    await expect(card.getByTestId('note').last()).toContainText(NOTE);
    await expect(card.getByTestId('notes-more-button')).toHaveCount(0);
    // The focus is on the first note the button added.
    await expect(card.getByTestId('note').nth(20)).toBeFocused();

    const data = await context.newPage();
    await data.goto(`chrome-extension://${EXTENSION_ID}/options.html`);
    const list = data.getByTestId('data-procedures');
    await expect(list).toContainText('Notes de l’aidant : 26');
    await expect(list.getByTestId('note')).toHaveCount(20);
    expect(await axe(data)).toEqual([]);
    await list.getByTestId('notes-more-button').click();
    await expect(list.getByTestId('note')).toHaveCount(26);
  });
});
