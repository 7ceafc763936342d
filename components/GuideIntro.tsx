import { useTranslation } from 'react-i18next';
import type { Guide, Mode } from '../core/guides/model';
import type { GuideProgress } from '../core/messaging/responses';
import { HistoryLine } from './HistoryLine';
import { memoHref, NewTabLink } from './links';
import { GuideNotes } from './NotesList';
import { SpeakButton } from './SpeakButton';
import { spokenText } from '../core/text/inline';
import { stepNumber } from '../core/steps/numbering';

export function GuideIntro({
  guide,
  progress = null,
  onStart,
  onResume,
  onBack,
}: {
  guide: Guide;
  /** This guide's local progress, when there is any. */
  progress?: GuideProgress | null;
  onStart(mode: Mode): void;
  /** Carry on with the unfinished session at this step. */
  onResume?(stepIndex: number): void;
  onBack(): void;
}) {
  const { t } = useTranslation();
  const spoken = spokenText([
    guide.title,
    guide.goal,
    guide.prepare.length ? `${t('prepare')} ${spokenText(guide.prepare)}` : '',
  ]);
  const resume = progress?.resume ?? null;
  const resumeAt = resume ? Math.min(resume.stepIndex, guide.steps.length - 1) : 0;
  return (
    <section aria-labelledby="intro-title" className="intro">
      <h2 id="intro-title" dir="auto">
        {guide.title}
      </h2>
      <p className="lead" dir="auto">
        {guide.goal}
      </p>
      {guide.duration && <p>{t('duration', { duration: guide.duration })}</p>}
      {guide.prepare.length > 0 && (
        <>
          <h3>{t('prepare')}</h3>
          <ul className="prepare">
            {guide.prepare.map((p) => (
              <li key={p} dir="auto">
                {p}
              </li>
            ))}
          </ul>
        </>
      )}
      {resume && onResume && (
        <div className="actions">
          <button
            type="button"
            className="btn btn-primary btn-big"
            onClick={() => onResume(resumeAt)}
            data-testid="intro-resume"
          >
            {t('resumeAt', { n: stepNumber(guide, resumeAt).n })}
          </button>
        </div>
      )}
      <div className="actions">
        <button
          type="button"
          className={resume && onResume ? 'btn btn-secondary' : 'btn btn-primary'}
          onClick={() => onStart('alone')}
          data-testid="start"
        >
          {resume && onResume ? t('startAgain') : t('start')}
        </button>
        <button
          type="button"
          className="btn btn-secondary"
          onClick={() => onStart('aidant')}
          data-testid="start-aidant"
        >
          {t('startWithAidant')}
        </button>
        <SpeakButton text={spoken} />
      </div>
      {progress && (
        <>
          <GuideNotes progress={progress} />
          <HistoryLine history={progress.history} />
          {progress.problem && (
            <p className="notice" role="status" data-testid="progress-problem">
              {progress.problem}
            </p>
          )}
        </>
      )}
      <div className="actions">
        <NewTabLink href={memoHref(guide.id)} testId="memo-link">
          {t('memoLink')}
        </NewTabLink>
        <button type="button" className="btn btn-link" onClick={onBack}>
          {t('back')}
        </button>
      </div>
    </section>
  );
}
