import { useTranslation } from 'react-i18next';
import { SITE_HELP, type HelpContact } from '../core/sites/help';
import type { Site } from '../core/sites/registry';
import { telHref } from '../core/progress/contact';
import { useCanCall } from '../hooks/use-can-call';

/** The words for what a call costs, only where the body says so. */
const COST_KEYS: Record<NonNullable<HelpContact['cost']>, string> = {
  free: 'costFree',
  'service-free': 'costServiceFree',
};

/**
 * A phone number: a link that calls on a phone or tablet; on a computer, which cannot call,
 * the number in big print to dial on a phone.
 */
export function PhoneNumber({
  phone,
  label,
  printable = false,
  testId,
}: {
  phone: string;
  /** What the link says on a phone (« Appeler le 3230 »). */
  label: string;
  printable?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  const canCall = useCanCall();
  if (printable || !canCall) {
    return (
      <p className="help-phone" data-testid={testId}>
        {t('phone', { phone })}
      </p>
    );
  }
  return (
    <p>
      <a className="btn btn-primary" href={telHref(phone)} data-testid={testId}>
        {label}
      </a>
    </p>
  );
}

/** The site's official help lines, shown by "Je suis bloqué(e)" and on the paper memo. */
export function HelpContacts({ site, printable = false }: { site: Site; printable?: boolean }) {
  const { t } = useTranslation();
  return (
    <section className="help" aria-labelledby="help-title" data-testid="help">
      <h2 id="help-title">{t('helpTitle')}</h2>
      <p>{t('helpIntro')}</p>
      <ul className="help-list">
        {SITE_HELP[site.id].help.map((h) => (
          <li key={h.label}>
            <p className="help-label">{h.label}</p>
            {h.phone && (
              <PhoneNumber
                phone={h.phone}
                label={t('call', { phone: h.phone })}
                printable={printable}
              />
            )}
            {h.hours && <p>{h.hours}</p>}
            {h.phone && h.cost && (
              <p className="help-cost" data-testid="help-cost">
                {t(COST_KEYS[h.cost])}
              </p>
            )}
            {h.url && (
              <p className="help-url">{t('website', { url: h.url.replace(/^https:\/\//, '') })}</p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
