import { useTranslation } from 'react-i18next';
import type { Site } from '../core/sites/registry';

/** The site's official help lines, shown by "Je suis bloqué(e)" and on the paper memo. */
export function HelpContacts({ site, printable = false }: { site: Site; printable?: boolean }) {
  const { t } = useTranslation();
  return (
    <section className="help" aria-labelledby="help-title" data-testid="help">
      <h2 id="help-title">{t('helpTitle')}</h2>
      <p>{t('helpIntro')}</p>
      <ul className="help-list">
        {site.help.map((h) => (
          <li key={h.label}>
            <p className="help-label">{h.label}</p>
            {h.phone && printable && <p className="help-phone">{t('phone', { phone: h.phone })}</p>}
            {h.phone && !printable && (
              <p>
                <a className="btn btn-primary" href={`tel:${h.phone.replace(/\s/g, '')}`}>
                  {t('call', { phone: h.phone })}
                </a>
              </p>
            )}
            {h.hours && <p>{h.hours}</p>}
            {h.url && (
              <p className="help-url">{t('website', { url: h.url.replace(/^https:\/\//, '') })}</p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
