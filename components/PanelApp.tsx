import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Guide, Language } from '../core/guides/model';
import type { GlossaryTerm } from '../core/glossary/types';
import { localiseTerm } from '../core/glossary/localise';
import type { Send } from '../core/messaging/client';
import { DEFAULT_SETTINGS } from '../core/messaging/responses';
import { getSite } from '../core/sites/registry';
import { previousCounted } from '../core/steps/numbering';
import { AidantTools, type How } from './AidantTools';
import { AppIcon } from './AppIcon';
import { BackToSite } from './BackToSite';
import { FinishForPerson } from './FinishForPerson';
import { GuideIntro } from './GuideIntro';
import { GuideList } from './GuideList';
import { PageShell } from './page-shell';
import { ResumeCard } from './ResumeCard';
import { useGuides, useSettings } from '../hooks/page-context';
import { useSend } from '../hooks/send-context';
import { SettingsView } from './SettingsView';
import { StepView } from './StepView';
import { useGuideProgress } from '../hooks/use-progress';
import { WordsOnPage } from './WordsOnPage';
import { send as runtimeSend } from '../hooks/runtime';
import { usePanel } from '../hooks/use-panel';
import { usePreviewGuide } from '../hooks/use-preview';

export interface PanelData {
  guides: Guide[];
  glossary: GlossaryTerm[];
}

/** A counter that moves when the page comes back into view: progress may have changed elsewhere. */
function useVisibleAgain(): number {
  const [n, setN] = useState(0);
  useEffect(() => {
    const bump = () => {
      if (document.visibilityState === 'visible') setN((x) => x + 1);
    };
    window.addEventListener('focus', bump);
    document.addEventListener('visibilitychange', bump);
    return () => {
      window.removeEventListener('focus', bump);
      document.removeEventListener('visibilitychange', bump);
    };
  }, []);
  return n;
}

