/**
 * What we draw on a site's page, in real Chromium with the built extension: the offer (who we
 * are, Escape, « Plus tard » for the day, early in the focus order), the callout and the step
 * bar kept off the field's label and hint at every size (checked by geometry: no boxes
 * intersect), the step bar folded or moved and remembered, the person's text size, forced
 * colours, Arabic from right to left, and axe on our own nodes. Screenshots: artifacts/in-page-*.
 */
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { artifact, expect, firstLookDone, openPanel, tabIdOf, test } from './fixtures';
import { bundledGuides, firstVisible } from './walk';

type PageStrings = typeof import('../../locales/fr/page.json');
const strings = (lang: string): PageStrings =>
  JSON.parse(readFileSync(`locales/${lang}/page.json`, 'utf8')) as PageStrings;
const fr = strings('fr');
const ar = strings('ar');
const HOME = 'https://www.caf.fr/';
const AMELI = 'https://www.ameli.fr/assure';
const GUIDE = bundledGuides().find((g) => g.id === 'caf-attestation-paiement')!;
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Changes settings as the panel does (the background tells every page at once). */
async function setSettings(panel: Page, data: Record<string, unknown>) {
  await panel.evaluate(async (d) => {
    const reply = await chrome.runtime.sendMessage({ pap: 1, type: 'settings:set', data: d });
    if (!reply?.ok) throw new Error(String(reply?.error));
  }, data);
}

async function visit(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await firstLookDone(page);
  return page;
}

/** Our host's layer: where lang and dir are set. */
const layer = (page: Page) => page.locator('pas-a-pas-ui .pap-layer');

/** Starts the CAF attestation guide and goes to the number field (label, hint, field). */
async function onNumberStep(context: BrowserContext) {
  const page = await visit(context, GUIDE.start);
  const panel = await openPanel(context, await tabIdOf(context, page));
  await panel.getByTestId(`guide-${GUIDE.id}`).click();
  await panel.getByTestId('start').click();
  await expect(panel.getByTestId('step-view')).toBeVisible();
  await page.bringToFront();
  await (await firstVisible(page, GUIDE.steps[0]!.target!)).click();
  await expect(page.locator('#nir')).toBeVisible();
  await expect(page.getByTestId('pap-callout')).toBeVisible();
  return { page, panel };
}

type Box = { x: number; y: number; width: number; height: number };
const meets = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/**
 * Which of our boxes cover what the person must read (the field, its label, its hint), or
 * each other, or leave the window. Empty when all is clear.
 */
async function collisions(page: Page): Promise<string[]> {
  // The label's and the hint's words (their blocks span the whole form, most of it empty).
  const words = (sel: string) =>
    page.evaluate((s) => {
      const el = document.querySelector(s);
      if (!el) return null;
      const range = document.createRange();
      range.selectNodeContents(el);
      const r = range.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }, sel);
  const boxes = {
    callout: await page.getByTestId('pap-callout').boundingBox(),
    bar: await page.getByTestId('pap-stepbar').boundingBox(),
    field: await page.locator('#nir').boundingBox(),
    label: await words('label[for="nir"]'),
    hint: await words('#nir-aide'),
  };
  const view = page.viewportSize()!;
  const out: string[] = [];
  for (const ours of ['callout', 'bar'] as const) {
    const a = boxes[ours];
    if (!a) {
      out.push(`${ours} missing`);
      continue;
    }
    for (const theirs of ['field', 'label', 'hint'] as const) {
      const b = boxes[theirs];
      if (b && meets(a, b)) out.push(`${ours} covers the ${theirs}`);
    }
    if (a.x < 0 || a.y < 0 || a.x + a.width > view.width + 1 || a.y + a.height > view.height + 1)
      out.push(`${ours} leaves the window`);
  }
  if (boxes.callout && boxes.bar && meets(boxes.callout, boxes.bar))
    out.push('callout covers the bar');
  return out;
}

