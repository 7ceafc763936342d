import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Guide, Mode } from '../core/guides/model';
import type { ActiveInfo } from '../core/messaging/responses';
import type { Site } from '../core/sites/registry';
import { previousCounted, stepNumber } from '../core/steps/numbering';
import { HelpContacts } from './HelpContacts';
import { memoHref, NewTabLink } from './links';
import { RichText } from './RichText';
import { SpeakButton } from './SpeakButton';

export interface StepViewProps {
  guide: Guide;
  active: ActiveInfo;
  site: Site | undefined;
  onGoto(index: number): void;
  onStop(): void;
  /** Switches aidant mode on or off; without it there is no switch. */
  onMode?(mode: Mode): void;
  /** Aidant tools for the current step (aidant mode only). */
  aidant?: ReactNode;
  /** The memo link; off for a guide in preview (the memo page knows only bundled guides). */
  memo?: boolean;
}

export function StepView({
  guide,
  active,
  site,
  onGoto,
  onStop,
  onMode,
  aidant,
  memo = true,
}: StepViewProps) {
  const { t } = useTranslation();
  const [stuck, setStuck] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const index = Math.min(active.stepIndex, guide.steps.length - 1);
  const step = guide.steps[index]!;
  const last = index === guide.steps.length - 1;
  // Required steps plus the optional ones entered: N goes up one by one (core/steps/numbering).
  const { n, total } = stepNumber(guide, index, active.entered);
  const previous = previousCounted(guide, index, active.entered);
  const ended = active.finished && last;

  // When the step changes, move focus to its title so screen readers and keyboards follow.
  // (The parent gives each step its own key, so the help box closes with the step.)
  useEffect(() => {
    heading.current?.focus();
  }, [index, active.finished]);

  if (ended) {
    return (
      <GuideEnd
        guide={guide}
        active={active}
        heading={heading}
        onBack={previous === null ? undefined : () => onGoto(previous)}
        onStop={onStop}
        onMode={onMode}
        aidant={aidant}
        memo={memo}
      />
    );
  }

  return (
    <section
      className="step"
      aria-labelledby="step-title"
      data-testid="step-view"
      data-step-id={step.id}
      data-step-index={index}
    >
      <div className="step-top">
        <p className="guide-name" dir="auto">
          {guide.title}
        </p>
        {onMode && <AidantSwitch on={active.mode === 'aidant'} onChange={onMode} />}
      </div>
      <p className="step-count" data-testid="step-count">
        {t('stepOf', { n, total })}
      </p>
      <progress max={total} value={n} aria-label={t('stepOf', { n, total })} />
      <h2 id="step-title" ref={heading} tabIndex={-1} data-testid="step-title" dir="auto">
        {step.title}
      </h2>
      <p className="step-text" data-testid="step-text" dir="auto">
        <RichText text={step.text} />
      </p>
      {active.targetFound === false && !active.finished && (
        <p className="notice" role="status" data-testid="step-notfound">
          {t('notFound')}
        </p>
      )}
      {active.mode === 'aidant' && step.aidant && (
        <aside className="aidant-tip" aria-label={t('aidantTip')} data-testid="aidant-tip">
          <p className="aidant-tip-title">{t('aidantTip')}</p>
          <p dir="auto">
            <RichText text={step.aidant} />
          </p>
        </aside>
      )}
      <div className="actions">
        <SpeakButton text={`${step.title}. ${step.text}`} />
        <button
          type="button"
          className="btn btn-secondary"
          onClick={() => previous !== null && onGoto(previous)}
          disabled={previous === null}
          data-testid="prev"
        >
          {t('previous')}
        </button>
        {!last && (
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => onGoto(index + 1)}
            data-testid="next"
          >
            {t('next')}
          </button>
        )}
        <button
          type="button"
          className="btn btn-secondary"
          onClick={() => setStuck((s) => !s)}
          aria-expanded={stuck}
          data-testid="stuck"
        >
          {t('stuck')}
        </button>
        <button type="button" className="btn btn-link" onClick={onStop} data-testid="stop">
          {t('stop')}
        </button>
      </div>
      {stuck && site && <HelpContacts site={site} />}
      {active.mode === 'aidant' && aidant}
      {memo && (
        <p className="memo-row">
          <NewTabLink
            href={memoHref(guide.id, active.entered)}
            testId="memo-link"
            className="btn btn-link"
          >
            {t('memoLink')}
          </NewTabLink>
        </p>
      )}
    </section>
  );
}

/**
 * The end of a guide: it says the procedure is over, repeats what the last step says (where
 * the document is, what comes next) and offers to close. The aidant keeps their tools.
 */
function GuideEnd({
  guide,
  active,
  heading,
  onBack,
  onStop,
  onMode,
  aidant,
  memo,
}: {
  guide: Guide;
  active: ActiveInfo;
  heading: RefObject<HTMLHeadingElement | null>;
  onBack?(): void;
  onStop(): void;
  onMode?(mode: Mode): void;
  aidant?: ReactNode;
  memo: boolean;
}) {
  const { t } = useTranslation();
  const step = guide.steps[guide.steps.length - 1]!;
  return (
    <section
      className="step step-end"
      aria-labelledby="step-title"
      data-testid="step-view"
      data-step-id={step.id}
      data-step-index={guide.steps.length - 1}
    >
      <div className="step-top">
        <p className="guide-name" dir="auto">
          {guide.title}
        </p>
        {onMode && <AidantSwitch on={active.mode === 'aidant'} onChange={onMode} />}
      </div>
      <div className="done" role="status" data-testid="guide-finished">
        <h2 id="step-title" ref={heading} tabIndex={-1} className="done-title">
          {t('finishedTitle')}
        </h2>
        <p>{t('finishedText')}</p>
      </div>
      <h3 dir="auto" data-testid="end-step-title">
        {step.title}
      </h3>
      <p className="step-text" data-testid="step-text" dir="auto">
        <RichText text={step.text} />
      </p>
      {active.mode === 'aidant' && step.aidant && (
        <aside className="aidant-tip" aria-label={t('aidantTip')} data-testid="aidant-tip">
          <p className="aidant-tip-title">{t('aidantTip')}</p>
          <p dir="auto">
            <RichText text={step.aidant} />
          </p>
        </aside>
      )}
      <div className="actions">
        <SpeakButton text={`${t('finishedTitle')} ${step.title}. ${step.text}`} />
        {onBack && (
          <button type="button" className="btn btn-secondary" onClick={onBack} data-testid="prev">
            {t('previous')}
          </button>
        )}
        <button type="button" className="btn btn-primary" onClick={onStop} data-testid="stop">
          {t('close')}
        </button>
      </div>
      {active.mode === 'aidant' && aidant}
      {memo && (
        <p className="memo-row">
          <NewTabLink
            href={memoHref(guide.id, active.entered)}
            testId="memo-link"
            className="btn btn-link"
          >
            {t('memoLink')}
          </NewTabLink>
        </p>
      )}
    </section>
  );
}

/** « Mode aidant »: a switch the aidant turns on beside the person, and off when they leave. */
function AidantSwitch({ on, onChange }: { on: boolean; onChange(mode: Mode): void }) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      role="switch"
      aria-checked={on}
      className="switch"
      onClick={() => onChange(on ? 'alone' : 'aidant')}
      data-testid="aidant-toggle"
    >
      <span className="switch-track" aria-hidden="true">
        <span className="switch-thumb" />
      </span>
      <span className="switch-label">{t('aidantMode')}</span>
      <span className="switch-state" aria-hidden="true">
        {on ? t('switchOn') : t('switchOff')}
      </span>
    </button>
  );
}
