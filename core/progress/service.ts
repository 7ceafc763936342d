/**
 * The background's use of the local progress store: the hooks the guide handlers call as a
 * guide moves, and what the extension pages ask for (resume, history, notes, the data file).
 * The store lives in the extension origin; content scripts never reach it.
 */
import type { Guide, How, Mode } from '../guides/model';
import type { PapDB } from './db';
import { checkNote } from './guard';
import {
  addNote,
  cleanupOlderThan,
  countNotes,
  deleteNote,
  finishSession,
  getHistory,
  getResume,
  listActiveSessions,
  ProgressInputError,
  listNotes,
  recordStepEvent,
  SensitiveNoteError,
  setSessionMode,
  startSession,
  updateSessionStep,
} from './repo';
import {
  corruptMessage,
  type CorruptRecord,
  type Note,
  type Session,
  type StepEvent,
} from './schema';
import {
  eraseAll,
  exportAll,
  exportFileName,
  exportText,
  importAll,
  parseImport,
} from './transfer';
import { MAX_FILE_BYTES, NOTES_PAGE_SIZE } from './limits';
import type {
  ExportResult,
  GuideProgress,
  NoteCursor,
  NoteResult,
  NotesPage,
  NoteView,
} from './views';

export class ProgressService {
  constructor(
    private readonly db: PapDB,
    private readonly now: () => number = Date.now,
    /** The data file limit; tests lower it to try the boundary with a few rows. */
    private readonly maxFileBytes: number = MAX_FILE_BYTES,
  ) {}

  async start(guide: Guide, mode: Mode, stepIndex: number, resume = false): Promise<number | null> {
    const now = this.now();
    if (resume) {
      const { session } = await getResume(this.db, guide.id);
      if (session) {
        await setSessionMode(this.db, session.id, { mode, now });
        return session.id;
      }
    }
    const step = guide.steps[stepIndex] ?? guide.steps[0]!;
    const session = await startSession(this.db, {
      guideId: guide.id,
      site: guide.site,
      mode,
      stepIndex,
      stepId: step.id,
      now,
    });
    return session.id;
  }

  async step(
    sessionId: number,
    guide: Guide,
    from: number,
    to: number,
    finished: boolean,
    mode: Mode,
  ) {
    const now = this.now();
    const step = guide.steps[to];
    if (!step) return;
    if (!(await updateSessionStep(this.db, sessionId, { stepIndex: to, stepId: step.id, now }))) {
      // Erased meanwhile: the caller goes on without it.
      throw new ProgressInputError(`step: no session ${sessionId}`);
    }
    // Alone, every step the page showed as done was done by the person themself. With an
    // aidant, the aidant says how each step went.
    if (mode === 'alone' && to > from) {
      // A mark the aidant gave earlier in the session (help, by the aidant) is kept.
      const marked = new Set(
        (await this.db.stepEvents.where('sessionId').equals(sessionId).toArray()).map(
          (e) => e.stepId,
        ),
      );
      for (let i = from; i < to; i++) {
        const passed = guide.steps[i];
        // An optional step the page jumped over (a code not asked) was not done at all.
        if (i > from && passed?.optional) continue;
        if (passed && !marked.has(passed.id)) {
          await recordStepEvent(this.db, {
            sessionId,
            guideId: guide.id,
            stepId: passed.id,
            how: 'alone',
            now,
          });
        }
      }
    }
    if (finished) await finishSession(this.db, sessionId, { status: 'done', now });
  }

  async how(sessionId: number, guide: Guide, stepId: string, how: How) {
    await recordStepEvent(this.db, { sessionId, guideId: guide.id, stepId, how, now: this.now() });
  }

  async mode(sessionId: number, mode: Mode) {
    if (!(await setSessionMode(this.db, sessionId, { mode, now: this.now() }))) {
      throw new ProgressInputError(`mode: no session ${sessionId}`);
    }
  }

  async resumable(guides: Guide[]): Promise<{ guideId: string; stepIndex: number } | null> {
    const ids = new Set(guides.map((g) => g.id));
    const { sessions } = await listActiveSessions(this.db);
    const s = sessions.find((x) => ids.has(x.guideId));
    return s ? { guideId: s.guideId, stepIndex: s.stepIndex } : null;
  }

