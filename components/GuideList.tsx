import { useTranslation } from 'react-i18next';
import type { Guide } from '../core/guides/types';

export function GuideList({
  guides,
  suggested,
  onOpen,
}: {
  guides: Guide[];
  suggested: string[];
  onOpen(id: string): void;
}) {
  const { t } = useTranslation();
  const sorted = [...guides].sort((a, b) => rank(a.id) - rank(b.id));
  function rank(id: string) {
    const i = suggested.indexOf(id);
    return i < 0 ? 100 : i;
  }
  return (
    <section aria-labelledby="guides-title">
      <h2 id="guides-title">{t('guidesHere')}</h2>
      <ul className="guide-list">
        {sorted.map((g) => (
          <li key={g.id}>
            <button
              type="button"
              className="guide-card"
              onClick={() => onOpen(g.id)}
              data-testid={`guide-${g.id}`}
            >
              {suggested.includes(g.id) && <span className="badge">{t('suggested')}</span>}
              <span className="guide-title" dir="auto">
                {g.title}
              </span>
              <span className="guide-goal" dir="auto">
                {g.goal}
              </span>
              {g.duration && (
                <span className="guide-duration">{t('duration', { duration: g.duration })}</span>
              )}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
