import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { parse } from 'yaml';
import { draftId, draftYaml, type Recording } from '../core/authoring/draft';
import { driftReport } from '../core/authoring/drift';
import type { AuthoringTab, DriftNote, StepProbe } from '../core/authoring/types';
import { checkGuideFiles } from '../core/guides/checks';
import { loadGuides, type SourceFile } from '../core/guides/load';
import type { Diagnostic, Guide } from '../core/guides/types';
import { useSettings } from '../hooks/page-context';
import { useSend } from '../hooks/send-context';

/** Saves a text as a file in the person's downloads. */
function download(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** What the authoring page needs from the bundle to check a guide as `guides:check` does. */
export interface Bundled {
  /** The part files (guides/franceconnect/…), as written: `include:` finds them. */
  parts?: readonly SourceFile[];
  /** The glossary's terms (the plain-language rules ask that hard words have an entry). */
  terms?: readonly { term: string; forms: readonly string[]; acronyms: readonly string[] }[];
}

export interface TextCheck {
  guide: Guide | null;
  /** Errors: the guide does not run until they are fixed. */
  diagnostics: Diagnostic[];
  /** Remarks `guides:check` prints without failing (plain language, evidence). */
  warnings: Diagnostic[];
}

/**
 * The guide file as `guides:check` would see it: its folder is the site and its name the id it
 * declares, so only what is really wrong in the text is reported. The loader's rules, then the
 * same step logic, evidence and plain-language checks as the command. `include:` finds the
 * parts bundled with the extension.
 */
export function checkGuideText(
  text: string,
  { parts = [], terms = [] }: Bundled = {},
  today: string = new Date().toISOString().slice(0, 10),
): TextCheck {
  let head: { id?: unknown; site?: unknown } = {};
  try {
    const data: unknown = parse(text);
    if (data && typeof data === 'object') head = data as typeof head;
  } catch {
    // The loader reports the syntax error at its line.
  }
  const site = typeof head.site === 'string' && /^[a-z-]+$/.test(head.site) ? head.site : 'site';
  const id = typeof head.id === 'string' && /^[a-z0-9-]+$/.test(head.id) ? head.id : 'guide';
  const path = `${site}/${id}.yaml`;
  const own = parts.filter((p) => p.path !== path);
  const { guides, diagnostics, units } = loadGuides([...own, { path, text }]);
  const known = own.map((p) => p.path.replace(/^.*\/|\.yaml$/g, '')).join(', ');
  // Only the author's file is theirs to fix; a missing part says which ones exist.
  const mine = diagnostics
    .filter((d) => d.file === path)
    .map((d) =>
      d.message.includes('aucune partie ne porte cet id')
        ? { ...d, message: `${d.message} (parties disponibles : ${known || 'aucune'})` }
        : d,
    );
  const findings = checkGuideFiles({
    units: units.filter((u) => u.file.path === path),
    terms,
    today,
  }).findings.map(({ file, line, col, message, error }) => ({
    diagnostic: { file, line, col, message },
    error,
  }));
  const errors = [...mine, ...findings.filter((f) => f.error).map((f) => f.diagnostic)];
  return {
    guide: errors.length ? null : (guides.find((g) => g.id === id) ?? null),
    diagnostics: errors,
    warnings: findings.filter((f) => !f.error).map((f) => f.diagnostic),
  };
}

/**
 * The background's reasons are for developers: the ones an author meets get plain words and
 * what to do. Anything else is shown as it came.
 */
function plainReason(e: unknown): { key?: string; text: string } {
  const text = e instanceof Error ? e.message : String(e);
  if (text.includes('authoring is off')) return { key: 'failedOff', text };
  if (text.includes('not a page of a known site')) return { key: 'failedNotSite', text };
  if (text.includes('no guide in preview')) return { key: 'failedNoPreview', text };
  if (/Receiving end does not exist|Could not establish connection|Cannot access/i.test(text))
    return { key: 'failedTab', text };
  return { text };
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="data-section authoring-section">
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** « Rédiger un guide »: picker, recorder, preview and drift notes (see core/authoring). */
export function AuthoringApp({ bundled = {} }: { bundled?: Bundled }) {
  const { t } = useTranslation('authoring');
  const { settings } = useSettings();
  const send = useSend();
  const [tabs, setTabs] = useState<AuthoringTab[]>([]);
  const [tabId, setTabId] = useState<number | null>(null);
  const [status, setStatus] = useState('');
  const tabLabel = useId();

  useEffect(() => {
    document.title = `${t('pageTitle')} – Pas à pas`;
  }, [t]);

  const fail = useCallback(
    (e: unknown) => {
      const { key, text } = plainReason(e);
      setStatus(t('failed', { reason: key ? t(key) : text }));
    },
    [t],
  );

  const loadTabs = useCallback(() => {
    send('authoring:tabs', {}).then((list) => {
      setTabs(list);
      setTabId((known) =>
        known !== null && list.some((x) => x.tabId === known) ? known : (list[0]?.tabId ?? null),
      );
    }, fail);
  }, [send, fail]);

  const on = settings?.authoring === true;
  useEffect(() => {
    if (on) loadTabs();
  }, [on, loadTabs]);

  if (!settings) return null;
  return (
    <div className="panel data-page authoring-page">
      <header className="panel-header">
        <h1>{t('pageTitle')}</h1>
      </header>
      <main>
        <p className="lead">{t('intro')}</p>
        {!on ? (
          <p className="notice" data-testid="authoring-off">
            {t('off')}
          </p>
        ) : (
          <>
            <Section title={t('tabTitle')}>
              {tabs.length ? (
                <p>
                  <label htmlFor={tabLabel} className="field-label">
                    {t('tabLabel')}
                  </label>
                  <select
                    id={tabLabel}
                    value={tabId ?? ''}
                    onChange={(e) => setTabId(Number(e.target.value))}
                    data-testid="authoring-tab"
                  >
                    {tabs.map((x) => (
                      <option key={x.tabId} value={x.tabId}>
                        {x.page}
                      </option>
                    ))}
                  </select>
                </p>
              ) : (
                <p>{t('noTab')}</p>
              )}
              <button type="button" className="btn btn-secondary" onClick={loadTabs}>
                {t('refresh')}
              </button>
            </Section>
            <p role="status" data-testid="authoring-status">
              {status}
            </p>
            <PickSection tabId={tabId} onStatus={setStatus} onError={fail} />
            <RecordSection tabId={tabId} onError={fail} />
            <PreviewSection tabId={tabId} onError={fail} bundled={bundled} />
            <DriftSection onError={fail} />
          </>
        )}
      </main>
    </div>
  );
}

type Handlers = { tabId: number | null; onError(e: unknown): void };

function PickSection({ tabId, onStatus, onError }: Handlers & { onStatus(s: string): void }) {
  const { t } = useTranslation('authoring');
  const send = useSend();
  return (
    <Section title={t('pickTitle')}>
      <p>{t('pickHelp')}</p>
      <button
        type="button"
        className="btn btn-primary btn-big"
        disabled={tabId === null}
        onClick={() =>
          tabId !== null &&
          send('authoring:pick', { tabId }).then(() => onStatus(t('pickStarted')), onError)
        }
        data-testid="authoring-pick"
      >
        {t('pick')}
      </button>
    </Section>
  );
}

function CopyButtons({
  text,
  fileName,
  testId,
  labels = ['copy', 'download'],
}: {
  text: string;
  fileName: string;
  testId: string;
  labels?: [string, string];
}) {
  const { t } = useTranslation('authoring');
  const [copied, setCopied] = useState(false);
  return (
    <p className="actions">
      <button
        type="button"
        className="btn btn-secondary"
        onClick={() => void navigator.clipboard.writeText(text).then(() => setCopied(true))}
        data-testid={`${testId}-copy`}
      >
        {copied ? t('copied') : t(labels[0])}
      </button>
      <button
        type="button"
        className="btn btn-secondary"
        onClick={() => download(text, fileName)}
        data-testid={`${testId}-download`}
      >
        {t(labels[1])}
      </button>
    </p>
  );
}

function RecordSection({ tabId, onError }: Handlers) {
  const { t } = useTranslation('authoring');
  const send = useSend();
  const [recording, setRecording] = useState(false);
  const [draft, setDraft] = useState<{ text: string; rec: Recording } | null>(null);
  const draftLabel = useId();

  const start = () => {
    if (tabId === null) return;
    send('authoring:record', { tabId, on: true }).then(() => {
      setDraft(null);
      setRecording(true);
    }, onError);
  };
  const stop = () => {
    send('authoring:record', { tabId: tabId ?? 0, on: false }).then((rec) => {
      setRecording(false);
      setDraft(rec ? { text: draftYaml(rec), rec } : null);
    }, onError);
  };

  return (
    <Section title={t('recordTitle')}>
      <p>{t('recordHelp')}</p>
      {recording ? (
        <>
          <p className="notice" data-testid="authoring-recording">
            {t('recording')}
          </p>
          <button
            type="button"
            className="btn btn-danger btn-big"
            onClick={stop}
            data-testid="authoring-record-stop"
          >
            {t('recordStop')}
          </button>
        </>
      ) : (
        <button
          type="button"
          className="btn btn-primary btn-big"
          disabled={tabId === null}
          onClick={start}
          data-testid="authoring-record"
        >
          {t('recordStart')}
        </button>
      )}
      {draft && (
        <>
          <p>{t('draftSteps', { count: draft.rec.actions.length })}</p>
          <label htmlFor={draftLabel} className="field-label">
            {t('draftLabel')}
          </label>
          <textarea
            id={draftLabel}
            className="authoring-text"
            readOnly
            rows={14}
            wrap="off"
            value={draft.text}
            data-testid="authoring-draft"
          />
          <CopyButtons
            text={draft.text}
            fileName={`${draftId(draft.rec.site)}.yaml`}
            testId="authoring-draft"
          />
          <button
            type="button"
            className="btn btn-secondary"
            onClick={() => window.dispatchEvent(new CustomEvent('pap-try', { detail: draft.text }))}
            data-testid="authoring-try-draft"
          >
            {t('tryDraft')}
          </button>
        </>
      )}
    </Section>
  );
}

function PreviewSection({ tabId, onError, bundled }: Handlers & { bundled: Bundled }) {
  const { t } = useTranslation('authoring');
  const send = useSend();
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<Diagnostic[] | null>(null);
  const [warnings, setWarnings] = useState<Diagnostic[]>([]);
  const [probes, setProbes] = useState<{ probe: StepProbe; title: string }[]>([]);
  const [guide, setGuide] = useState<Guide | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  const textId = useId();
  const fileId = useId();

  useEffect(() => {
    const take = (e: Event) => {
      setText((e as CustomEvent<string>).detail);
      setProblems(null);
      area.current?.focus();
    };
    window.addEventListener('pap-try', take);
    return () => window.removeEventListener('pap-try', take);
  }, []);

  const probe = (g: Guide | null = guide) => {
    if (tabId === null || !g) return;
    send('authoring:probe', { tabId }).then((list) => {
      const titles = new Map(g.steps.map((s) => [s.id, s.title]));
      setProbes(list.map((p) => ({ probe: p, title: titles.get(p.stepId) ?? p.stepId })));
    }, onError);
  };

  const run = () => {
    const checked = checkGuideText(text, bundled);
    setProblems(checked.diagnostics);
    setWarnings(checked.warnings);
    setProbes([]);
    setGuide(checked.guide);
    if (!checked.guide || tabId === null) return;
    const g = checked.guide;
    send('authoring:preview', { tabId, guide: g }).then(() => probe(g), onError);
  };

  /** Puts the cursor at the start of the line a problem is on. */
  const goTo = (d: Diagnostic) => {
    const el = area.current;
    if (!el) return;
    const lines = text.split('\n');
    const at = lines.slice(0, d.line - 1).reduce((n, l) => n + l.length + 1, 0) + d.col - 1;
    el.focus();
    el.setSelectionRange(at, at);
  };

  return (
    <Section title={t('previewTitle')}>
      <p>{t('previewHelp')}</p>
      <p>
        <label htmlFor={fileId} className="btn btn-secondary file-pick">
          {t('openFile')}
        </label>
        <input
          id={fileId}
          type="file"
          accept=".yaml,.yml,text/yaml,text/plain"
          className="sr-only"
          data-testid="authoring-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void file.text().then((s) => setText(s));
          }}
        />
      </p>
      <div className="authoring-preview">
        <div>
          <label htmlFor={textId} className="field-label">
            {t('guideText')}
          </label>
          <textarea
            id={textId}
            ref={area}
            className="authoring-text"
            rows={18}
            spellCheck={false}
            wrap="off"
            value={text}
            onChange={(e) => setText(e.target.value)}
            data-testid="authoring-guide-text"
          />
        </div>
        {problems && (
          <div aria-live="polite">
            {problems.length ? (
              <>
                <h3>{t('problems')}</h3>
                <ProblemList
                  items={problems}
                  onPick={goTo}
                  className="authoring-problems"
                  testId="authoring-problems"
                />
              </>
            ) : (
              <p className="notice" data-testid="authoring-valid">
                {t('noProblem')}
              </p>
            )}
            {warnings.length > 0 && (
              <>
                <h3>{t('remarks')}</h3>
                <p>{t('remarksHelp')}</p>
                <ProblemList
                  items={warnings}
                  onPick={goTo}
                  className="authoring-problems authoring-remarks"
                  testId="authoring-remarks"
                />
              </>
            )}
          </div>
        )}
      </div>
      <p className="actions">
        <button
          type="button"
          className="btn btn-primary btn-big"
          onClick={run}
          disabled={!text.trim()}
          data-testid="authoring-check"
        >
          {t('check')}
        </button>
        {guide && (
          <button
            type="button"
            className="btn btn-secondary"
            onClick={() => probe()}
            data-testid="authoring-probe"
          >
            {t('checkTargets')}
          </button>
        )}
      </p>
      {probes.length > 0 && (
        <>
          <h3>{t('targets')}</h3>
          <ul data-testid="authoring-targets">
            {probes.map(({ probe: p, title }) => (
              <li key={p.stepId} data-status={p.status} data-step={p.stepId}>
                {title} : <strong>{t(p.status)}</strong>
              </li>
            ))}
          </ul>
        </>
      )}
    </Section>
  );
}

