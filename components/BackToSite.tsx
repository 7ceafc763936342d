import { useTranslation } from 'react-i18next';
import { browser } from 'wxt/browser';

/**
 * In a panel opened as a tab (where the browser's side panel could not open), a way back to
 * the site's tab without hunting for it among the tabs.
 */
export function BackToSite({ tabId }: { tabId: number }) {
  const { t } = useTranslation();
  const back = async () => {
    const tab = await browser.tabs.get(tabId);
    await browser.tabs.update(tabId, { active: true });
    if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
  };
  return (
    <p className="back-to-site">
      <button
        type="button"
        className="btn btn-secondary"
        onClick={() => void back().catch(() => undefined)}
        data-testid="back-to-site"
      >
        {t('backToSite')}
      </button>
    </p>
  );
}