  // ── for the extension pages ──────────────────────────────────────────────
  /**
   * What a guide's screens show: where to resume, the history counts and the first page of
   * notes. Reads a few rows and counts step marks by index, whatever the number of notes.
   */
  async guideProgress(guide: Guide): Promise<GuideProgress> {
    const [resume, history, page] = await Promise.all([
      getResume(this.db, guide.id),
      getHistory(this.db, guide.id),
      listNotes(this.db, guide.id, { limit: NOTES_PAGE_SIZE }),
    ]);
    const corrupt: CorruptRecord[] = [...resume.corrupt, ...page.corrupt];
    const done = reallyDone(guide, resume.last, resume.lastEvents);
    return {
      guideId: guide.id,
      resume: resume.session && {
        sessionId: resume.session.id,
        stepIndex: Math.min(resume.session.stepIndex, guide.steps.length - 1),
        updatedAt: resume.session.updatedAt,
        mode: resume.session.mode,
      },
      lastAloneCount: done.filter((e) => e.how === 'alone').length,
      lastStepCount: done.length,
      marks:
        resume.session && resume.last?.id === resume.session.id
          ? Object.fromEntries(resume.lastEvents.map((e) => [e.stepId, e.how]))
          : {},
      notes: page.notes.map((n) => noteView(guide, n)),
      moreNotes: page.next,
      history: {
        sessions: history.sessions,
        done: history.done,
        alone: history.alone,
        help: history.help,
        aidant: history.aidant,
      },
      problem: corruptMessage(corrupt),
    };
  }

  /** The notes older than `before`, a page at a time. */
  async notePage(
    guide: Guide,
    before: NoteCursor,
    limit: number = NOTES_PAGE_SIZE,
  ): Promise<NotesPage> {
    const page = await listNotes(this.db, guide.id, { before, limit });
    return {
      notes: page.notes.map((n) => noteView(guide, n)),
      next: page.next,
      problem: corruptMessage(page.corrupt),
    };
  }

  /**
   * How many notes a guide has. Counted by index, without reading a note; still a walk over the
   * guide's index entries (about 0.3 s for 100,000 notes), so only « Mes données » asks.
   */
  async noteCount(guideId: string) {
    const { total, corrupt } = await countNotes(this.db, guideId);
    return { total, problem: corruptMessage(corrupt) };
  }

  async activeSessions() {
    const { sessions, corrupt } = await listActiveSessions(this.db);
    return {
      sessions: sessions.map((s) => ({
        guideId: s.guideId,
        stepIndex: s.stepIndex,
        updatedAt: s.updatedAt,
      })),
      problem: corruptMessage(corrupt),
    };
  }

  async addNote(input: {
    guideId: string;
    sessionId?: number;
    stepId?: string;
    text: string;
  }): Promise<NoteResult> {
    const verdict = checkNote(input.text);
    if (!verdict.ok) return verdict;
    try {
      const note = await addNote(this.db, { ...input, now: this.now() });
      return { ok: true, id: note.id };
    } catch (e) {
      if (e instanceof SensitiveNoteError) return { ok: false, kind: e.kind };
      throw e;
    }
  }

  deleteNote(id: number) {
    return deleteNote(this.db, id);
  }

  /** The data file, or `tooBig` when it would be over the size the import takes back. */
  async exportData(): Promise<ExportResult> {
    const now = this.now();
    const { file, corrupt } = await exportAll(this.db, now);
    const limit = this.maxFileBytes;
    const out = exportText(file, limit);
    if (!out.ok) return { ok: false, tooBig: true, size: out.size, limit };
    return {
      ok: true,
      text: out.text,
      fileName: exportFileName(now),
      problem: corruptMessage(corrupt),
    };
  }

  async importData(text: string, mode: 'replace' | 'merge') {
    const parsed = parseImport(text);
    if (!parsed.ok) return { ok: false as const, kind: parsed.kind };
    const counts = await importAll(this.db, parsed.file, { mode });
    return { ok: true as const, ...counts, refusedNotes: parsed.dropped.refusedNotes };
  }

  eraseAll() {
    return eraseAll(this.db);
  }

  cleanup(days: number) {
    return days > 0
      ? cleanupOlderThan(this.db, days, this.now())
      : Promise.resolve({ sessions: 0, stepEvents: 0, notes: 0 });
  }
}

/**
 * The marks of the last session that stand for steps really done: a finished session's steps,
 * or those before the step it stopped at. A mark on the step still on screen or beyond it
 * (given ahead, or left after going back) and a step passed over (`skipped`) are not counted.
 */
function reallyDone(guide: Guide, last: Session | null, events: StepEvent[]): StepEvent[] {
  if (!last) return [];
  const position = new Map(guide.steps.map((s, i) => [s.id, i]));
  return events.filter((e) => {
    if (e.how === 'skipped') return false;
    const i = position.get(e.stepId);
    if (i === undefined) return false;
    return last.status === 'done' || i < last.stepIndex;
  });
}

function noteView(guide: Guide, n: Note): NoteView {
  return {
    id: n.id,
    text: n.text,
    at: n.at,
    stepId: n.stepId ?? null,
    stepTitle: guide.steps.find((s) => s.id === n.stepId)?.title ?? null,
  };
}
