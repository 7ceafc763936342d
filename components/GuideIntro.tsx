import { useTranslation } from 'react-i18next';
import type { Guide } from '../core/guides/types';
import { SpeakButton } from './SpeakButton';

export function GuideIntro({
  guide,
  onStart,
  onBack,
}: {
  guide: Guide;
  onStart(mode: 'alone' | 'aidant'): void;
  onBack(): void;
}) {
  const { t } = useTranslation();
  const spoken = [
    guide.title,
    guide.goal,
    guide.prepare.length ? `${t('prepare')} ${guide.prepare.join('. ')}` : '',
  ].join('. ');
  return (
    <section aria-labelledby="intro-title" className="intro">
      <h2 id="intro-title">{guide.title}</h2>
      <p className="lead">{guide.goal}</p>
      {guide.duration && <p>{t('duration', { duration: guide.duration })}</p>}
      {guide.prepare.length > 0 && (
        <>
          <h3>{t('prepare')}</h3>
          <ul className="prepare">
            {guide.prepare.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </>
      )}
      <div className="actions">
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => onStart('alone')}
          data-testid="start"
        >
          {t('start')}
        </button>
        <button
          type="button"
          className="btn btn-secondary"
          onClick={() => onStart('aidant')}
          data-testid="start-aidant"
        >
          {t('startWithAidant')}
        </button>
        <SpeakButton text={spoken} />
        <button type="button" className="btn btn-link" onClick={onBack}>
          {t('back')}
        </button>
      </div>
    </section>
  );
}
