import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NOTES_PAGE_SIZE, utf8Length } from '../../../core/progress/limits';
import { ProgressService } from '../../../core/progress/service';
import { loadGuidesFromDir } from '../../../tools/guides/load-fs';
import { PapDB } from '../../../core/progress/db';

const guides = loadGuidesFromDir(path.resolve(import.meta.dirname, '../../../guides')).guides;
const guide = guides.find((g) => g.id === 'caf-declaration-trimestrielle')!;
let n = 0;

function service(maxFileBytes?: number) {
  let now = Date.UTC(2026, 10, 1);
  const db = new PapDB(`progress-service-${++n}-${Math.random()}`);
  return { db, progress: new ProgressService(db, () => (now += 1000), maxFileBytes) };
}

describe('ProgressService', () => {
  it('counts steps the page saw done, in alone mode, as done alone', async () => {
    const { db, progress } = service();
    const id = (await progress.start(guide, 'alone', 0))!;
    await progress.step(id, guide, 0, 2, false, 'alone');
    const events = await db.stepEvents.where('sessionId').equals(id).toArray();
    expect(events.map((e) => [e.stepId, e.how])).toEqual([
      [guide.steps[0]!.id, 'alone'],
      [guide.steps[1]!.id, 'alone'],
    ]);
    const p = await progress.guideProgress(guide);
    expect(p.resume?.stepIndex).toBe(2);
    expect(p.marks).toEqual({ [guide.steps[0]!.id]: 'alone', [guide.steps[1]!.id]: 'alone' });
  });

  it('counts in the resume summary only the steps really done', async () => {
    const { progress } = service();
    const id = (await progress.start(guide, 'aidant', 0))!;
    const [s0, s1, s2, s3] = guide.steps.map((s) => s.id);
    await progress.step(id, guide, 0, 2, false, 'aidant');
    await progress.how(id, guide, s0!, 'alone');
    await progress.how(id, guide, s1!, 'help');
    // Marked ahead (the step on screen, one further) or passed over: not done yet.
    await progress.how(id, guide, s2!, 'alone');
    await progress.how(id, guide, s3!, 'skipped');
    let p = await progress.guideProgress(guide);
    expect([p.lastAloneCount, p.lastStepCount]).toEqual([1, 2]);
    // Back to the first step: the second is to be done again, the first still counts.
    await progress.step(id, guide, 2, 1, false, 'aidant');
    p = await progress.guideProgress(guide);
    expect([p.lastAloneCount, p.lastStepCount]).toEqual([1, 1]);
    // Once finished, every marked step was done (the one passed over still is not).
    await progress.step(id, guide, 1, guide.steps.length - 1, true, 'aidant');
    p = await progress.guideProgress(guide);
    expect([p.lastAloneCount, p.lastStepCount]).toEqual([2, 3]);
  });

  it('does not count an optional step the page jumped over as done alone', async () => {
    const { db, progress } = service();
    const from = guide.steps.findIndex((s) => s.id === 'se-connecter');
    const to = guide.steps.findIndex((s) => s.id === 'ouvrir-mes-ressources');
    expect(guide.steps.slice(from + 1, to).every((s) => s.optional)).toBe(true);
    const id = (await progress.start(guide, 'alone', from))!;
    await progress.step(id, guide, from, to, false, 'alone');
    const events = await db.stepEvents.where('sessionId').equals(id).toArray();
    expect(events.map((e) => e.stepId)).toEqual(['se-connecter']);
  });

  it("keeps the aidant's mark when the page then moves the guide on", async () => {
    const { progress } = service();
    const id = (await progress.start(guide, 'aidant', 0))!;
    await progress.how(id, guide, guide.steps[0]!.id, 'help');
    // The aidant switched the mode off before the page showed the step done.
    await progress.step(id, guide, 0, 1, false, 'alone');
    const p = await progress.guideProgress(guide);
    expect(p.marks[guide.steps[0]!.id]).toBe('help');
    expect(p.history).toMatchObject({ help: 1, alone: 0 });
  });

  it('records nothing by itself in aidant mode, and finishes the session at the end', async () => {
    const { db, progress } = service();
    const id = (await progress.start(guide, 'aidant', 0))!;
    const last = guide.steps.length - 1;
    await progress.step(id, guide, 0, last, true, 'aidant');
    expect(await db.stepEvents.count()).toBe(0);
    const p = await progress.guideProgress(guide);
    expect(p.resume).toBeNull();
    expect(p.history).toMatchObject({ sessions: 1, done: 1 });
  });

  it('carries on with the unfinished session when asked to resume', async () => {
    const { progress } = service();
    const first = await progress.start(guide, 'aidant', 0);
    await progress.step(first!, guide, 0, 3, false, 'aidant');
    const again = await progress.start(guide, 'alone', 3, true);
    expect(again).toBe(first);
    const fresh = await progress.start(guide, 'alone', 0);
    expect(fresh).not.toBe(first);
  });
});

