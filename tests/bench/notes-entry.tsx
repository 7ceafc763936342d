/**
 * Runs inside an extension page of the built extension (real Chromium IndexedDB), bundled by
 * notes-bench.ts. Exposes `papNotesBench`: seed a database, then open a guide's notes the way
 * the panel did before paging (every note read, sent and drawn) and the way it does now (the
 * resume, the counts by index and the first page).
 */
import Dexie from 'dexie';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { NotesList } from '../../components/NotesList';
import type { Guide } from '../../core/guides/types';
import type { GuideProgress, NoteView } from '../../core/messaging/responses';
import { PapDB } from '../../core/progress/db';
import {
  cleanupOlderThan,
  countNotes,
  getHistory,
  getResume,
  listNotes,
} from '../../core/progress/repo';
import {
  keepValid,
  noteSchema,
  sessionSchema,
  stepEventSchema,
  type CorruptRecord,
  type Note,
} from '../../core/progress/schema';
import { ProgressService } from '../../core/progress/service';
import { exportAll, exportText } from '../../core/progress/transfer';
import { utf8Length } from '../../core/progress/limits';
import { createI18n } from '../../hooks/i18n';

const DB_NAME = 'pap-notes-bench';
const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.UTC(2025, 2, 12, 10);

const SENTENCES = [
  'Votre code est dans le carnet bleu',
  'Prendre les 3 fiches de paie avant de commencer',
  'Le code arrive par SMS, attendre une minute',
  'Appeler le 3230 si la page ne s’ouvre pas',
  'Rendez-vous le 12/03 à 14 h 30 à la France services',
  'Bien vérifier le montant avant de valider',
];

let db: PapDB | null = null;
let root: Root | null = null;
const i18n = createI18n('fr');

function open(): PapDB {
  db ??= new PapDB(DB_NAME);
  return db;
}

/** `notes` notes on one guide over two years, with 60 sessions and their step marks. */
async function seed(guideId: string, stepIds: string[], notes: number) {
  const d = open();
  await Promise.all([d.sessions.clear(), d.stepEvents.clear(), d.notes.clear()]);
  const sessions = Array.from({ length: 60 }, (_, i) => ({
    guideId,
    site: 'caf',
    startedAt: T0 - (60 - i) * 10 * DAY,
    updatedAt: T0 - (60 - i) * 10 * DAY + 600_000,
    mode: i % 2 ? ('alone' as const) : ('aidant' as const),
    stepIndex: i === 59 ? 3 : stepIds.length - 1,
    stepId: i === 59 ? stepIds[3]! : stepIds.at(-1)!,
    status: i === 59 ? ('active' as const) : ('done' as const),
  }));
  const ids = (await d.sessions.bulkAdd(sessions, { allKeys: true })) as number[];
  const hows = ['alone', 'help', 'aidant', 'skipped'] as const;
  await d.stepEvents.bulkAdd(
    ids.flatMap((sessionId, i) =>
      stepIds.map((stepId, k) => ({
        sessionId,
        guideId,
        stepId,
        how: hows[(i + k) % 4]!,
        at: sessions[i]!.startedAt + k * 60_000,
      })),
    ),
  );
  const span = 2 * 365 * DAY;
  for (let start = 0; start < notes; start += 10_000) {
    const chunk = Array.from({ length: Math.min(10_000, notes - start) }, (_, j) => {
      const i = start + j;
      const note: Omit<Note, 'id'> = {
        guideId,
        text: `${SENTENCES[i % SENTENCES.length]} (${i})`,
        at: T0 - span + Math.floor((i / notes) * span),
      };
      if (i % 3 === 0) note.stepId = stepIds[i % stepIds.length];
      if (i % 5 === 0) note.sessionId = ids[i % ids.length];
      return note;
    });
    await d.notes.bulkAdd(chunk);
  }
  return { notes: await d.notes.count(), stepEvents: await d.stepEvents.count() };
}

/** What the side panel asked and got before paging: every row of the guide, notes included. */
async function guideProgressBefore(d: PapDB, guide: Guide): Promise<GuideProgress> {
  return d.transaction('r', d.sessions, d.stepEvents, d.notes, async () => {
    const corrupt: CorruptRecord[] = [];
    const sessions = keepValid(
      'sessions',
      sessionSchema,
      await d.sessions
        .where('[guideId+updatedAt]')
        .between([guide.id, Dexie.minKey], [guide.id, Dexie.maxKey])
        .reverse()
        .toArray(),
      corrupt,
    );
    const session = sessions.find((s) => s.status === 'active') ?? null;
    const last = sessions[0] ?? null;
    const lastEvents = last
      ? keepValid(
          'stepEvents',
          stepEventSchema,
          await d.stepEvents.where('sessionId').equals(last.id).toArray(),
          corrupt,
        )
      : [];
    const notes = keepValid(
      'notes',
      noteSchema,
      await d.notes.where('guideId').equals(guide.id).toArray(),
      corrupt,
    ).sort((a, b) => b.at - a.at || b.id - a.id);
    const events = keepValid(
      'stepEvents',
      stepEventSchema,
      await d.stepEvents.where('guideId').equals(guide.id).toArray(),
      corrupt,
    );
    const allSessions = keepValid(
      'sessions',
      sessionSchema,
      await d.sessions.where('guideId').equals(guide.id).toArray(),
      corrupt,
    );
    const count = (how: string) => events.filter((e) => e.how === how).length;
    const stepTitle = (id?: string) => guide.steps.find((s) => s.id === id)?.title ?? null;
    const view: NoteView[] = notes.map((n) => ({
      id: n.id,
      text: n.text,
      at: n.at,
      stepId: n.stepId ?? null,
      stepTitle: stepTitle(n.stepId),
    }));
    return {
      guideId: guide.id,
      resume: session && {
        sessionId: session.id,
        stepIndex: session.stepIndex,
        updatedAt: session.updatedAt,
        mode: session.mode,
      },
      lastAloneCount: lastEvents.filter((e) => e.how === 'alone').length,
      lastStepCount: lastEvents.length,
      marks: {},
      notes: view,
      moreNotes: null,
      history: {
        sessions: allSessions.length,
        done: allSessions.filter((s) => s.status === 'done').length,
        alone: count('alone'),
        help: count('help'),
        aidant: count('aidant'),
      },
      problem: null,
    };
  });
}

