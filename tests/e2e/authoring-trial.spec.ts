/**
 * A new mediator's first guide, start to finish, with only the extension and a text editor:
 * « Caf : voir mes derniers paiements » (no bundled guide covers it). The script does what the
 * mediator does — switch the kit on, pick an element, record the procedure, rewrite the draft
 * in an editor (here: the same edits, made by code), open the file in « Essayer un guide », fix
 * the error it shows, and follow the guide on the page in the side panel — and prints how long
 * each phase took on this machine. Figures only (no timed assertion): the extension's own
 * phases are measured; the author's typing and reading time is not, and is left to the note.
 * The guide stays here (tests/e2e/trial/), not in guides/.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../support/launch';
import {
  artifact,
  EXTENSION_ID,
  expect,
  firstLookDone,
  openPanel,
  tabIdOf,
  test,
} from './fixtures';

const DASHBOARD = 'https://wwwd.caf.fr/wps/myportal/caffr/moncompte/tableaudebord';
const GUIDE_ID = 'caf-voir-mes-paiements';

/** Wall-clock time of each phase, printed at the end. */
const phases: { name: string; ms: number }[] = [];
async function phase<T>(name: string, run: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const out = await run();
  phases.push({ name, ms: Math.round(performance.now() - t0) });
  return out;
}

/**
 * What the mediator changes in the draft, in their editor: the words (titles, texts, goal),
 * the id, the source, an evidence for each step, and one step added by hand (reading the
 * table). The recorded `on`, `target` and `done` lines are kept as they are. Round 0 has a
 * slip (« action: lire »), round 1 a read step that never ends, round 2 is right.
 */
function rewrite(draft: string, round: 0 | 1 | 2): string {
  // The recorded lines of each draft step, copied as they are (`on: …`, `target: …`, `done: …`).
  const steps = draft
    .split(/^ {2}- id: /m)
    .slice(1)
    .map((chunk) => {
      const line = (key: string) => chunk.match(new RegExp(`^ {4}${key}: (.*)$`, 'm'))?.[1];
      return { on: line('on'), target: line('target'), done: line('done') };
    });
  const [toPayments, toCertificates] = steps;
  const last = steps.at(-1)!;
  const evidence =
    '{ unverified: "essai d’une médiatrice sur la page d’entraînement ; à vérifier sur le vrai site" }';
  return `# Essai : premier guide écrit avec les outils de rédaction (tests/e2e/authoring-trial.spec.ts).
id: ${GUIDE_ID}
site: caf
title: Voir mes derniers paiements de la Caf
goal: Voir les sommes que la Caf vous a versées ces derniers mois.
source: https://www.caf.fr/allocataires/mon-compte
start: ${DASHBOARD}
prepare: []
steps:
  - id: ouvrir-paiements
    title: Cliquez sur « Mes paiements »
    text: Le lien est dans le menu, en haut de la page.
    action: click
    evidence: ${evidence}
    on: ${toPayments!.on}
    target: ${toPayments!.target}
    done: ${toPayments!.done}
  - id: lire-paiements
    title: Lisez vos derniers paiements
    text: Le tableau montre la date, l’aide et la somme versée.
    action: ${round === 0 ? 'lire' : 'read'}
    evidence: ${evidence}
    on: ${toCertificates!.on}
${round === 2 ? `    done: ${toCertificates!.done}\n` : ''}  - id: attestation
    title: ${round === 2 ? 'Cliquez sur « Mes attestations » pour avoir une preuve' : 'Pour une preuve, cliquez sur « Mes attestations »'}
    text: Vous pourrez y demander une attestation de paiement.
    action: click
    evidence: ${evidence}
    on: ${toCertificates!.on}
    target: ${toCertificates!.target}
    done: ${toCertificates!.done}
  - id: fin
    title: C’est fini
    text: Vous êtes sur la page « Mes attestations ».
    action: read
    evidence: ${evidence}
    on: ${last.on}
`;
}

