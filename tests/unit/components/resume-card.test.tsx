import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GuideIntro } from '../../../components/GuideIntro';
import { ResumeCard } from '../../../components/ResumeCard';
import { cafGuide, emptyProgress, realBackground, renderPage, stubSend } from './helpers';

afterEach(cleanup);

const guide = cafGuide();
const DAY = 24 * 60 * 60 * 1000;
/** « Mes ressources »: after the login, whose optional steps the count leaves out. */
const MES_RESSOURCES = guide.steps.findIndex((s) => s.id === 'ouvrir-mes-ressources');

function progress() {
  return emptyProgress(guide.id, {
    resume: {
      sessionId: 3,
      stepIndex: MES_RESSOURCES,
      updatedAt: Date.UTC(2025, 2, 10),
      mode: 'aidant',
    },
    lastAloneCount: 2,
    lastStepCount: 3,
    notes: [
      {
        id: 9,
        text: 'Votre code est dans le carnet bleu',
        at: Date.UTC(2025, 2, 10),
        stepId: 'numero',
        stepTitle: 'Tapez votre numéro de sécurité sociale',
      },
      {
        id: 4,
        text: 'Apporter les fiches de paie',
        at: Date.UTC(2025, 2, 10) - DAY,
        stepId: null,
        stepTitle: null,
      },
    ],
    history: { sessions: 3, done: 1, alone: 2, help: 3, aidant: 1 },
  });
}

describe('ResumeCard', () => {
  it('says where the person stopped, how far they went alone, and their progress', () => {
    const { send } = stubSend({});
    const onResume = vi.fn();
    renderPage(<ResumeCard guide={guide} progress={progress()} onResume={onResume} />, send);
    const card = screen.getByTestId('resume-card');
    expect(within(card).getByRole('heading', { level: 2 }).textContent).toBe(
      'Reprendre : Déclarer mes ressources du trimestre — vous étiez à l’étape 3',
    );
    expect(card.textContent).toContain('Étape 3 sur 8 : Ouvrez « Mes ressources »');
    expect(screen.getByTestId('last-alone').textContent).toBe(
      'La dernière fois, vous avez fait 2 étapes seul(e), sur 3.',
    );
    const history = screen.getByTestId('history');
    expect(history.textContent).toContain('seul(e) : 2 fois');
    expect(history.textContent).toContain('avec aide : 3 fois');
    expect(history.textContent).toContain('par l’aidant : 1 fois');
    expect(history.textContent).toContain('Démarche terminée : 1 fois');

    // Newest first, each with the step it is about.
    const notes = within(screen.getByTestId('notes-list')).getAllByTestId('note');
    expect(notes.map((n) => n.querySelector('.note-text')?.textContent)).toEqual([
      'Votre code est dans le carnet bleu',
      'Apporter les fiches de paie',
    ]);
    expect(notes[0]!.textContent).toContain(
      'Pour l’étape : Tapez votre numéro de sécurité sociale',
    );
    expect(notes[1]!.textContent).toContain('Pour toute la démarche');
    // No delete button for the person coming back: the notes are to read.
    expect(within(card).queryByRole('button', { name: /Supprimer/ })).toBeNull();

    fireEvent.click(screen.getByTestId('resume-button'));
    expect(onResume).toHaveBeenCalledWith(MES_RESSOURCES);
  });

  it('words the last time kindly when every step had help, and shows a damaged-data notice', () => {
    const { send } = stubSend({});
    renderPage(
      <ResumeCard
        guide={guide}
        progress={{
          ...progress(),
          lastAloneCount: 0,
          lastStepCount: 1,
          problem: 'Une information enregistrée était abîmée.',
        }}
        onResume={() => undefined}
      />,
      send,
    );
    expect(screen.getByTestId('last-alone').textContent).toContain('de l’aide à chaque étape');
    expect(screen.getByTestId('progress-problem').textContent).toBe(
      'Une information enregistrée était abîmée.',
    );
  });

  it('is not shown without an unfinished session', () => {
    const { send } = stubSend({});
    renderPage(
      <ResumeCard guide={guide} progress={emptyProgress(guide.id)} onResume={() => undefined} />,
      send,
    );
    expect(screen.queryByTestId('resume-card')).toBeNull();
  });

  it('reads in Arabic from right to left with the same facts', () => {
    const { send } = stubSend({});
    renderPage(
      <ResumeCard guide={guide} progress={progress()} onResume={() => undefined} />,
      send,
      { lang: 'ar' },
    );
    expect(screen.getByTestId('resume-button').textContent).toBe('متابعة');
    expect(screen.getByTestId('resume-card').textContent).toContain('3');
  });
});

describe('GuideIntro with progress', () => {
  it('shows the history, the notes, a resume button and the memo link', () => {
    const { send } = stubSend({});
    const onResume = vi.fn();
    renderPage(
      <GuideIntro
        guide={guide}
        progress={progress()}
        onStart={() => undefined}
        onResume={onResume}
        onBack={() => undefined}
      />,
      send,
    );
    expect(screen.getByTestId('history').textContent).toContain('avec aide : 3 fois');
    expect(screen.getByTestId('notes-list').textContent).toContain('carnet bleu');
    const memo = screen.getByTestId('memo-link') as HTMLAnchorElement;
    expect(memo.getAttribute('href')).toBe('/memo.html?guide=caf-declaration-trimestrielle');
    expect(memo.target).toBe('_blank');
    fireEvent.click(screen.getByTestId('intro-resume'));
    expect(onResume).toHaveBeenCalledWith(MES_RESSOURCES);
    expect(screen.getByTestId('start').textContent).toBe('Recommencer au début');
  });

  it('shows neither history nor notes for a guide never used', () => {
    const { send } = stubSend({});
    renderPage(
      <GuideIntro
        guide={guide}
        progress={emptyProgress(guide.id)}
        onStart={() => undefined}
        onBack={() => undefined}
      />,
      send,
    );
    expect(screen.queryByTestId('history')).toBeNull();
    expect(screen.queryByTestId('notes-list')).toBeNull();
    expect(screen.queryByTestId('intro-resume')).toBeNull();
    expect(screen.getByTestId('start').textContent).toBe('Commencer');
  });
});

describe('resume card from the real progress store', () => {
  it('comes from what the aidant recorded: step, how, note', async () => {
    const bg = realBackground();
    // The aidant's visit: start with the aidant, mark step 1 with help, move to step 2, leave a note.
    await bg.send('guide:start', { tabId: 1, guideId: guide.id, mode: 'aidant' });
    await bg.send('step:how', { tabId: 1, stepId: 'ouvrir-mon-compte', how: 'help' });
    await bg.send('guide:goto', { tabId: 1, stepIndex: 1 });
    const added = await bg.send('note:add', {
      guideId: guide.id,
      tabId: 1,
      stepId: 'choisir-connexion',
      text: 'Votre code est dans le carnet bleu',
    });
    expect(added.ok).toBe(true);

    const p = await bg.send('progress:guide', { guideId: guide.id });
    const onResume = vi.fn();
    renderPage(<ResumeCard guide={guide} progress={p} onResume={onResume} />, bg.send);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toContain(
      'vous étiez à l’étape 2',
    );
    expect(screen.getByTestId('history').textContent).toContain('avec aide : 1 fois');
    expect(screen.getByTestId('notes-list').textContent).toContain(
      'Pour l’étape : Choisissez comment vous connecter',
    );
    await act(async () => fireEvent.click(screen.getByTestId('resume-button')));
    expect(onResume).toHaveBeenCalledWith(1);
    await waitFor(() => expect(screen.getByTestId('last-alone')).toBeTruthy());
  });
});