test.describe('the offer', () => {
  test('says who we are, is the first Tab stop, closes with Escape', async ({ context }) => {
    const page = await visit(context, HOME);
    const offer = page.getByTestId('pap-offer');
    await expect(offer).toBeVisible();
    await expect(offer).toContainText(fr.offerWho);
    // Nothing is focused for the person: the page keeps its focus until Tab is pressed.
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
    await page.keyboard.press('Tab');
    await expect(offer.getByRole('button', { name: fr.open })).toBeFocused();
    await page.screenshot({ path: artifact('in-page-offer.png') });
    await page.keyboard.press('Escape');
    await expect(offer).toHaveCount(0);
    // Escape is for this page only: the next page offers again.
    await page.reload();
    await firstLookDone(page);
    await expect(page.getByTestId('pap-offer')).toBeVisible();
  });

  test('« Plus tard » is remembered for the site for the day', async ({ context }) => {
    const page = await visit(context, HOME);
    await page.getByTestId('pap-offer').getByRole('button', { name: fr.later }).click();
    await expect(page.getByTestId('pap-offer')).toHaveCount(0);
    await page.goto(`${HOME}allocataires/aides-et-demarches`);
    await firstLookDone(page);
    await expect(page.getByTestId('pap-offer')).toHaveCount(0);
    // Another site is not concerned.
    const other = await visit(context, AMELI);
    await expect(other.getByTestId('pap-offer')).toBeVisible();
  });

  test('follows the language at once: Arabic, right to left, titles refreshed', async ({
    context,
  }) => {
    const page = await visit(context, HOME);
    const panel = await openPanel(context, await tabIdOf(context, page));
    const title = bundledGuides().find((g) => g.id === 'caf-declaration-trimestrielle')!;
    await expect(page.getByTestId('pap-offer')).toContainText(title.title);
    await setSettings(panel, { language: 'ar' });
    await page.bringToFront();
    await expect(layer(page)).toHaveAttribute('lang', 'ar');
    await expect(layer(page)).toHaveAttribute('dir', 'rtl');
    const offer = page.getByTestId('pap-offer');
    await expect(offer).toContainText(ar.offerWho);
    const arTitle = title.i18n?.ar?.title;
    // Without a reload, in the new language (French stays where no translation exists yet).
    if (arTitle) await expect(offer).toContainText(arTitle);
    // On the reading side's end in Arabic: the left.
    const box = (await offer.boundingBox())!;
    expect(box.x).toBeLessThan(page.viewportSize()!.width / 2);
    await page.screenshot({ path: artifact('in-page-offer-ar.png') });
  });
});