function DriftSection({ onError }: { onError(e: unknown): void }) {
  const { t } = useTranslation('authoring');
  const send = useSend();
  const [notes, setNotes] = useState<DriftNote[] | null>(null);

  const load = useCallback(() => {
    send('authoring:drift', {}).then(setNotes, onError);
  }, [send, onError]);
  useEffect(load, [load]);

  const report = notes ? driftReport(notes) : '';
  return (
    <Section title={t('driftTitle')}>
      <p>{t('driftHelp')}</p>
      <p>
        <button type="button" className="btn btn-secondary" onClick={load} data-testid="drift-load">
          {t('refresh')}
        </button>
      </p>
      {notes && !notes.length && <p>{t('driftNone')}</p>}
      {notes && notes.length > 0 && (
        <>
          <ul data-testid="drift-notes">
            {notes.map((n) => (
              <li key={`${n.guideId} ${n.stepId} ${n.page} ${n.version}`}>
                {t('driftNote', {
                  guide: n.guideId,
                  step: n.stepId,
                  page: n.page,
                  count: n.count,
                  date: new Date(n.at).toLocaleDateString('fr-FR'),
                })}
              </li>
            ))}
          </ul>
          <pre className="authoring-report" data-testid="drift-report">
            {report}
          </pre>
          <CopyButtons
            text={report}
            fileName="pas-a-pas-rapport.txt"
            testId="drift-report"
            labels={['reportCopy', 'reportDownload']}
          />
          <button
            type="button"
            className="btn btn-danger"
            onClick={() => send('authoring:drift-clear', {}).then(load, onError)}
            data-testid="drift-clear"
          >
            {t('driftClear')}
          </button>
        </>
      )}
    </Section>
  );
}

/** Errors or remarks, each a button that puts the cursor where it was found. */
function ProblemList({
  items,
  onPick,
  className,
  testId,
}: {
  items: Diagnostic[];
  onPick: (d: Diagnostic) => void;
  className: string;
  testId: string;
}) {
  const { t } = useTranslation('authoring');
  return (
    <ul className={className} data-testid={testId}>
      {items.map((d, i) => (
        <li key={i}>
          <button type="button" className="btn btn-link" onClick={() => onPick(d)}>
            {t('problemAt', { line: d.line, col: d.col, message: d.message })}
          </button>
        </li>
      ))}
    </ul>
  );
}
