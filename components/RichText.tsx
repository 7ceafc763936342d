import { useTranslation } from 'react-i18next';
import { tokenizeInline, type Run } from '../core/text/inline';

/** One run: the site's quoted words keep their French (and their own direction) in a translation. */
function RunText({ run }: { run: Run }) {
  return run.label ? <bdi lang="fr">{run.text}</bdi> : <>{run.text}</>;
}

/**
 * Guide text with its only formatting (**bold**), rendered as React text: never as HTML. The
 * quote marks follow the person's language (core/text/inline.ts).
 */
export function RichText({ text, lang }: { text: string; lang?: string }) {
  const { i18n } = useTranslation();
  return (
    <>
      {tokenizeInline(text, lang ?? i18n.language).map((run, i) =>
        run.bold ? (
          <strong key={i}>
            <RunText run={run} />
          </strong>
        ) : (
          <span key={i}>
            <RunText run={run} />
          </span>
        ),
      )}
    </>
  );
}

/**
 * A title: as written in French (titles have no formatting), with the quote marks of the
 * person's language otherwise.
 */
export function TitleText({ text }: { text: string }) {
  const { i18n } = useTranslation();
  return i18n.language.startsWith('fr') ? <>{text}</> : <RichText text={text} />;
}
