import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Memo } from '../../../components/Memo';
import { MemoApp } from '../../../components/MemoApp';
import { getSite } from '../../../core/sites/registry';
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
    guide.steps.forEach((s, i) => {
      const heading = within(steps[i]!).getByRole('heading', { level: 3 });
      expect(heading.textContent).toBe(`Étape ${i + 1}. ${s.title}`);
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

  it('says so calmly when the guide is unknown', async () => {
    const { send } = stubSend({
      'settings:get': () => ({ glossary: true, language: 'fr', textSize: 100, retentionDays: 180 }),
    });
    renderPage(<MemoApp guideId="nope" />, send, { guides: bundledGuides() });
    expect(screen.getByRole('alert').textContent).toContain('Je ne trouve pas ce guide');
  });
});
