import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NoteBox } from '../../../components/NoteBox';
import { DEFAULT_SETTINGS } from '../../../core/messaging/responses';
import ar from '../../../locales/ar/panel.json';
import en from '../../../locales/en/panel.json';
import fr from '../../../locales/fr/panel.json';
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
    expect(screen.getByTestId('note-error').textContent).toContain(fr.noteRefusedNir);
    expect(screen.getByTestId('note-input').getAttribute('aria-invalid')).toBe('true');
    expect(calls).not.toHaveBeenCalledWith('note:add', expect.anything());
  });

  it('explains the background’s refusal from the locale file and keeps what was typed', async () => {
    const { send, calls } = stubSend({
      'note:add': () => ({ ok: false, kind: 'nir' }),
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
    expect(screen.getByTestId('note-error').textContent).toBe(
      `${fr.noteWarning} ${fr.noteRefusedNir}`,
    );
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
      expect(screen.getByTestId('note-error').textContent).toContain(fr.noteRefusedEmpty),
    );
  });

  it('puts the length limit the background gives into the sentence', async () => {
    const { send } = stubSend({
      'note:add': () => ({ ok: false, kind: 'too-long', params: { max: 500 } }),
    });
    renderPage(<NoteBox guideId="caf-declaration-trimestrielle" />, send);
    typeNote('Une note');
    await save();
    expect(screen.getByTestId('note-error').textContent).toContain('Écrivez 500 signes au plus.');
  });

  it('says near the box what is refused, and ties it to the box', () => {
    const { send } = stubSend({});
    renderPage(<NoteBox guideId="caf-declaration-trimestrielle" />, send);
    const never = screen.getByTestId('note-never');
    expect(never.textContent).toBe(fr.noteNever);
    for (const word of ['mot de passe', 'code secret', 'sécurité sociale', 'e-mail']) {
      expect(never.textContent).toContain(word);
    }
    const described = screen.getByTestId('note-input').getAttribute('aria-describedby') ?? '';
    expect(described.split(' ')).toContain(never.id);
  });

  it.each([
    ['en', en],
    ['ar', ar],
  ] as const)('speaks %s: help lines and refusals come from that locale', async (lang, texts) => {
    const { send } = stubSend({
      'note:add': () => ({ ok: false, kind: 'password' }),
      'settings:get': () => ({ ...DEFAULT_SETTINGS, language: lang }),
    });
    renderPage(<NoteBox guideId="caf-declaration-trimestrielle" />, send, { lang });
    expect(screen.getByTestId('note-never').textContent).toBe(texts.noteNever);
    typeNote('06/12/34/56/78');
    expect(screen.getByTestId('note-error').textContent).toContain(texts.noteRefusedPhone);
    typeNote('Une note');
    await save();
    expect(screen.getByTestId('note-error').textContent).toContain(texts.noteRefusedPassword);
    expect(screen.getByTestId('note-error').textContent).not.toContain('ressemble');
  });

  it.each([
    ['a phone number with slashes', '06/12/34/56/78', fr.noteRefusedPhone],
    ['a phone number in Arabic-Indic digits', '٠٦ ١٢ ٣٤ ٥٦ ٧٨', fr.noteRefusedPhone],
    ['an e-mail written « at … dot »', 'prenom at domaine dot fr', fr.noteRefusedEmail],
    ['a short secret code', 'son code : 4821', fr.noteRefusedPassword],
  ])(
    'against the real background: %s is refused, not stored, and stays in the box',
    async (_what, text, message) => {
      const bg = realBackground();
      renderPage(<NoteBox guideId="caf-declaration-trimestrielle" />, bg.send);
      typeNote(text);
      await save();
      await waitFor(() => expect(screen.getByTestId('note-error').textContent).toContain(message));
      expect((screen.getByTestId('note-input') as HTMLTextAreaElement).value).toBe(text);
      expect(await bg.db.notes.count()).toBe(0);
    },
  );

  it('against the real background: everyday notes with dates, times and amounts are stored', async () => {
    const bg = realBackground();
    renderPage(<NoteBox guideId="caf-declaration-trimestrielle" />, bg.send);
    const notes = [
      'Rendez-vous le 12/03 à 14 h 30',
      'Le code arrive par SMS',
      'Loyer 1 234,56 €, appeler le 3230',
    ];
    for (const text of notes) {
      typeNote(text);
      expect(screen.queryByTestId('note-error')).toBeNull();
      await save();
      await waitFor(() => expect(screen.getByRole('status').textContent).toContain('enregistrée'));
    }
    expect((await bg.db.notes.toArray()).map((n) => n.text)).toEqual(notes);
  });
});
