/**
 * Walks a guide on the practice pages as a person would: at each step, checks that the ring
 * encloses the element the guide names (found here by Playwright's own locators, not the
 * extension's), does what the step asks, and waits for the guide to move on by itself.
 */
import { expect, type Locator as PwLocator, type Page } from '@playwright/test';
import path from 'node:path';
import { loadGuidesFromDir } from '../../tools/guides/load-fs';
import type { Guide, Locator, Step, TextMatch } from '../../core/guides/types';
import { enter, stepNumber } from '../../core/steps/numbering';
import { ROOT } from '../support/launch';

export function bundledGuides(): Guide[] {
  const { guides, diagnostics } = loadGuidesFromDir(path.join(ROOT, 'guides'));
  if (diagnostics.length) throw new Error(diagnostics.map((d) => d.message).join('\n'));
  return guides;
}

function escape(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function wordsRe(s: string): string {
  return s.trim().split(/\s+/).map(escape).join('\\s+').replace(/'|’/g, "['’]");
}

/** A guide's text value as a RegExp: the whole text, its start or its pattern, spaces and case aside. */
export function textRe(spec: TextMatch): RegExp {
  if (typeof spec === 'string') return new RegExp(`^\\s*${wordsRe(spec)}\\s*$`, 'i');
  if ('start' in spec) return new RegExp(`^\\s*${wordsRe(spec.start)}`, 'i');
  const pieces = spec.pattern.split('*').map((p) => (p.trim() ? wordsRe(p) : ''));
  return new RegExp(`^\\s*${pieces.join('.*')}\\s*$`, 'i');
}

export function pwLocator(page: Page, loc: Locator): PwLocator {
  if ('role' in loc) {
    const roles = Array.isArray(loc.role) ? loc.role : [loc.role];
    const name = loc.name !== undefined ? { name: textRe(loc.name) } : {};
    return roles
      .map((role) => page.getByRole(role as Parameters<Page['getByRole']>[0], name))
      .reduce((a, b) => a.or(b));
  }
  if ('label' in loc) return page.getByLabel(textRe(loc.label));
  if ('text' in loc) return page.getByText(textRe(loc.text));
  if ('placeholder' in loc) return page.getByPlaceholder(textRe(loc.placeholder));
  return page.locator(loc.css);
}

/** The first locator of a list that finds a visible element. */
export async function firstVisible(page: Page, list: Locator[]): Promise<PwLocator> {
  for (let attempt = 0; attempt < 40; attempt++) {
    for (const loc of list) {
      const candidate = pwLocator(page, loc).filter({ visible: true }).first();
      if ((await candidate.count()) > 0) return candidate;
    }
    await page.waitForTimeout(250);
  }
  throw new Error(`nothing visible for ${JSON.stringify(list)} on ${page.url()}`);
}

/** The ring's box encloses the element's box (a small tolerance for sub-pixel rounding). */
export async function expectRingAround(page: Page, target: PwLocator) {
  const ring = page.getByTestId('pap-highlight');
  await expect(ring).toBeVisible();
  await expect
    .poll(
      async () => {
        const r = await ring.boundingBox();
        const t = await target.boundingBox();
        if (!r || !t) return false;
        return (
          r.x <= t.x + 1 &&
          r.y <= t.y + 1 &&
          r.x + r.width >= t.x + t.width - 1 &&
          r.y + r.height >= t.y + t.height - 1
        );
      },
      { timeout: 10_000 },
    )
    .toBe(true);
}

export const FAKE_VALUES = {
  default: 'Exemple 123',
};

/** Does what a step asks on the page. */
export async function perform(
  page: Page,
  step: Step,
  target: PwLocator,
  value = FAKE_VALUES.default,
) {
  if (step.action === 'fill') {
    await target.fill(value);
    // A field alone is done once left: the person goes on to the next field.
    if (!step.submit?.length) await target.press('Tab');
  } else if (step.action === 'choose') {
    // A question is ringed whole; the test plays the person and picks the first answer. A
    // list of accounts (FranceConnect): the impots.gouv one, the one the practice pages open.
    const answer = target.getByRole('radio').or(target.getByRole('checkbox')).first();
    const account = target.getByRole('link', { name: 'impots.gouv.fr', exact: true });
    if ((await answer.count()) > 0) await answer.check();
    else if ((await account.count()) > 0) await account.click();
    else await target.getByRole('button').or(target.getByRole('link')).first().click();
  } else await target.click();
  if (step.submit?.length && step.action !== 'click') {
    await (await firstVisible(page, step.submit)).click();
  }
}

export async function stepCount(panel: Page, n: number, total: number) {
  await expect(panel.getByTestId('step-count')).toHaveText(`Étape ${n} sur ${total}`, {
    timeout: 15_000,
  });
}

/** The index (0-based, in the guide's list) of the step the panel shows. */
export async function shownStep(panel: Page): Promise<number> {
  return Number((await panel.getByTestId('step-view').getAttribute('data-step-index')) ?? '-1');
}

/** Waits for the guide to leave step `from` (0-based) and returns the new step index. */
export async function currentStep(panel: Page, from: number): Promise<number> {
  let index = from;
  await expect
    .poll(
      async () => {
        index = await shownStep(panel);
        return index;
      },
      { timeout: 15_000 },
    )
    .toBeGreaterThan(from);
  return index;
}

/**
 * « Étape N sur M » along a walk: each step shown is entered, and N must go up by one from
 * step to step (optional steps passed over are not counted).
 */
export class StepCounter {
  private entered: number[] = [];
  private last = 0;

  constructor(private readonly guide: Guide) {}

  /** The step the panel should now count, checked against the one before. */
  at(index: number): { n: number; total: number } {
    this.entered = enter(this.guide, this.entered, index);
    const shown = stepNumber(this.guide, index, this.entered);
    expect(shown.n, `« Étape N » after step ${this.last} (${this.guide.steps[index]?.id})`).toBe(
      this.last + 1,
    );
    this.last = shown.n;
    return shown;
  }
}
