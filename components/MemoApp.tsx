import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Guide } from '../core/guides/types';
import { localiseGuide } from '../core/guides/localise';
import { getSite } from '../core/sites/registry';
import { Memo } from './Memo';
import { usePageSettings } from './page-shell';
import { useGuideProgress } from '../hooks/use-progress';

/** The memo page (`memo.html?guide=<id>`): the guide in large print, ready to print. */
export function MemoApp({
  guides,
  guideId,
  print = () => window.print(),
}: {
  guides: Guide[];
  guideId: string | null;
  print?(): void;
}) {
  const { t } = useTranslation();
  const [settings] = usePageSettings({ textSize: false });
  const language = settings?.language ?? 'fr';
  const guide = useMemo(() => {
    const g = guides.find((x) => x.id === guideId);
    return g && localiseGuide(g, language);
  }, [guides, guideId, language]);
  const { progress } = useGuideProgress(guide?.id ?? null);

  useEffect(() => {
    document.title = guide ? t('memoPageTitle', { title: guide.title }) : t('memoBrand');
  }, [guide, t]);

  if (!guide) {
    return (
      <main className="memo">
        <h1>{t('memoBrand')}</h1>
        <p className="notice" role="alert">
          {t('memoUnknown')}
        </p>
      </main>
    );
  }
  return <Memo guide={guide} site={getSite(guide.site)} progress={progress} onPrint={print} />;
}
