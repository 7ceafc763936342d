import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DataPage } from '../../../components/DataPage';
import { MAX_FILE_BYTES, NOTES_PAGE_SIZE } from '../../../core/progress/limits';
import {
  bundledGuides,
  cafGuide,
  emptyProgress,
  realBackground,
  renderPage,
  stubSend,
} from './helpers';

afterEach(cleanup);

const guide = cafGuide();

async function seed(bg: ReturnType<typeof realBackground>) {
  await bg.send('guide:start', { tabId: 1, guideId: guide.id, mode: 'aidant' });
  await bg.send('step:how', { tabId: 1, stepId: 'ouvrir-mon-compte', how: 'help' });
  await bg.send('guide:goto', { tabId: 1, stepIndex: 1 });
  await bg.send('note:add', { guideId: guide.id, text: 'Votre code est dans le carnet bleu' });
}

async function click(testId: string) {
  await act(async () => {
    fireEvent.click(screen.getByTestId(testId));
  });
}

describe('DataPage (« Mes données »)', () => {
  it('lists the procedures in progress with their history', async () => {
    const bg = realBackground();
    await seed(bg);
    renderPage(<DataPage download={() => undefined} />, bg.send, { guides: bundledGuides() });
    const list = await screen.findByTestId('data-procedures');
    await waitFor(() => expect(list.textContent).toContain(guide.title));
    expect(list.textContent).toContain('En cours : vous étiez à l’étape 2.');
    expect(list.textContent).toContain('Notes de l’aidant : 1');
    expect(within(list).getByTestId('history').textContent).toContain('avec aide : 1 fois');
  });

  it('exports to a file, erases only after the second button, and imports the file back', async () => {
    const bg = realBackground();
    await seed(bg);
    const download = vi.fn();
    renderPage(<DataPage download={download} />, bg.send, { guides: bundledGuides() });

    await click('data-export');
    await waitFor(() => expect(download).toHaveBeenCalledOnce());
    const [text, fileName] = download.mock.calls[0] as [string, string];
    expect(fileName).toMatch(/\.json$/);
    expect(JSON.parse(text)).toBeTypeOf('object');
    expect(text).toContain('carnet bleu');
    await waitFor(() =>
      expect(screen.getByTestId('export-status').textContent).toContain(fileName),
    );

    // The first button only asks; nothing is erased yet.
    await click('data-erase');
    const box = screen.getByTestId('erase-confirm-box');
    expect(box.textContent).toContain('Voulez-vous vraiment tout effacer ?');
    expect(document.activeElement).toBe(within(box).getByRole('heading'));
    expect(await bg.db.sessions.count()).toBe(1);
    await click('data-erase-cancel');
    expect(screen.queryByTestId('erase-confirm-box')).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId('data-erase'));
    expect(await bg.db.sessions.count()).toBe(1);

    await click('data-erase');
    expect(screen.getByTestId('data-erase-confirm').textContent).toBe('Oui, tout effacer');
    await click('data-erase-confirm');
    await waitFor(() => expect(screen.getByTestId('erase-status').textContent).toContain('effacé'));
    expect(screen.getByTestId('erase-status').textContent).toContain('Notes : 1');
    expect(await bg.db.sessions.count()).toBe(0);
    expect(await bg.db.notes.count()).toBe(0);
    await waitFor(() => expect(screen.getByTestId('data-empty')).toBeTruthy());

    // Back from the file, added to what is here.
    const file = new File([text], fileName, { type: 'application/json' });
    expect(screen.getByTestId('import-chosen').textContent).toBe('Aucun fichier choisi.');
    fireEvent.change(screen.getByTestId('data-import-file'), { target: { files: [file] } });
    expect(screen.getByTestId('import-chosen').textContent).toBe(`Fichier choisi : ${fileName}`);
    expect((screen.getByTestId('import-merge') as HTMLInputElement).checked).toBe(true);
    await click('data-import');
    await waitFor(() =>
      expect(screen.getByTestId('import-status').textContent).toContain('C’est fait'),
    );
    expect(screen.getByTestId('import-status').textContent).toContain('Démarches : 1');
    expect(await bg.db.sessions.count()).toBe(1);
    expect((await bg.db.notes.toArray()).map((n) => n.text)).toEqual([
      'Votre code est dans le carnet bleu',
    ]);
    await waitFor(() =>
      expect(screen.getByTestId('data-procedures').textContent).toContain('étape 2'),
    );
  });

  it('shows the French error of a file that is not ours', async () => {
    const bg = realBackground();
    renderPage(<DataPage download={() => undefined} />, bg.send, { guides: bundledGuides() });
    const file = new File(['{"hello": 1}'], 'autre.json', { type: 'application/json' });
    fireEvent.change(screen.getByTestId('data-import-file'), { target: { files: [file] } });
    fireEvent.click(screen.getByTestId('import-replace'));
    await click('data-import');
    const status = await screen.findByTestId('import-status');
    await waitFor(() => expect(status.textContent).toContain('n’a pas pu être remis'));
    expect(status.textContent).toContain(
      'Ce fichier ne vient pas de Pas à pas. Rien n’a été importé.',
    );
    expect(status.querySelector('.error-text')).not.toBeNull();
  });

  it.each([
    ['fr', 'bonjour', 'Ce fichier ne peut pas être lu.'],
    ['en', '{"hello": 1}', 'This file does not come from Pas à pas. Nothing was put back.'],
    ['en', 'bonjour', 'This file cannot be read.'],
    ['ar', '{"hello": 1}', 'هذا الملف ليس من Pas à pas.'],
  ] as const)('says in %s why the file %s was not imported', async (lang, text, words) => {
    const bg = realBackground();
    await bg.send('settings:set', { language: lang });
    renderPage(<DataPage download={() => undefined} />, bg.send, {
      lang,
      guides: bundledGuides(),
    });
    const file = new File([text], 'autre.json', { type: 'application/json' });
    fireEvent.change(screen.getByTestId('data-import-file'), { target: { files: [file] } });
    await click('data-import');
    const status = await screen.findByTestId('import-status');
    await waitFor(() => expect(status.textContent).toContain(words));
  });

  it('asks for a file before importing', async () => {
    const { send, calls } = stubSend({
      'settings:get': () => ({ glossary: true, language: 'fr', textSize: 100, retentionDays: 180 }),
      'progress:guide': () => {
        throw new Error('offline');
      },
    });
    renderPage(<DataPage download={() => undefined} />, send, { guides: [guide] });
    await click('data-import');
    expect(screen.getByTestId('import-status').textContent).toContain(
      'Choisissez d’abord un fichier',
    );
    expect(calls).not.toHaveBeenCalledWith('data:import', expect.anything());
  });

  it('sets the clean-up delay (never = 0) and cleans up on demand', async () => {
    const bg = realBackground();
    renderPage(<DataPage download={() => undefined} />, bg.send, { guides: bundledGuides() });
    const select = (await screen.findByTestId('retention')) as HTMLSelectElement;
    await waitFor(() => expect(select.value).toBe('180'));
    expect([...select.options].map((o) => o.value)).toEqual(['30', '90', '180', '365', '0']);
    expect([...select.options].map((o) => o.textContent)[4]).toBe('Jamais');
    await act(async () => {
      fireEvent.change(select, { target: { value: '0' } });
    });
    await waitFor(() =>
      expect(screen.getByTestId('retention-status').textContent).toContain('enregistré'),
    );
    expect((await bg.send('settings:get', {})).retentionDays).toBe(0);
    expect(select.value).toBe('0');

    await click('data-cleanup');
    await waitFor(() =>
      expect(screen.getByTestId('retention-status').textContent).toContain('Démarches : 0'),
    );
  });

  it('refuses a file that is too big before reading it, when chosen and when sent', async () => {
    const { send, calls } = stubSend({
      'settings:get': () => ({ glossary: true, language: 'fr', textSize: 100, retentionDays: 180 }),
      'progress:guide': () => emptyProgress(guide.id),
    });
    renderPage(<DataPage download={() => undefined} />, send, { guides: [guide] });
    const file = new File(['{}'], 'enorme.json', { type: 'application/json' });
    // Its size as the browser reports it: reading it would load all of it into memory.
    Object.defineProperty(file, 'size', { value: MAX_FILE_BYTES + 1 });
    const read = vi.spyOn(file, 'text').mockRejectedValue(new Error('read into memory'));
    fireEvent.change(screen.getByTestId('data-import-file'), { target: { files: [file] } });
    const status = screen.getByTestId('import-status');
    expect(status.textContent).toBe(
      'Ce fichier n’a pas pu être remis. Ce fichier est trop gros. Ce n’est pas un fichier de Pas à pas.',
    );
    await click('data-import');
    expect(status.textContent).toContain('Ce fichier est trop gros');
    expect(status.querySelector('.error-text')).not.toBeNull();
    expect(read).not.toHaveBeenCalled();
    expect(calls).not.toHaveBeenCalledWith('data:import', expect.anything());
  });

  it('reads and sends a file of exactly the limit', async () => {
    const { send, calls } = stubSend({
      'settings:get': () => ({ glossary: true, language: 'fr', textSize: 100, retentionDays: 180 }),
      'progress:guide': () => emptyProgress(guide.id),
      'data:import': () => ({ ok: false, kind: 'damaged-file' }),
    });
    renderPage(<DataPage download={() => undefined} />, send, { guides: [guide] });
    const file = new File(['{}'], 'limite.json', { type: 'application/json' });
    Object.defineProperty(file, 'size', { value: MAX_FILE_BYTES });
    fireEvent.change(screen.getByTestId('data-import-file'), { target: { files: [file] } });
    expect(screen.getByTestId('import-status').textContent).toBe('');
    await click('data-import');
    expect(calls).toHaveBeenCalledWith('data:import', { text: '{}', mode: 'merge' });
  });

  it('makes no file when the data would be too big to put back, and says so', async () => {
    const download = vi.fn();
    const { send } = stubSend({
      'settings:get': () => ({ glossary: true, language: 'fr', textSize: 100, retentionDays: 180 }),
      'progress:guide': () => emptyProgress(guide.id),
      'data:export': () => ({
        ok: false,
        tooBig: true,
        size: MAX_FILE_BYTES + 1,
        limit: MAX_FILE_BYTES,
      }),
    });
    renderPage(<DataPage download={download} />, send, { guides: [guide] });
    await click('data-export');
    const status = screen.getByTestId('export-status');
    await waitFor(() =>
      expect(status.textContent).toBe(
        'Il y a trop de données pour un seul fichier (20,1 Mo, au plus 20 Mo). Aucun fichier n’a été créé : il ne pourrait pas être remis. Pour alléger, utilisez « Nettoyer maintenant » plus bas, ou supprimez des notes anciennes.',
      ),
    );
    expect(status.querySelector('.error-text')).not.toBeNull();
    expect(download).not.toHaveBeenCalled();
  });

  it('counts all the notes of a procedure but draws them a page at a time', async () => {
    const bg = realBackground();
    const total = NOTES_PAGE_SIZE + 3;
    for (let i = 0; i < total; i++) {
      await bg.send('note:add', { guideId: guide.id, text: `note ${i}` });
    }
    renderPage(<DataPage download={() => undefined} />, bg.send, { guides: bundledGuides() });
    const list = await screen.findByTestId('data-procedures');
    await waitFor(() => expect(list.textContent).toContain(`Notes de l’aidant : ${total}`));
    expect(within(list).getAllByTestId('note')).toHaveLength(NOTES_PAGE_SIZE);
    await click('notes-more-button');
    await waitFor(() => expect(within(list).getAllByTestId('note')).toHaveLength(total));

    // Deleting a note here reads the procedures again; the older notes stay drawn.
    expect(screen.queryByTestId('notes-more-button')).toBeNull();
    const del = within(list).getByRole('button', { name: 'Supprimer la note « note 0 »' });
    await act(async () => {
      fireEvent.click(del);
    });
    await waitFor(() => expect(list.textContent).toContain(`Notes de l’aidant : ${total - 1}`));
    expect(within(list).getAllByTestId('note')).toHaveLength(total - 1);
    expect(await bg.db.notes.count()).toBe(total - 1);
  });
});

