/**
 * The only formatting guide and glossary text may carry: **bold**. Text is split into runs
 * that the caller renders as text nodes, so nothing in a guide can ever become HTML.
 */
export interface Run {
  text: string;
  bold: boolean;
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

export function tokenizeInline(source: string): Run[] {
  const runs: Run[] = [];
  const parts = frenchSpaces(source).split('**');
  // An odd number of markers leaves the last one unmatched: keep it as plain text.
  const balanced = parts.length % 2 === 1;
  parts.forEach((text, i) => {
    const bold = balanced ? i % 2 === 1 : false;
    const piece = !balanced && i > 0 ? `**${text}` : text;
    if (piece) runs.push({ text: piece, bold });
  });
  return runs;
}

export function plainText(source: string): string {
  return tokenizeInline(source)
    .map((r) => r.text)
    .join('');
}
