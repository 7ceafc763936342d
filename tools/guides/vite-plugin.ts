/**
 * Vite plugin that compiles the YAML guides and glossary into the bundle:
 * `import guides from 'virtual:pap-guides'` and `import terms from 'virtual:pap-glossary'`; the
 * parts' own files (`virtual:pap-parts`) go to the authoring page, whose preview resolves a
 * pasted guide's `include:` against them.
 * Any problem in the files fails the build with the same `file:line:col message` lines as
 * `npm run guides:check`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { checkGlossaryFiles } from '../../core/glossary/check';
import { loadGuides } from '../../core/guides/load';
import { readGuideSources } from './load-fs';
import { formatDiagnostic } from '../../core/guides/types';

const GUIDES = 'virtual:pap-guides';
const GLOSSARY = 'virtual:pap-glossary';
const PARTS = 'virtual:pap-parts';
// The \0 prefix tells other plugins these modules are not files.
const RESOLVED = new Map([GUIDES, GLOSSARY, PARTS].map((id) => [`\0${id}`, id]));

export interface PapDataOptions {
  /** Folder of the guides; default: `guides` in the Vite root, else in the working directory. */
  dir?: string;
}

export function papData(options: PapDataOptions = {}): Plugin {
  let dir = path.resolve(options.dir ?? 'guides');

  type Compiled = { guides: unknown[]; terms: unknown[]; parts: unknown[]; files: string[] };
  // Both virtual modules come from one reading of the folder, redone when a file changes.
  let pending: Promise<Compiled> | null = null;

  async function compile(): Promise<Compiled> {
    const sources = readGuideSources(dir);
    const result = loadGuides(sources.guides);
    const glossary = checkGlossaryFiles(sources.glossary);
    const problems = [...result.diagnostics, ...glossary.diagnostics];
    if (problems.length) {
      const lines = problems.map(formatDiagnostic).join('\n');
      throw new Error(`Les guides contiennent ${problems.length} erreur(s) :\n${lines}`);
    }
    // The French part files as written (their translations are not needed to check a guide).
    const parts = result.units
      .filter((u) => u.kind === 'part' && u.file.lang === undefined)
      .map((u) => ({ path: `${u.file.folder}/${u.file.id}.yaml`, text: u.file.text }));
    return { guides: result.guides, terms: glossary.terms, parts, files: sources.absolute };
  }

  return {
    name: 'pap-data',
    configResolved(config) {
      if (options.dir) {
        dir = path.resolve(config.root, options.dir);
        return;
      }
      const candidates = [config.root, process.cwd()].map((r) => path.resolve(r, 'guides'));
      dir = candidates.find((d) => existsSync(d)) ?? dir;
    },
    buildStart() {
      pending = null;
    },
    watchChange() {
      pending = null;
    },
    resolveId(id) {
      return RESOLVED.has(`\0${id}`) ? `\0${id}` : null;
    },
    async load(id) {
      const name = RESOLVED.get(id);
      if (!name) return null;
      pending ??= compile();
      const data = await pending;
      // Rebuild when a guide changes, or when a file is added to the folder.
      this.addWatchFile(dir);
      for (const file of data.files) this.addWatchFile(file);
      const value = name === GUIDES ? data.guides : name === PARTS ? data.parts : data.terms;
      return `export default ${JSON.stringify(value)};\n`;
    },
  };
}
