/**
 * Node side of the glossary check: reads `*.yaml` from a folder (default `guides/glossary`)
 * and hands the texts to the pure checker. For the CLI, the build and the tests; never
 * bundled into the extension.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Diagnostic } from '../../core/guides/types';
import { checkGlossaryFiles } from '../../core/glossary/check';
import type { GlossaryTerm } from '../../core/glossary/types';

export async function loadGlossaryDir(dir = 'guides/glossary'): Promise<{
  terms: GlossaryTerm[];
  diagnostics: Diagnostic[];
  files: string[];
}> {
  // Sorted, so that "the second claim" of a form is always the same file.
  const names = (await readdir(dir)).filter((n) => /\.ya?ml$/.test(n)).sort();
  const files = await Promise.all(
    names.map(async (n) => {
      const path = join(dir, n);
      return { path, text: await readFile(path, 'utf8') };
    }),
  );
  return { ...checkGlossaryFiles(files), files: files.map((f) => f.path) };
}
