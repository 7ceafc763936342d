import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuideProgress } from '../core/messaging/responses';

type Note = GuideProgress['notes'][number];

/** The aidant's notes, newest first (as the background gives them), with their step when any. */
export function NotesList({
  notes,
  onDelete,
  headingLevel = 3,
}: {
  notes: Note[];
  /** Shown in aidant mode: each note gets a « Supprimer » button. */
  onDelete?(id: number): void;
  headingLevel?: 2 | 3;
}) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  if (notes.length === 0) return null;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const date = new Intl.DateTimeFormat(i18n.language, { day: 'numeric', month: 'long' });
  return (
    <section className="notes" aria-labelledby={headingId}>
      <Heading id={headingId}>{t('notesTitle')}</Heading>
      <ul className="notes-list" data-testid="notes-list">
        {notes.map((n) => (
          <li key={n.id} className="note" data-testid="note">
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
    </section>
  );
}

function short(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
