import { useCallback, useEffect, useRef, useState } from 'react';
import type { GuideProgress, NoteCursor, NoteView } from '../core/messaging/responses';
import { MAX_NOTES_PAGE, NOTES_PAGE_SIZE } from '../core/progress/limits';
import { useSend } from './send-context';

/** Whether `n` comes after the cursor in the pages (older, or as old with a smaller id). */
export function isOlder(n: NoteCursor, than: NoteCursor): boolean {
  return n.at < than.at || (n.at === than.at && n.id < than.id);
}

function sameCursor(a: NoteCursor, b: NoteCursor): boolean {
  return a.at === b.at && a.id === b.id;
}

/** The notes « Voir les notes plus anciennes » brought, under a first page. */
export interface OlderNotes {
  guideId: string;
  /** Where they start: the end of the first page they were read under. */
  from: NoteCursor;
  /** Newest first, each older than `from`. */
  notes: NoteView[];
  /** Where the next older page starts; null once the oldest note came. */
  next: NoteCursor | null;
}

type FirstPage = Pick<GuideProgress, 'guideId' | 'notes' | 'moreNotes'>;

/**
 * The notes to draw: the first page, then the older notes brought under it, and where to ask
 * for more. Pages are cut by cursor (strictly older than the last note shown), so a note added
 * or deleted meanwhile is neither repeated nor skipped. While older notes read under a previous
 * first page wait to be read again, only those past the new first page's end are kept.
 */
export function shownNotes(
  first: FirstPage,
  older: OlderNotes | null,
): { notes: NoteView[]; more: NoteCursor | null } {
  const end = first.moreNotes;
  if (!older || older.guideId !== first.guideId || end === null) {
    return { notes: first.notes, more: end };
  }
  if (sameCursor(older.from, end))
    return { notes: [...first.notes, ...older.notes], more: older.next };
  const rest = older.notes.filter((n) => isOlder(n, end));
  return { notes: [...first.notes, ...rest], more: rest.length ? older.next : end };
}

/**
 * A guide's notes a page at a time: the first page comes with its progress, older pages on
 * request (`loadMore` resolves with the notes it added, to move the focus to the first one).
 * Each time the first page is read again (a note saved or deleted, the page back in view, a
 * file imported or a clean-up elsewhere), the older notes on screen are read again with it, in
 * one request from where the first page now stops: what is drawn is never older than what the
 * panel last read. `forget` drops a deleted note at once, before that reading.
 */
export function useNotePages(progress: FirstPage | null) {
  const send = useSend();
  // The older notes, and the first page they were read under.
  const [read, setReadState] = useState<{ older: OlderNotes; under: FirstPage } | null>(null);
  const readRef = useRef(read);
  const setRead = useCallback((r: { older: OlderNotes; under: FirstPage } | null) => {
    readRef.current = r;
    setReadState(r);
  }, []);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  // Notes deleted here, hidden until the first page is read again.
  const [hidden, setHidden] = useState<{ under: FirstPage | null; ids: ReadonlySet<number> }>({
    under: null,
    ids: new Set(),
  });
  // Grows with each first page: an answer asked under an earlier one is not applied.
  const generation = useRef(0);

  useEffect(() => {
    const mine = ++generation.current;
    const r = readRef.current;
    if (!progress || !r || r.under === progress) return;
    const end = progress.moreNotes;
    if (r.older.guideId !== progress.guideId || end === null) return;
    const guideId = progress.guideId;
    send('notes:page', {
      guideId,
      before: end,
      limit: Math.min(MAX_NOTES_PAGE, Math.max(NOTES_PAGE_SIZE, r.older.notes.length)),
    }).then(
      (page) => {
        if (generation.current !== mine) return;
        setRead({
          older: { guideId, from: end, notes: page.notes, next: page.next },
          under: progress,
        });
      },
      // Not read again: back to the first page alone rather than show what may be gone.
      () => generation.current === mine && setRead(null),
    );
  }, [progress, send, setRead]);

  const older = read?.older ?? null;
  const { notes, more } = progress ? shownNotes(progress, older) : { notes: [], more: null };
  // Older notes read under an earlier first page are being read again: no « more » meanwhile.
  const stale =
    !!progress &&
    !!read &&
    read.under !== progress &&
    read.older.guideId === progress.guideId &&
    progress.moreNotes !== null;
  const loadMore = useCallback(async (): Promise<NoteView[]> => {
    const end = progress?.moreNotes;
    if (!progress || !end || !more) return [];
    const mine = generation.current;
    setBusy(true);
    setFailed(false);
    try {
      const page = await send('notes:page', { guideId: progress.guideId, before: more });
      if (generation.current !== mine) return [];
      const under = notes.slice(progress.notes.length);
      setRead({
        older: {
          guideId: progress.guideId,
          from: end,
          notes: [...under, ...page.notes],
          next: page.next,
        },
        under: progress,
      });
      return page.notes;
    } catch {
      if (generation.current === mine) setFailed(true);
      return [];
    } finally {
      if (generation.current === mine) setBusy(false);
    }
  }, [send, progress, more, notes, setRead]);

  const forget = useCallback(
    (id: number) => {
      setHidden((h) => ({
        under: progress,
        ids: new Set(h.under === progress ? h.ids : []).add(id),
      }));
      const r = readRef.current;
      if (r) {
        setRead({ ...r, older: { ...r.older, notes: r.older.notes.filter((n) => n.id !== id) } });
      }
    },
    [progress, setRead],
  );

  const gone = hidden.under === progress ? hidden.ids : null;
  return {
    notes: gone?.size ? notes.filter((n) => !gone.has(n.id)) : notes,
    more: more !== null,
    busy: busy || stale,
    failed,
    loadMore,
    forget,
  };
}
