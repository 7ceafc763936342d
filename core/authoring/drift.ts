/**
 * Drift notes: a running guide whose target was not found on the real site. They tell the
 * guides' maintainers that a site changed. Only what names the place in the guide is kept —
 * guide id, step id, the address as a pattern, date, extension version — never a word of the
 * page. They stay in the extension's database; the author copies a plain-text report by hand.
 */
import type { Table } from 'dexie';
import type { DriftNote } from './types';

export type { DriftNote };

/** The newest notes kept; older ones go first. */
export const MAX_DRIFT_NOTES = 200;

export type DriftInput = Pick<DriftNote, 'guideId' | 'stepId' | 'page' | 'version' | 'kind'>;

export class DriftNotes {
  constructor(private readonly table: () => Table<DriftNote, number | undefined>) {}

  /** Adds a note, or counts one more for the same step on the same page and version. */
  async add(input: DriftInput, now = Date.now()): Promise<void> {
    const table = this.table();
    await table.db.transaction('rw', table, async () => {
      const same = await table
        .where('[guideId+stepId]')
        .equals([input.guideId, input.stepId])
        .filter(
          (n) =>
            n.page === input.page &&
            n.version === input.version &&
            (n.kind ?? 'missing') === (input.kind ?? 'missing'),
        )
        .first();
      if (same?.id !== undefined) {
        await table.update(same.id, { at: now, count: same.count + 1 });
        return;
      }
      await table.add({ ...input, first: now, at: now, count: 1 });
      const extra = (await table.count()) - MAX_DRIFT_NOTES;
      if (extra > 0) await table.orderBy('at').limit(extra).delete();
    });
  }

  /** Newest first. */
  async list(): Promise<DriftNote[]> {
    return (await this.table().orderBy('at').reverse().toArray()).map(({ id: _id, ...n }) => n);
  }

  async clear(): Promise<number> {
    const table = this.table();
    const n = await table.count();
    await table.clear();
    return n;
  }
}

function day(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The plain-text report the author sends to the guides' maintainers (by hand). */
export function driftReport(notes: readonly DriftNote[], now: Date = new Date()): string {
  const lines = [
    'Pas à pas : éléments non trouvés sur les sites',
    `Rapport du ${day(now.getTime())} (${notes.length} ${notes.length > 1 ? 'notes' : 'note'})`,
    '',
  ];
  if (!notes.length) lines.push('Aucune note : tous les éléments des guides ont été trouvés.');
  for (const n of notes) {
    const when = n.first === n.at ? day(n.at) : `du ${day(n.first)} au ${day(n.at)}`;
    const what = n.kind === 'fallback' ? 'trouvé par un repère de secours' : 'non trouvé';
    lines.push(
      `- guide ${n.guideId}, étape ${n.stepId}, ${what}, page ${n.page}, ${when}, ${n.count} fois, version ${n.version}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
