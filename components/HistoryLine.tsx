import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuideProgress } from '../core/messaging/responses';

/** Whether there is a history worth showing: at least one step marked or one session ended. */
export function hasMarks(h: GuideProgress['history']): boolean {
  return h.alone + h.help + h.aidant + h.done > 0;
}

/**
 * The way toward doing the procedure alone: how many steps were done alone, with help, or by
 * the aidant, over every time the guide was used.
 */
export function HistoryLine({
  history,
  heading = 'h3',
}: {
  history: GuideProgress['history'];
  /** The level of the « Vos progrès » heading, to fit the page around it. */
  heading?: 'h2' | 'h3' | 'h4';
}) {
  const { t } = useTranslation();
  const id = useId();
  if (!hasMarks(history)) return null;
  const Heading = heading;
  return (
    <section className="history" aria-labelledby={id} data-testid="history">
      <Heading id={id}>{t('historyTitle')}</Heading>
      <p>{t('historyIntro')}</p>
      <ul className="history-list">
        <li>
          <span aria-hidden="true" className="dot dot-alone" />
          {t('historyAlone', { n: history.alone })}
        </li>
        <li>
          <span aria-hidden="true" className="dot dot-help" />
          {t('historyHelp', { n: history.help })}
        </li>
        <li>
          <span aria-hidden="true" className="dot dot-aidant" />
          {t('historyAidant', { n: history.aidant })}
        </li>
      </ul>
      {history.done > 0 && <p>{t('historyDone', { n: history.done })}</p>}
    </section>
  );
}

/** « La dernière fois, vous avez fait N étapes seul(e) », in words that fit the number. */
export function lastTimeText(
  t: (key: string, o?: Record<string, unknown>) => string,
  alone: number,
  total: number,
): string | null {
  if (total === 0) return null;
  if (alone === 0) return t('lastAloneNone');
  if (alone === 1) return t('lastAloneOne', { total });
  return t('lastAloneMany', { n: alone, total });
}
