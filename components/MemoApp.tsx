import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { getSite } from '../core/sites/registry';
import { parseEntered } from '../core/steps/numbering';
import { Memo } from './Memo';
import { useGuides } from '../hooks/page-context';
import { useGuideProgress } from '../hooks/use-progress';
import { usePreviewGuide } from '../hooks/use-preview';
import { useSend } from '../hooks/send-context';

/**
 * The memo page (`memo.html?guide=<id>`, `&entered=<indices>` from a running guide): the guide
 * in large print, ready to print. A guide an author is trying (not bundled) is asked of the
 * background, so its memo can be checked too.
 */
export function MemoApp({
  guideId,
  entered = null,
  print = () => window.print(),
}: {
  guideId: string | null;
  /** The address's `entered` value (the optional steps entered), as written there. */
  entered?: string | null;
  print?(): void;
}) {
  const { t } = useTranslation();
  const guides = useGuides();
  const bundled = useMemo(() => guides.find((x) => x.id === guideId), [guides, guideId]);
  const preview = usePreviewGuide(useSend(), bundled ? null : guideId, undefined);
  const guide = bundled ?? preview;
  // A guide in preview leaves no progress: there is none to read.
  const { progress } = useGuideProgress(bundled?.id ?? null);

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
  return (
    <Memo
      guide={guide}
      site={getSite(guide.site)}
      progress={progress}
      entered={parseEntered(guide, entered)}
      onPrint={print}
    />
  );
}
