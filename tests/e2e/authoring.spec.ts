/**
 * The authoring kit in real Chromium with the built extension, on the practice pages: the
 * element picker, the recorder (a typed password never stored anywhere), the live preview of a
 * guide file, and the drift notes. The screenshots go to guides/img/ for guides/README.md.
 */
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../support/launch';
import { EXTENSION_ID, expect, firstLookDone, openPanel, tabIdOf, test } from './fixtures';
import { loadGuides } from '../../core/guides/load';

const LOGIN = 'https://connect.caf.fr/connexionappli/dist/#/login';
const IMG = path.join(ROOT, 'guides/img');
const PASSWORD = 'Tournesol-4827!';
const NIR = '1840512345678';
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

mkdirSync(IMG, { recursive: true });
const shot = (name: string) => path.join(IMG, name);

/** The site page, and « Je rédige des guides » ticked in the panel's settings. */
async function setUp(context: BrowserContext, screenshot = false) {
  const page = await context.newPage();
  await page.goto(LOGIN);
  await firstLookDone(page);
  const tabId = await tabIdOf(context, page);
  const panel = await openPanel(context, tabId);
  await panel.getByTestId('open-settings').click();
  await expect(panel.getByTestId('setting-authoring')).not.toBeChecked();
  // The box follows the saved setting, once the background has answered.
  await panel.getByTestId('setting-authoring').click();
  await expect(panel.getByTestId('setting-authoring')).toBeChecked();
  await expect(panel.getByTestId('authoring-link')).toBeVisible();
  if (screenshot) await panel.screenshot({ path: shot('reglage-rediger.png') });
  await panel.close();
  const authoring = await context.newPage();
  await authoring.goto(`chrome-extension://${EXTENSION_ID}/authoring.html`);
  await expect(authoring.getByTestId('authoring-tab')).toHaveValue(String(tabId));
  return { page, authoring, tabId };
}

