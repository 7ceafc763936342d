/** Parses markup without a window (so no script runs) and returns its body's nodes. */
export function parse(html: string): Document {
  return new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html');
}

/** Replaces the test document's body with the given markup. */
export function setBody(html: string, doc: Document = document): void {
  const nodes = Array.from(parse(html).body.childNodes, (n) => doc.importNode(n, true));
  doc.body.replaceChildren(...nodes);
}