/** The clean-up each worker start ran before: whole tables read to find old rows. */
async function cleanupBefore(d: PapDB, days: number, now: number) {
  const cutoff = now - days * DAY;
  return d.transaction('rw', d.sessions, d.stepEvents, d.notes, async () => {
    const oldIds = await d.sessions.where('updatedAt').below(cutoff).primaryKeys();
    await d.sessions.bulkDelete(oldIds);
    const kept = await d.sessions.toArray();
    const keptIds = new Set(kept.map((s) => s.id));
    const keptGuides = new Set(kept.map((s) => s.guideId));
    const gone = new Set(oldIds);
    await d.stepEvents
      .filter((e) => gone.has(e.sessionId) || (e.at < cutoff && !keptIds.has(e.sessionId)))
      .delete();
    await d.notes
      .filter((n) =>
        n.sessionId !== undefined
          ? gone.has(n.sessionId) || (n.at < cutoff && !keptIds.has(n.sessionId))
          : n.at < cutoff && !keptGuides.has(n.guideId),
      )
      .delete();
  });
}

/** Waits for the frame after the one the list was drawn in: it is on screen by then. */
function painted(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** Opens the notes: read, through the message (JSON both ways), drawn, laid out and painted. */
async function openNotes(how: 'before' | 'after', guide: Guide) {
  const d = open();
  root?.unmount();
  document.body.replaceChildren();
  await painted();
  const host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);

  const t0 = performance.now();
  const progress =
    how === 'before'
      ? await guideProgressBefore(d, guide)
      : await new ProgressService(d).guideProgress(guide);
  const t1 = performance.now();
  // Extension messages go through JSON on their way from the background to the panel.
  const received = JSON.parse(JSON.stringify({ ok: true, value: progress })).value as GuideProgress;
  const t2 = performance.now();
  flushSync(() =>
    root!.render(
      <I18nextProvider i18n={i18n}>
        <NotesList
          notes={received.notes}
          more={received.moreNotes ? { busy: false, failed: false, onMore() {} } : null}
        />
      </I18nextProvider>,
    ),
  );
  void document.body.offsetHeight;
  await painted();
  const t3 = performance.now();
  return {
    read: t1 - t0,
    message: t2 - t1,
    draw: t3 - t2,
    total: t3 - t0,
    drawn: host.querySelectorAll('[data-testid="note"]').length,
  };
}

/** The next page (« Voir les notes plus anciennes »), read and sent. */
async function nextPage(guide: Guide) {
  const service = new ProgressService(open());
  const first = await service.guideProgress(guide);
  const t0 = performance.now();
  const page = await service.notePage(guide, first.moreNotes!);
  JSON.parse(JSON.stringify(page));
  return { ms: performance.now() - t0, notes: page.notes.length };
}

/** The clean-up run at each worker start, with nothing old enough to remove. */
async function cleanup(how: 'before' | 'after') {
  const d = open();
  const t0 = performance.now();
  if (how === 'before') await cleanupBefore(d, 3650, T0);
  else await cleanupOlderThan(d, 3650, T0);
  return performance.now() - t0;
}

async function exportSize() {
  const t0 = performance.now();
  const { file } = await exportAll(open(), T0);
  const out = exportText(file);
  const bytes = out.ok ? utf8Length(out.text) : out.size;
  return { bytes, fits: out.ok, ms: performance.now() - t0 };
}

/** Where the time of opening goes, one query at a time. */
async function parts(guideId: string) {
  const d = open();
  const time = async (fn: () => Promise<unknown>) => {
    const t0 = performance.now();
    await fn();
    return performance.now() - t0;
  };
  return {
    resume: await time(() => getResume(d, guideId)),
    history: await time(() => getHistory(d, guideId)),
    firstPage: await time(() => listNotes(d, guideId, { limit: 20 })),
    countNotes: await time(() => countNotes(d, guideId)),
  };
}

const api = { seed, openNotes, nextPage, cleanup, exportSize, parts };
export type NotesBenchApi = typeof api;
(globalThis as unknown as { papNotesBench: NotesBenchApi }).papNotesBench = api;
