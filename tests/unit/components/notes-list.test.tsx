import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Send } from '../../../core/messaging/client';
import type { Envelope } from '../../../core/messaging/protocol';
import { DEFAULT_SETTINGS } from '../../../core/messaging/responses';
import { GuideNotes } from '../../../components/NotesList';
import { PageShell } from '../../../components/page-shell';
import type { GuideProgress, NoteView } from '../../../core/messaging/responses';
import { NOTES_PAGE_SIZE } from '../../../core/progress/limits';
import { shownNotes } from '../../../hooks/use-notes';
import { cafGuide, emptyProgress, realBackground, renderPage, stubSend } from './helpers';

afterEach(cleanup);

const guide = cafGuide();

/** The real background with `n` notes on the guide, « note 0 » the oldest. */
async function withNotes(n: number) {
  const bg = realBackground();
  for (let i = 0; i < n; i++) {
    const r = await bg.send('note:add', { guideId: guide.id, text: `note ${i}` });
    if (!r.ok) throw new Error(r.kind);
  }
  return bg;
}

const drawn = () =>
  within(screen.getByTestId('notes-list'))
    .getAllByTestId('note')
    .map((li) => li.querySelector('.note-text')?.textContent);

/** « note k » for k from `from` down to `to`. */
const range = (from: number, to: number) =>
  Array.from({ length: from - to + 1 }, (_, i) => `note ${from - i}`);

/** Draws the notes again with another progress, in the same page (its state kept). */
function redraw(
  view: { rerender(ui: ReactElement): void },
  send: Send,
  props: Parameters<typeof GuideNotes>[0],
) {
  view.rerender(
    <PageShell send={send}>
      <GuideNotes {...props} />
    </PageShell>,
  );
}

async function more() {
  await act(async () => {
    fireEvent.click(screen.getByTestId('notes-more-button'));
  });
}

describe('notes a page at a time', () => {
  it('draws the first page, then the older ones on « Voir les notes plus anciennes »', async () => {
    const total = 2 * NOTES_PAGE_SIZE + 5;
    const bg = await withNotes(total);
    const progress = await bg.send('progress:guide', { guideId: guide.id });
    renderPage(<GuideNotes progress={progress} />, bg.send);

    expect(drawn()).toEqual(range(total - 1, total - NOTES_PAGE_SIZE));
    const button = screen.getByTestId('notes-more-button');
    expect(button.textContent).toBe('Voir les notes plus anciennes');
    expect(button.className).toContain('btn-big');

    await more();
    await waitFor(() => expect(drawn()).toHaveLength(2 * NOTES_PAGE_SIZE));
    expect(drawn()).toEqual(range(total - 1, total - 2 * NOTES_PAGE_SIZE));
    // The focus goes to the first note added, so the next note read is the next one.
    expect(document.activeElement?.textContent).toContain(`note ${total - NOTES_PAGE_SIZE - 1}`);

    await more();
    await waitFor(() => expect(drawn()).toHaveLength(total));
    expect(drawn()).toEqual(range(total - 1, 0));
    expect(screen.queryByTestId('notes-more')).toBeNull();
    const pages = bg.transport.mock.calls.filter(([m]) => (m as Envelope).type === 'notes:page');
    expect(pages).toHaveLength(2);
  });

  it('neither repeats nor skips a note when one is added or deleted after older pages came', async () => {
    const total = NOTES_PAGE_SIZE + 10;
    const bg = await withNotes(total);
    const read = () => bg.send('progress:guide', { guideId: guide.id });
    const deleted: number[] = [];
    const onDelete = (id: number) => void deleted.push(id);
    const view = renderPage(<GuideNotes progress={await read()} onDelete={onDelete} />, bg.send);
    await more();
    await waitFor(() => expect(drawn()).toHaveLength(total));

    // A note is saved: the first page is read again, the older notes with it, under it.
    await bg.send('note:add', { guideId: guide.id, text: 'nouvelle' });
    redraw(view, bg.send, { progress: await read(), onDelete });
    await waitFor(() => expect(drawn()).toEqual(['nouvelle', ...range(total - 1, 0)]));

    // A note of the older notes is deleted here: it goes at once, and stays gone after.
    const gone = screen.getByRole('button', { name: 'Supprimer la note « note 3 »' });
    await act(async () => {
      fireEvent.click(gone);
    });
    expect(drawn()).not.toContain('note 3');
    await bg.send('note:delete', { id: deleted[0]! });
    redraw(view, bg.send, { progress: await read(), onDelete });
    const expected = ['nouvelle', ...range(total - 1, 4), 'note 2', 'note 1', 'note 0'];
    await waitFor(() => expect(drawn()).toEqual(expected));
    // And a note of the first page: the older notes move up, none lost, none twice.
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Supprimer la note « nouvelle »' }));
    });
    expect(drawn()).toEqual(expected.slice(1));
    await bg.send('note:delete', { id: deleted[1]! });
    redraw(view, bg.send, { progress: await read(), onDelete });
    await waitFor(() => expect(drawn()).toEqual(expected.slice(1)));
  });

  it('reads the older notes again with the first page: what was erased elsewhere goes', async () => {
    const total = NOTES_PAGE_SIZE + 10;
    const bg = await withNotes(total);
    const view = renderPage(
      <GuideNotes progress={await bg.send('progress:guide', { guideId: guide.id })} />,
      bg.send,
    );
    await more();
    await waitFor(() => expect(drawn()).toHaveLength(total));
    // The oldest notes erased in another page (a clean-up, say); the panel comes back in view.
    const oldest = await bg.db.notes.orderBy('id').limit(5).primaryKeys();
    await bg.db.notes.bulkDelete(oldest);
    redraw(view, bg.send, { progress: await bg.send('progress:guide', { guideId: guide.id }) });
    await waitFor(() => expect(drawn()).toEqual(range(total - 1, 5)));
    expect(screen.queryByTestId('notes-more')).toBeNull();
  });

  it('says so calmly when older notes cannot be read, and lets the person try again', async () => {
    const note = (id: number): NoteView => ({
      id,
      text: `note ${id}`,
      at: id,
      stepId: null,
      stepTitle: null,
    });
    let fail = true;
    const { send } = stubSend({
      'notes:page': () => {
        if (fail) throw new Error('offline');
        return { notes: [note(1)], next: null, problem: null };
      },
    });
    const progress = emptyProgress(guide.id, { notes: [note(2)], moreNotes: { at: 2, id: 2 } });
    renderPage(<GuideNotes progress={progress} />, send);
    await more();
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Les notes plus anciennes n’ont pas pu être chargées. Réessayez.',
    );
    fail = false;
    await more();
    await waitFor(() => expect(drawn()).toEqual(['note 2', 'note 1']));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('has the « Voir plus » texts in English and Arabic', async () => {
    const progress: GuideProgress = emptyProgress(guide.id, {
      notes: [{ id: 9, text: 'x', at: 9, stepId: null, stepTitle: null }],
      moreNotes: { at: 9, id: 9 },
    });
    const speaking = (language: 'en' | 'ar') =>
      stubSend({ 'settings:get': () => ({ ...DEFAULT_SETTINGS, language }) }).send;
    renderPage(<GuideNotes progress={progress} />, speaking('en'), { lang: 'en' });
    expect(screen.getByTestId('notes-more-button').textContent).toBe('See older notes');
    cleanup();
    renderPage(<GuideNotes progress={progress} />, speaking('ar'), { lang: 'ar' });
    expect(screen.getByTestId('notes-more-button').textContent).toBe('عرض الملاحظات الأقدم');
  });
});

