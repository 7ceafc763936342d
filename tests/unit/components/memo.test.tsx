import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Memo } from '../../../components/Memo';
import { MemoApp } from '../../../components/MemoApp';
import type { Guide } from '../../../core/guides/types';
import { getSite } from '../../../core/sites/registry';
import { enter, stepNumber } from '../../../core/steps/numbering';
import { bundledGuides, cafGuide, emptyProgress, renderPage, stubSend } from './helpers';

afterEach(cleanup);

const guide = cafGuide();
/** Guide text gets French non-breaking spaces before « » : ; compare with plain spaces. */
const plain = (s: string | null) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ');

describe('Memo', () => {
  it('prints the steps in order with their text, what to prepare, notes and help lines', () => {
    const { send } = stubSend({});
    const onPrint = vi.fn();
    renderPage(
      <Memo
        guide={guide}
        site={getSite('caf')}
        progress={emptyProgress(guide.id, {
          notes: [
            {
              id: 1,
              text: 'Votre code est dans le carnet bleu',
              at: Date.UTC(2025, 2, 10),
              stepId: 'choisir-connexion',
              stepTitle: 'Choisissez « Se connecter »',
            },
          ],
        })}
        onPrint={onPrint}
      />,
      send,
    );
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(guide.title);
    expect(screen.getByText('Sur le site : www.caf.fr')).toBeTruthy();

    const steps = within(screen.getByTestId('memo-steps')).getAllByRole('listitem');
    expect(steps).toHaveLength(guide.steps.length);
    // Numbered as the step bar numbers them (see the tests below).
    guide.steps.forEach((s, i) => {
      const heading = within(steps[i]!).getByRole('heading', { level: 3 });
      expect(heading.textContent).toMatch(/^(Étape \d+\.|Seulement si cette page s’affiche :) /);
      expect(heading.textContent!.endsWith(s.title)).toBe(true);
    });
    // The step text is there as text (its **bold** marks become <strong>, never HTML).
    expect(plain(steps[0]!.textContent)).toContain('Cliquez sur le bouton « Mon Compte »');

    const prepare = screen.getByRole('heading', { name: 'Préparez :' });
    expect(prepare).toBeTruthy();
    for (const p of guide.prepare) expect(screen.getByText(p)).toBeTruthy();

    expect(screen.getByTestId('notes-list').textContent).toContain(
      'Votre code est dans le carnet bleu',
    );
    // The help lines are written out to be read on paper, not as buttons to tap.
    const help = screen.getByTestId('help');
    expect(help.textContent).toContain('Appeler la Caf');
    expect(help.textContent).toContain('Téléphone : 3230');
    expect(help.textContent).toContain('france-services.gouv.fr');
    expect(within(help).queryByRole('link')).toBeNull();

    fireEvent.click(screen.getByTestId('memo-print'));
    expect(onPrint).toHaveBeenCalledOnce();
    expect(screen.getByTestId('memo-print').closest('.no-print')).not.toBeNull();
  });

  it('never turns guide text into HTML', () => {
    const { send } = stubSend({});
    const tricky = {
      ...guide,
      steps: [{ ...guide.steps[0]!, text: '<img src=x onerror=alert(1)> **Mon Compte**' }],
    };
    const { container } = renderPage(
      <Memo guide={tricky} site={getSite('caf')} progress={null} onPrint={() => undefined} />,
      send,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(container.querySelector('.memo-step strong')?.textContent).toBe('Mon Compte');
  });
});

/** The memo's step headings: the number it gives each step, null for « Seulement si… ». */
function memoNumbers(): (number | null)[] {
  const items = within(screen.getByTestId('memo-steps')).getAllByRole('listitem');
  return items.map((li) => {
    const label = li.querySelector('.memo-step-n')!.textContent!;
    if (label === 'Seulement si cette page s’affiche :') return null;
    const m = /^Étape (\d+)\.$/.exec(label);
    if (!m) throw new Error(`unexpected step label: ${label}`);
    return Number(m[1]);
  });
}

function renderMemo(g: Guide, entered?: number[]) {
  const { send } = stubSend({});
  renderPage(
    <Memo
      guide={g}
      site={getSite(g.site)}
      progress={null}
      onPrint={() => undefined}
      {...(entered ? { entered } : {})}
    />,
    send,
  );
}

describe('Memo numbering, as « Étape N sur M » on the panel', () => {
  /** Every bundled guide that has optional steps. */
  const withOptional = bundledGuides().filter((g) => g.steps.some((s) => s.optional));

  it('has guides with optional steps to check', () => {
    expect(withOptional.length).toBeGreaterThan(0);
  });

  it.each(withOptional.map((g) => [g.id, g] as const))(
    '%s: before any optional step is entered, numbers only the required steps',
    (_, g) => {
      renderMemo(g);
      const numbers = memoNumbers();
      g.steps.forEach((s, i) => {
        if (s.optional) expect(numbers[i]).toBeNull();
        else expect(numbers[i]).toBe(stepNumber(g, i).n);
      });
      const total = stepNumber(
        g,
        g.steps.findIndex((s) => !s.optional),
      ).total;
      expect(screen.getByRole('heading', { level: 2, name: `Les ${total} étapes` })).toBeTruthy();
    },
  );

  it.each(withOptional.map((g) => [g.id, g] as const))(
    '%s: once optional steps are entered, numbers them as the step bar does on each step',
    (_, g) => {
      // Every other optional step entered, in order, as the background records them.
      const optional = g.steps.flatMap((s, i) => (s.optional ? [i] : []));
      const entered = optional
        .filter((_, k) => k % 2 === 0)
        .reduce<number[]>((acc, i) => enter(g, acc, i), []);
      renderMemo(g, entered);
      const numbers = memoNumbers();
      g.steps.forEach((s, i) => {
        if (s.optional && !entered.includes(i)) expect(numbers[i]).toBeNull();
        else expect(numbers[i]).toBe(stepNumber(g, i, entered).n);
      });
      const { total } = stepNumber(g, entered[0]!, entered);
      expect(screen.getByRole('heading', { level: 2, name: `Les ${total} étapes` })).toBeTruthy();
      // The numbers go up one by one, with no gap.
      const shown = numbers.filter((n) => n !== null);
      expect(shown).toEqual(shown.map((_, k) => k + 1));
    },
  );
});

describe('MemoApp', () => {
  it('loads the guide’s notes from the background, in the person’s language', async () => {
    const { send, calls } = stubSend({
      'settings:get': () => ({ glossary: true, language: 'fr', textSize: 100, retentionDays: 180 }),
      'progress:guide': ({ guideId }) =>
        emptyProgress(guideId, {
          notes: [{ id: 2, text: 'Note du mardi', at: 0, stepId: null, stepTitle: null }],
        }),
    });
    renderPage(<MemoApp guideId={guide.id} print={() => undefined} />, send, {
      guides: bundledGuides(),
    });
    await waitFor(() =>
      expect(screen.getByTestId('notes-list').textContent).toContain('Note du mardi'),
    );
    expect(calls).toHaveBeenCalledWith('progress:guide', { guideId: guide.id });
    expect(document.title).toBe(`Mémo : ${guide.title} – Pas à pas`);
  });

  it('numbers the optional steps entered that the panel’s link carries, ignoring the rest', async () => {
    const { send } = stubSend({
      'settings:get': () => ({ glossary: true, language: 'fr', textSize: 100, retentionDays: 180 }),
      'progress:guide': ({ guideId }) => emptyProgress(guideId),
    });
    const first = guide.steps.findIndex((s) => s.optional);
    const required = guide.steps.findIndex((s) => !s.optional);
    expect(first).toBeGreaterThanOrEqual(0);
    // A required step, an index past the end and words are not optional steps entered.
    renderPage(
      <MemoApp guideId={guide.id} entered={`${first},${required},999,x`} print={() => undefined} />,
      send,
      { guides: bundledGuides() },
    );
    await waitFor(() => expect(screen.getByTestId('memo-steps')).toBeTruthy());
    const numbers = memoNumbers();
    expect(numbers[first]).toBe(stepNumber(guide, first, [first]).n);
    guide.steps.forEach((s, i) => {
      if (s.optional && i !== first) expect(numbers[i]).toBeNull();
    });
  });

  it('prints the guide an author is trying, asked of the background, with no progress read', async () => {
    const trying = { ...guide, id: 'essai-auteur', title: 'Essai : voir mes paiements' };
    const { send, calls } = stubSend({
      'settings:get': () => ({ glossary: true, language: 'fr', textSize: 100, retentionDays: 180 }),
      'guide:preview': ({ guideId }) => (guideId === trying.id ? trying : null),
    });
    renderPage(<MemoApp guideId={trying.id} print={() => undefined} />, send, {
      guides: bundledGuides(),
    });
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 1 }).textContent).toContain(trying.title),
    );
    expect(calls).toHaveBeenCalledWith('guide:preview', { guideId: trying.id });
    expect(calls).not.toHaveBeenCalledWith('progress:guide', expect.anything());
  });

  it('says so calmly when the guide is unknown', async () => {
    const { send } = stubSend({
      'settings:get': () => ({ glossary: true, language: 'fr', textSize: 100, retentionDays: 180 }),
    });
    renderPage(<MemoApp guideId="nope" />, send, { guides: bundledGuides() });
    expect(screen.getByRole('alert').textContent).toContain('Je ne trouve pas ce guide');
  });
});
