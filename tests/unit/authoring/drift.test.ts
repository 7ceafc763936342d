import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { DriftNotes, driftReport, MAX_DRIFT_NOTES } from '../../../core/authoring/drift';
import { PapDB } from '../../../core/progress/db';
import { T0, uniqueName } from '../progress/helpers';

const opened: Dexie[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

function store() {
  const db = new PapDB(uniqueName());
  opened.push(db);
  return new DriftNotes(() => db.drift);
}

const NOTE = {
  guideId: 'caf-attestation-paiement',
  stepId: 'numero',
  page: 'www.caf.fr/x/*',
  version: '0.1.0',
};

describe('DriftNotes', () => {
  it('counts the same step on the same page once, newest first', async () => {
    const notes = store();
    await notes.add(NOTE, T0);
    await notes.add(NOTE, T0 + 1000);
    await notes.add({ ...NOTE, stepId: 'mot-de-passe' }, T0 + 500);
    const list = await notes.list();
    expect(list).toEqual([
      { ...NOTE, first: T0, at: T0 + 1000, count: 2 },
      { ...NOTE, stepId: 'mot-de-passe', first: T0 + 500, at: T0 + 500, count: 1 },
    ]);
  });

  it('keeps the newest notes only', async () => {
    const notes = store();
    for (let i = 0; i < MAX_DRIFT_NOTES + 3; i++)
      await notes.add({ ...NOTE, stepId: `s${i}` }, T0 + i);
    const list = await notes.list();
    expect(list).toHaveLength(MAX_DRIFT_NOTES);
    expect(list.at(-1)!.stepId).toBe('s3');
    expect(await notes.clear()).toBe(MAX_DRIFT_NOTES);
    expect(await notes.list()).toEqual([]);
  });
});

describe('driftReport', () => {
  it('lists what was not found, and where, in plain text', () => {
    const text = driftReport([{ ...NOTE, first: T0, at: T0 + 86_400_000, count: 2 }], new Date(T0));
    expect(text).toContain(
      'guide caf-attestation-paiement, étape numero, non trouvé, page www.caf.fr/x/*',
    );
    expect(text).toContain('du 2025-03-12 au 2025-03-13, 2 fois, version 0.1.0');
  });
});