test.describe('the callout and the step bar', () => {
  const SIZES = [
    { name: '100', width: 1280, height: 800 },
    // A 640 px wide window.
    { name: '640px', width: 640, height: 800 },
    // 200 % zoom of a 1280 × 800 window: the page lays out in half as many CSS pixels.
    { name: 'zoom200', width: 640, height: 400 },
    // 200 % zoom of a 640 px window.
    { name: '640px-zoom200', width: 320, height: 400 },
  ];

  test('never cover the field, its label or its hint, at every size', async ({ context }) => {
    const { page } = await onNumberStep(context);
    for (const size of SIZES) {
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.locator('#nir').scrollIntoViewIfNeeded();
      await expect.poll(() => collisions(page), { message: size.name }).toEqual([]);

      await page.screenshot({ path: artifact(`in-page-callout-${size.name}.png`) });
    }
  });

  test('the callout carries our name, at the person’s text size', async ({ context }) => {
    const { page, panel } = await onNumberStep(context);
    const callout = page.getByTestId('pap-callout');
    await expect(callout.locator('.pap-callout-brand')).toHaveText(fr.brand);
    const fontSize = () => callout.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    const before = await fontSize();
    await setSettings(panel, { textSize: 200 });
    await page.bringToFront();
    await expect.poll(fontSize).toBeCloseTo(before * 2, 0);
    const bar = page.getByTestId('pap-stepbar');
    expect(await bar.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeCloseTo(
      before * 2,
      0,
    );
    // Large text and 200 % zoom together: still nothing covered.
    await page.setViewportSize({ width: 640, height: 400 });
    await expect.poll(() => collisions(page)).toEqual([]);
    await page.screenshot({ path: artifact('in-page-text-200.png') });
  });

  test('the step bar folds and moves, and the site remembers it', async ({ context }) => {
    const { page } = await onNumberStep(context);
    const bar = page.getByTestId('pap-stepbar');
    const before = (await bar.boundingBox())!;
    await page.getByTestId('pap-fold').click();
    await expect(bar).toHaveClass(/pap-folded/);
    const area = async () => {
      const b = await bar.boundingBox();
      return b ? b.width * b.height : Infinity;
    };
    await expect.poll(area).toBeLessThan((before.width * before.height) / 2);
    await page.getByTestId('pap-fold').click();
    await bar.getByRole('button', { name: fr.moveTop }).click();
    await expect(bar).toHaveClass(/pap-top/);
    // At the bottom of the page, the footer links are free.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const footer = page.locator('footer a, nav[aria-label="Liens de bas de page"] a');
    for (const link of await footer.all()) {
      const b = await link.boundingBox();
      if (b) expect(meets(b, (await bar.boundingBox())!)).toBe(false);
    }
    await page.screenshot({ path: artifact('in-page-bar-top.png') });
    await page.reload();
    await firstLookDone(page);
    await expect(page.getByTestId('pap-stepbar')).toHaveClass(/pap-top/);
  });

  test('Arabic: right to left, the callout on the mirrored side', async ({ context }) => {
    const { page, panel } = await onNumberStep(context);
    // The form in the middle of the window, so that either side has room.
    await page.addStyleTag({ content: '#form-connexion { margin-inline-start: 45%; }' });
    await setSettings(panel, { language: 'ar' });
    await page.bringToFront();
    await expect(layer(page)).toHaveAttribute('dir', 'rtl');
    const callout = page.getByTestId('pap-callout');
    await expect(callout.locator('.pap-callout-brand')).toHaveText(ar.brand);
    // Beside the field on its left (where an Arabic reader goes on), not over it.
    await expect
      .poll(async () => {
        const c = (await callout.boundingBox())!;
        const field = (await page.locator('#nir').boundingBox())!;
        return c.x + c.width <= field.x;
      })
      .toBe(true);
    await expect.poll(() => collisions(page)).toEqual([]);
    await page.screenshot({ path: artifact('in-page-callout-ar.png') });
  });
});

test.describe('reading aids', () => {
  test('forced colours keep the ring, the callout and the marks visible', async ({ context }) => {
    const { page } = await onNumberStep(context);
    await page.emulateMedia({ forcedColors: 'active' });
    const ring = page.getByTestId('pap-highlight');
    const callout = page.getByTestId('pap-callout');
    await expect(ring).toBeVisible();
    const style = (el: Element) => {
      const s = getComputedStyle(el);
      return { border: s.borderTopWidth, style: s.borderTopStyle, outline: s.outlineStyle };
    };
    expect(await ring.evaluate(style)).toMatchObject({ border: '4px', style: 'solid' });
    expect(await callout.evaluate(style)).toMatchObject({ border: '3px', style: 'solid' });
    await page.screenshot({ path: artifact('in-page-forced-colors.png') });
    // The glossary's marks, on a page with words to explain.
    const home = await visit(context, HOME);
    await home.emulateMedia({ forcedColors: 'active' });
    await expect
      .poll(() => home.evaluate(() => CSS.highlights.get('pap-glossary')?.size ?? 0))
      .toBeGreaterThan(0);
    const rule = await home.evaluate(() =>
      document.adoptedStyleSheets
        .flatMap((s) => [...s.cssRules])
        .map((r) => r.cssText)
        .join('\n'),
    );
    expect(rule).toMatch(/forced-colors: active[\s\S]*mark/i);
    await home.screenshot({ path: artifact('in-page-forced-colors-glossary.png') });
  });

  for (const zoom of [100, 200]) {
    test(`axe finds nothing wrong in our nodes at ${zoom} %`, async ({ context }) => {
      const home = await visit(context, HOME);
      const { page, panel } = await onNumberStep(context);
      if (zoom === 200) {
        await setSettings(panel, { textSize: 200 });
        for (const p of [home, page]) await p.setViewportSize({ width: 640, height: 400 });
      }
      for (const p of [home, page]) {
        await p.bringToFront();
        const result = await new AxeBuilder({ page: p })
          .include('pas-a-pas-ui')
          .withTags(WCAG)
          .analyze();
        const ours = result.violations.map((v) => ({
          id: v.id,
          nodes: v.nodes.map((n) => n.target.join(' ')),
        }));
        expect(ours).toEqual([]);
        expect(result.passes.length).toBeGreaterThan(0);
      }
    });
  }
});
