import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { Language } from '../core/guides/model';
import type { Send } from '../core/messaging/client';
import { DEFAULT_SETTINGS, type Settings } from '../core/messaging/responses';
import { createI18n, directionOf } from '../hooks/i18n';
import { SendContext, useSend } from '../hooks/send-context';

/** The frame of an extension page (options, memo): strings and the message client. */
export function PageShell({
  send,
  lang = 'fr',
  children,
}: {
  send: Send;
  lang?: Language;
  children: ReactNode;
}) {
  const i18n = useMemo(() => createI18n(lang), [lang]);
  return (
    <I18nextProvider i18n={i18n}>
      <SendContext.Provider value={send}>{children}</SendContext.Provider>
    </I18nextProvider>
  );
}

/**
 * The person's settings, applied to the page: language and direction, and the text size
 * unless the page is already in large print. Null until read.
 */
export function usePageSettings({ textSize = true }: { textSize?: boolean } = {}) {
  const send = useSend();
  const { i18n } = useTranslation();
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    let live = true;
    send('settings:get', {})
      .then((s) => live && setSettings(s))
      .catch(() => live && setSettings(DEFAULT_SETTINGS));
    return () => {
      live = false;
    };
  }, [send]);
  useEffect(() => {
    if (!settings) return;
    if (i18n.language !== settings.language) void i18n.changeLanguage(settings.language);
    document.documentElement.lang = settings.language;
    document.documentElement.dir = directionOf(settings.language);
    if (textSize) document.documentElement.style.fontSize = `${settings.textSize}%`;
  }, [settings, i18n, textSize]);
  return [settings, setSettings] as const;
}
