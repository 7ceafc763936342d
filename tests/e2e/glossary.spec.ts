/**
 * Glossary on the live practice pages, with the built extension in Chromium: hard words are
 * marked with the CSS Custom Highlight API (read back from the page's CSS.highlights), hovering
 * one shows its tooltip, the side panel lists the page's words, text added later is marked
 * too, the page's own text nodes are left exactly as the server sent them, and the setting
 * switches it all off.
 */
import type { Page } from '@playwright/test';
import { loadGlossaryDir } from '../../tools/glossary/load-fs';
import { foldForm } from '../../core/glossary/matcher';
import type { GlossaryTerm } from '../../core/glossary/types';
// @ts-expect-error plain JavaScript module shared with the practice server
import { resolveFixture } from '../fixtures/serve-core.mjs';
import { artifact, expect, firstLookDone, openPanel, tabIdOf, test } from './fixtures';

const HIGHLIGHT = 'pap-glossary';

const PAGES = [
  { site: 'caf', url: 'https://www.caf.fr/', word: 'allocataire' },
  // « prélèvement à la source » is only in links there: listed in the panel, never marked.
  { site: 'impots', url: 'https://www.impots.gouv.fr/accueil', word: 'revenu fiscal de référence' },
  { site: 'ameli', url: 'https://www.ameli.fr/assure', word: 'carte Vitale' },
] as const;

let glossary: Promise<GlossaryTerm[]> | null = null;
function terms(): Promise<GlossaryTerm[]> {
  glossary ??= loadGlossaryDir('guides/glossary').then((r) => r.terms);
  return glossary;
}

/** The term a marked text stands for: forms ignore case and accents, acronyms must match. */
async function termOf(text: string, site: string): Promise<GlossaryTerm | undefined> {
  const key = foldForm(text);
  return (await terms()).find(
    (t) =>
      (t.sites as string[]).includes(site) &&
      (t.acronyms.includes(text) || [t.term, ...t.forms].some((f) => foldForm(f) === key)),
  );
}

/**
 * The texts of the ranges in our highlight, read from the page's own world; with `withinId`,
 * only those inside that element. Each range lies in one text node (static ranges have no
 * text of their own: it is read from the node).
 */
function markedTexts(page: Page, withinId?: string): Promise<string[] | null> {
  return page.evaluate(
    ([name, id]) => {
      const h = CSS.highlights.get(name);
      const within = id ? document.getElementById(id) : null;
      return h
        ? [...h]
            .filter((r) => !within || within.contains(r.startContainer))
            .map((r) => (r.startContainer as Text).data.slice(r.startOffset, r.endOffset))
        : null;
    },
    [HIGHLIGHT, withinId] as const,
  );
}

/** The first marked word drawn on screen, brought into view: its text and the middle of its box. */
function markedWordOnScreen(page: Page): Promise<{ text: string; x: number; y: number } | null> {
  return page.evaluate((name) => {
    for (const s of CSS.highlights.get(name) ?? []) {
      // Boxes come from a live Range over the static one's bounds.
      const r = document.createRange();
      r.setStart(s.startContainer, s.startOffset);
      r.setEnd(s.endContainer, s.endOffset);
      const el = r.startContainer.parentElement;
      if (!el || !r.getClientRects()[0]?.width) continue;
      el.scrollIntoView({ block: 'center' });
      const box = r.getClientRects()[0]!;
      return { text: r.toString(), x: box.left + box.width / 2, y: box.top + box.height / 2 };
    }
    return null;
  }, HIGHLIGHT);
}

/** Waits until the marking is done: some ranges, and the same number twice in a row. */
async function marked(page: Page): Promise<string[]> {
  let last = -1;
  await expect
    .poll(
      async () => {
        const n = (await markedTexts(page))?.length ?? 0;
        const stable = n > 0 && n === last;
        last = n;
        return stable;
      },
      { intervals: [250], timeout: 20_000, message: 'the glossary highlight fills up and settles' },
    )
    .toBe(true);
  return (await markedTexts(page)) ?? [];
}

for (const p of PAGES) {
  test(`marks glossary words on ${p.url}`, async ({ context }) => {
    const page = await context.newPage();
    await page.goto(p.url);
    const texts = await marked(page);
    expect(texts.length).toBeGreaterThan(0);
    // Every marked text is a form of a glossary term of this site, nothing else.
    const unknown: string[] = [];
    for (const text of texts) if (!(await termOf(text, p.site))) unknown.push(text);
    expect(unknown).toEqual([]);
    expect(texts.map(foldForm)).toContain(foldForm(p.word));
    // Our highlight is the only one: the page's own highlights are not touched.
    expect(await page.evaluate(() => [...CSS.highlights.keys()])).toEqual([HIGHLIGHT]);
    // Static ranges only: the browser does not update them at each change of the page's DOM.
    expect(
      await page.evaluate(
        (name) => [...(CSS.highlights.get(name) ?? [])].every((r) => r instanceof StaticRange),
        HIGHLIGHT,
      ),
    ).toBe(true);
  });
}

