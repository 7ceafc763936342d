/**
 * What the progress store gives the extension pages (through the background): the shapes of
 * its answers, kept with the store so it depends on nothing of the message layer.
 */
import type { How, Mode } from '../guides/model';
import type { NoteProblem, NoteProblemParams } from './guard';

export interface GuideProgress {
  guideId: string;
  /** The unfinished session to carry on with, if any. */
  resume: {
    sessionId: number;
    stepIndex: number;
    updatedAt: number;
    mode: Mode;
  } | null;
  /** Steps done alone in the last session, out of the steps marked in it. */
  lastAloneCount: number;
  lastStepCount: number;
  /** How each step of the unfinished session was done, by step id. */
  marks: Record<string, How>;
  /**
   * The newest notes: the first page. The older ones come by `notes:page`, their number by
   * `notes:count` (not here: counting walks the whole index, reading a page does not).
   */
  notes: NoteView[];
  /** Where the older notes start (ask `notes:page` with it); null when `notes` holds them all. */
  moreNotes: NoteCursor | null;
  /** Step marks over all sessions: the way toward doing it alone. */
  history: { sessions: number; done: number; alone: number; help: number; aidant: number };
  /** A plain sentence when damaged records were set aside. */
  problem: string | null;
}

/** A note as the pages show it. */
export interface NoteView {
  id: number;
  text: string;
  at: number;
  stepId: string | null;
  stepTitle: string | null;
}

/** The last note of a page: the next page holds the notes strictly older than it. */
export interface NoteCursor {
  at: number;
  id: number;
}

/** One page of notes, newest first. */
export interface NotesPage {
  notes: NoteView[];
  /** Where the next, older page starts; null at the end. */
  next: NoteCursor | null;
  /** A plain sentence when damaged records were set aside. */
  problem: string | null;
}

/**
 * The data file, or why there is none: a file bigger than `limit` bytes could not be imported
 * back, so none is made (`size` says by how much it is over).
 */
export type ExportResult =
  | { ok: true; text: string; fileName: string; problem: string | null }
  | { ok: false; tooBig: true; size: number; limit: number };

/** A refused note says why as a kind; the pages put it in words from the locale files. */
export type NoteResult =
  { ok: true; id: number } | { ok: false; kind: NoteProblem; params?: NoteProblemParams };

export interface Counts {
  sessions: number;
  stepEvents: number;
  notes: number;
}
