import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Guide } from '../core/guides/types';
import type { Counts, GuideProgress } from '../core/messaging/responses';
import { MAX_FILE_BYTES } from '../core/progress/limits';
import { addContactToFile, contactInFile } from '../core/progress/contact';
import { useAidantContact } from '../hooks/use-aidant-contact';
import { hasMarks, HistoryLine } from './HistoryLine';
import { GuideNotes } from './NotesList';
import { IMPORT_PROBLEM_KEYS } from './problem-keys';
import { useGuides, useSettings } from '../hooks/page-context';
import { useSend } from '../hooks/send-context';
import { stepNumber } from '../core/steps/numbering';

/** Choices for the automatic clean-up, in days (0: never). */
export const RETENTION_CHOICES = [30, 90, 180, 365, 0] as const;

type Status = { kind: 'ok' | 'error'; text: string; counts?: { label: string; n: number }[] };

/** Saves a text as a file in the person's downloads, with the file name the background chose. */
export function downloadText(text: string, fileName: string, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  doc.body.append(a);
  a.click();
  a.remove();
  // The download has started by now; give the browser a moment before freeing the data.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * « Mes données »: what Pas à pas keeps on this computer, a copy in a file and back, the
 * automatic clean-up, and erasing everything after a clear confirmation.
 */
export function DataPage({
  download = downloadText,
}: {
  download?(text: string, fileName: string): void;
}) {
  const { t } = useTranslation();
  const { settings, updateSettings } = useSettings();
  const guides = useGuides();
  const [version, setVersion] = useState(0);
  const changed = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    document.title = t('dataPageTitle');
  }, [t]);

  return (
    <div className="panel data-page">
      <header className="panel-header">
        <h1>{t('dataTitle')}</h1>
      </header>
      <main>
        <p className="lead">{t('dataIntro')}</p>
        <p>{t('dataLocal')}</p>
        <Procedures guides={guides} version={version} onChanged={changed} />
        <ExportSection download={download} />
        <ImportSection onDone={changed} />
        <RetentionSection
          days={settings?.retentionDays ?? null}
          onSet={async (retentionDays) => {
            await updateSettings({ retentionDays });
            changed();
          }}
          onDone={changed}
        />
        <EraseSection onDone={changed} />
      </main>
    </div>
  );
}

