/**
 * A parsed YAML file that remembers where each value was written, so that problems found in the
 * data can be reported at `line:col`.
 */
import {
  CST,
  Document,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  Parser,
  visit,
} from 'yaml';
import type { Node } from 'yaml';
import { MAX_GUIDE_FILE_BYTES, MAX_YAML_ALIAS_COUNT, MAX_YAML_DEPTH, utf8Length } from './limits';

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

/** A file over the size limit, at 1:1. */
export function checkYamlSize(text: string): YamlProblem | null {
  // A UTF-16 unit is at most 3 bytes of UTF-8: small files are settled without counting.
  if (text.length <= MAX_GUIDE_FILE_BYTES / 3) return null;
  if (utf8Length(text) <= MAX_GUIDE_FILE_BYTES) return null;
  return {
    line: 1,
    col: 1,
    // The reader may have stopped at the limit: the real size is not known here.
    message: `fichier trop gros : plus de ${MAX_GUIDE_FILE_BYTES / 1024} Ko (un guide tient en quelques Ko ; les étapes communes vont dans une partie, kind: part)`,
  };
}

/**
 * Blocks and lists nested deeper than the limit, at the first one too deep. Building the data
 * of such a file would overflow the stack, so this looks at the parser's tokens only: the
 * parser keeps its own stack, and this walk too.
 */
export function checkYamlDepth(text: string): YamlProblem | null {
  const lines = new LineCounter();
  const todo: [CST.Token | null | undefined, number][] = [];
  for (const token of new Parser(lines.addNewLine).parse(text)) todo.push([token, 0]);
  for (let next = todo.pop(); next; next = todo.pop()) {
    const [token, depth] = next;
    if (!token) continue;
    if (token.type === 'document') todo.push([token.value, depth]);
    else if (CST.isCollection(token)) {
      if (depth >= MAX_YAML_DEPTH) {
        return {
          ...lines.linePos(token.offset),
          message: `trop de niveaux imbriqués : ${MAX_YAML_DEPTH} au plus (un guide en utilise moins de 10 ; vérifiez les crochets [ ] et les accolades { })`,
        };
      }
      for (const item of token.items) todo.push([item.key, depth + 1], [item.value, depth + 1]);
    }
  }
  return null;
}

/**
 * The plain data of a parsed document, or the problem that prevents it: `*alias` copies that
 * multiply (« billion laughs ») are stopped by the `yaml` package and pointed at here.
 */
export function yamlToJS(
  doc: Document,
  lines: LineCounter,
): { data: unknown; error?: undefined } | { data?: undefined; error: YamlProblem } {
  try {
    return { data: doc.toJS({ maxAliasCount: MAX_YAML_ALIAS_COUNT }) };
  } catch (e) {
    let at = 0;
    visit(doc, {
      Alias(_, node) {
        at = node.range?.[0] ?? 0;
        return visit.BREAK;
      },
    });
    const message =
      e instanceof ReferenceError
        ? 'trop de copies par alias (*nom) : des alias qui recopient des alias se multiplient ; écrivez les blocs en entier'
        : `ce fichier ne peut pas être lu (${e instanceof Error ? e.message : String(e)})`;
    return { error: { ...lines.linePos(at), message } };
  }
}

/**
 * Reads a guide file. Size and nesting are checked before the data is built, so that no file
 * can exhaust memory or the stack; every problem is a positioned message, never an exception.
 */
export function parseYaml(text: string): {
  source: YamlSource;
  data: unknown;
  errors: YamlProblem[];
} {
  const lines = new LineCounter();
  const limit = checkYamlSize(text) ?? checkYamlDepth(text);
  if (limit)
    return { source: { doc: new Document(null), lines }, data: undefined, errors: [limit] };
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  // The first syntax error only: the parser's later ones mostly follow from it, and ten
  // cascading lines hide the one to fix.
  const first = doc.errors[0];
  if (first) {
    const { line, col } = lines.linePos(first.pos[0]);
    const message = `syntaxe YAML : ${SYNTAX_MESSAGES[first.code] ?? first.message}`;
    return { source: { doc, lines }, data: undefined, errors: [{ line, col, message }] };
  }
  const read = yamlToJS(doc, lines);
  return { source: { doc, lines }, data: read.data, errors: read.error ? [read.error] : [] };
}

function keyOf(key: unknown): string {
  return String(isScalar(key) ? key.value : key);
}

/**
 * The node for a data path: the value, or its key when `atKey`. A list index on a single value
 * stays on that value (lists may be written as one item). Missing parts give the nearest parent.
 */
export function nodeAt(doc: Document, path: DataPath, atKey = false): Node | null {
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
