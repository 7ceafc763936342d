import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Guide } from '../core/guides/types';
import type { GuideProgress } from '../core/messaging/responses';
import { HistoryLine, lastTimeText } from './HistoryLine';
import { GuideNotes } from './NotesList';

/**
 * What the person sees when they come back: where they stopped, the aidant's notes, and how
 * far they went alone last time, with one big button to carry on.
 */
export function ResumeCard({
  guide,
  progress,
  onResume,
}: {
  guide: Guide;
  progress: GuideProgress;
  onResume(stepIndex: number): void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const resume = progress.resume;
  if (!resume) return null;
  const index = Math.min(resume.stepIndex, guide.steps.length - 1);
  const step = guide.steps[index];
  const lastTime = lastTimeText(t, progress.lastAloneCount, progress.lastStepCount);
  return (
    <section className="resume-card" aria-labelledby={titleId} data-testid="resume-card">
      <h2 id={titleId}>
        {t('resumeTitle', { title: guide.title })}
        <span className="resume-where">
          {' — '}
          {t('resumeWhere', { n: index + 1 })}
        </span>
      </h2>
      {step && (
        <p className="resume-step">
          {t('resumeStep', { n: index + 1, total: guide.steps.length })}{' '}
          <strong dir="auto">{step.title}</strong>
        </p>
      )}
      {lastTime && (
        <p className="resume-last" data-testid="last-alone">
          {lastTime}
        </p>
      )}
      <div className="actions">
        <button
          type="button"
          className="btn btn-primary btn-big"
          onClick={() => onResume(index)}
          data-testid="resume-button"
        >
          {t('resumeButton')}
        </button>
      </div>
      <GuideNotes progress={progress} />
      <HistoryLine history={progress.history} />
      {progress.problem && (
        <p className="notice" role="status" data-testid="progress-problem">
          {progress.problem}
        </p>
      )}
    </section>
  );
}
