import { tokenizeInline } from '../core/text/inline';

/** Guide text with its only formatting (**bold**), rendered as React text: never as HTML. */
export function RichText({ text }: { text: string }) {
  return (
    <>
      {tokenizeInline(text).map((run, i) =>
        run.bold ? <strong key={i}>{run.text}</strong> : <span key={i}>{run.text}</span>,
      )}
    </>
  );
}
