import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { Guide, Language } from '../core/guides/model';
import { localiseGuide } from '../core/guides/localise';
import type { Send } from '../core/messaging/client';
import { DEFAULT_SETTINGS, type Settings } from '../core/messaging/responses';
import { createI18n, directionOf } from '../hooks/i18n';
import { PageContext } from '../hooks/page-context';
import { usePush } from '../hooks/pushes';
import { SendContext, useSend } from '../hooks/send-context';
import { ErrorBoundary } from './ErrorBoundary';

/**
 * The frame of every extension page (side panel, options, memo): strings, the message client,
 * the person's settings and the guides in their language, and a calm message with
 * « Recommencer » if the page fails to draw. Localising here, once, keeps the pages from each
 * doing it (and from showing two languages after a change): a setting changed in one page
 * reaches the others by the background's `settings:changed` push.
 */
export function PageShell({
  send,
  guides = [],
  lang = 'fr',
  textSize = true,
  children,
}: {
  send: Send;
  /** The bundled guides, as compiled (in French). */
  guides?: Guide[];
  lang?: Language;
  /** Apply the text size setting (the memo is in large print already). */
  textSize?: boolean;
  children: ReactNode;
}) {
  const i18n = useMemo(() => createI18n(lang), [lang]);
  return (
    <I18nextProvider i18n={i18n}>
      <SendContext.Provider value={send}>
        <ErrorBoundary>
          <PageSettings guides={guides} textSize={textSize}>
            {children}
          </PageSettings>
        </ErrorBoundary>
      </SendContext.Provider>
    </I18nextProvider>
  );
}

function PageSettings({
  guides,
  textSize,
  children,
}: {
  guides: Guide[];
  textSize: boolean;
  children: ReactNode;
}) {
  const send = useSend();
  const { i18n } = useTranslation();
  const [settings, setSettings] = useState<Settings | null>(null);

  useEffect(() => {
    let live = true;
    // A push that came first is newer than this answer.
    send('settings:get', {})
      .then((s) => live && setSettings((known) => known ?? s))
      .catch(() => live && setSettings((known) => known ?? DEFAULT_SETTINGS));
    return () => {
      live = false;
    };
  }, [send]);
  usePush('settings:changed', setSettings);

  const language = settings?.language ?? i18n.language;
  useEffect(() => {
    if (!settings) return;
    if (i18n.language !== settings.language) void i18n.changeLanguage(settings.language);
    document.documentElement.lang = settings.language;
    document.documentElement.dir = directionOf(settings.language);
    if (textSize) document.documentElement.style.fontSize = `${settings.textSize}%`;
  }, [settings, i18n, textSize]);

  const updateSettings = useCallback(
    async (change: Partial<Settings>) => {
      const next = await send('settings:set', change);
      setSettings(next);
      return next;
    },
    [send],
  );
  const localised = useMemo(
    () => guides.map((g) => localiseGuide(g, language)),
    [guides, language],
  );
  const value = useMemo(
    () => ({ settings, updateSettings, guides: localised }),
    [settings, updateSettings, localised],
  );
  return <PageContext.Provider value={value}>{children}</PageContext.Provider>;
}
