import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuideProgress, NoteView } from '../core/messaging/responses';
import { useNotePages } from '../hooks/use-notes';

type HeadingLevel = 2 | 3 | 4;

/** Paging controls under the list, when older notes remain. */
interface More {
  busy: boolean;
  failed: boolean;
  onMore(): void;
}

/** The aidant's notes, newest first (as the background gives them), with their step when any. */
export function NotesList({
  notes,
  onDelete,
  headingLevel = 3,
  more,
  focusId = null,
}: {
  notes: NoteView[];
  /** Shown in aidant mode: each note gets a « Supprimer » button. */
  onDelete?(id: number): void;
  headingLevel?: HeadingLevel;
  more?: More | null;
  /** A note to move the focus to (the first of a page just added). */
  focusId?: number | null;
}) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const focusRef = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (focusId !== null) focusRef.current?.focus();
  }, [focusId]);
  if (notes.length === 0) return null;
  const Heading = `h${headingLevel}` as const;
  const date = new Intl.DateTimeFormat(i18n.language, { day: 'numeric', month: 'long' });
  return (
    <section className="notes" aria-labelledby={headingId}>
      <Heading id={headingId}>{t('notesTitle')}</Heading>
      <ul className="notes-list" data-testid="notes-list">
        {notes.map((n) => (
          <li
            key={n.id}
            className="note"
            data-testid="note"
            ref={n.id === focusId ? focusRef : undefined}
            tabIndex={n.id === focusId ? -1 : undefined}
          >
            <p className="note-text" dir="auto">
              {n.text}
            </p>
            <p className="note-meta">
              {n.stepTitle ? t('noteOnStep', { step: n.stepTitle }) : t('noteOnGuide')}
              {' · '}
              {t('noteDate', { date: date.format(n.at) })}
            </p>
            {onDelete && (
              <button
                type="button"
                className="btn btn-link btn-small"
                onClick={() => onDelete(n.id)}
                aria-label={t('noteDeleteLabel', { text: short(n.text) })}
              >
                {t('noteDelete')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {more && (
        <div className="notes-more no-print" data-testid="notes-more">
          <button
            type="button"
            className="btn btn-secondary btn-big"
            onClick={more.onMore}
            disabled={more.busy}
            data-testid="notes-more-button"
          >
            {more.busy ? t('loading') : t('notesMore')}
          </button>
          {more.failed && (
            <p className="notice" role="alert">
              {t('notesMoreFailed')}
            </p>
          )}
        </div>
      )}
    </section>
  );
}

/**
 * A guide's notes a page at a time: the first page comes with the guide's progress, the next
 * ones with « Voir les notes plus anciennes », which then moves the focus to the first note it
 * added (the button itself stays under the list).
 */
export function GuideNotes({
  progress,
  onDelete,
  headingLevel,
}: {
  progress: GuideProgress;
  onDelete?(id: number): void;
  headingLevel?: HeadingLevel;
}) {
  const pages = useNotePages(progress);
  const [focusId, setFocusId] = useState<number | null>(null);
  const { forget, loadMore } = pages;
  return (
    <NotesList
      notes={pages.notes}
      headingLevel={headingLevel}
      focusId={focusId}
      onDelete={
        onDelete &&
        ((id) => {
          forget(id);
          onDelete(id);
        })
      }
      more={
        pages.more
          ? {
              busy: pages.busy,
              failed: pages.failed,
              onMore: () => void loadMore().then((added) => setFocusId(added[0]?.id ?? null)),
            }
          : null
      }
    />
  );
}

function short(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
