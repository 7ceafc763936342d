import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { checkContact, MAX_CONTACT_NAME, type ContactProblem } from '../core/progress/contact';
import { useAidantContact } from '../hooks/use-aidant-contact';

const PROBLEM_KEYS: Record<ContactProblem, string> = {
  'name-empty': 'contactNameEmpty',
  'name-long': 'contactNameLong',
  'phone-bad': 'contactPhoneBad',
};

/**
 * In the settings: the name and number of the person's aidant, for « Appeler mon aidant » when
 * she is stuck. Kept on this computer only, in the extension; she can change or delete it.
 */
export function AidantContactForm() {
  const { t } = useTranslation();
  const ids = { title: useId(), name: useId(), phone: useId(), hint: useId(), error: useId() };
  const { contact, save, remove } = useAidantContact();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const checked = checkContact({ name, phone });
    if (!checked.ok) {
      setProblem(t(PROBLEM_KEYS[checked.kind], { max: MAX_CONTACT_NAME }));
      return;
    }
    try {
      await save(checked.contact);
      setProblem(null);
      setEditing(false);
      setStatus(t('contactSaved'));
    } catch {
      setProblem(t('error'));
    }
  }

  async function erase() {
    try {
      await remove();
      setStatus(t('contactDeleted'));
    } catch {
      setProblem(t('error'));
    }
  }

  const form = editing || contact === null;
  return (
    <section aria-labelledby={ids.title} className="contact-form" data-testid="aidant-contact">
      <h3 id={ids.title}>{t('contactTitle')}</h3>
      <p id={ids.hint}>{t('contactHint')}</p>
      {contact && !editing && (
        <>
          <p data-testid="aidant-contact-saved">
            <strong>{contact.name}</strong> – {contact.phone}
          </p>
          <div className="actions">
            <button
              type="button"
              className="btn btn-secondary"
              onClick={() => {
                setName(contact.name);
                setPhone(contact.phone);
                setStatus(null);
                setEditing(true);
              }}
            >
              {t('contactChange')}
            </button>
            <button
              type="button"
              className="btn btn-danger"
              onClick={() => void erase()}
              data-testid="aidant-contact-delete"
            >
              {t('contactDelete')}
            </button>
          </div>
        </>
      )}
      {form && contact !== undefined && (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <p className="field">
            <label htmlFor={ids.name}>{t('contactName')}</label>
            <input
              id={ids.name}
              type="text"
              autoComplete="off"
              value={name}
              maxLength={MAX_CONTACT_NAME + 20}
              onChange={(e) => setName(e.target.value)}
              aria-describedby={problem ? ids.error : ids.hint}
              aria-invalid={!!problem}
              data-testid="aidant-contact-name"
            />
          </p>
          <p className="field">
            <label htmlFor={ids.phone}>{t('contactPhone')}</label>
            <input
              id={ids.phone}
              type="tel"
              inputMode="tel"
              autoComplete="off"
              value={phone}
              maxLength={30}
              onChange={(e) => setPhone(e.target.value)}
              aria-describedby={problem ? ids.error : ids.hint}
              aria-invalid={!!problem}
              data-testid="aidant-contact-phone"
            />
          </p>
          {problem && (
            <p id={ids.error} className="notice" role="alert" data-testid="aidant-contact-error">
              {problem}
            </p>
          )}
          <div className="actions">
            <button type="submit" className="btn btn-primary" data-testid="aidant-contact-save">
              {t('contactSave')}
            </button>
          </div>
        </form>
      )}
      {status && (
        <p role="status" data-testid="aidant-contact-status">
          {status}
        </p>
      )}
    </section>
  );
}
