import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { checkNote, type NoteCheck } from '../core/progress/guard';
import { useSend } from '../hooks/send-context';
import { NOTE_PROBLEM_KEYS } from './problem-keys';

type Refusal = Extract<NoteCheck, { ok: false }>;

/**
 * The aidant's note for next time, on the current step or on the whole guide.
 *
 * What is typed is checked as it is typed, so a social security number or a password is
 * flagged before it is saved; the background checks again and has the last word. A refused
 * note stays in the box, so nothing typed is lost.
 */
export function NoteBox({
  guideId,
  tabId,
  step,
  onSaved,
}: {
  guideId: string;
  tabId?: number;
  /** The current step; without it the note is on the whole guide. */
  step?: { id: string; title: string };
  onSaved?(): void;
}) {
  const { t } = useTranslation();
  const send = useSend();
  const ids = { text: useId(), hint: useId(), never: useId(), error: useId(), status: useId() };
  const [text, setText] = useState('');
  const [onStep, setOnStep] = useState(true);
  // Kept as a reason, not as words, so a language change re-words it.
  const [refused, setRefused] = useState<Refusal | 'failed' | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  // Warn while typing, but not about an empty box: that is how every note starts.
  const live = checkNote(text);
  const warning = !live.ok && live.kind !== 'empty' ? live : null;
  const reason = refused ?? warning;
  const problem =
    reason === null
      ? null
      : reason === 'failed'
        ? t('noteFailed')
        : t(NOTE_PROBLEM_KEYS[reason.kind] ?? 'error', reason.params);
  const described = `${ids.hint} ${ids.never}`;

  async function save(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setSaved(false);
    try {
      const result = await send('note:add', {
        guideId,
        ...(tabId !== undefined ? { tabId } : {}),
        ...(step && onStep ? { stepId: step.id } : {}),
        text,
      });
      if (result.ok) {
        setText('');
        setRefused(null);
        setSaved(true);
        onSaved?.();
      } else {
        setRefused(result);
      }
    } catch {
      setRefused('failed');
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="note-box" onSubmit={(e) => void save(e)} noValidate>
      <label htmlFor={ids.text} className="note-label">
        {t('noteLabel')}
      </label>
      <p id={ids.hint} className="hint">
        {t('noteHint')}
      </p>
      <p id={ids.never} className="hint" data-testid="note-never">
        {t('noteNever')}
      </p>
      <textarea
        id={ids.text}
        rows={3}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setRefused(null);
          setSaved(false);
        }}
        aria-describedby={problem ? `${described} ${ids.error}` : described}
        aria-invalid={problem ? true : undefined}
        data-testid="note-input"
      />
      <div id={ids.error} aria-live="polite" className="note-feedback">
        {problem && (
          <p className="note-error" data-testid="note-error">
            <strong>{t('noteWarning')} </strong>
            {problem}
          </p>
        )}
      </div>
      {step && (
        <fieldset className="note-where">
          <legend>{t('noteWhere')}</legend>
          <label className="choice">
            <input type="radio" checked={onStep} onChange={() => setOnStep(true)} name={ids.text} />
            {t('noteWhereStep')}
          </label>
          <label className="choice">
            <input
              type="radio"
              checked={!onStep}
              onChange={() => setOnStep(false)}
              name={ids.text}
              data-testid="note-on-guide"
            />
            {t('noteWhereGuide')}
          </label>
        </fieldset>
      )}
      <div className="actions">
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="note-save">
          {t('noteSave')}
        </button>
      </div>
      <p id={ids.status} role="status" className="note-saved">
        {saved ? t('noteSaved') : ''}
      </p>
    </form>
  );
}
