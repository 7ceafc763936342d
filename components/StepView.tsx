import { useEffect, useId, useRef, useState, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Guide, Mode } from '../core/guides/model';
import type { ActiveInfo } from '../core/messaging/responses';
import type { Site } from '../core/sites/registry';
import { previousCounted, stepNumber } from '../core/steps/numbering';
import { memoHref, NewTabLink } from './links';
import { RichText, TitleText } from './RichText';
import { spokenText } from '../core/text/inline';
import { SpeakButton } from './SpeakButton';
import { StuckHelp } from './StuckHelp';

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
  /** What the aidant part offers in both modes (« Terminer pour cette personne »). */
  desk?: ReactNode;
  /** The guided tab, for the drift note « La page n'est pas pareille » leaves. */
  tabId?: number;
  /** A note was saved from the panel (the aidant's notes are read again). */
  onNoted?(): void;
}

export function StepView({
  guide,
  active,
  site,
  onGoto,
  onStop,
  onMode,
  aidant,
  desk,
  tabId,
  onNoted,
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
        onStop={onStop}
        onMode={onMode}
        aidant={aidant}
        desk={desk}
      />
    );
  }
  // A step with a `done` condition moves on by itself once the page shows it is done: the
  // person's next move is on the site, so « Étape suivante » is not the button to press.
  const auto = !!step.done;

  return (
    <section
      className="step"
      aria-labelledby="step-title"
      data-testid="step-view"
      data-step-id={step.id}
      data-step-index={index}
    >
      <p className="guide-name" dir="auto">
        {guide.title}
      </p>
      <p className="step-count" data-testid="step-count">
        {t('stepOf', { n, total })}
      </p>
      <progress max={total} value={n} aria-label={t('stepOf', { n, total })} />
      <h2 id="step-title" ref={heading} tabIndex={-1} data-testid="step-title" dir="auto">
        <TitleText text={step.title} />
      </h2>
      <p className="step-text" data-testid="step-text" dir="auto">
        <RichText text={step.text} />
      </p>
      {active.targetFound === false && !active.finished && (
        <p className="notice" role="status" data-testid="step-notfound">
          {t('notFound')}
        </p>
      )}
      {auto && !last && (
        <p className="auto-hint" data-testid="auto-hint">
          {t('autoNext')}
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
        <SpeakButton text={spokenText([step.title, step.text])} />
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
            className={auto ? 'btn btn-secondary' : 'btn btn-primary'}
            onClick={() => onGoto(index + 1)}
            data-testid="next"
          >
            {t(auto ? 'nextAnyway' : 'next')}
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
      {stuck && (
        <StuckHelp site={site} guideId={guide.id} step={step} tabId={tabId} onNoted={onNoted} />
      )}
      <p className="memo-row">
        <NewTabLink
          href={memoHref(guide.id, active.entered)}
          testId="memo-link"
          className="btn btn-link"
        >
          {t('memoLink')}
        </NewTabLink>
      </p>
      <AidantPart mode={active.mode} onMode={onMode} desk={desk}>
        {aidant}
      </AidantPart>
    </section>
  );
}

/** Whether two headings say the same thing (« C'est fini » and « C’est fini ! »). */
function sameWords(a: string, b: string): boolean {
  const fold = (x: string) =>
    x
      .normalize('NFD')
      .replace(/[\p{M}\p{P}\s]+/gu, '')
      .toLowerCase();
  return fold(a) === fold(b);
}

/**
 * The end of a guide: it says once that the procedure is over, with what the last step says
 * (where the document is, what comes next), and offers what makes sense now: the paper memo,
 * or another procedure. The aidant keeps their part.
 */
function GuideEnd({
  guide,
  active,
  heading,
  onStop,
  onMode,
  aidant,
  desk,
}: {
  guide: Guide;
  active: ActiveInfo;
  heading: RefObject<HTMLHeadingElement | null>;
  onStop(): void;
  onMode?(mode: Mode): void;
  aidant?: ReactNode;
  desk?: ReactNode;
}) {
  const { t } = useTranslation();
  const step = guide.steps[guide.steps.length - 1]!;
  const title = t('finishedTitle');
  const ownTitle = !sameWords(step.title, title);
  return (
    <section
      className="step step-end"
      aria-labelledby="step-title"
      data-testid="step-view"
      data-step-id={step.id}
      data-step-index={guide.steps.length - 1}
    >
      <p className="guide-name" dir="auto">
        {guide.title}
      </p>
      <div className="done" role="status" data-testid="guide-finished">
        <h2 id="step-title" ref={heading} tabIndex={-1} className="done-title">
          {title}
        </h2>
        {ownTitle && (
          <p className="done-step" dir="auto" data-testid="end-step-title">
            <TitleText text={step.title} />
          </p>
        )}
      </div>
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
        <SpeakButton text={spokenText([title, ownTitle ? step.title : undefined, step.text])} />
        <NewTabLink href={memoHref(guide.id, active.entered)} testId="memo-link">
          {t('memoLink')}
        </NewTabLink>
        <button type="button" className="btn btn-primary" onClick={onStop} data-testid="stop">
          {t('otherGuide')}
        </button>
      </div>
      <AidantPart mode={active.mode} onMode={onMode} desk={desk}>
        {aidant}
      </AidantPart>
    </section>
  );
}

/**
 * The aidant's part, under the step: the switch, and in aidant mode their tools. A person
 * alone sees only its quiet heading and the switch, at the bottom, out of the way.
 */
function AidantPart({
  mode,
  onMode,
  desk,
  children,
}: {
  mode: Mode;
  onMode?(mode: Mode): void;
  desk?: ReactNode;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const id = useId();
  if (!onMode && !desk && !(mode === 'aidant' && children)) return null;
  return (
    <section
      className={`aidant-part aidant-part-${mode}`}
      aria-labelledby={id}
      data-testid="aidant-part"
    >
      <h3 id={id} className="aidant-tools-title">
        {t('aidantSpace')}
      </h3>
      {onMode && <AidantSwitch on={mode === 'aidant'} onChange={onMode} />}
      {mode === 'aidant' && children}
      {desk}
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
