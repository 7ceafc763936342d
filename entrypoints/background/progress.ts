import type { ProgressHooks } from '../../core/background/handlers';

/** Local progress store: wired to the Dexie database in the extension origin. */
export function createProgressHooks(): ProgressHooks | undefined {
  return undefined;
}
