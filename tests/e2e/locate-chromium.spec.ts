/**
 * The locator engine in real Chromium, on small pages written after real markup: what the
 * unit tests' engines cannot show (layout, text drawn by CSS, text hidden for screen readers
 * only, dialogs opened with showModal, a button enabled by the page's own script).
 */
import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator } from '../../core/guides/types';
import { CHROMIUM } from '../support/launch';

const here = path.dirname(fileURLToPath(import.meta.url));

let browser: Browser;
let engine: string;

test.beforeAll(async () => {
  const out = await build({
    stdin: {
      contents: `export { findTarget } from './core/locate/locate';
        export { nameOf } from './core/locate/names';`,
      resolveDir: path.resolve(here, '../..'),
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    globalName: 'papLocate',
    write: false,
  });
  engine = out.outputFiles[0]?.text ?? '';
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
});

test.afterAll(async () => {
  await browser.close();
});

async function open(html: string, css = ''): Promise<Page> {
  const page = await browser.newPage();
  await page.setContent(
    `<!doctype html><html lang="fr"><head><style>${css}</style></head><body>${html}</body></html>`,
  );
  await page.addScriptTag({ content: engine });
  return page;
}

/** The id of what findTarget returns, with its status. */
function find(page: Page, locators: Locator[]) {
  return page.evaluate((l) => {
    const api = (window as unknown as { papLocate: typeof import('../../core/locate/locate') })
      .papLocate;
    const r = api.findTarget(document, l);
    return `${r.status}${r.element ? ` #${r.element.id}` : ''}`;
  }, locators);
}

function nameOf(page: Page, id: string) {
  return page.evaluate((i) => {
    const api = (window as unknown as { papLocate: typeof import('../../core/locate/names') })
      .papLocate;
    return api.nameOf(document.getElementById(i) as Element);
  }, id);
}

test('text drawn by CSS counts as the browser reads it, and may be left out', async () => {
  const page = await open(
    `<label class="req" for="nom">Nom</label><input id="nom">
     <button id="next" class="next" type="button"></button>
     <a id="pay" href="/p"><span class="icon" aria-hidden="false"></span>Mes paiements</a>
     <a id="ext" class="arrow" href="/e">Aide</a>`,
    `.req::after { content: " *" }
     .next::before { content: "Suivant" }
     .icon::before { content: "\\e900" }
     .arrow::after { content: "→" / "" }`,
  );
  expect(await nameOf(page, 'nom')).toBe('Nom *');
  expect(await find(page, [{ label: 'Nom *' }])).toBe('ready #nom');
  expect(await find(page, [{ label: 'Nom' }])).toBe('ready #nom');
  expect(await find(page, [{ role: 'button', name: 'Suivant' }])).toBe('ready #next');
  expect(await find(page, [{ role: 'link', name: 'Mes paiements' }])).toBe('ready #pay');
  expect(await nameOf(page, 'ext')).toBe('Aide');
  await page.close();
});

test('text for screen readers only is part of the name, and may be left out', async () => {
  const page = await open(
    `<a id="dl" href="/att.pdf">Télécharger<span class="fr-sr-only"> l’attestation de mars</span></a>`,
    `.fr-sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden;
       clip: rect(0 0 0 0); white-space: nowrap }`,
  );
  expect(await nameOf(page, 'dl')).toBe('Télécharger l’attestation de mars');
  expect(await find(page, [{ role: 'link', name: 'Télécharger l’attestation de mars' }])).toBe(
    'ready #dl',
  );
  expect(await find(page, [{ role: 'link', name: 'Télécharger' }])).toBe('ready #dl');
  await page.close();
});

test('the fr-connect button reads as on screen', async () => {
  const page = await open(
    `<div class="fr-connect-group"><button id="fc" class="fr-connect"><span class="fr-connect__login">S’identifier avec</span><span class="fr-connect__brand">FranceConnect</span></button></div>`,
    `.fr-connect { display: inline-flex; flex-direction: column; padding: .5rem 1.5rem }
     .fr-connect::before { content: ""; width: 3rem; height: 3rem }
     .fr-connect__login, .fr-connect__brand { display: block }`,
  );
  expect(await nameOf(page, 'fc')).toBe('S’identifier avec FranceConnect');
  expect(await find(page, [{ role: 'button', name: 'S’identifier avec FranceConnect' }])).toBe(
    'ready #fc',
  );
  expect(await find(page, [{ text: 'S’identifier avec FranceConnect' }])).toBe('ready #fc');
  await page.close();
});

test('a dialog opened with showModal covers the page until it is closed', async () => {
  const page = await open(
    `<main><button id="login" type="button">Se connecter</button></main>
     <dialog id="d"><p>Votre session va expirer.</p><button id="stay" type="button">Rester connecté</button></dialog>`,
  );
  const target: Locator[] = [{ role: 'button', name: 'Se connecter' }];
  expect(await find(page, target)).toBe('ready #login');
  await page.evaluate(() => (document.getElementById('d') as HTMLDialogElement).showModal());
  expect(await find(page, target)).toBe('covered #login');
  expect(await find(page, [{ role: 'button', name: 'Rester connecté' }])).toBe('ready #stay');
  await page.evaluate(() => (document.getElementById('d') as HTMLDialogElement).close());
  expect(await find(page, target)).toBe('ready #login');
  // A dialog opened without showModal leaves the page usable.
  await page.evaluate(() => (document.getElementById('d') as HTMLDialogElement).show());
  expect(await find(page, target)).toBe('ready #login');
  await page.close();
});

test('the consent button waits for the box, then can be ringed', async () => {
  // After core-fcp's consent page and its script: ticking the box enables the button.
  const page = await open(
    `<form><div class="fr-checkbox-group">
       <input type="checkbox" id="consent" name="consent" aria-label="consent">
       <label class="fr-label" for="consent">J’accepte que FranceConnect transmette mes données au service pour me connecter</label>
     </div>
     <button id="go" type="submit" class="fr-btn" aria-disabled="true" disabled>Continuer sur ameli.fr</button></form>
     <script>
       document.getElementById('consent').addEventListener('change', (e) => {
         const b = document.getElementById('go');
         b.disabled = !e.target.checked;
         b.setAttribute('aria-disabled', String(!e.target.checked));
       });
     </script>`,
  );
  const target: Locator[] = [{ role: 'button', name: { start: 'Continuer sur' } }];
  expect(await find(page, target)).toBe('disabled #go');
  await page.getByText('J’accepte que FranceConnect').click();
  expect(await find(page, target)).toBe('ready #go');
  await page.close();
});

test('a field whose label holds a hint, on the impots practice login: found by the label’s main text', async () => {
  // The practice page itself (real markup: the hint is a span inside the label), without its
  // scripts and styles, which this bare browser could not load.
  const html = readFileSync(path.resolve(here, '../fixtures/impots/connexion.html'), 'utf8')
    .replace(/<script\b[\s\S]*?<\/script>/g, '')
    .replace(/<link\b[^>]*>/g, '');
  const page = await browser.newPage();
  await page.setContent(html);
  await page.addScriptTag({ content: engine });
  expect(await nameOf(page, 'spi_tmp')).toBe('Numéro fiscal Format attendu : 13 chiffres');
  // As the impots guides write it (their first locator, before the id as a fallback).
  expect(await find(page, [{ label: 'Numéro fiscal' }])).toBe('ready #spi_tmp');
  expect(await find(page, [{ label: 'Format attendu' }])).toBe('missing');
  await page.close();
});
