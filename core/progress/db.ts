/**
 * The progress database. It lives in the extension's background only: opened from a content
 * script, IndexedDB would belong to the visited site instead of the extension.
 */
import { Dexie, type DexieOptions, type EntityTable, type Transaction } from 'dexie';
import type { DriftNote } from '../authoring/types';
import type { Note, Session, StepEvent } from './schema';

export const DB_NAME = 'pas-a-pas';

/**
 * Version 1, as it shipped. Frozen: a released schema never changes, a new version is added.
 * Sessions only: `{ id, guideId, site, startedAt, updatedAt, mode, stepIndex, stepId, status }`.
 */
export const SCHEMA_V1 = Object.freeze({
  sessions: '++id, guideId, site, updatedAt',
});

/** Version 2: step events and notes; sessions found by status and by guide + date. Frozen. */
export const SCHEMA_V2 = Object.freeze({
  sessions: '++id, guideId, site, updatedAt, status, [guideId+updatedAt]',
  stepEvents: '++id, sessionId, guideId, at',
  notes: '++id, sessionId, guideId, at',
});

/**
 * Version 3: indexes so that a guide's screens read a page or a count, never every
 * row. Notes are paged newest first through `[guideId+at]` (ties in the index come in id
 * order, which makes `{ at, id }` a stable cursor); the history counts sessions by
 * `[guideId+status]` and step marks by `[guideId+how]` without reading them. No row changes.
 */
export const SCHEMA_V3 = Object.freeze({
  sessions: '++id, guideId, site, updatedAt, status, [guideId+updatedAt], [guideId+status]',
  stepEvents: '++id, sessionId, guideId, at, [guideId+how]',
  notes: '++id, sessionId, guideId, at, [guideId+at]',
});

/**
 * Version 4 (current): drift notes of the authoring kit (core/authoring/drift.ts), a table of
 * its own; the other tables do not change.
 */
export const SCHEMA_V4 = Object.freeze({
  ...SCHEMA_V3,
  drift: '++id, at, [guideId+stepId]',
});

export const DB_VERSION = 4;

/** Address schemes of the extension's own pages and service worker. */
const EXTENSION_SCHEMES = ['chrome-extension:', 'moz-extension:', 'safari-web-extension:'];

/** Refused where the database would belong to a web site instead of the extension. */
export class WrongContextError extends Error {
  override name = 'WrongContextError';
}

/**
 * Throws unless the code runs in the extension's own origin (background, side panel, options).
 * A content script runs in the site's origin: IndexedDB opened there would be the site's.
 */
export function expectExtensionContext(href: string | undefined = globalThis.location?.href) {
  const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(href ?? '')?.[0].toLowerCase() ?? '';
  if (!EXTENSION_SCHEMES.includes(scheme)) {
    throw new WrongContextError(
      `the progress database opens only in the extension's own pages, not on ${scheme || 'this page'}`,
    );
  }
}

export class PapDB extends Dexie {
  sessions!: EntityTable<Session, 'id'>;
  stepEvents!: EntityTable<StepEvent, 'id'>;
  notes!: EntityTable<Note, 'id'>;
  drift!: EntityTable<DriftNote, 'id'>;

  constructor(name: string = DB_NAME, options?: DexieOptions) {
    expectExtensionContext();
    super(name, options);
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2).upgrade(upgradeToV2);
    // Indexes only: IndexedDB builds them from the stored rows during the upgrade.
    this.version(3).stores(SCHEMA_V3);
    this.version(4).stores(SCHEMA_V4);
  }
}

async function upgradeToV2(tx: Transaction): Promise<void> {
  await tx
    .table('sessions')
    .toCollection()
    .modify((row: Record<string, unknown>) => {
      upgradeSessionV1(row);
    });
}

/**
 * Brings a version-1 session row to the version-2 shape, in place. Only fills what is missing
 * or clearly out of range; a row that is broken in another way stays as it is and is set aside
 * when read, so one bad row never blocks the upgrade of the others.
 * Shared with the import of version-1 export files.
 */
export function upgradeSessionV1(row: Record<string, unknown>): void {
  if (row.mode !== 'alone' && row.mode !== 'aidant') row.mode = 'alone';
  // The step id cannot be found again from the index without the guide: the side panel falls
  // back on `stepIndex` when it is empty.
  if (typeof row.stepId !== 'string') row.stepId = '';
  if (row.status !== 'active' && row.status !== 'done' && row.status !== 'abandoned') {
    row.status = 'active';
  }
  if (typeof row.startedAt !== 'number' && typeof row.updatedAt === 'number') {
    row.startedAt = row.updatedAt;
  }
}
