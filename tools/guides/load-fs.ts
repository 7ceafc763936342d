/** Reads the guide folder from disk (Node only: CLI and build). */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadGuides, type LoadResult, type SourceFile } from '../../core/guides/load';

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
    const source = { path: displayPath(file), text: readFileSync(file, 'utf8') };
    (file.startsWith(glossaryDir) ? sources.glossary : sources.guides).push(source);
    sources.absolute.push(file);
  }
  return sources;
}

/** Loads `dir/**\/*.yaml` except the glossary. */
export function loadGuidesFromDir(dir: string): LoadResult {
  return loadGuides(readGuideSources(dir).guides);
}