test('a new mediator writes a working guide with the kit alone, and how long each phase took', async ({
  context,
}) => {
  test.setTimeout(180_000);
  const dir = artifact('trial');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'caf'), { recursive: true });

  // 1. Switch the kit on: the site's page, the panel's settings, the authoring page.
  const { page, authoring, tabId } = await phase(
    '1. réglage « Je rédige des guides »',
    async () => {
      const page = await context.newPage();
      await page.goto(DASHBOARD);
      await firstLookDone(page);
      const tabId = await tabIdOf(context, page);
      const panel = await openPanel(context, tabId);
      await panel.getByTestId('open-settings').click();
      await panel.getByTestId('setting-authoring').click();
      await expect(panel.getByTestId('authoring-link')).toBeVisible();
      await panel.close();
      const authoring = await context.newPage();
      await authoring.goto(`chrome-extension://${EXTENSION_ID}/authoring.html`);
      await expect(authoring.getByTestId('authoring-tab')).toHaveValue(String(tabId));
      return { page, authoring, tabId };
    },
  );

  // 2. Pick the « Mes paiements » link: the page has it twice (desktop and mobile menus).
  const picked = await phase('2. choisir un élément (« Mes paiements »)', async () => {
    await authoring.getByTestId('authoring-pick').click();
    await page.bringToFront();
    const link = page.locator('#theme-header-menu-links a', { hasText: 'Mes paiements' }).first();
    await link.hover();
    await link.click();
    const text = await page.getByTestId('pap-author-snippet').innerText();
    await page.keyboard.press('Escape');
    return text;
  });
  expect(picked).toContain('# 1 élément sur cette page');

  // 3. Record the procedure: two clicks, two pages.
  const draft = await phase('3. enregistrer la démarche (2 clics)', async () => {
    await authoring.bringToFront();
    await authoring.getByTestId('authoring-record').click();
    await page.bringToFront();
    await expect(page.getByTestId('pap-author-recording')).toBeVisible();
    await page.locator('#theme-header-menu-links a', { hasText: 'Mes paiements' }).first().click();
    await page.waitForURL(/mespaiementsmesdroits/);
    await firstLookDone(page);
    await page
      .locator('#theme-header-menu-links a', { hasText: 'Mes attestations' })
      .first()
      .click();
    await page.waitForURL(/mesattestations/);
    await firstLookDone(page);
    await authoring.bringToFront();
    await authoring.getByTestId('authoring-record-stop').click();
    // The draft file, downloaded, is what the mediator opens in their editor.
    const download = authoring.waitForEvent('download');
    await authoring.getByTestId('authoring-draft-download').click();
    const saved = path.join(dir, '..', `trial-${(await download).suggestedFilename()}`);
    await (await download).saveAs(saved);
    return readFileSync(saved, 'utf8');
  });

  // 4. In the editor: the words rewritten, one step added — with a slip (« action: lire »).
  const file = path.join(dir, 'caf', `${GUIDE_ID}.yaml`);
  await phase('4. réécrire le brouillon (éditeur ; ici par le script)', async () => {
    writeFileSync(file, rewrite(draft, 0));
  });

  // 5. Open the file in « Essayer un guide »: the slip is shown at its line, then fixed.
  const slip = await phase('5. essayer : erreur montrée à sa ligne', async () => {
    await page.goto(DASHBOARD);
    await firstLookDone(page);
    await authoring.bringToFront();
    await authoring.getByTestId('authoring-file').setInputFiles(file);
    await expect(authoring.getByTestId('authoring-guide-text')).toHaveValue(/lire-paiements/);
    await authoring.getByTestId('authoring-check').click();
    return authoring.getByTestId('authoring-problems').innerText();
  });
  expect(slip).toMatch(/Ligne 21, colonne 13 : .*action/);

  /** The mediator saves the file again and opens it again in « Essayer un guide ». */
  async function reopen(round: 1 | 2) {
    writeFileSync(file, rewrite(draft, round));
    await authoring.getByTestId('authoring-file').setInputFiles([]);
    await authoring.getByTestId('authoring-file').setInputFiles(file);
    await expect(authoring.getByTestId('authoring-guide-text')).toHaveValue(/action: read/);
    await authoring.getByTestId('authoring-check').click();
  }

  const logic = await phase('6. corriger ; erreur suivante (étape sans « done »)', async () => {
    await reopen(1);
    const problems = authoring.getByTestId('authoring-problems');
    await expect(problems).toContainText('ne sait pas quand cette étape est finie');
    return {
      problems: await problems.innerText(),
      remarks: await authoring.getByTestId('authoring-remarks').innerText(),
    };
  });

  await phase('7. corriger, essayer : repères de la page', async () => {
    await reopen(2);
    await expect(authoring.getByTestId('authoring-valid')).toBeVisible();
    await expect(authoring.getByTestId('authoring-remarks')).toHaveCount(0);
    const targets = authoring.getByTestId('authoring-targets');
    await expect(targets.locator('[data-step="ouvrir-paiements"]')).toHaveAttribute(
      'data-status',
      'ready',
    );
  });
  await authoring.screenshot({ path: path.join(dir, 'page-essai.png'), fullPage: true });
  // The same page in a narrow window (half a small laptop screen).
  const wide = authoring.viewportSize();
  await authoring.setViewportSize({ width: 400, height: 800 });
  await authoring.screenshot({ path: path.join(dir, 'page-essai-etroite.png'), fullPage: true });
  if (wide) await authoring.setViewportSize(wide);

  // 8. Follow it as a person would, with the side panel open.
  await phase('8. suivre le guide sur la page, panneau ouvert', async () => {
    const panel = await openPanel(context, tabId);
    await expect(panel.getByTestId('preview-badge')).toBeVisible();
    const step = panel.getByTestId('step-view');
    await expect(step).toHaveAttribute('data-step-id', 'ouvrir-paiements');
    await page.bringToFront();
    await expect(page.getByTestId('pap-highlight')).toBeVisible();
    await page.locator('#theme-header-menu-links a', { hasText: 'Mes paiements' }).first().click();
    await page.waitForURL(/mespaiementsmesdroits/);
    await expect(step).toHaveAttribute('data-step-id', 'lire-paiements');
    await panel.getByTestId('next').click();
    await expect(step).toHaveAttribute('data-step-id', 'attestation');
    await page.bringToFront();
    await page
      .locator('#theme-header-menu-links a', { hasText: 'Mes attestations' })
      .first()
      .click();
    await page.waitForURL(/mesattestations/);
    await expect(panel.getByTestId('step-view')).toHaveAttribute('data-step-id', 'fin');
    await panel.screenshot({ path: path.join(dir, 'panneau-essai.png') });
  });

  // 9. The same file through `npm run guides:check` (the maintainers' check).
  const report = await phase('9. guides:check sur le fichier', async () =>
    execFileSync('npx', ['tsx', 'tools/guides/cli.ts', dir, '--no-targets'], {
      cwd: ROOT,
      encoding: 'utf8',
    }),
  );

  const total = phases.reduce((n, p) => n + p.ms, 0);
  const lines = [
    `Essai d’un premier guide (${GUIDE_ID}) — durées mesurées sur cette machine :`,
    ...phases.map((p) => `  ${p.name.padEnd(58)} ${(p.ms / 1000).toFixed(1).padStart(6)} s`),
    `  ${'total (sans le temps de lecture et de frappe)'.padEnd(58)} ${(total / 1000).toFixed(1).padStart(6)} s`,
    `Repère proposé : ${picked}`,
    `Erreurs montrées : ${slip.trim()} / ${logic.problems.trim()}`,
    `Remarques : ${logic.remarks.trim()}`,
    `guides:check : ${report.trim().split('\n').at(-1)}`,
  ];
  console.log(lines.join('\n'));
  writeFileSync(path.join(dir, 'durees.txt'), `${lines.join('\n')}\n`);
});
