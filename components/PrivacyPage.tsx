import { useTranslation } from 'react-i18next';
import { AppIcon } from './AppIcon';
import { DATA_PAGE_HREF, NewTabLink } from './links';

/** Address of the privacy page (an extension page, linked from the settings and the welcome). */
export const PRIVACY_PAGE_HREF = '/privacy.html';

/** What Pas à pas keeps, where, for how long, and how to erase it (same facts as store/privacy.md). */
export function PrivacyPage() {
  const { t } = useTranslation();
  return (
    <main className="panel" data-testid="privacy">
      <h1>
        <AppIcon /> {t('privacyTitle')}
      </h1>
      <p>{t('privacyIntro')}</p>
      <h2>{t('privacyStoredTitle')}</h2>
      <ul>
        <li>{t('privacyStoredSettings')}</li>
        <li>{t('privacyStoredTabs')}</li>
        <li>{t('privacyStoredProgress')}</li>
      </ul>
      <h2>{t('privacyNeverTitle')}</h2>
      <p>{t('privacyNever')}</p>
      <h2>{t('privacyEraseTitle')}</h2>
      <p>{t('privacyErase')}</p>
      <p>
        <NewTabLink href={DATA_PAGE_HREF} testId="privacy-data-link">
          {t('myData')}
        </NewTabLink>
      </p>
      <p>{t('privacyWho')}</p>
    </main>
  );
}
