import { useTranslation } from 'react-i18next';
import type { Guide } from '../core/guides/types';
import type { GuideProgress } from '../core/messaging/responses';
import type { Site } from '../core/sites/registry';
import { listNumbers } from '../core/steps/numbering';
import { HelpContacts } from './HelpContacts';
import { GuideNotes } from './NotesList';
import { RichText } from './RichText';

/** Where the procedure starts, as a person would type it: « www.caf.fr ». */
function siteAddress(start: string): string {
  try {
    const url = new URL(start);
    return url.hostname + (url.pathname === '/' ? '' : url.pathname);
  } catch {
    return start;
  }
}

/**
 * The paper memo of a guide, in large print: what to prepare, every step, the aidant's notes
 * and the official help lines. Made to be printed and kept next to the computer.
 */
export function Memo({
  guide,
  site,
  progress,
  entered = [],
  onPrint,
}: {
  guide: Guide;
  site: Site | undefined;
  progress: GuideProgress | null;
  /** The optional steps entered in the running guide: numbered, as the step bar counts them. */
  entered?: readonly number[];
  onPrint(): void;
}) {
  const { t } = useTranslation();
  // The numbers of « Étape N sur M »: an optional step not entered (a code page that may not
  // come, the route not taken) has none, so the paper and the panel say the same N.
  const { numbers, total } = listNumbers(guide, entered);
  return (
    <main className="memo" data-testid="memo">
      <header className="memo-header">
        <p className="memo-brand">{t('memoBrand')}</p>
        <h1 data-testid="memo-title" dir="auto">
          {guide.title}
        </h1>
        <p className="lead" dir="auto">
          {guide.goal}
        </p>
        <p>{t('memoWhere', { address: siteAddress(guide.start) })}</p>
        {guide.duration && <p>{t('duration', { duration: guide.duration })}</p>}
        <p className="no-print">
          <button
            type="button"
            className="btn btn-primary btn-big"
            onClick={onPrint}
            data-testid="memo-print"
          >
            {t('print')}
          </button>
        </p>
      </header>
      {guide.prepare.length > 0 && (
        <section aria-labelledby="memo-prepare" className="memo-section">
          <h2 id="memo-prepare">{t('prepare')}</h2>
          <ul className="memo-prepare">
            {guide.prepare.map((p) => (
              <li key={p} dir="auto">
                {p}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="memo-steps" className="memo-section">
        <h2 id="memo-steps">{t('memoSteps', { total })}</h2>
        <ol className="memo-steps" data-testid="memo-steps">
          {guide.steps.map((s, i) => (
            <li key={s.id} className="memo-step" dir="auto">
              <h3>
                <span className="memo-step-n">
                  {numbers[i] === null ? t('memoStepIf') : t('memoStepN', { n: numbers[i] })}
                </span>{' '}
                {s.title}
              </h3>
              <p>
                <RichText text={s.text} />
              </p>
            </li>
          ))}
        </ol>
      </section>
      {progress && progress.notes.length > 0 && (
        <div className="memo-section memo-notes">
          <GuideNotes progress={progress} headingLevel={2} />
        </div>
      )}
      {site && <HelpContacts site={site} printable />}
    </main>
  );
}
