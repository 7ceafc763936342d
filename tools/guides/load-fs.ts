/** Reads the guide folder from disk (Node only: CLI and build). */
import { closeSync, openSync, readdirSync, readSync } from 'node:fs';
import path from 'node:path';
import { MAX_GUIDE_FILE_BYTES } from '../../core/guides/limits';
import { loadGuides, type LoadResult, type SourceFile } from '../../core/guides/load';

/**
 * A file's text, read up to one byte past the size limit: enough for the loader to report a
 * file that is too big, without holding a huge one in memory.
 */
function readLimited(file: string): string {
  const buffer = Buffer.alloc(MAX_GUIDE_FILE_BYTES + 1);
  const fd = openSync(file, 'r');
  try {
    let size = 0;
    for (let n = 1; n > 0 && size < buffer.length; size += n) {
      n = readSync(fd, buffer, size, buffer.length - size, null);
    }
    return buffer.toString('utf8', 0, size);
  } finally {
    closeSync(fd);
  }
}

/** Shown relative to the working directory (the repository) when inside it. */
function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return (rel.startsWith('..') || path.isAbsolute(rel) ? file : rel).split(path.sep).join('/');
}

function walk(dir: string, out: string[]): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (/\.ya?ml$/.test(entry.name)) out.push(full);
  }
  return out;
}

export interface GuideSources {
  /** Guide, part and translation files. */
  guides: SourceFile[];
  /** `glossary/*.yaml`, checked by the glossary module. */
  glossary: SourceFile[];
  /** Absolute paths of every file read (for watch lists). */
  absolute: string[];
}

export function readGuideSources(dir: string): GuideSources {
  const root = path.resolve(dir);
  const glossaryDir = path.join(root, 'glossary') + path.sep;
  const sources: GuideSources = { guides: [], glossary: [], absolute: [] };
  for (const file of walk(root, []).sort()) {
    const source = { path: displayPath(file), text: readLimited(file) };
    (file.startsWith(glossaryDir) ? sources.glossary : sources.guides).push(source);
    sources.absolute.push(file);
  }
  return sources;
}

/** Loads `dir/**\/*.yaml` except the glossary. */
export function loadGuidesFromDir(dir: string): LoadResult {
  return loadGuides(readGuideSources(dir).guides);
}
