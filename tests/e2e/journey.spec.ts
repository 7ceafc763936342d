/**
 * The person's journey around the steps, in real Chromium with the built extension: reading at
 * 320 px with « Très grande » text (no sideways scroll, Axe clean at 100 % and 200 %), help when
 * stuck that fits the step, the aidant's mark after the step the page moved past, a calm end
 * screen, and a shared computer that keeps nothing of the person.
 */
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { previousCounted } from '../../core/steps/numbering';
import {
  artifact,
  EXTENSION_ID,
  expect,
  launch,
  openPanel,
  serviceWorkerOf,
  tabIdOf,
  test,
} from './fixtures';
import { bundledGuides, currentStep, firstVisible, perform, stepCount } from './walk';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const guides = bundledGuides();
const DECL = guides.find((g) => g.id === 'caf-declaration-trimestrielle')!;
const PAIEMENTS = guides.find((g) => g.id === 'ft-mes-paiements')!;

async function axe(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`);
}

/** Whether the page scrolls sideways (a line or a box wider than the window). */
async function overflow(page: Page) {
  return page.evaluate(() => {
    const el = document.documentElement;
    // The boxes that stick out, to say which one does.
    const out = Array.from(document.body.querySelectorAll('*'))
      .filter((e) => e.getBoundingClientRect().right > el.clientWidth + 0.5)
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className} «${e.textContent?.slice(0, 30)}»`);
    // Text can stick out of a box that fits (a word that does not wrap).
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let n = walker.nextNode(); n && out.length < 8; n = walker.nextNode()) {
      range.selectNodeContents(n);
      if (range.getBoundingClientRect().right > el.clientWidth + 0.5)
        out.push(`text «${n.textContent?.slice(0, 30)}» in ${n.parentElement?.className}`);
    }
    return { scroll: el.scrollWidth, client: el.clientWidth, out };
  });
}

async function noSidewaysScroll(page: Page, name: string) {
  const o = await overflow(page);
  expect(
    o.scroll,
    `${name}: ${o.scroll}px in ${o.client}px: ${o.out.join(' | ')}`,
  ).toBeLessThanOrEqual(o.client);
  await page.screenshot({ path: artifact(`journey-320-${name}.png`), fullPage: true });
}

async function chooseTextSize(panel: Page, label: string) {
  await panel.getByTestId('open-settings').click();
  // Checked once the background has the new setting (the radio follows the stored value).
  await panel.getByRole('radio', { name: label }).click();
  await expect(panel.getByRole('radio', { name: label })).toBeChecked();
  await expect
    .poll(() => panel.evaluate(() => document.documentElement.style.fontSize))
    .toBe(label === 'Très grande' ? '200%' : '100%');
}

async function onSite(context: BrowserContext, url: string) {
  const page = await context.newPage();
  await page.goto(url);
  await expect(page.getByTestId('pap-offer')).toBeVisible();
  const panel = await openPanel(context, await tabIdOf(context, page));
  return { page, panel };
}

/** Saves the aidant's name and number in the settings, then closes them; the settings must be open. */
async function saveAidantContact(panel: Page) {
  await panel.getByTestId('aidant-contact-name').fill('Samia');
  await panel.getByTestId('aidant-contact-phone').fill('06 12 34 56 78');
  await panel.getByTestId('aidant-contact-save').click();
  await expect(panel.getByTestId('aidant-contact-saved')).toContainText('Samia');
  await panel.getByTestId('open-settings').click();
}

/** Everything of the person the extension holds: its database, storage.local and .session. */
async function stores(sw: Worker) {
  return sw.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('pas-a-pas');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const counts: Record<string, number> = {};
    for (const name of Array.from(db.objectStoreNames)) {
      counts[name] = await new Promise<number>((resolve, reject) => {
        const req = db.transaction(name).objectStore(name).count();
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
    }
    db.close();
    return {
      counts,
      local: await chrome.storage.local.get(null),
      session: await chrome.storage.session.get(null),
    };
  });
}