describe('DataPage and the aidant’s contact', () => {
  it('puts the contact in the file only when the person ticks it, and brings it back', async () => {
    const { fakeBrowser } = await import('wxt/testing');
    fakeBrowser.reset();
    await fakeBrowser.storage.local.set({
      aidantContact: { name: 'Samia', phone: '06 12 34 56 78' },
    });
    const bg = realBackground();
    await seed(bg);
    const download = vi.fn();
    renderPage(<DataPage download={download} />, bg.send, { guides: bundledGuides() });
    const box = (await screen.findByTestId('export-contact')) as HTMLInputElement;
    expect(box.checked).toBe(false);
    await click('data-export');
    await waitFor(() => expect(download).toHaveBeenCalledTimes(1));
    expect(download.mock.calls[0]![0]).not.toContain('Samia');

    await act(async () => {
      fireEvent.click(box);
    });
    await click('data-export');
    await waitFor(() => expect(download).toHaveBeenCalledTimes(2));
    const text = download.mock.calls[1]![0] as string;
    expect(JSON.parse(text).aidantContact).toEqual({ name: 'Samia', phone: '06 12 34 56 78' });

    // Deleted here, then the file is put back: the contact comes back with it.
    await fakeBrowser.storage.local.remove('aidantContact');
    fireEvent.change(screen.getByTestId('data-import-file'), {
      target: { files: [new File([text], 'pas-a-pas.json', { type: 'application/json' })] },
    });
    await click('data-import');
    await screen.findByText('C’est fait. Voici ce qui a été remis :');
    expect(await fakeBrowser.storage.local.get('aidantContact')).toEqual({
      aidantContact: { name: 'Samia', phone: '06 12 34 56 78' },
    });
  });
});