function Section({
  title,
  children,
  testId,
}: {
  title: string;
  children: ReactNode;
  testId?: string;
}) {
  const id = useId();
  return (
    <section className="data-section" aria-labelledby={id} data-testid={testId}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function StatusLine({ status, testId }: { status: Status | null; testId: string }) {
  return (
    <div role="status" className="status-line" data-testid={testId}>
      {status && (
        <div className={status.kind === 'error' ? 'notice' : 'done'}>
          <p className={status.kind === 'error' ? 'error-text' : undefined}>{status.text}</p>
          {status.counts && (
            <ul>
              {status.counts.map((c) => (
                <li key={c.label}>{`${c.label} : ${c.n}`}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}

function useCountLines() {
  const { t } = useTranslation();
  return (c: Counts) => [
    { label: t('countSessions'), n: c.sessions },
    { label: t('countSteps'), n: c.stepEvents },
    { label: t('countNotes'), n: c.notes },
  ];
}

/** Megabytes, rounded up so that a size over the limit never reads as the limit itself. */
function megabytes(bytes: number, language: string): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(
    Math.ceil(bytes / 100_000) / 10,
  );
}

interface Item {
  guide: Guide;
  p: GuideProgress;
  count: { total: number; problem: string | null } | null;
}

/**
 * The procedures that have something stored: where the person is, their progress, and the
 * aidant's notes a page at a time (each can be deleted here).
 */
function Procedures({
  guides,
  version,
  onChanged,
}: {
  guides: Guide[];
  version: number;
  onChanged(): void;
}) {
  const { t } = useTranslation();
  const send = useSend();
  const [items, setItems] = useState<Item[] | null>(null);
  useEffect(() => {
    let live = true;
    Promise.all(
      guides.map((guide) =>
        Promise.all([
          send('progress:guide', { guideId: guide.id }),
          // Counted apart: the panel, which needs no total, never waits for this count.
          send('notes:count', { guideId: guide.id }).catch(() => null),
        ])
          .then(([p, count]) => ({ guide, p, count }))
          .catch(() => null),
      ),
    ).then((all) => {
      if (!live) return;
      setItems(
        all.filter(
          (x): x is Item =>
            !!x &&
            (!!x.p.resume ||
              x.p.notes.length > 0 ||
              (x.count?.total ?? 0) > 0 ||
              hasMarks(x.p.history)),
        ),
      );
    });
    return () => {
      live = false;
    };
  }, [guides, send, version]);
  const problem = items?.map((x) => x.p.problem ?? x.count?.problem).find((text) => !!text) ?? null;
  return (
    <Section title={t('dataProcedures')} testId="data-procedures">
      {items === null ? (
        <p>{t('loading')}</p>
      ) : items.length === 0 ? (
        <p data-testid="data-empty">{t('dataNothing')}</p>
      ) : (
        <ul className="procedure-list">
          {items.map(({ guide, p, count }) => (
            <li key={guide.id} className="procedure">
              <h3>{guide.title}</h3>
              {p.resume && (
                <p>
                  {t('dataInProgress', {
                    n: stepNumber(guide, Math.min(p.resume.stepIndex, guide.steps.length - 1)).n,
                  })}
                </p>
              )}
              {!!count?.total && <p>{t('dataNotes', { n: count.total })}</p>}
              <HistoryLine history={p.history} heading="h4" />
              <GuideNotes
                progress={p}
                headingLevel={4}
                onDelete={(id) => void send('note:delete', { id }).then(onChanged, onChanged)}
              />
            </li>
          ))}
        </ul>
      )}
      {problem && (
        <p className="notice" role="status">
          {problem}
        </p>
      )}
    </Section>
  );
}

function ExportSection({ download }: { download(text: string, fileName: string): void }) {
  const { t, i18n } = useTranslation();
  const send = useSend();
  const [status, setStatus] = useState<Status | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // The aidant's contact goes into the file only when the person ticks the box.
  const { contact } = useAidantContact();
  const [withContact, setWithContact] = useState(false);
  const contactBox = useId();
  async function run() {
    try {
      const file = await send('data:export', {});
      if (!file.ok) {
        // No file rather than one that « Remettre ce fichier » would refuse.
        setProblem(null);
        setStatus({
          kind: 'error',
          text: t('exportTooBig', {
            size: megabytes(file.size, i18n.language),
            limit: megabytes(file.limit, i18n.language),
          }),
        });
        return;
      }
      download(
        withContact && contact ? addContactToFile(file.text, contact) : file.text,
        file.fileName,
      );
      setProblem(file.problem);
      setStatus({ kind: 'ok', text: t('exportDone', { file: file.fileName }) });
    } catch {
      setStatus({ kind: 'error', text: t('error') });
    }
  }
  return (
    <Section title={t('exportTitle')}>
      <p>{t('exportText')}</p>
      {contact && (
        <p className="setting-row">
          <input
            id={contactBox}
            type="checkbox"
            checked={withContact}
            onChange={(e) => setWithContact(e.target.checked)}
            data-testid="export-contact"
          />
          <label htmlFor={contactBox}>{t('exportContact')}</label>
        </p>
      )}
      <div className="actions">
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => void run()}
          data-testid="data-export"
        >
          {t('exportButton')}
        </button>
      </div>
      <StatusLine status={status} testId="export-status" />
      {problem && <p className="notice">{problem}</p>}
    </Section>
  );
}

function ImportSection({ onDone }: { onDone(): void }) {
  const { t } = useTranslation();
  const send = useSend();
  const countLines = useCountLines();
  const fileId = useId();
  const chosenId = useId();
  const modeName = useId();
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<'merge' | 'replace'>('merge');
  const [status, setStatus] = useState<Status | null>(null);
  const [busy, setBusy] = useState(false);
  const { save: saveContact } = useAidantContact();
  const tooBig = (): Status => ({
    kind: 'error',
    text: t('importFailed', { error: t('importTooBig') }),
  });
  async function run() {
    if (!file) {
      setStatus({ kind: 'error', text: t('importNoFile') });
      return;
    }
    // Checked before reading: a huge file is refused without being loaded into memory.
    if (file.size > MAX_FILE_BYTES) {
      setStatus(tooBig());
      return;
    }
    setBusy(true);
    try {
      const text = await file.text();
      const result = await send('data:import', { text, mode });
      if (result.ok) {
        // A contact the person put in the file comes back with it.
        const contact = contactInFile(text);
        if (contact) await saveContact(contact);
      }
      if (!result.ok) {
        // A reason this version does not know still gets a calm sentence.
        const error = t(IMPORT_PROBLEM_KEYS[result.kind] ?? 'error');
        setStatus({ kind: 'error', text: t('importFailed', { error }) });
        return;
      }
      const counts = countLines(result);
      if (result.alreadyPresent > 0)
        counts.push({ label: t('countAlready'), n: result.alreadyPresent });
      if (result.refusedNotes > 0)
        counts.push({ label: t('countRefusedNotes'), n: result.refusedNotes });
      setStatus({ kind: 'ok', text: t('importDone'), counts });
      onDone();
    } catch {
      setStatus({ kind: 'error', text: t('error') });
    } finally {
      setBusy(false);
    }
  }
  return (
    <Section title={t('importTitle')}>
      <p>{t('importText')}</p>
      <p className="field-label">{t('importFile')}</p>
      {/* The browser's own file button speaks the browser's language: ours speaks the person's. */}
      <div className="file-pick">
        <input
          id={fileId}
          type="file"
          className="file-input"
          accept=".json,application/json"
          aria-describedby={chosenId}
          onChange={(e) => {
            const chosen = e.target.files?.[0] ?? null;
            setFile(chosen);
            setStatus(chosen && chosen.size > MAX_FILE_BYTES ? tooBig() : null);
          }}
          data-testid="data-import-file"
        />
        <label htmlFor={fileId} className="btn btn-secondary">
          {t('importChoose')}
        </label>
        <span id={chosenId} className="file-chosen" data-testid="import-chosen">
          {file ? t('importChosen', { name: file.name }) : t('importNone')}
        </span>
      </div>
      <fieldset>
        <legend>{t('importMode')}</legend>
        <label className="choice choice-block">
          <input
            type="radio"
            name={modeName}
            checked={mode === 'merge'}
            onChange={() => setMode('merge')}
            data-testid="import-merge"
          />
          {t('importMerge')}
        </label>
        <label className="choice choice-block">
          <input
            type="radio"
            name={modeName}
            checked={mode === 'replace'}
            onChange={() => setMode('replace')}
            data-testid="import-replace"
          />
          {t('importReplace')}
        </label>
      </fieldset>
      <div className="actions">
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => void run()}
          disabled={busy}
          data-testid="data-import"
        >
          {t('importButton')}
        </button>
      </div>
      <StatusLine status={status} testId="import-status" />
    </Section>
  );
}

function RetentionSection({
  days,
  onSet,
  onDone,
}: {
  days: number | null;
  onSet(days: number): Promise<void>;
  onDone(): void;
}) {
  const { t } = useTranslation();
  const send = useSend();
  const countLines = useCountLines();
  const selectId = useId();
  const [status, setStatus] = useState<Status | null>(null);
  const known = days !== null && (RETENTION_CHOICES as readonly number[]).includes(days);
  async function cleanup() {
    try {
      const removed = await send('data:cleanup', {});
      setStatus({ kind: 'ok', text: t('cleanupDone'), counts: countLines(removed) });
      onDone();
    } catch {
      setStatus({ kind: 'error', text: t('error') });
    }
  }
  return (
    <Section title={t('retentionTitle')}>
      <p>{t('retentionText')}</p>
      <p>
        <label htmlFor={selectId} className="field-label">
          {t('retentionLabel')}
        </label>
        <select
          id={selectId}
          value={days === null ? '' : String(days)}
          disabled={days === null}
          onChange={(e) => {
            const value = Number(e.target.value);
            onSet(value).then(
              () => setStatus({ kind: 'ok', text: t('retentionSaved') }),
              () => setStatus({ kind: 'error', text: t('error') }),
            );
          }}
          data-testid="retention"
        >
          {days !== null && !known && (
            <option value={String(days)}>{t('retentionDays', { n: days })}</option>
          )}
          {RETENTION_CHOICES.map((d) => (
            <option key={d} value={String(d)}>
              {t(`retention${d}`)}
            </option>
          ))}
        </select>
      </p>
      <div className="actions">
        <button
          type="button"
          className="btn btn-secondary"
          onClick={() => void cleanup()}
          data-testid="data-cleanup"
        >
          {t('cleanupButton')}
        </button>
      </div>
      <StatusLine status={status} testId="retention-status" />
    </Section>
  );
}

function EraseSection({ onDone }: { onDone(): void }) {
  const { t } = useTranslation();
  const send = useSend();
  const countLines = useCountLines();
  const [asking, setAsking] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);
  const questionRef = useRef<HTMLHeadingElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const questionId = useId();
  // Focus follows the question when it opens, and comes back to the button when it closes.
  const returnFocus = useRef(false);
  useEffect(() => {
    if (asking) questionRef.current?.focus();
    else if (returnFocus.current) openRef.current?.focus();
    returnFocus.current = false;
  }, [asking]);
  const close = () => {
    returnFocus.current = true;
    setAsking(false);
  };
  async function erase() {
    try {
      const removed = await send('data:erase', { confirm: 'EFFACER' });
      close();
      setStatus({ kind: 'ok', text: t('eraseDone'), counts: countLines(removed) });
      onDone();
    } catch {
      setStatus({ kind: 'error', text: t('error') });
    }
  }
  return (
    <Section title={t('eraseTitle')}>
      <p>{t('eraseText')}</p>
      {!asking && (
        <div className="actions">
          <button
            ref={openRef}
            type="button"
            className="btn btn-danger"
            onClick={() => {
              setStatus(null);
              setAsking(true);
            }}
            data-testid="data-erase"
          >
            {t('eraseButton')}
          </button>
        </div>
      )}
      {asking && (
        <div
          className="confirm-box"
          role="group"
          aria-labelledby={questionId}
          data-testid="erase-confirm-box"
        >
          <h3 id={questionId} ref={questionRef} tabIndex={-1}>
            {t('eraseQuestion')}
          </h3>
          <p>{t('eraseWarning')}</p>
          <p>{t('eraseAdvice')}</p>
          <div className="actions">
            <button
              type="button"
              className="btn btn-danger-strong"
              onClick={() => void erase()}
              data-testid="data-erase-confirm"
            >
              {t('eraseConfirm')}
            </button>
            <button
              type="button"
              className="btn btn-secondary"
              onClick={close}
              data-testid="data-erase-cancel"
            >
              {t('eraseCancel')}
            </button>
          </div>
        </div>
      )}
      <StatusLine status={status} testId="erase-status" />
    </Section>
  );
}