function Panel({ glossary }: { glossary: GlossaryTerm[] }) {
  const { t } = useTranslation();
  const send = useSend();
  const { tabId, info, error, act, inTab } = usePanel(send);
  const { settings: read, updateSettings } = useSettings();
  const settings = read ?? DEFAULT_SETTINGS;
  const guides = useGuides();
  const [opened, setOpened] = useState<string | null>(null);
  const [showSettings, setShowSettings] = useState(false);
  // How each step was marked, per session: the aidant sees the choice again on going back.
  const [marks, setMarks] = useState<Record<string, How>>({});
  const [changes, setChanges] = useState(0);
  // « Terminer pour cette personne » erased everything: said once, above what comes next.
  const [forgotten, setForgotten] = useState(false);
  const visible = useVisibleAgain();
  const bumpProgress = useCallback(() => setChanges((n) => n + 1), []);

  const site = info?.siteId ? getSite(info.siteId) : undefined;
  const siteGuides = useMemo(
    () => guides.filter((g) => g.site === info?.siteId),
    [guides, info?.siteId],
  );
  const bundledActive = info?.active
    ? guides.find((g) => g.id === info.active!.guideId)
    : undefined;
  // A guide in preview runs like any other, but leaves no progress and no notes.
  const preview = usePreviewGuide(
    send,
    info?.active && !bundledActive ? info.active.guideId : null,
    info?.active?.seq,
  );
  const activeGuide = bundledActive ?? preview;
  const openedGuide = opened ? guides.find((g) => g.id === opened) : undefined;
  const pageTerms = useMemo(() => {
    const byId = new Map(glossary.map((term) => [term.id, term]));
    return (info?.terms ?? [])
      .map((id) => byId.get(id))
      .filter((x): x is GlossaryTerm => !!x)
      .map((term) => localiseTerm(term, settings.language));
  }, [info?.terms, glossary, settings.language]);

  // The unfinished procedure of this site to offer first (the most recently used one).
  const [pending, setPending] = useState<{ key: string; guideId: string | null } | null>(null);
  const refreshKey = `${changes}/${visible}/${info?.active?.guideId ?? ''}/${info?.active?.sessionId ?? ''}`;
  const siteIds = siteGuides.map((g) => g.id).join(',');
  const looking = !!siteIds && !info?.active;
  useEffect(() => {
    if (!looking) return;
    let live = true;
    const ids = new Set(siteIds.split(','));
    send('progress:active', {})
      .then((r) => {
        const guideId = r.sessions.find((s) => ids.has(s.guideId))?.guideId ?? null;
        if (live) setPending({ key: siteIds, guideId });
      })
      .catch(() => live && setPending({ key: siteIds, guideId: null }));
    return () => {
      live = false;
    };
  }, [send, siteIds, looking, refreshKey]);
  const resumeId = looking && pending?.key === siteIds ? pending.guideId : null;

  const aidantOn = info?.active?.mode === 'aidant';
  const progressFor = preview
    ? null
    : activeGuide
      ? aidantOn
        ? activeGuide.id
        : null
      : (openedGuide?.id ?? resumeId);
  const { progress: shown } = useGuideProgress(progressFor, refreshKey);

  const resumeGuide = resumeId ? siteGuides.find((g) => g.id === resumeId) : undefined;
  const resumeAt = (guideId: string, stepIndex: number) => {
    if (typeof tabId !== 'number') return;
    setOpened(null);
    void act(() => send('guide:start', { tabId, guideId, mode: 'alone', stepIndex, resume: true }));
  };

  let body;
  if (tabId === undefined) body = <p>{t('loading')}</p>;
  else if (tabId === null) body = <p>{t('noTab')}</p>;
  else if (info?.active && !site)
    // Off the guide's site: nothing of it is offered here; it waits for the person's return.
    body = (
      <section data-testid="left-site">
        <h2>{t('noSite')}</h2>
        <p>{t('leftSite')}</p>
      </section>
    );
  else if (activeGuide && info?.active) {
    const a = info.active;
    const index = Math.min(a.stepIndex, activeGuide.steps.length - 1);
    const step = activeGuide.steps[index]!;
    // The aidant marks a step once it is done: the one the page moved past. The last step is
    // what the person sees once it is all done, so the end screen asks about the one before.
    const askedAt = previousCounted(activeGuide, index, a.entered ?? []);
    const asked = askedAt === null ? null : activeGuide.steps[askedAt]!;
    const markKey = `${a.sessionId ?? 'none'}:${asked?.id ?? ''}`;
    body = preview ? (
      <>
        <p className="notice" data-testid="preview-badge">
          <strong>{t('previewBadge')}</strong> {t('previewHelp')}
        </p>
        <StepView
          key={`${preview.id}#${a.stepIndex}`}
          guide={preview}
          active={a}
          site={site}
          onGoto={(stepIndex) =>
            void act(() => send('guide:goto', { tabId, stepIndex: Math.max(0, stepIndex) }))
          }
          onStop={() => void act(() => send('guide:stop', { tabId }))}
        />
      </>
    ) : (
      <StepView
        key={`${activeGuide.id}#${a.stepIndex}`}
        guide={activeGuide}
        active={a}
        site={site}
        onGoto={(stepIndex) =>
          void act(() => send('guide:goto', { tabId, stepIndex: Math.max(0, stepIndex) }))
        }
        onStop={() => void act(() => send('guide:stop', { tabId }))}
        onMode={(mode) => void act(() => send('guide:mode', { tabId, mode }))}
        tabId={tabId}
        onNoted={bumpProgress}
        desk={<FinishForPerson guideId={activeGuide.id} onDone={() => setForgotten(true)} />}
        aidant={
          <AidantTools
            guideId={activeGuide.id}
            tabId={tabId}
            step={{ id: step.id, title: step.title }}
            asked={asked && { id: asked.id, title: asked.title }}
            chosen={
              asked
                ? (marks[markKey] ??
                  (shown?.resume?.sessionId === a.sessionId
                    ? (shown?.marks[asked.id] as How | undefined)
                    : undefined))
                : undefined
            }
            onHow={(how) => {
              if (!asked) return;
              // Shown at once, as a radio button is; taken back if it could not be recorded.
              const before = marks[markKey];
              setMarks((m) => ({ ...m, [markKey]: how }));
              void act(async () => {
                try {
                  await send('step:how', { tabId, stepId: asked.id, how });
                } catch (e) {
                  setMarks(({ [markKey]: _tried, ...m }) =>
                    before ? { ...m, [markKey]: before } : m,
                  );
                  throw e;
                }
                bumpProgress();
                return null;
              });
            }}
            progress={shown}
            onNotesChanged={bumpProgress}
            onDeleteNote={(id) =>
              void act(async () => {
                await send('note:delete', { id });
                bumpProgress();
                return null;
              })
            }
          />
        }
      />
    );
  } else if (openedGuide) {
    body = (
      <GuideIntro
        guide={openedGuide}
        progress={shown}
        onBack={() => setOpened(null)}
        onResume={(stepIndex) => resumeAt(openedGuide.id, stepIndex)}
        onStart={(mode) => {
          setOpened(null);
          setForgotten(false);
          void act(() => send('guide:start', { tabId, guideId: openedGuide.id, mode }));
        }}
      />
    );
  } else if (site && siteGuides.length) {
    body = (
      <>
        {resumeGuide && shown?.resume && (
          <ResumeCard
            guide={resumeGuide}
            progress={shown}
            onResume={(stepIndex) => resumeAt(resumeGuide.id, stepIndex)}
          />
        )}
        <GuideList guides={siteGuides} suggested={info?.suggested ?? []} onOpen={setOpened} />
      </>
    );
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
        <h1>
          <AppIcon /> {t('title')}
        </h1>
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
      {inTab && typeof tabId === 'number' && <BackToSite tabId={tabId} />}
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
      {forgotten && (
        <p className="notice notice-ok" role="status" data-testid="finish-done">
          {t('finishDone')}
        </p>
      )}
      {showSettings && (
        <SettingsView
          settings={settings}
          onChange={(c) => void updateSettings(c).catch(() => undefined)}
        />
      )}
      <main>{body}</main>
      {site && settings.glossary && <WordsOnPage terms={pageTerms} open={!activeGuide} />}
    </div>
  );
}

export function PanelApp({
  data,
  lang = 'fr',
  send = runtimeSend,
}: {
  data: PanelData;
  lang?: Language;
  /** The message client; tests pass a stub. */
  send?: Send;
}) {
  return (
    <PageShell send={send} guides={data.guides} lang={lang}>
      <Panel glossary={data.glossary} />
    </PageShell>
  );
}
