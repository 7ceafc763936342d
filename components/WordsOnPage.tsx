import { useTranslation } from 'react-i18next';
import type { GlossaryTerm } from '../core/glossary/types';
import { SpeakButton } from './SpeakButton';

/** The hard words found on the page, for keyboard and screen-reader users (same text as the tooltips). */
export function WordsOnPage({ terms }: { terms: GlossaryTerm[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="words-title" className="words" data-testid="words">
      <h2 id="words-title">{t('wordsTitle')}</h2>
      {terms.length === 0 ? (
        <p>{t('wordsNone')}</p>
      ) : (
        <dl>
          {terms.map((term) => (
            <div key={term.id} className="word" data-testid="word">
              <dt>{term.term}</dt>
              <dd>
                <p>{term.definition}</p>
                <SpeakButton text={`${term.term}. ${term.definition}`} />
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
