import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Step } from '../core/guides/model';
import { SITE_HELP } from '../core/sites/help';
import type { Site } from '../core/sites/registry';
import { useAidantContact } from '../hooks/use-aidant-contact';
import { useSend } from '../hooks/send-context';
import { HelpContacts, PhoneNumber } from './HelpContacts';
import { stuckTopics, type StuckTopic } from './stuck-topics';

type Choice = StuckTopic | 'drift';

const CHOICES: Record<Choice, { button: string; testId: string }> = {
  password: { button: 'stuckPassword', testId: 'stuck-password' },
  code: { button: 'stuckCode', testId: 'stuck-code' },
  drift: { button: 'stuckDrift', testId: 'stuck-drift' },
};

/**
 * « Je suis bloqué(e) »: first what fits this step (a forgotten password, a code that did not
 * come, a page that looks different), then the official help lines, France services, and the
 * person's own aidant when she saved their number.
 */
export function StuckHelp({
  site,
  guideId,
  step,
  tabId,
  onNoted,
}: {
  site: Site | undefined;
  guideId: string;
  step: Step;
  tabId?: number;
  /** A drift note was saved for the aidant. */
  onNoted?(): void;
}) {
  const { t } = useTranslation();
  const send = useSend();
  const titleId = useId();
  const { contact } = useAidantContact();
  const [open, setOpen] = useState<Choice | null>(null);
  const [noted, setNoted] = useState<'saved' | 'failed' | null>(null);
  const choices: Choice[] = [...stuckTopics(step), 'drift'];

  function choose(c: Choice) {
    setOpen((o) => (o === c ? null : c));
    // The drift is noted once per step, on this computer only, for the aidant to see.
    if (c === 'drift' && noted !== 'saved') {
      send('note:add', {
        guideId,
        ...(tabId !== undefined ? { tabId } : {}),
        stepId: step.id,
        text: t('driftNote'),
      })
        .then((r) => {
          setNoted(r.ok ? 'saved' : 'failed');
          if (r.ok) onNoted?.();
        })
        .catch(() => setNoted('failed'));
    }
  }

  return (
    <section className="stuck-help" aria-labelledby={titleId} data-testid="stuck-help">
      <h2 id={titleId}>{t('stuckTitle')}</h2>
      <ul className="stuck-choices">
        {choices.map((c) => (
          <li key={c}>
            <button
              type="button"
              className="btn btn-secondary stuck-choice"
              aria-expanded={open === c}
              onClick={() => choose(c)}
              data-testid={CHOICES[c].testId}
            >
              {t(CHOICES[c].button)}
            </button>
            {open === c && (
              <div className="stuck-answer" data-testid={`${CHOICES[c].testId}-answer`}>
                {c === 'password' && <PasswordHelp site={site} />}
                {c === 'code' && (
                  <ol>
                    <li>{t('codeWait')}</li>
                    <li>{t('codeSpam')}</li>
                    <li>{t('codeAgain')}</li>
                  </ol>
                )}
                {c === 'drift' && (
                  <>
                    <p>{t('driftHelp')}</p>
                    <p>{t('driftRead')}</p>
                    {noted && (
                      <p role="status" className="quiet" data-testid="drift-noted">
                        {t(noted === 'saved' ? 'driftNoted' : 'driftNotNoted')}
                      </p>
                    )}
                  </>
                )}
              </div>
            )}
          </li>
        ))}
      </ul>
      {site && <HelpContacts site={site} />}
      {contact && (
        <section className="help aidant-call" aria-labelledby={`${titleId}-aidant`}>
          <h2 id={`${titleId}-aidant`}>{t('callAidantTitle')}</h2>
          <p className="help-label">{contact.name}</p>
          <PhoneNumber
            phone={contact.phone}
            label={t('callAidant', { name: contact.name })}
            testId="call-aidant"
          />
        </section>
      )}
    </section>
  );
}

/** The site's own way to choose a new password, opened in a new tab. */
function PasswordHelp({ site }: { site: Site | undefined }) {
  const { t } = useTranslation();
  const recovery = site && SITE_HELP[site.id].recovery;
  return (
    <>
      <p>{t(recovery?.elsewhere ? 'passwordElsewhere' : 'passwordHelp')}</p>
      {recovery && site && (
        <p>
          <a
            href={recovery.url}
            target="_blank"
            rel="noopener noreferrer"
            className="btn btn-primary"
            data-testid="password-recovery"
          >
            {t('passwordOpen', { site: site.name })}
            <span className="sr-only"> {t('newTab')}</span>
          </a>
        </p>
      )}
    </>
  );
}
