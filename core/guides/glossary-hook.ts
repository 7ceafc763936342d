/**
 * The glossary files live in guides/glossary/ but are checked by the glossary module. It is
 * loaded on demand so that the guide tools keep working in a tree that does not have it.
 */
import type { Diagnostic } from './types';
import type { SourceFile } from './load';

export interface GlossaryResult {
  terms: unknown[];
  diagnostics: Diagnostic[];
}

type Checker = (files: SourceFile[]) => GlossaryResult;

function isMissingModule(e: unknown): boolean {
  const err = e as { code?: unknown; message?: unknown };
  const message = typeof err.message === 'string' ? err.message : '';
  return (
    (err.code === 'ERR_MODULE_NOT_FOUND' ||
      err.code === 'MODULE_NOT_FOUND' ||
      /Cannot find module|Failed to load url|Does the file exist/i.test(message)) &&
    /glossary[\\/]check/.test(message)
  );
}

/** The glossary checker, or null when the module is not there. Other failures are thrown. */
export async function loadGlossaryChecker(): Promise<Checker | null> {
  // A computed specifier: bundlers and the type checker must not require the file to exist.
  const specifier = ['..', 'glossary', 'check'].join('/');
  try {
    const mod = (await import(/* @vite-ignore */ specifier)) as { checkGlossaryFiles?: unknown };
    return typeof mod.checkGlossaryFiles === 'function'
      ? (mod.checkGlossaryFiles as Checker)
      : null;
  } catch (e) {
    if (isMissingModule(e)) return null;
    throw e;
  }
}

/** Checks the glossary files; without the glossary module there are no terms and no problems. */
export async function checkGlossary(
  files: SourceFile[],
): Promise<GlossaryResult & { checked: boolean }> {
  const check = files.length ? await loadGlossaryChecker() : null;
  if (!check) return { terms: [], diagnostics: [], checked: false };
  return { ...check(files), checked: true };
}
