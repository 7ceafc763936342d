import { artifact, expect, openPanel, tabIdOf, test } from './fixtures';
import {
  bundledGuides,
  currentStep,
  expectRingAround,
  firstVisible,
  perform,
  stepCount,
} from './walk';

const guides = bundledGuides();

test('there are eight bundled guides, two per site', () => {
  const perSite = new Map<string, number>();
  for (const g of guides) perSite.set(g.site, (perSite.get(g.site) ?? 0) + 1);
  expect(Object.fromEntries(perSite)).toEqual({ caf: 2, ameli: 2, 'france-travail': 2, impots: 2 });
});

for (const guide of guides) {
  test(`walks "${guide.title}" (${guide.id}) end to end`, async ({ context }) => {
    const page = await context.newPage();
    await page.goto(guide.start);
    await expect(page.getByTestId('pap-offer')).toBeVisible();
    const panel = await openPanel(context, await tabIdOf(context, page));
    await panel.getByTestId(`guide-${guide.id}`).click();
    await panel.getByTestId('start').click();
    const total = guide.steps.length;

    let i = 0;
    let shots = 0;
    while (i < total - 1) {
      const step = guide.steps[i]!;
      await stepCount(panel, i + 1, total);
      await expect(panel.getByTestId('step-title')).toHaveText(step.title);
      await page.bringToFront();
      const target = await firstVisible(page, step.target!);
      await expectRingAround(page, target);
      if (shots++ === 1) await page.screenshot({ path: artifact(`walk-${guide.id}-step2.png`) });
      await perform(page, step, target);
      const next = await currentStep(panel, i);
      // Only the FranceConnect route (an included part) may be jumped over on the usual route.
      const skipped = guide.steps.slice(i + 1, next).map((s) => s.id);
      expect(skipped.every((id) => id.includes('.'))).toBe(true);
      i = next;
    }

    await stepCount(panel, total, total);
    await expect(panel.getByTestId('guide-finished')).toBeVisible();
    await expect(page.getByTestId('pap-highlight')).toHaveCount(0);
    await expect(page.getByTestId('pap-stepbar')).toContainText('C’est fini');
  });
}
