import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { browser } from 'wxt/browser';
import { AppIcon } from './AppIcon';
import { NewTabLink } from './links';
import { PRIVACY_PAGE_HREF } from './PrivacyPage';
import { keysToRead } from '../core/text/keys';

/** The keys set for the command that opens the guide (the person may have changed them). */
function useShortcut(): string | null {
  const [keys, setKeys] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    browser.commands
      ?.getAll()
      .then((all) => {
        const open = all.find(
          (c) => c.name === '_execute_action' || c.name === '_execute_sidebar_action',
        );
        if (live) setKeys(open?.shortcut || null);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return keys;
}

/**
 * The first-run page, opened once when Pas à pas is installed: who we are not, what we cannot
 * see, that nothing is sent, and how to open the guide.
 */
export function WelcomePage() {
  const { t, i18n } = useTranslation();
  const shortcut = useShortcut();
  const keys = shortcut && keysToRead(shortcut, i18n.language);
  return (
    <main className="panel welcome" data-testid="welcome">
      <h1>
        <AppIcon /> {t('welcomeTitle')}
      </h1>
      <p>{t('welcomeIntro')}</p>
      <ul className="welcome-facts">
        <li data-testid="welcome-not-admin">
          <strong>{t('welcomeNotAdmin')}</strong>
        </li>
        <li data-testid="welcome-not-seen">
          <strong>{t('welcomeNotSeen')}</strong>
        </li>
        <li data-testid="welcome-nothing-sent">
          <strong>{t('welcomeNothingSent')}</strong>
        </li>
      </ul>
      <h2>{t('welcomeHowTitle')}</h2>
      <p>{t('welcomeHow')}</p>
      {keys && <p data-testid="welcome-shortcut">{t('shortcutHelp', { keys })}</p>}
      <p>{t('welcomePin')}</p>
      <p>
        <NewTabLink href={PRIVACY_PAGE_HREF} testId="welcome-privacy-link">
          {t('privacyLink')}
        </NewTabLink>
      </p>
      <p>
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => window.close()}
          data-testid="welcome-done"
        >
          {t('welcomeDone')}
        </button>
      </p>
    </main>
  );
}
