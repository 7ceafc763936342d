import { useTranslation } from 'react-i18next';
import type { GlossaryTerm } from '../core/glossary/types';
import { SpeakButton } from './SpeakButton';
import { spokenText } from '../core/text/inline';

/** The hard words found on the page, for keyboard and screen-reader users (same text as the tooltips). */
export function WordsOnPage({ terms, open = true }: { terms: GlossaryTerm[]; open?: boolean }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="words-title" className="words" data-testid="words">
      {/* A list that can be folded away while a guide runs, to keep the step in view. */}
      <details open={open}>
        <summary>
          <h2 id="words-title">
            {t('wordsTitle')} ({terms.length})
          </h2>
        </summary>
        {terms.length === 0 ? (
          <p>{t('wordsNone')}</p>
        ) : (
          <dl>
            {terms.map((term) => (
              <div key={term.id} className="word" data-testid="word">
                <dt>{term.term}</dt>
                <dd>
                  <p>{term.definition}</p>
                  {/* Named after its word: a list of identical « Écouter » says nothing. */}
                  <SpeakButton
                    text={spokenText([term.term, term.definition])}
                    label={t('readWord', { word: term.term })}
                  />
                </dd>
              </div>
            ))}
          </dl>
        )}
      </details>
    </section>
  );
}
