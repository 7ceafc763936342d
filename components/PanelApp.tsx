import { useEffect, useMemo, useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { Guide } from '../core/guides/types';
import { localiseGuide } from '../core/guides/localise';
import type { GlossaryTerm } from '../core/glossary/types';
import { getSite } from '../core/sites/registry';
import { createI18n, directionOf } from './i18n';
import { GuideIntro } from './GuideIntro';
import { GuideList } from './GuideList';
import { SettingsView } from './SettingsView';
import { StepView } from './StepView';
import { WordsOnPage } from './WordsOnPage';
import { send, usePanel } from './use-panel';

export interface PanelData {
  guides: Guide[];
  glossary: GlossaryTerm[];
}

function Panel({ data }: { data: PanelData }) {
  const { t, i18n } = useTranslation();
  const { tabId, info, settings, error, act, updateSettings } = usePanel();
  const [opened, setOpened] = useState<string | null>(null);
  const [showSettings, setShowSettings] = useState(false);

  useEffect(() => {
    if (i18n.language !== settings.language) void i18n.changeLanguage(settings.language);
    document.documentElement.lang = settings.language;
    document.documentElement.dir = directionOf(settings.language);
    document.documentElement.style.fontSize = `${settings.textSize}%`;
  }, [settings.language, settings.textSize, i18n]);

  const guides = useMemo(
    () => data.guides.map((g) => localiseGuide(g, settings.language)),
    [data.guides, settings.language],
  );
  const site = info?.siteId ? getSite(info.siteId) : undefined;
  const siteGuides = guides.filter((g) => g.site === info?.siteId);
  const activeGuide = info?.active ? guides.find((g) => g.id === info.active!.guideId) : undefined;
  const openedGuide = opened ? guides.find((g) => g.id === opened) : undefined;
  const pageTerms = useMemo(() => {
    const byId = new Map(data.glossary.map((term) => [term.id, term]));
    return (info?.terms ?? []).map((id) => byId.get(id)).filter((x): x is GlossaryTerm => !!x);
  }, [info?.terms, data.glossary]);

  let body;
  if (tabId === undefined) body = <p>{t('loading')}</p>;
  else if (tabId === null) body = <p>{t('noTab')}</p>;
  else if (activeGuide && info?.active) {
    body = (
      <StepView
        key={`${activeGuide.id}#${info.active.stepIndex}`}
        guide={activeGuide}
        active={info.active}
        site={site}
        onGoto={(stepIndex) =>
          void act(() => send('guide:goto', { tabId, stepIndex: Math.max(0, stepIndex) }))
        }
        onStop={() => void act(() => send('guide:stop', { tabId }))}
      />
    );
  } else if (openedGuide) {
    body = (
      <GuideIntro
        guide={openedGuide}
        onBack={() => setOpened(null)}
        onStart={(mode) => {
          setOpened(null);
          void act(() => send('guide:start', { tabId, guideId: openedGuide.id, mode }));
        }}
      />
    );
  } else if (site && siteGuides.length) {
    body = <GuideList guides={siteGuides} suggested={info?.suggested ?? []} onOpen={setOpened} />;
  } else {
    body = (
      <section>
        <h2>{t('noSite')}</h2>
        <p>{t('noSiteHelp')}</p>
      </section>
    );
  }

  return (
    <div className="panel">
      <header className="panel-header">
        <h1>{t('title')}</h1>
        <button
          type="button"
          className="btn btn-link"
          aria-expanded={showSettings}
          onClick={() => setShowSettings((s) => !s)}
          data-testid="open-settings"
        >
          {t('settings')}
        </button>
      </header>
      {site && (
        <p className="site" data-testid="site-name">
          {t('youAreOn', { site: site.name })}
        </p>
      )}
      {error && (
        <p className="notice" role="alert">
          {t('error')}
        </p>
      )}
      {showSettings && (
        <SettingsView settings={settings} onChange={(c) => void updateSettings(c)} />
      )}
      <main>{body}</main>
      {site && settings.glossary && <WordsOnPage terms={pageTerms} />}
    </div>
  );
}

export function PanelApp({ data, lang = 'fr' }: { data: PanelData; lang?: 'fr' | 'en' | 'ar' }) {
  const i18n = useMemo(() => createI18n(lang), [lang]);
  return (
    <I18nextProvider i18n={i18n}>
      <Panel data={data} />
    </I18nextProvider>
  );
}