/** Every value the extension keeps: storage.local, storage.session and IndexedDB. */
async function everythingStored(sw: Worker): Promise<string> {
  return sw.evaluate(async () => {
    const out: unknown[] = [
      await chrome.storage.local.get(null),
      await chrome.storage.session.get(null),
    ];
    for (const info of await indexedDB.databases()) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(info.name!);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      for (const name of db.objectStoreNames) {
        const rows = await new Promise<unknown[]>((resolve, reject) => {
          const req = db.transaction(name).objectStore(name).getAll();
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        out.push({ [name]: rows });
      }
      db.close();
    }
    return JSON.stringify(out);
  });
}

/** One section of the authoring page, for the documentation's pictures. */
function sectionOf(page: Page, testId: string) {
  return page.locator('section').filter({ has: page.getByTestId(testId) });
}

async function snippet(page: Page) {
  return page.getByTestId('pap-author-snippet');
}

test('the picker gives a button’s and a labelled field’s locator, with how many it finds', async ({
  context,
}) => {
  const { page, authoring } = await setUp(context, true);
  await authoring.screenshot({ path: shot('page-rediger.png') });

  // Off is the default, and nothing of the kit is in the page before it is asked for.
  await expect(page.locator('pas-a-pas-author')).toHaveCount(0);
  await authoring.getByTestId('authoring-pick').click();
  await expect(authoring.getByTestId('authoring-status')).toContainText('allez dans l’onglet');

  await page.bringToFront();
  const button = page.locator('#btn-choix-identifiants');
  await button.hover();
  await button.click();
  await expect(await snippet(page)).toHaveText(
    'target: { role: button, name: Se connecter }  # 1 élément sur cette page',
  );
  await expect(page.getByTestId('pap-author-count')).toContainText('Trouvé 1 fois');
  // The pick took the click: the page did not move on.
  await expect(page.locator('#vue-identifiants')).toBeHidden();
  await page.screenshot({ path: shot('choisir-un-element.png') });

  // Escape leaves; the page is the author's again.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('pap-author-box')).toHaveCount(0);
  await button.click();
  await expect(page.locator('#vue-identifiants')).toBeVisible();

  // A field, by keyboard, with something typed in it first.
  await page.locator('#inputMotDePasse').fill(PASSWORD);
  await authoring.getByTestId('authoring-pick').click();
  await page.bringToFront();
  await page.locator('#inputMotDePasse').focus();
  await page.keyboard.press('Enter');
  await expect(await snippet(page)).toHaveText(
    'target: { label: Mot de passe }  # 1 élément sur cette page',
  );
  await expect(page.getByTestId('pap-author-box')).not.toContainText(PASSWORD);
  await page.keyboard.press('Escape');
});

test('the recorder makes a draft from clicks and fields, without anything typed', async ({
  context,
  serviceWorker,
}) => {
  const { page, authoring } = await setUp(context);
  await authoring.getByTestId('authoring-record').click();
  await expect(authoring.getByTestId('authoring-recording')).toBeVisible();

  await page.bringToFront();
  await expect(page.getByTestId('pap-author-recording')).toBeVisible();
  await page.locator('#btn-choix-identifiants').click();
  await page.locator('#nir').fill(NIR);
  await page.locator('#inputMotDePasse').fill(PASSWORD);
  await page.screenshot({ path: shot('enregistrer.png') });
  await page.locator('#form-connexion button[type="submit"]').click();
  await page.waitForURL(/tableaudebord/);
  await firstLookDone(page);

  await authoring.bringToFront();
  await authoring.getByTestId('authoring-record-stop').click();
  const draft = await authoring.getByTestId('authoring-draft').inputValue();
  await sectionOf(authoring, 'authoring-draft').screenshot({ path: shot('brouillon.png') });

  for (const secret of [PASSWORD, NIR]) {
    expect(draft).not.toContain(secret);
    expect(await everythingStored(serviceWorker)).not.toContain(secret);
  }
  // The same checks as `npm run guides:check` (tools/guides/cli.ts).
  const checked = loadGuides([{ path: 'caf/brouillon-caf.yaml', text: draft }]);
  expect(checked.diagnostics).toEqual([]);
  const steps = checked.guides[0]!.steps;
  expect(steps.map((s) => s.title)).toEqual([
    'Cliquez sur « Se connecter »',
    'Remplissez « Numéro de sécurité sociale »',
    'Remplissez « Mot de passe »',
    'Cliquez sur « Se connecter »',
    'C’est terminé',
  ]);
  expect(steps[0]!.on).toEqual({ url: ['connect.caf.fr/connexionappli/dist/#/login'] });
  expect(steps[0]!.done).toEqual({
    present: [{ role: 'textbox', name: 'Numéro de sécurité sociale' }],
  });
  expect(steps[2]!.target).toEqual([{ label: 'Mot de passe' }]);
  expect(steps[3]!.done?.url?.[0]).toMatch(/^wwwd\.caf\.fr\/.*tableaudebord/);
});

const BROKEN = `id: essai-connexion
site: caf
title: Essai de connexion
goal: Essayer le guide.
source: https://www.caf.fr/
start: ${LOGIN}
steps:
  - id: choisir
    title: Cliquez sur « Se connecter »
    text: Le bouton de la connexion allocataire.
    action: clik
    target: { role: button, name: Se connecter }
`;

const VALID = `id: essai-connexion
site: caf
title: Essai de connexion
goal: Essayer le guide.
source: https://www.caf.fr/
start: ${LOGIN}
steps:
  - id: choisir
    title: Cliquez sur « Se connecter »
    text: Le bouton de la connexion allocataire.
    evidence: { unverified: essai }
    on: { url: ["connect.caf.fr/connexionappli/dist/*"] }
    target: { role: button, name: Se connecter }
    done: { present: [{ label: Mot de passe }] }
  - id: mot-de-passe
    title: Remplissez « Mot de passe »
    text: Votre mot de passe.
    evidence: { unverified: essai }
    action: fill
    on: { present: [{ label: Mot de passe }] }
    target: { label: Mot de passe }
  - id: fin
    title: C’est prêt
    text: Le formulaire est là.
    evidence: { unverified: essai }
    action: read
    on: { present: [{ label: Numéro de sécurité sociale }] }
`;

test('a guide file is checked at its lines, then runs on the page without a rebuild', async ({
  context,
  serviceWorker,
}) => {
  const { page, authoring, tabId } = await setUp(context);
  const text = authoring.getByTestId('authoring-guide-text');
  await text.fill(BROKEN);
  await authoring.getByTestId('authoring-check').click();
  const problems = authoring.getByTestId('authoring-problems');
  await expect(problems).toContainText('Ligne 11, colonne 13 :');
  await expect(problems).toContainText('« action » doit être');
  await sectionOf(authoring, 'authoring-guide-text').screenshot({
    path: shot('essayer-erreur.png'),
  });

  await text.fill(VALID);
  await authoring.getByTestId('authoring-check').click();
  await expect(authoring.getByTestId('authoring-valid')).toBeVisible();
  const targets = authoring.getByTestId('authoring-targets');
  await expect(targets.locator('[data-step="choisir"]')).toHaveAttribute('data-status', 'ready');
  await expect(targets.locator('[data-step="mot-de-passe"]')).toHaveAttribute(
    'data-status',
    'missing',
  );
  await sectionOf(authoring, 'authoring-guide-text').screenshot({ path: shot('essayer.png') });

  // The guide runs in the tab: its first target is ringed, and the page walks it to its end.
  await page.bringToFront();
  await expect(page.getByTestId('pap-highlight')).toBeVisible();
  await page.locator('#btn-choix-identifiants').click();
  await page.locator('#inputMotDePasse').fill(PASSWORD);
  await page.keyboard.press('Tab');
  await expect
    .poll(() =>
      serviceWorker.evaluate(
        async (id) => (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`],
        tabId,
      ),
    )
    .toMatchObject({ active: { guideId: 'essai-connexion', finished: true } });
});

test('the side panel shows the guide in preview, marked « Aperçu », and records nothing', async ({
  context,
  serviceWorker,
}) => {
  const { page, authoring, tabId } = await setUp(context);
  await authoring.getByTestId('authoring-guide-text').fill(VALID);
  await authoring.getByTestId('authoring-check').click();
  await expect(authoring.getByTestId('authoring-valid')).toBeVisible();

  // The panel opened after the preview started shows it like a bundled guide.
  const panel = await openPanel(context, tabId);
  await expect(panel.getByTestId('preview-badge')).toContainText('Aperçu');
  const step = panel.getByTestId('step-view');
  await expect(step).toHaveAttribute('data-step-id', 'choisir');
  await expect(step).toContainText('Essai de connexion');
  await expect(step).toContainText('Cliquez sur « Se connecter »');
  await expect(panel.getByTestId('step-count')).toContainText('1');
  await panel.screenshot({ path: shot('apercu-panneau.png') });

  // Its paper memo can be checked too: the memo page asks the background for it.
  const opening = context.waitForEvent('page');
  await panel.getByTestId('memo-link').click();
  const memo = await opening;
  await expect(memo.getByTestId('memo-title')).toHaveText('Essai de connexion');
  await expect(memo.getByTestId('memo-steps')).toContainText('Cliquez sur « Se connecter »');
  await memo.close();

  // It follows the page to the next step, as any guide does.
  await page.bringToFront();
  await page.locator('#btn-choix-identifiants').click();
  await expect(step).toHaveAttribute('data-step-id', 'mot-de-passe');
  await expect(panel.getByTestId('preview-badge')).toBeVisible();

  // Nothing of it reaches the progress store.
  const rows = await serviceWorker.evaluate(async () => {
    const out: Record<string, number> = {};
    for (const info of await indexedDB.databases()) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(info.name!);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      for (const name of ['sessions', 'stepEvents', 'notes']) {
        if (!db.objectStoreNames.contains(name)) continue;
        out[name] = await new Promise<number>((resolve, reject) => {
          const req = db.transaction(name).objectStore(name).count();
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
      }
      db.close();
    }
    return out;
  });
  expect(rows).toEqual({ sessions: 0, stepEvents: 0, notes: 0 });
});

test('a target not found on the site leaves a drift note, without the page’s words', async ({
  context,
}) => {
  const { page, authoring, tabId } = await setUp(context);
  // The site changed: the « Se connecter » button of the first step is gone.
  await page.evaluate(() => document.getElementById('btn-choix-identifiants')?.remove());
  const panel = await openPanel(context, tabId);
  await panel.getByTestId('guide-caf-attestation-paiement').click();
  await panel.getByTestId('start').click();
  await expect(page.getByTestId('pap-notfound')).toBeVisible();

  await authoring.bringToFront();
  await expect(async () => {
    await authoring.getByTestId('drift-load').click();
    await expect(authoring.getByTestId('drift-notes')).toContainText(
      'caf-attestation-paiement, étape choisir-connexion : connect.caf.fr/connexionappli/dist/#/login',
    );
  }).toPass();
  const report = await authoring.getByTestId('drift-report').innerText();
  await sectionOf(authoring, 'drift-report').screenshot({ path: shot('notes-du-terrain.png') });
  const lines = report.trim().split('\n');
  expect(lines.slice(3)).toEqual([
    expect.stringMatching(
      /^- guide caf-attestation-paiement, étape choisir-connexion, non trouvé, page connect\.caf\.fr\/connexionappli\/dist\/#\/login, \d{4}-\d\d-\d\d, 1 fois, version \d+\.\d+\.\d+$/,
    ),
  ]);
  for (const words of ['Je me connecte', 'Connexion allocataire', 'FranceConnect', 'Mon Compte'])
    expect(report).not.toContain(words);
});

test('the authoring page passes Axe', async ({ context }) => {
  const { authoring } = await setUp(context);
  await authoring.getByTestId('authoring-guide-text').fill(BROKEN);
  await authoring.getByTestId('authoring-check').click();
  await expect(authoring.getByTestId('authoring-problems')).toBeVisible();
  const result = await new AxeBuilder({ page: authoring }).withTags(WCAG).analyze();
  expect(
    result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`),
  ).toEqual([]);
});
