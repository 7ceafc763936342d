import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSend } from '../hooks/send-context';
import { downloadText } from './DataPage';
import { memoHref, NewTabLink } from './links';

/**
 * « Terminer pour cette personne », at a shared computer (France services, a library): first
 * what she takes with her (the paper memo, or a file of her progress she keeps), then her
 * progress, notes and aidant's contact are erased from this browser, and every guide stops.
 */
export function FinishForPerson({
  guideId,
  onDone,
  download = downloadText,
}: {
  /** The guide on screen, for its memo. */
  guideId?: string;
  /** Everything was erased: the panel says so, whatever screen it shows next. */
  onDone(): void;
  download?(text: string, fileName: string): void;
}) {
  const { t } = useTranslation();
  const send = useSend();
  const titleId = useId();
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (open) title.current?.focus();
  }, [open]);

  async function keepFile() {
    setProblem(null);
    try {
      const file = await send('data:export', {});
      if (!file.ok) {
        setProblem(t('finishFileTooBig'));
        return;
      }
      download(file.text, file.fileName);
      setSaved(file.fileName);
    } catch {
      setProblem(t('error'));
    }
  }

  async function forget() {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      await send('data:forget', { confirm: 'EFFACER' });
      setOpen(false);
      onDone();
    } catch {
      setProblem(t('error'));
    } finally {
      setBusy(false);
    }
  }

  if (!open) {
    return (
      <p>
        <button
          type="button"
          className="btn btn-secondary"
          onClick={() => setOpen(true)}
          aria-expanded={false}
          data-testid="finish-person"
        >
          {t('finishPerson')}
        </button>
      </p>
    );
  }
  return (
    <div className="confirm-box" role="group" aria-labelledby={titleId} data-testid="finish-box">
      <h4 id={titleId} ref={title} tabIndex={-1}>
        {t('finishPerson')}
      </h4>
      <p>{t('finishFirst')}</p>
      <div className="actions">
        {guideId && (
          <NewTabLink href={memoHref(guideId)} testId="finish-memo">
            {t('memoLink')}
          </NewTabLink>
        )}
        <button
          type="button"
          className="btn btn-secondary"
          onClick={() => void keepFile()}
          data-testid="finish-file"
        >
          {t('finishFile')}
        </button>
      </div>
      {saved && (
        <p role="status" data-testid="finish-file-done">
          {t('exportDone', { file: saved })}
        </p>
      )}
      <p>{t('finishThen')}</p>
      <div className="actions">
        <button
          type="button"
          className="btn btn-danger-strong"
          onClick={() => void forget()}
          disabled={busy}
          data-testid="finish-erase"
        >
          {t('finishErase')}
        </button>
        <button
          type="button"
          className="btn btn-secondary"
          onClick={() => setOpen(false)}
          data-testid="finish-cancel"
        >
          {t('eraseCancel')}
        </button>
      </div>
      {problem && (
        <p className="notice" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