test('at 320 px with « Très grande » text, no panel view scrolls sideways; Axe finds nothing at 100 % and 200 %', async ({
  context,
}) => {
  // Six views and three pages, each read by Axe: longer than one walk.
  test.setTimeout(180_000);
  const { page, panel } = await onSite(context, 'https://www.caf.fr/');

  // 100 %: the usual panel width and text size.
  await expect(panel.getByTestId(`guide-${DECL.id}`)).toBeVisible();
  expect(await axe(panel)).toEqual([]);

  // 200 %: the text-size setting at « Très grande » in the narrowest panel.
  await panel.setViewportSize({ width: 320, height: 800 });
  await chooseTextSize(panel, 'Très grande');
  await panel.getByTestId('aidant-contact-name').fill('Samia Benali-Delacroix');
  await noSidewaysScroll(panel, 'settings');
  expect(await axe(panel)).toEqual([]);
  await panel.getByTestId('open-settings').click();

  await noSidewaysScroll(panel, 'guide-list');
  expect(await axe(panel)).toEqual([]);

  await panel.getByTestId(`guide-${DECL.id}`).click();
  await noSidewaysScroll(panel, 'intro');
  await panel.getByTestId('start-aidant').click();
  await stepCount(panel, 1, 8);
  await panel.getByTestId('stuck').click();
  await expect(panel.getByTestId('stuck-help')).toBeVisible();
  await panel.getByTestId('stuck-drift').click();
  await noSidewaysScroll(panel, 'step-stuck');
  expect(await axe(panel)).toEqual([]);
  await page.close();

  // The extension's other pages, at 320 px and at 200 % of a wide window (half its width).
  for (const [name, url] of [
    ['data-page', `chrome-extension://${EXTENSION_ID}/options.html`],
    ['memo', `chrome-extension://${EXTENSION_ID}/memo.html?guide=${DECL.id}`],
    ['welcome', `chrome-extension://${EXTENSION_ID}/welcome.html`],
    ['privacy', `chrome-extension://${EXTENSION_ID}/privacy.html`],
  ] as const) {
    const other = await context.newPage();
    await other.setViewportSize({ width: 1280, height: 900 });
    await other.goto(url);
    await expect(other.locator('h1')).toBeVisible();
    expect(await axe(other), `${name} at 100 %`).toEqual([]);
    await other.setViewportSize({ width: 640, height: 450 });
    expect(await axe(other), `${name} at 200 %`).toEqual([]);
    await other.setViewportSize({ width: 320, height: 800 });
    await noSidewaysScroll(other, name);
    await other.close();
  }
});

test('« Je suis bloqué(e) » offers what fits the step, notes a changed page for the aidant, and calls the aidant', async ({
  context,
  serviceWorker,
}) => {
  const { page, panel } = await onSite(context, 'https://www.caf.fr/');
  // The person saved her aidant's number in the settings.
  await panel.getByTestId('open-settings').click();
  await saveAidantContact(panel);

  await panel.getByTestId(`guide-${DECL.id}`).click();
  await panel.getByTestId('start').click();
  const passwordAt = DECL.steps.findIndex((s) => s.id === 'mot-de-passe');
  // Go to the password step with « Étape suivante », as on a page that looks different.
  let i = 0;
  while (i < passwordAt) {
    await panel.getByTestId('next').click();
    i += 1;
    await expect(panel.getByTestId('step-view')).toHaveAttribute('data-step-index', String(i));
  }
  await expect(panel.getByTestId('step-title')).toHaveText(DECL.steps[passwordAt]!.title);

  await panel.getByTestId('stuck').click();
  const help = panel.getByTestId('stuck-help');
  const choices = help.locator('.stuck-choice');
  await expect(choices).toHaveText(['J’ai oublié mon mot de passe', 'La page n’est pas pareille']);
  await panel.getByTestId('stuck-password').click();
  await expect(panel.getByTestId('password-recovery')).toHaveAttribute(
    'href',
    'https://connect.caf.fr/connexionappli/dist/#/aideConnexion?isFromLoginPage=true&origine_demande=web',
  );
  await panel.getByTestId('stuck-drift').click();
  await expect(panel.getByTestId('drift-noted')).toContainText('Une note est gardée');
  // Official lines (a number to dial on a computer), France services, then her aidant.
  await expect(panel.getByTestId('help')).toContainText('Téléphone : 3230');
  await expect(panel.getByTestId('help')).toContainText('Service gratuit + prix d’un appel');
  await expect(panel.getByTestId('help')).toContainText('France services');
  await expect(panel.getByTestId('call-aidant')).toHaveText('Téléphone : 06 12 34 56 78');
  await expect(help).toContainText('Appeler mon aidant');
  expect(await axe(panel)).toEqual([]);
  await panel.screenshot({ path: artifact('journey-stuck-password.png'), fullPage: true });

  // The drift is a note on this step, in the extension's own database; nothing in the page.
  const held = await stores(serviceWorker);
  expect(held.counts.notes).toBe(1);
  expect(held.local.aidantContact).toEqual({ name: 'Samia', phone: '06 12 34 56 78' });
  expect(await page.evaluate(() => document.body.innerText)).not.toContain('Samia');

  // On the code step: the code help, not the password one.
  const codeAt = DECL.steps.findIndex((s) => s.id === 'code');
  while (i < codeAt) {
    await panel.getByTestId('next').click();
    i += 1;
    await expect(panel.getByTestId('step-view')).toHaveAttribute('data-step-index', String(i));
  }
  await panel.getByTestId('stuck').click();
  await expect(panel.getByTestId('stuck-password')).toHaveCount(0);
  await panel.getByTestId('stuck-code').click();
  await expect(panel.getByTestId('stuck-code-answer')).toContainText('nouveau code');
});

