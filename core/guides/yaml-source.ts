/**
 * A parsed YAML file that remembers where each value was written, so that problems found in the
 * data can be reported at `line:col`.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Document, Node } from 'yaml';

export type DataPath = readonly (string | number)[];

export interface YamlSource {
  doc: Document;
  lines: LineCounter;
}

export interface YamlProblem {
  line: number;
  col: number;
  message: string;
}

// Authors of guides are not YAML experts: say what to fix, in their words.
const SYNTAX_MESSAGES: Record<string, string> = {
  BLOCK_AS_IMPLICIT_KEY:
    'un « : » suivi d’une espace dans un texte : mettez le texte entre guillemets, ou vérifiez le décalage',
  MULTILINE_IMPLICIT_KEY: 'une clé doit tenir sur une ligne : vérifiez le décalage et les « : »',
  BAD_INDENT: 'décalage (indentation) incorrect, ou crochet / accolade non fermé',
  TAB_AS_INDENT: 'tabulation en début de ligne : décalez avec des espaces',
  DUPLICATE_KEY: 'clé en double dans le même bloc',
  MISSING_CHAR:
    'caractère manquant : guillemet non fermé, ou « - » oublié devant un élément de liste',
  BAD_SCALAR_START: 'ce texte commence par un caractère réservé : mettez-le entre guillemets',
  MULTIPLE_DOCS: 'un seul document par fichier : retirez la ligne « --- »',
  BAD_DQ_ESCAPE: 'caractère « \\ » invalide entre guillemets',
  UNEXPECTED_TOKEN: 'caractère inattendu',
};

export function parseYaml(text: string): {
  source: YamlSource;
  data: unknown;
  errors: YamlProblem[];
} {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const errors = doc.errors.map((e) => {
    const { line, col } = lines.linePos(e.pos[0]);
    const message = `syntaxe YAML : ${SYNTAX_MESSAGES[e.code] ?? e.message}`;
    return { line, col, message };
  });
  return { source: { doc, lines }, data: errors.length ? undefined : doc.toJS(), errors };
}

function keyOf(key: unknown): string {
  return String(isScalar(key) ? key.value : key);
}

/**
 * The node for a data path: the value, or its key when `atKey`. A list index on a single value
 * stays on that value (lists may be written as one item). Missing parts give the nearest parent.
 */
function nodeAt(doc: Document, path: DataPath, atKey: boolean): Node | null {
  let node: unknown = doc.contents;
  let found: Node | null = (node as Node | null) ?? null;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    if (isAlias(node)) node = node.resolve(doc);
    if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg] as Node | undefined;
      if (!item) return found;
      node = item;
    } else if (typeof seg === 'number') {
      continue;
    } else if (isMap(node)) {
      const pair = node.items.find((p) => keyOf(p.key) === String(seg));
      if (!pair) return found;
      const last = i === path.length - 1;
      const value = pair.value as Node | null;
      // An empty value (`title:`) has no text of its own: point at its key.
      const empty = isScalar(value) && value.value === null;
      if ((last && atKey) || !value || empty) return (pair.key as Node) ?? found;
      node = value;
    } else {
      return found;
    }
    found = node as Node;
  }
  return found;
}

export function positionOf(
  source: YamlSource,
  path: DataPath,
  atKey = false,
): { line: number; col: number } {
  const node = nodeAt(source.doc, path, atKey);
  return source.lines.linePos(node?.range?.[0] ?? 0);
}

/** The plain value at a data path (same list rule as nodeAt). */
export function valueAt(data: unknown, path: DataPath): unknown {
  let value = data;
  for (const seg of path) {
    if (Array.isArray(value)) value = value[seg as number];
    else if (typeof seg === 'number') continue;
    else if (value !== null && typeof value === 'object') {
      value = (value as Record<string, unknown>)[seg];
    } else return undefined;
  }
  return value;
}