describe('ProgressService: notes a page at a time', () => {
  it('sends the first page with the count, then the older pages from the cursor', async () => {
    const { progress } = service();
    for (let i = 0; i < NOTES_PAGE_SIZE + 5; i++) {
      const r = await progress.addNote({
        guideId: guide.id,
        stepId: guide.steps[1]!.id,
        text: `n${i}`,
      });
      expect(r.ok).toBe(true);
    }
    const p = await progress.guideProgress(guide);
    expect(p.notes).toHaveLength(NOTES_PAGE_SIZE);
    expect(p.notes[0]).toMatchObject({
      text: `n${NOTES_PAGE_SIZE + 4}`,
      stepTitle: guide.steps[1]!.title,
    });
    const last = p.notes[NOTES_PAGE_SIZE - 1]!;
    expect(p.moreNotes).toEqual({ at: last.at, id: last.id });
    const next = await progress.notePage(guide, p.moreNotes!);
    expect(next.notes.map((x) => x.text)).toEqual(['n4', 'n3', 'n2', 'n1', 'n0']);
    expect(next.next).toBeNull();
    expect(next.problem).toBeNull();
    expect(await progress.noteCount(guide.id)).toEqual({
      total: NOTES_PAGE_SIZE + 5,
      problem: null,
    });
  });
});

describe('ProgressService: the data file and its size limit', () => {
  async function filled(maxFileBytes?: number) {
    const s = service(maxFileBytes);
    const id = (await s.progress.start(guide, 'aidant', 0))!;
    await s.progress.how(id, guide, guide.steps[0]!.id, 'help');
    for (let i = 0; i < 30; i++) {
      await s.progress.addNote({ guideId: guide.id, sessionId: id, text: `Note numéro ${i}` });
    }
    return s;
  }

  it('exports at exactly its limit, and the file comes back whole', async () => {
    const probe = await filled();
    const full = await probe.progress.exportData();
    if (!full.ok) throw new Error('refused');
    const size = utf8Length(full.text);

    const { db, progress } = await filled(size);
    const out = await progress.exportData();
    if (!out.ok) throw new Error(`refused at ${out.size}`);
    expect(utf8Length(out.text)).toBe(size);
    const target = service(size);
    expect(await target.progress.importData(out.text, 'replace')).toMatchObject({
      ok: true,
      sessions: 1,
      stepEvents: 1,
      notes: 30,
    });
    expect(await target.db.notes.orderBy('id').toArray()).toEqual(
      await db.notes.orderBy('id').toArray(),
    );
  });

  it('makes no file one byte over its limit, and says by how much', async () => {
    const probe = await filled();
    const full = await probe.progress.exportData();
    if (!full.ok) throw new Error('refused');
    const size = utf8Length(full.text);
    const { progress } = await filled(size - 1);
    expect(await progress.exportData()).toEqual({
      ok: false,
      tooBig: true,
      size,
      limit: size - 1,
    });
  });
});