test('the aidant marks each step after the page moved past it, the last one on a calm end screen', async ({
  context,
}) => {
  const guide = PAIEMENTS;
  const { page, panel } = await onSite(context, guide.start);
  await panel.getByTestId(`guide-${guide.id}`).click();
  await panel.getByTestId('start-aidant').click();
  const last = guide.steps.length - 1;
  const entered: number[] = [];
  let i = 0;
  await expect(panel.getByTestId('how')).toHaveCount(0);
  while (i < last) {
    const step = guide.steps[i]!;
    await expect(panel.getByTestId('step-title')).toHaveText(step.title);
    entered.push(i);
    // The guide moves on by itself here: « Étape suivante » is not the main button.
    if (step.done) {
      await expect(panel.getByTestId('next')).toHaveClass(/btn-secondary/);
      await expect(panel.getByTestId('auto-hint')).toBeVisible();
    }
    await page.bringToFront();
    await perform(page, step, await firstVisible(page, step.target!));
    i = await currentStep(panel, i);
    // Asked about the step just done, which the page moved past.
    const before = previousCounted(guide, i, entered);
    const how = panel.getByTestId('how');
    await expect(how).toHaveAttribute('data-step-id', guide.steps[before!]!.id);
    await expect(how).toContainText(`« ${guide.steps[before!]!.title} »`);
    await panel.getByTestId('how-help').check();
    await expect(panel.getByTestId('how-help')).toBeChecked();
  }
  // The page showed the last step, what the person sees once it is all done: the end screen
  // still asks about the step she did last, and the aidant can change the mark there.
  await expect(panel.getByTestId('guide-finished')).toBeVisible();
  const how = panel.getByTestId('how');
  await expect(how).toHaveAttribute(
    'data-step-id',
    guide.steps[previousCounted(guide, last, entered)!]!.id,
  );
  await panel.getByTestId('how-alone').check();
  await expect(panel.getByTestId('how-alone')).toBeChecked();
  await expect(how.getByRole('radio', { checked: true })).toHaveCount(1);

  // Said once; only the memo and another procedure are offered.
  await expect(panel.getByTestId('guide-finished').getByRole('heading')).toHaveText('C’est fini !');
  const actions = panel.getByTestId('step-view').locator('.actions').first();
  await expect(actions.locator(':is(a, button):not([data-testid="speak"])')).toHaveText([
    /Mémo à imprimer/,
    'Choisir une autre démarche',
  ]);
  await expect(panel.getByTestId('prev')).toHaveCount(0);
  expect(await axe(panel)).toEqual([]);
  await panel.screenshot({ path: artifact('journey-end-aidant.png'), fullPage: true });
  await panel.setViewportSize({ width: 320, height: 800 });
  await chooseTextSize(panel, 'Très grande');
  await panel.getByTestId('open-settings').click();
  await noSidewaysScroll(panel, 'end-screen');
});

