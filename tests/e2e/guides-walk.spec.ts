import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../support/launch';
import { artifact, expect, openPanel, tabIdOf, test } from './fixtures';
import {
  bundledGuides,
  currentStep,
  expectRingAround,
  firstVisible,
  perform,
  stepCount,
  StepCounter,
} from './walk';

const guides = bundledGuides();

/**
 * `<site>/<id>` of every guide file in guides/ (not the parts, translations or glossary), read
 * from the folder itself so that adding or removing a guide changes nothing here.
 */
function guideFiles(): string[] {
  const dir = path.join(ROOT, 'guides');
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'glossary')
    .flatMap((d) =>
      readdirSync(path.join(dir, d.name))
        .filter((f) => /^[^.]+\.yaml$/.test(f))
        .filter((f) => !/^kind:\s*part\s*$/m.test(readFileSync(path.join(dir, d.name, f), 'utf8')))
        .map((f) => `${d.name}/${f.slice(0, -'.yaml'.length)}`),
    )
    .sort();
}

test('every guide file of guides/ is bundled and walked below, on its own site', () => {
  const files = guideFiles();
  expect(files.length).toBeGreaterThan(0);
  expect(guides.map((g) => `${g.site}/${g.id}`).sort()).toEqual(files);
});

for (const guide of guides) {
  test(`walks "${guide.title}" (${guide.id}) end to end`, async ({ context }) => {
    const page = await context.newPage();
    await page.goto(guide.start);
    await expect(page.getByTestId('pap-offer')).toBeVisible();
    const panel = await openPanel(context, await tabIdOf(context, page));
    await panel.getByTestId(`guide-${guide.id}`).click();
    await panel.getByTestId('start').click();
    const last = guide.steps.length - 1;
    const counter = new StepCounter(guide);

    let i = 0;
    let shots = 0;
    const shown: string[] = [];
    while (i < last) {
      const step = guide.steps[i]!;
      shown.push(step.id);
      const { n, total } = counter.at(i);
      await stepCount(panel, n, total);
      await expect(panel.getByTestId('step-title')).toHaveText(step.title);
      await page.bringToFront();
      const target = await firstVisible(page, step.target!);
      await expectRingAround(page, target);
      await expect(page.getByTestId('pap-stepbar')).toContainText(`Étape ${n} sur ${total}`);
      if (shots++ === 1) await page.screenshot({ path: artifact(`walk-${guide.id}-step2.png`) });
      await perform(page, step, target);
      const next = await currentStep(panel, i);
      // Only optional steps (another route, a code not asked) may be passed over.
      const skipped = guide.steps.slice(i + 1, next).filter((s) => !s.optional);
      expect(skipped.map((s) => s.id)).toEqual([]);
      i = next;
    }

    // At a login that also offers FranceConnect, this walk takes the site's own way (the other
    // one: franceconnect.spec.ts): none of FranceConnect's steps came in between.
    if (guide.steps.some((s) => s.id.startsWith('franceconnect-connexion.'))) {
      expect(shown.filter((id) => id.startsWith('franceconnect-connexion.'))).toEqual([]);
      expect(shown.some((id) => guide.steps.find((s) => s.id === id)!.optional)).toBe(true);
    }

    // The end: the panel says so, the page is the person's again.
    await expect(panel.getByTestId('guide-finished')).toBeVisible();
    // Said once: a last step titled « C'est fini » is not repeated under « C’est fini ! ».
    const endTitle = guide.steps[last]!.title;
    if (/^c.est fini/i.test(endTitle))
      await expect(panel.getByTestId('end-step-title')).toHaveCount(0);
    else await expect(panel.getByTestId('end-step-title')).toHaveText(endTitle);
    await expect(page.getByTestId('pap-highlight')).toHaveCount(0);
    await expect(page.getByTestId('pap-stepbar')).toHaveCount(0);
  });
}
