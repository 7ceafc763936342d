import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../core/guides/model';
import type { Settings } from '../core/messaging/responses';
import { AidantContactForm } from './AidantContactForm';
import { AUTHORING_PAGE_HREF, DATA_PAGE_HREF, NewTabLink } from './links';
import { PRIVACY_PAGE_HREF } from './PrivacyPage';

const SIZES = [100, 150, 200] as const;
/** Each language in its own words. */
const LANG_NAMES: Record<Language, string> = { fr: 'Français', en: 'English', ar: 'العربية' };

export function SettingsView({
  settings,
  onChange,
}: {
  settings: Settings;
  onChange(change: Partial<Settings>): void;
}) {
  const { t } = useTranslation();
  const glossaryId = useId();
  const authoringId = useId();
  const sharedId = useId();
  const everydayId = useId();
  return (
    <section aria-labelledby="settings-title" className="settings" data-testid="settings">
      <h2 id="settings-title">{t('settings')}</h2>
      <p className="setting-row">
        <input
          id={glossaryId}
          type="checkbox"
          checked={settings.glossary}
          onChange={(e) => onChange({ glossary: e.target.checked })}
          data-testid="setting-glossary"
        />
        <label htmlFor={glossaryId}>{t('settingsGlossary')}</label>
      </p>
      <p className="setting-row">
        <input
          id={everydayId}
          type="checkbox"
          checked={settings.everydayWords ?? false}
          disabled={!settings.glossary}
          onChange={(e) => onChange({ everydayWords: e.target.checked })}
          data-testid="setting-everyday-words"
        />
        <label htmlFor={everydayId}>{t('settingsEverydayWords')}</label>
      </p>
      <fieldset>
        <legend>{t('settingsTextSize')}</legend>
        {SIZES.map((size) => (
          <label key={size} className="choice">
            <input
              type="radio"
              name="text-size"
              checked={settings.textSize === size}
              onChange={() => onChange({ textSize: size })}
            />
            {t(`size${size}`)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('settingsLanguage')}</legend>
        {LANGUAGES.map((lang) => (
          <label key={lang} className="choice" lang={lang}>
            <input
              type="radio"
              name="language"
              checked={settings.language === lang}
              onChange={() => onChange({ language: lang })}
            />
            {LANG_NAMES[lang]}
          </label>
        ))}
      </fieldset>
      <p className="setting-row">
        <input
          id={sharedId}
          type="checkbox"
          checked={settings.sharedComputer === true}
          onChange={(e) => onChange({ sharedComputer: e.target.checked })}
          aria-describedby={`${sharedId}-hint`}
          data-testid="setting-shared"
        />
        <label htmlFor={sharedId}>{t('settingsShared')}</label>
      </p>
      <p id={`${sharedId}-hint`} className="setting-hint">
        {t('settingsSharedHint')}
      </p>
      <AidantContactForm />
      <p>
        <NewTabLink href={DATA_PAGE_HREF} testId="my-data-link">
          {t('myData')}
        </NewTabLink>
      </p>
      <p>
        <NewTabLink href={PRIVACY_PAGE_HREF} testId="privacy-link">
          {t('privacyLink')}
        </NewTabLink>
      </p>
      <p className="setting-row">
        <input
          id={authoringId}
          type="checkbox"
          checked={settings.authoring === true}
          onChange={(e) => onChange({ authoring: e.target.checked })}
          data-testid="setting-authoring"
        />
        <label htmlFor={authoringId}>{t('settingsAuthoring')}</label>
      </p>
      {settings.authoring && (
        <p>
          <NewTabLink href={AUTHORING_PAGE_HREF} testId="authoring-link">
            {t('authoringOpen')}
          </NewTabLink>
        </p>
      )}
    </section>
  );
}
