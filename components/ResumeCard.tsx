import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Guide } from '../core/guides/types';
import type { GuideProgress } from '../core/messaging/responses';
import { HistoryLine, lastTimeText } from './HistoryLine';
import { GuideNotes } from './NotesList';
import { stepNumber } from '../core/steps/numbering';

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
  // Counted as the step bar counts (optional steps passed over left out).
  const { n, total } = stepNumber(guide, index);
  const lastTime = lastTimeText(t, progress.lastAloneCount, progress.lastStepCount);
  return (
    <section className="resume-card" aria-labelledby={titleId} data-testid="resume-card">
      <h2 id={titleId}>
        {t('resumeTitle', { title: guide.title })}
        <span className="resume-where">
          {' — '}
          {t('resumeWhere', { n })}
        </span>
      </h2>
      {step && (
        <p className="resume-step">
          {t('resumeStep', { n, total })} <strong dir="auto">{step.title}</strong>
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
