import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NoteBox } from '../../../components/NoteBox';
import { guardMessage } from '../../../core/progress/guard';
import { realBackground, renderPage, stubSend } from './helpers';

afterEach(cleanup);

const STEP = { id: 'choisir-connexion', title: 'Choisissez « Se connecter »' };
const FAKE_NIR = '1 84 12 75 123 456 78';

function typeNote(text: string) {
  fireEvent.change(screen.getByTestId('note-input'), { target: { value: text } });
}

async function save() {
  await act(async () => {
    fireEvent.click(screen.getByTestId('note-save'));
  });
}

describe('NoteBox', () => {
  it('warns while typing a social security number, before anything is sent', () => {
    const { send, calls } = stubSend({});
    renderPage(<NoteBox guideId="caf-declaration-trimestrielle" step={STEP} />, send);
    expect(screen.queryByTestId('note-error')).toBeNull();
    typeNote(`Son numéro : ${FAKE_NIR}`);
    expect(screen.getByTestId('note-error').textContent).toContain(guardMessage('nir'));
    expect(screen.getByTestId('note-input').getAttribute('aria-invalid')).toBe('true');
    expect(calls).not.toHaveBeenCalledWith('note:add', expect.anything());
  });

  it('shows the background’s refusal and keeps what was typed', async () => {
    const message = 'Refusé par le service : explication.';
    const { send, calls } = stubSend({
      'note:add': () => ({ ok: false, kind: 'nir', message }),
    });
    const onSaved = vi.fn();
    renderPage(
      <NoteBox guideId="caf-declaration-trimestrielle" tabId={4} step={STEP} onSaved={onSaved} />,
      send,
    );
    typeNote(FAKE_NIR);
    await save();
    expect(calls).toHaveBeenCalledWith('note:add', {
      guideId: 'caf-declaration-trimestrielle',
      tabId: 4,
      stepId: STEP.id,
      text: FAKE_NIR,
    });
    expect(screen.getByTestId('note-error').textContent).toContain(message);
    expect((screen.getByTestId('note-input') as HTMLTextAreaElement).value).toBe(FAKE_NIR);
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('saves an ordinary note on the step, then empties the box', async () => {
    const { send, calls } = stubSend({ 'note:add': () => ({ ok: true, id: 12 }) });
    const onSaved = vi.fn();
    renderPage(
      <NoteBox guideId="caf-declaration-trimestrielle" step={STEP} onSaved={onSaved} />,
      send,
    );
    typeNote('Votre code est dans le carnet bleu');
    expect(screen.queryByTestId('note-error')).toBeNull();
    await save();
    expect(calls).toHaveBeenCalledWith('note:add', {
      guideId: 'caf-declaration-trimestrielle',
      stepId: STEP.id,
      text: 'Votre code est dans le carnet bleu',
    });
    expect((screen.getByTestId('note-input') as HTMLTextAreaElement).value).toBe('');
    expect(screen.getByRole('status').textContent).toBe('La note est enregistrée.');
    expect(onSaved).toHaveBeenCalledOnce();
  });

  it('puts the note on the whole guide when asked', async () => {
    const { send, calls } = stubSend({ 'note:add': () => ({ ok: true, id: 1 }) });
    renderPage(<NoteBox guideId="caf-declaration-trimestrielle" step={STEP} />, send);
    fireEvent.click(screen.getByTestId('note-on-guide'));
    typeNote('Rendez-vous à la Caf le mardi');
    await save();
    expect(calls.mock.calls.find(([type]) => type === 'note:add')?.[1]).toEqual({
      guideId: 'caf-declaration-trimestrielle',
      text: 'Rendez-vous à la Caf le mardi',
    });
  });

  it('against the real background: a NIR is refused, an ordinary note is stored', async () => {
    const bg = realBackground();
    renderPage(<NoteBox guideId="caf-declaration-trimestrielle" step={STEP} />, bg.send);
    typeNote(FAKE_NIR);
    await save();
    await waitFor(() =>
      expect(screen.getByTestId('note-error').textContent).toContain(
        'ressemble à un numéro de sécurité sociale',
      ),
    );
    expect((screen.getByTestId('note-input') as HTMLTextAreaElement).value).toBe(FAKE_NIR);
    expect(await bg.db.notes.count()).toBe(0);

    typeNote('Votre code est dans le carnet bleu');
    await save();
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('enregistrée'));
    const notes = await bg.db.notes.toArray();
    expect(notes.map((n) => [n.text, n.stepId])).toEqual([
      ['Votre code est dans le carnet bleu', STEP.id],
    ]);
  });

  it('says an empty note is empty only when saving, not while the box is blank', async () => {
    const bg = realBackground();
    renderPage(<NoteBox guideId="caf-declaration-trimestrielle" />, bg.send);
    expect(screen.queryByTestId('note-error')).toBeNull();
    await save();
    await waitFor(() =>
      expect(screen.getByTestId('note-error').textContent).toContain(guardMessage('empty')),
    );
  });
});