describe('shownNotes', () => {
  const note = (id: number): NoteView => ({
    id,
    text: `n${id}`,
    at: id,
    stepId: null,
    stepTitle: null,
  });
  const at = (id: number) => ({ at: id, id });
  const first = (ids: number[], more: boolean) => ({
    guideId: 'g',
    notes: ids.map(note),
    moreNotes: more ? at(ids.at(-1)!) : null,
  });
  const older = (from: number, ids: number[], next: number | null, guideId = 'g') => ({
    guideId,
    from: at(from),
    notes: ids.map(note),
    next: next === null ? null : at(next),
  });

  it('draws the first page alone when nothing older came, or when it now holds everything', () => {
    expect(shownNotes(first([9, 8], true), null)).toEqual({
      notes: [note(9), note(8)],
      more: at(8),
    });
    expect(shownNotes(first([9, 8], false), older(8, [7], null)).notes).toEqual([note(9), note(8)]);
  });

  it('puts the older notes under the first page they were read under', () => {
    expect(shownNotes(first([9, 8], true), older(8, [7, 6], 6))).toEqual({
      notes: [9, 8, 7, 6].map(note),
      more: at(6),
    });
  });

  it('until they are read again, keeps only those past a new first page’s end', () => {
    // A note added: the first page now stops at 7, which the older notes also hold.
    expect(shownNotes(first([10, 9, 8, 7], true), older(8, [7, 6], 6)).notes).toEqual(
      [10, 9, 8, 7, 6].map(note),
    );
    // Notes deleted: the first page reaches past all the older notes.
    expect(shownNotes(first([9, 5, 4], true), older(8, [7, 6], 6))).toEqual({
      notes: [9, 5, 4].map(note),
      more: at(4),
    });
  });

  it('never mixes in the older notes of another guide', () => {
    expect(shownNotes(first([9, 8], true), older(8, [7], null, 'other')).notes).toEqual([
      note(9),
      note(8),
    ]);
  });
});
