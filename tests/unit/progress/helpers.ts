import { PapDB } from '../../../core/progress/db';

let counter = 0;

/** A fresh database with a name no other test uses. */
export function uniqueName(prefix = 'pap-test'): string {
  counter += 1;
  return `${prefix}-${counter}-${Math.random().toString(36).slice(2)}`;
}

export function openTestDb(): PapDB {
  return new PapDB(uniqueName());
}

/** A fixed clock: 12 March 2025, 10:00 UTC. */
export const T0 = Date.UTC(2025, 2, 12, 10, 0, 0);
export const DAY = 24 * 60 * 60 * 1000;