test('hovering a marked word shows its tooltip with the definition', async ({ context }) => {
  const page = await context.newPage();
  await page.goto('https://www.caf.fr/');
  await marked(page);
  const target = await markedWordOnScreen(page);
  expect(target).not.toBeNull();
  const term = await termOf(target!.text, 'caf');
  expect(term).toBeDefined();

  // Scrolling hides the tooltip: let the scroll settle before pointing.
  await page.waitForTimeout(200);
  await page.mouse.move(target!.x - 3, target!.y);
  await page.mouse.move(target!.x, target!.y, { steps: 3 });
  const tooltip = page.getByTestId('pap-tooltip');
  await expect(tooltip).toBeVisible();
  await expect(tooltip.locator('.pap-term')).toHaveText(term!.term);
  // The definition comes from the background, the same words as the glossary file.
  const definition = tooltip.locator('.pap-def');
  await expect(definition).not.toBeEmpty();
  const shown = (await definition.textContent())!.replace(/\s+/g, ' ');
  const firstWords = term!.definition.replace(/\s+/g, ' ').split(' ').slice(0, 3).join(' ');
  expect(shown.replace(/\u00a0|\u202f/g, ' ')).toContain(firstWords);
  // It sits next to the word, inside the viewport.
  const box = (await tooltip.boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(800);
  expect(Math.abs(box.y + box.height - target!.y) < 80 || Math.abs(box.y - target!.y) < 80).toBe(
    true,
  );
  await page.screenshot({ path: artifact('glossary-tooltip.png') });

  // Moving away (straight to a spot with no word, not across the tooltip) hides it again.
  await page.mouse.move(5, 790);
  await expect(tooltip).toBeHidden();
});

// Pointer moves are checked at most every 40 ms: the check must use where the pointer came to
// rest, not the first move of the window.
test('the tooltip follows where the pointer comes to rest', async ({ context }) => {
  const page = await context.newPage();
  await page.goto('https://www.caf.fr/');
  await marked(page);
  const word = (await markedWordOnScreen(page))!;
  const tooltip = page.getByTestId('pap-tooltip');
  // Two quick moves that end on the word, as a hand does.
  await page.mouse.move(word.x - 150, word.y + 150);
  await page.mouse.move(word.x, word.y);
  await expect(tooltip).toBeVisible({ timeout: 3000 });
  // Across the tooltip and on to an empty spot, quickly.
  const box = (await tooltip.boundingBox())!;
  await page.mouse.move(box.x + 10, box.y + box.height / 2);
  await page.mouse.move(5, 790);
  await expect(tooltip).toBeHidden({ timeout: 3000 });
});

test('the side panel lists the words found on the page', async ({ context }) => {
  const page = await context.newPage();
  await page.goto('https://www.caf.fr/');
  const texts = await marked(page);
  const expected = new Set<string>();
  for (const t of texts) expected.add((await termOf(t, 'caf'))!.term);

  // Words only in links and buttons are not marked (a tap there follows the link): the panel
  // explains them instead, so it may list more than the page marks.

  const panel = await openPanel(context, await tabIdOf(context, page));
  const words = panel.getByTestId('words');
  await expect(words).toBeVisible();
  const items = panel.getByTestId('word');
  await expect(items.filter({ hasText: /^allocataire/i }).first()).toBeVisible();
  // Every term marked on the page is listed, with those only in links or buttons.
  const listed = new Set(await items.locator('dt').allTextContents());
  await expect.poll(async () => items.count()).toBeGreaterThanOrEqual(expected.size);
  for (const term of expected) expect(listed).toContain(term);
  // Each with its definition.
  for (const dd of await items.locator('dd p').allTextContents())
    expect(dd.trim().length).toBeGreaterThan(10);
});

test('text added after the page loaded is marked too', async ({ context }) => {
  const page = await context.newPage();
  await page.goto('https://www.caf.fr/');
  await marked(page);
  await page.evaluate(() => {
    const p = document.createElement('p');
    p.id = 'added-later';
    p.textContent = 'Votre revenu fiscal de référence est écrit sur votre avis.';
    document.querySelector('main')!.append(p);
  });
  await expect.poll(() => markedTexts(page, 'added-later')).toEqual(['revenu fiscal de référence']);

  // Changed text is read again: the old word goes, the new one comes.
  await page.evaluate(() => {
    document.getElementById('added-later')!.firstChild!.textContent =
      'Le numéro d’allocataire est sur vos courriers.';
  });
  await expect.poll(() => markedTexts(page, 'added-later')).toEqual(['numéro d’allocataire']);
});

for (const p of PAGES) {
  test(`leaves the page's own text nodes as served on ${p.url}`, async ({ context }) => {
    const page = await context.newPage();
    await page.goto(p.url);
    await marked(page);
    const served = (resolveFixture(p.url) as { body: Buffer | string }).body.toString();
    // The body's text nodes (white space only ones left out) and its element count, for the
    // live page and for the HTML the server sent, parsed apart. Our host element, the practice
    // banner and what scripts and styles hold are not page text.
    const [live, sent] = await page.evaluate((html) => {
      function shape(doc: Document) {
        const out = { texts: [] as string[], elements: 0 };
        const skip = (el: Element | null) =>
          !!el?.closest('pas-a-pas-ui, #practice-banner, script, style, noscript, template');
        const w = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
        for (let n = w.nextNode(); n; n = w.nextNode()) {
          if (n.nodeType === Node.ELEMENT_NODE) {
            if (!skip(n as Element)) out.elements++;
          } else if ((n as Text).data.trim() && !skip(n.parentElement)) {
            out.texts.push((n as Text).data);
          }
        }
        return out;
      }
      return [shape(document), shape(new DOMParser().parseFromString(html, 'text/html'))];
    }, served);
    expect(sent.texts.length).toBeGreaterThan(10);
    expect(live.texts).toEqual(sent.texts);
    expect(live.elements).toBe(sent.elements);
    // Our one host element is there (outside the comparison), with its UI in a shadow root.
    expect(await page.locator('pas-a-pas-ui').count()).toBe(1);
  });
}

test('switched off in the settings, the glossary leaves the open page and the next load unmarked, and comes back when switched on', async ({
  context,
}) => {
  const page = await context.newPage();
  await page.goto('https://www.caf.fr/');
  await marked(page);
  const panel = await openPanel(context, await tabIdOf(context, page));
  await panel.getByTestId('open-settings').click();
  const box = panel.getByTestId('setting-glossary');
  await expect(box).toBeChecked();
  // The box shows the stored setting: it turns once the background has saved the change.
  await box.click();
  await expect(box).not.toBeChecked();
  // The word list goes from the panel, the marks from the open page.
  await expect(panel.getByTestId('words')).toHaveCount(0);
  const size = () => page.evaluate((name) => CSS.highlights.get(name)?.size ?? 0, HIGHLIGHT);
  await expect.poll(size).toBe(0);

  await page.bringToFront();
  await page.reload();
  // The extension has had its first look at the page (its offer shows). Had the glossary been
  // on, its highlight would be registered by now (and it alone listens for the pointer to show
  // a tooltip): there is none.
  await firstLookDone(page);
  await expect(page.getByTestId('pap-offer')).toBeVisible();
  expect(await page.evaluate((name) => CSS.highlights.has(name), HIGHLIGHT)).toBe(false);

  // Switched on again, the same page is marked without a reload.
  await box.click();
  await expect(box).toBeChecked();
  await marked(page);
});

test('a quieter page: once per part, never in a link, a button, a label or an address; a tap on a link follows it', async ({
  context,
}) => {
  const page = await context.newPage();
  await page.goto('https://www.caf.fr/');
  await marked(page);
  const where = await page.evaluate((name) => {
    const headings = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6, [role="heading"]')];
    return [...(CSS.highlights.get(name) ?? [])].map((r) => {
      const node = r.startContainer as Text;
      const el = node.parentElement!;
      const section = headings.filter(
        (h) => h.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING,
      ).length;
      const around = node.data.slice(Math.max(0, r.startOffset - 1), r.endOffset + 1);
      return {
        key: `${section}|${node.data.slice(r.startOffset, r.endOffset).toLowerCase()}`,
        acting: !!el.closest('a[href], button, label, [role="button"], [role="link"]'),
        address: /[./@]\w/.test(around.slice(-2)) || /\w[./@]/.test(around.slice(0, 2)),
      };
    });
  }, HIGHLIGHT);
  expect(where.filter((w) => w.acting)).toEqual([]);
  expect(where.filter((w) => w.address)).toEqual([]);
  // The same word is not underlined twice in one part of the page.
  const keys = where.map((w) => w.key);
  expect(keys.length).toBe(new Set(keys).size);
  await page.screenshot({ path: artifact('glossary-quiet.png'), fullPage: true });

  // A glossary word inside a link (« Le quotient familial »): a tap follows the link.
  const link = page.getByRole('link', { name: 'Le quotient familial' });
  await link.scrollIntoViewIfNeeded();
  const panel = await openPanel(context, await tabIdOf(context, page));
  await expect(panel.getByText(/quotient familial/i).first()).toBeVisible();
  await page.bringToFront();
  // The touch end of a tap, on the word (the browser's test tools have no touch screen here).
  const box = (await link.boundingBox())!;
  await page.evaluate(
    ({ x, y }) =>
      document.elementFromPoint(x, y)!.dispatchEvent(
        new PointerEvent('pointerup', {
          clientX: x,
          clientY: y,
          pointerType: 'touch',
          bubbles: true,
        }),
      ),
    { x: box.x + box.width - 10, y: box.y + box.height / 2 },
  );
  await page.waitForTimeout(300);
  await expect(page.getByTestId('pap-tooltip')).toHaveCount(0);
  await link.click();
  await expect(page).toHaveURL(/le-quotient-familial/);
});
