/**
 * The only formatting guide and glossary text may carry: **bold**. Text is split into runs
 * that the caller renders as text nodes, so nothing in a guide can ever become HTML.
 */
export interface Run {
  text: string;
  bold: boolean;
  /**
   * Words quoted from the site (« Mon Compte ») inside a translated text: they stay French, as
   * on the page, so the caller marks them `lang="fr"` and isolates them from the text direction.
   */
  label?: boolean;
}

/**
 * The quote marks of each language. Guide texts, translated or not, quote the site's words
 * with « » (guides/README.md); they are shown with the marks of the reader's language. Arabic
 * keeps « » (its usual marks), without inner spaces; the browser mirrors them in a right-to-left
 * line. Other languages get “ ”.
 */
const QUOTES: Record<string, readonly [string, string]> = {
  fr: ['«\u00a0', '\u00a0»'],
  en: ['“', '”'],
  ar: ['«', '»'],
};

function baseLanguage(lang: string): string {
  return (lang.trim().toLowerCase().split(/[-_]/)[0] ?? '') || 'fr';
}

export function quoteMarks(lang: string): readonly [string, string] {
  return QUOTES[baseLanguage(lang)] ?? ['“', '”'];
}

/**
 * French typography: the space inside « » and before : ; ! ? must not break the line, or a
 * lone » or ? starts the next line (hard to read for a beginner reader).
 */
export function frenchSpaces(text: string): string {
  return text
    .replace(/« /g, '«\u00a0')
    .replace(/ »/g, '\u00a0»')
    .replace(/ ([:;!?])/g, '\u202f$1');
}

/** Splits one piece of text on its « » quotes, with the marks of `lang` (not French). */
function quoted(text: string, bold: boolean, lang: string, runs: Run[]): void {
  const [open, close] = quoteMarks(lang);
  // A lone mark (a quote cut by ** or an unfinished one) still takes the language's mark.
  const lone = (t: string) =>
    t.replace(/«[\s\u00a0\u202f]*/g, open).replace(/[\s\u00a0\u202f]*»/g, close);
  const pair = /«[\s\u00a0\u202f]*([^«»]*?)[\s\u00a0\u202f]*»/g;
  let last = 0;
  let plain = '';
  for (const m of text.matchAll(pair)) {
    plain += lone(text.slice(last, m.index)) + open;
    if (m[1]) {
      runs.push({ text: plain, bold });
      runs.push({ text: m[1], bold, label: true });
      plain = '';
    }
    plain += close;
    last = m.index + m[0].length;
  }
  plain += lone(text.slice(last));
  if (plain) runs.push({ text: plain, bold });
}

/**
 * The runs of a guide or glossary text. In French the text is shown as written (with
 * non-breaking spaces); in another language its « » quotes take that language's marks and the
 * quoted site words come as `label` runs.
 */
export function tokenizeInline(source: string, lang = 'fr'): Run[] {
  const runs: Run[] = [];
  const french = baseLanguage(lang) === 'fr';
  const parts = (french ? frenchSpaces(source) : source).split('**');
  // An odd number of markers leaves the last one unmatched: keep it as plain text.
  const balanced = parts.length % 2 === 1;
  parts.forEach((text, i) => {
    const bold = balanced ? i % 2 === 1 : false;
    const piece = !balanced && i > 0 ? `**${text}` : text;
    if (!piece) return;
    if (french) runs.push({ text: piece, bold });
    else quoted(piece, bold, lang, runs);
  });
  return runs;
}

export function plainText(source: string, lang = 'fr'): string {
  return tokenizeInline(source, lang)
    .map((r) => r.text)
    .join('');
}

/** Ends a sentence: . ! ? … (and the Arabic ؟), maybe followed by a closing quote. */
const SENTENCE_END = /[.!?…؟:;][\s\u00a0\u202f]*[»”"')]?\s*$/;

/**
 * What the read-aloud button says: the parts (a title, then its text) as sentences, with a
 * full stop between them only where the part does not end a sentence already, so « C'est
 * fini ! » is not read « C'est fini !. » and a title ending in « . » is not doubled. The
 * result is still guide text: the button shows it in the person's language (plainText).
 */
export function spokenText(parts: readonly (string | undefined)[]): string {
  const texts = parts.map((p) => (p ?? '').replace(/\*\*/g, '').trim()).filter((p) => p !== '');
  return texts
    .map((t, i) => (i < texts.length - 1 && !SENTENCE_END.test(t) ? `${t}.` : t))
    .join(' ');
}
