/**
 * The in-page part of the target check (in-page.ts with the extension's locator engine), built
 * for the browser as one script that defines `__papTargets`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

export const GLOBAL_NAME = '__papTargets';

export async function inPageScript(): Promise<string> {
  // esbuild comes with Vite (WXT builds with it); imported here only, when the check runs.
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [path.join(here, 'in-page.ts')],
    bundle: true,
    format: 'iife',
    globalName: GLOBAL_NAME,
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error('le script de vérification des cibles n’a pas pu être construit');
  // Scripts added to a page may run inside a function: the name is set on the page's global.
  return `${file.text}\nglobalThis.${GLOBAL_NAME} = ${GLOBAL_NAME};\n`;
}
