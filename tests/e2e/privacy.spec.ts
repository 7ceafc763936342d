/**
 * Nothing a person types into a site's form ever reaches the extension's storage: after a
 * guided session with an aidant, every store the extension has is read back and searched for
 * the (fake) social security number, numéro fiscal and password that were typed.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { artifact, expect, openPanel, serviceWorkerOf, tabIdOf, test } from './fixtures';
import { bundledGuides, currentStep, expectRingAround, firstVisible, perform } from './walk';

const NIR = '184127512345678';
const FISCAL = '1234567890123';
const PASSWORD = 'MotDePasse!2024';

/** Each secret as typed, without spaces, and its first 8 characters. */
const NEEDLES = [
  ...new Set([NIR, FISCAL, PASSWORD].flatMap((s) => [s, s.replace(/\s/g, ''), s.slice(0, 8)])),
];

const guides = bundledGuides();
const DECL = guides.find((g) => g.id === 'caf-declaration-trimestrielle')!;
const IMPOTS = guides.find((g) => g.id === 'impots-declarer-revenus')!;

/** IndexedDB databases of the page's own origin (the site's, not ours). */
async function siteDatabases(page: Page): Promise<{ origin: string; names: string[] }> {
  await page.waitForLoadState();
  return page.evaluate(async () => ({
    origin: location.origin,
    names: (await indexedDB.databases()).map((d) => d.name ?? ''),
  }));
}

async function startWithAidant(context: BrowserContext, url: string, guideId: string) {
  const page = await context.newPage();
  await page.goto(url);
  await expect(page.getByTestId('pap-offer')).toBeVisible();
  const tabId = await tabIdOf(context, page);
  const panel = await openPanel(context, tabId);
  await panel.getByTestId(`guide-${guideId}`).click();
  await panel.getByTestId('start-aidant').click();
  await expect(panel.getByTestId('step-view')).toBeVisible();
  await expect(panel.getByTestId('aidant-tools')).toBeVisible();
  return { page, panel, tabId };
}

