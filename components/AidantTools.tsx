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
 * In the aidant's part, in aidant mode: how the step just done went (asked after it is done:
 * the guide moves on by itself, so the question is about the step before; on the end screen,
 * about the last one the person did), and a note for next time. The person's own data never appears here:
 * only these marks and notes.
 */
export function AidantTools({
  guideId,
  tabId,
  step,
  asked,
  chosen,
  onHow,
  progress,
  onNotesChanged,
  onDeleteNote,
}: {
  guideId: string;
  tabId: number;
  /** The step on screen: a note can be about it. */
  step: { id: string; title: string };
  /** The step just done, which the question is about; null before the first is done. */
  asked: { id: string; title: string } | null;
  /** How the asked step was marked in this session, if it was. */
  chosen: How | undefined;
  onHow(how: How): void;
  progress: GuideProgress | null;
  onNotesChanged(): void;
  onDeleteNote(id: number): void;
}) {
  const { t } = useTranslation();
  const name = useId();
  return (
    <div className="aidant-tools" data-testid="aidant-tools">
      {asked && (
        <fieldset className="how-choices" data-testid="how" data-step-id={asked.id}>
          <legend className="how-question">{t('howAfter', { step: asked.title })}</legend>
          {HOWS.map(({ how, key, testId }) => (
            <label key={how} className={`choice how-choice how-${how}`}>
              <input
                type="radio"
                name={name}
                checked={chosen === how}
                onChange={() => onHow(how)}
                data-testid={testId}
              />
              {t(key)}
            </label>
          ))}
        </fieldset>
      )}
      <NoteBox guideId={guideId} tabId={tabId} step={step} onSaved={onNotesChanged} />
      {progress && <GuideNotes progress={progress} onDelete={onDeleteNote} />}
    </div>
  );
}
