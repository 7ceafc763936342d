import type { MatchTerm } from '../glossary/types';
import type { How, Mode } from '../guides/model';
import type { NoteProblem, NoteProblemParams } from '../progress/guard';
import type { ImportProblem } from '../progress/import-problems';
import type { ActiveInfo, PageState, Settings, TabInfo } from './schemas';

export type { ActiveInfo, Settings, TabInfo };

export const DEFAULT_SETTINGS: Settings = {
  glossary: true,
  language: 'fr',
  textSize: 100,
  retentionDays: 180,
};

/**
 * What the in-page offer shows. The site's scripts can read it, and so can the next person at
 * a shared desk: nothing from the progress store goes in but the fact that something can be
 * resumed. Which procedure, and where, the side panel reads from progress itself.
 */
export interface Offer {
  /** Guides of the site to start (left empty when a resume is offered). */
  guides: { id: string; title: string }[];
  resume: boolean;
}

export interface PageSeenReply extends PageState {
  offer: Offer | null;
}

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

export interface Responses {
  'page:seen': PageSeenReply;
  'step:found': null;
  /** The tab's state after the move (or as it stands, for a report that came too late). */
  'step:moved': PageState;
  'panel:open': { opened: boolean };
  'glossary:found': null;
  'glossary:define': { term: string; definition: string } | null;
  'glossary:terms': MatchTerm[];
  'tab:get': TabInfo;
  'guide:start': TabInfo;
  'guide:goto': TabInfo;
  'guide:stop': TabInfo;
  'guide:mode': TabInfo;
  'step:how': null;
  'progress:guide': GuideProgress;
  'progress:active': {
    sessions: { guideId: string; stepIndex: number; updatedAt: number }[];
    problem: string | null;
  };
  'note:add': NoteResult;
  'note:delete': boolean;
  'notes:page': NotesPage;
  'notes:count': { total: number; problem: string | null };
  'data:export': ExportResult;
  'data:import':
    | ({ ok: true; alreadyPresent: number; refusedNotes: number } & Counts)
    | { ok: false; kind: ImportProblem };
  'data:erase': Counts;
  'data:cleanup': Counts;
  'settings:get': Settings;
  'settings:set': Settings;
}