/** Everything the extension keeps, read from its service worker, as one JSON text. */
async function dumpExtensionStores(context: BrowserContext): Promise<string> {
  const sw = await serviceWorkerOf(context);
  return sw.evaluate(async () => {
    const req = <T>(r: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    const idb: Record<string, Record<string, unknown[]>> = {};
    for (const info of await indexedDB.databases()) {
      const name = info.name ?? '';
      const open = indexedDB.open(name);
      const db = await req(open);
      const stores: Record<string, unknown[]> = {};
      for (const store of Array.from(db.objectStoreNames)) {
        const tx = db.transaction(store, 'readonly').objectStore(store);
        stores[store] = await req(tx.getAll());
        stores[`${store}#keys`] = await req(tx.getAllKeys());
      }
      db.close();
      idb[name] = stores;
    }
    const local = await chrome.storage.local.get(null);
    const session = await chrome.storage.session.get(null);
    return JSON.stringify({ idb, local, session });
  });
}

test('typed identifiers and passwords never reach the extension’s storage', async ({ context }) => {
  test.setTimeout(120_000);
  const siteDbs: { origin: string; names: string[] }[] = [];

  // ── CAF: the whole quarterly declaration, with an aidant ────────────────────────────────
  const caf = await startWithAidant(context, DECL.start, DECL.id);
  let i = 0;
  while (i < DECL.steps.length - 1) {
    const step = DECL.steps[i]!;
    await expect(caf.panel.getByTestId('step-title')).toHaveText(step.title);
    await caf.page.bringToFront();
    const target = await firstVisible(caf.page, step.target!);
    await expectRingAround(caf.page, target);
    siteDbs.push(await siteDatabases(caf.page));
    if (step.id === 'se-connecter') {
      // Let the page settle with the values in the fields (and the extension watching).
      await caf.page.waitForTimeout(500);
      await caf.page.screenshot({ path: artifact('privacy-caf-login.png') });
    }
    const typed = { numero: NIR, 'mot-de-passe': PASSWORD }[step.id] ?? '1250';
    await perform(caf.page, step, target, typed);
    // The aidant marks how the step went.
    await caf.panel.getByTestId('how-help').click();
    i = await currentStep(caf.panel, i);
  }
  await expect(caf.panel.getByTestId('guide-finished')).toBeVisible();
  siteDbs.push(await siteDatabases(caf.page));

  // The aidant tries to keep the number in a note: refused, as the password is.
  await caf.panel.bringToFront();
  const note = caf.panel.getByTestId('note-input');
  for (const secret of [`Son numéro : ${NIR}`, `mot de passe : ${PASSWORD}`]) {
    await note.fill(secret);
    await caf.panel.getByTestId('note-save').click();
    await expect(caf.panel.getByTestId('note-error')).toBeVisible();
    await expect(note).toHaveValue(secret);
  }
  await caf.panel.screenshot({ path: artifact('privacy-note-refused.png') });
  await note.fill('Revoir ensemble la page des montants.');
  await caf.panel.getByTestId('note-save').click();
  await expect(note).toHaveValue('');

  // ── impots: the login steps, numéro fiscal and password ─────────────────────────────────
  const imp = await startWithAidant(context, IMPOTS.start, IMPOTS.id);
  const values: Record<string, string> = {
    'numero-fiscal': FISCAL,
    'mot-de-passe': PASSWORD,
    'code-securite': '482913',
  };
  const declarer = IMPOTS.steps.findIndex((s) => s.id === 'declarer');
  i = 0;
  while (i < declarer) {
    const step = IMPOTS.steps[i]!;
    await expect(imp.panel.getByTestId('step-title')).toHaveText(step.title);
    await imp.page.bringToFront();
    const target = await firstVisible(imp.page, step.target!);
    await expectRingAround(imp.page, target);
    siteDbs.push(await siteDatabases(imp.page));
    await perform(imp.page, step, target, values[step.id]);
    i = await currentStep(imp.panel, i);
  }
  expect(i).toBe(declarer);
  siteDbs.push(await siteDatabases(imp.page));
  // The field keeps what was typed on the site's side: the values did go into the forms.
  expect(imp.page.url()).toMatch(/cfspart\.impots\.gouv\.fr\/enp\//);

  // ── what the extension kept ─────────────────────────────────────────────────────────────
  const dump = await dumpExtensionStores(context);
  // The dump is real: both sessions and the aidant's note and marks are in it.
  const parsed = JSON.parse(dump) as {
    idb: Record<string, Record<string, unknown[]>>;
    session: Record<string, unknown>;
  };
  expect(Object.keys(parsed.idb)).toContain('pas-a-pas');
  const db = parsed.idb['pas-a-pas']!;
  expect(db.sessions!.map((s) => (s as { guideId: string }).guideId).sort()).toEqual([
    DECL.id,
    IMPOTS.id,
  ]);
  expect(db.sessions!.every((s) => (s as { mode: string }).mode === 'aidant')).toBe(true);
  expect(db.stepEvents!.length).toBeGreaterThan(0);
  expect(db.notes!.map((n) => (n as { text: string }).text)).toEqual([
    'Revoir ensemble la page des montants.',
  ]);
  expect(Object.keys(parsed.session)).toContain(`tab:${imp.tabId}`);

  // The extension pages' own web storage, for completeness.
  const pageStorage = await imp.panel.evaluate(() =>
    JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage } }),
  );

  for (const needle of NEEDLES) {
    expect(dump, `"${needle}" found in the extension's stores`).not.toContain(needle);
    expect(pageStorage, `"${needle}" found in the panel's web storage`).not.toContain(needle);
  }

  // Nothing of ours in the sites' own storage either.
  expect(siteDbs.length).toBeGreaterThan(8);
  for (const { origin, names } of siteDbs) {
    expect(names, origin).not.toContain('pas-a-pas');
    expect(
      names.filter((n) => /pas-a-pas|pap/i.test(n)),
      origin,
    ).toEqual([]);
  }
});