test('« Terminer pour cette personne » hands over a file, then leaves nothing of hers in any store', async ({
  context,
  serviceWorker,
}) => {
  const { page, panel } = await onSite(context, 'https://www.caf.fr/');
  await panel.getByTestId('open-settings').click();
  await saveAidantContact(panel);
  await panel.getByTestId(`guide-${DECL.id}`).click();
  await panel.getByTestId('start-aidant').click();
  await page.bringToFront();
  const first = DECL.steps[0]!;
  await perform(page, first, await firstVisible(page, first.target!));
  await stepCount(panel, 2, 8);
  await panel.getByTestId('how-help').check();
  await panel.getByTestId('note-input').fill('Le code est dans le carnet bleu');
  await panel.getByTestId('note-save').click();
  await expect(panel.getByTestId('notes-list')).toContainText('carnet bleu');
  let held = await stores(serviceWorker);
  expect(held.counts).toMatchObject({ sessions: 1, stepEvents: 1, notes: 1 });

  await panel.getByTestId('finish-person').click();
  const box = panel.getByTestId('finish-box');
  await expect(box.getByTestId('finish-memo')).toHaveAttribute(
    'href',
    `/memo.html?guide=${DECL.id}`,
  );
  const downloading = panel.waitForEvent('download');
  await box.getByTestId('finish-file').click();
  const file = await downloading;
  expect(file.suggestedFilename()).toMatch(/^pas-a-pas-\d{4}-\d{2}-\d{2}\.json$/);
  await panel.screenshot({ path: artifact('journey-finish-person.png'), fullPage: true });
  await box.getByTestId('finish-erase').click();
  await expect(panel.getByTestId('finish-done')).toBeVisible();
  await expect(panel.getByTestId(`guide-${DECL.id}`)).toBeVisible();
  await expect(panel.getByTestId('resume-card')).toHaveCount(0);

  held = await stores(serviceWorker);
  // Every store is listed, so a new one holding her data cannot be forgotten here. The drift
  // notes hold no one's data (guide, step, address pattern): they stay for the guides' authors.
  expect(held.counts).toEqual({ sessions: 0, stepEvents: 0, notes: 0, drift: held.counts.drift });
  expect(held.local).not.toHaveProperty('aidantContact');
  const tabs = Object.entries(held.session).filter(([k]) => k.startsWith('tab:'));
  for (const [, state] of tabs) expect(state).toMatchObject({ active: null });
  // The page rings no step any more.
  await expect(page.getByTestId('pap-stepbar')).toHaveCount(0);
  // The offer to resume is gone too.
  await page.reload();
  await expect(page.getByTestId('pap-offer')).not.toContainText('Reprendre');
});

test('« Ordinateur partagé » keeps nothing once the browser closes', async () => {
  const profile = mkdtempSync(path.join(tmpdir(), 'pap-shared-'));
  try {
    let context = await launch({ userDataDir: profile });
    let sw = await serviceWorkerOf(context);
    const { panel } = await onSite(context, 'https://www.caf.fr/');
    await panel.getByTestId('open-settings').click();
    // The box shows the saved setting: it turns checked once the background has kept it.
    await panel.getByTestId('setting-shared').click();
    await expect(panel.getByTestId('setting-shared')).toBeChecked();
    await saveAidantContact(panel);
    await panel.getByTestId(`guide-${DECL.id}`).click();
    await panel.getByTestId('start').click();
    await stepCount(panel, 1, 8);
    const before = await stores(sw);
    expect(before.counts.sessions).toBe(1);
    expect(before.local.aidantContact).toBeTruthy();
    await context.close();

    // The next person opens the browser: nothing of the last one is left.
    context = await launch({ userDataDir: profile });
    sw = await serviceWorkerOf(context);
    await expect.poll(async () => (await stores(sw)).counts.sessions).toBe(0);
    const after = await stores(sw);
    expect(after.counts).toEqual({
      sessions: 0,
      stepEvents: 0,
      notes: 0,
      drift: after.counts.drift,
    });
    expect(after.local).not.toHaveProperty('aidantContact');
    expect(after.local.settings).toMatchObject({ sharedComputer: true });
    await context.close();
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});
