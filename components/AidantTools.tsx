import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { How as ModelHow } from '../core/guides/model';
import type { GuideProgress } from '../core/messaging/responses';
import { NoteBox } from './NoteBox';
import { GuideNotes } from './NotesList';

/** The marks the aidant gives here (the panel offers no `skipped`). */
export type How = Exclude<ModelHow, 'skipped'>;

const HOWS: { how: How; key: string; testId: string }[] = [
  { how: 'alone', key: 'howAlone', testId: 'how-alone' },
  { how: 'help', key: 'howHelp', testId: 'how-help' },
  { how: 'aidant', key: 'howAidant', testId: 'how-aidant' },
];

/**
 * Under the step, in aidant mode: how the step was done (the way toward autonomy), and a note
 * for next time. The person's own data never appears here: only these marks and notes.
 */
export function AidantTools({
  guideId,
  tabId,
  step,
  chosen,
  onHow,
  progress,
  onNotesChanged,
  onDeleteNote,
}: {
  guideId: string;
  tabId: number;
  step: { id: string; title: string };
  /** How this step was marked in this session, if it was. */
  chosen: How | undefined;
  onHow(how: How): void;
  progress: GuideProgress | null;
  onNotesChanged(): void;
  onDeleteNote(id: number): void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const howId = useId();
  return (
    <section className="aidant-tools" aria-labelledby={titleId} data-testid="aidant-tools">
      <h3 id={titleId} className="aidant-tools-title">
        {t('aidantSpace')}
      </h3>
      <p id={howId} className="how-question">
        {t('howQuestion')}
      </p>
      <div className="how-buttons" role="group" aria-labelledby={howId}>
        {HOWS.map(({ how, key, testId }) => (
          <button
            key={how}
            type="button"
            className={`btn how-btn how-${how}`}
            aria-pressed={chosen === how}
            onClick={() => onHow(how)}
            data-testid={testId}
          >
            <span className="how-check" aria-hidden="true">
              {chosen === how ? '✓' : ''}
            </span>
            {t(key)}
          </button>
        ))}
      </div>
      <NoteBox guideId={guideId} tabId={tabId} step={step} onSaved={onNotesChanged} />
      {progress && <GuideNotes progress={progress} onDelete={onDeleteNote} />}
    </section>
  );
}
