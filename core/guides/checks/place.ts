/**
 * Where a word inside a text value was written. YAML changes a text on its way to the data
 * (quotes, `''`, line breaks of `>-` blocks become spaces), so a position in the value is found
 * back in the file by walking both side by side.
 */
import type { Node } from 'yaml';
import type { LoadedFile } from '../compile';
import { nodeAt, type DataPath } from '../yaml-source';

/**
 * For each index of `value`, its offset in `raw` (the value as written, quotes and block
 * header included). Each character is looked for from where the last one was found; spaces
 * match any run of spaces and line breaks.
 */
export function offsetsInSource(raw: string, value: string): number[] {
  const out: number[] = [];
  let j = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i] ?? '';
    if (/\s/.test(c)) {
      out.push(j);
      while (j < raw.length && /\s/.test(raw[j] ?? '')) j++;
      continue;
    }
    const k = raw.indexOf(c, j);
    if (k < 0) {
      out.push(Math.min(j, raw.length));
      continue;
    }
    out.push(k);
    j = k + 1;
  }
  return out;
}

/** A text value of a loaded file and a way to turn an index in it into `line:col`. */
export interface PlacedText {
  value: string;
  at(index: number): { line: number; col: number };
}

export function textAt(
  file: Pick<LoadedFile, 'text' | 'source'>,
  path: DataPath,
): PlacedText | null {
  const node = nodeAt(file.source.doc, path) as (Node & { value?: unknown }) | null;
  const value = node?.value;
  const range = node?.range;
  if (typeof value !== 'string' || !range) return null;
  const raw = file.text.slice(range[0], range[1]);
  let offsets: number[] | null = null;
  return {
    value,
    at(index) {
      offsets ??= offsetsInSource(raw, value);
      const i = Math.max(0, Math.min(index, offsets.length - 1));
      return file.source.lines.linePos(range[0] + (offsets[i] ?? 0));
    },
  };
}
