import type { AuthoringTab, DriftNote, Recording, StepProbe } from '../authoring/types';
import type { Guide } from '../guides/model';
import type { MatchTerm } from '../glossary/types';
import type { ImportProblem } from '../progress/import-problems';
import type { Counts, ExportResult, GuideProgress, NoteResult, NotesPage } from '../progress/views';
import type { ActiveInfo, PageState, Settings, TabInfo } from './schemas';

export type { ActiveInfo, Settings, TabInfo };
export type {
  Counts,
  ExportResult,
  GuideProgress,
  NoteCursor,
  NoteResult,
  NotesPage,
  NoteView,
} from '../progress/views';

export const DEFAULT_SETTINGS: Settings = {
  glossary: true,
  language: 'fr',
  textSize: 100,
  retentionDays: 180,
  authoring: false,
  everydayWords: false,
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
  /**
   * Set where a page button cannot open the side panel (Firefox): the offer then tells how to
   * open it — the toolbar button, or the keyboard shortcut when one is set.
   */
  sidebar?: { shortcut?: string };
}

/** What the page remembers for its site, kept by the background (the page script has no storage). */
export interface PagePrefs {
  /** « Plus tard » was chosen on this site today: no offer until tomorrow. */
  later: boolean;
  /** The step bar is folded to a small tab. */
  barFolded: boolean;
  /** The step bar sits at the top of the window rather than the bottom. */
  barTop: boolean;
}

export interface PageSeenReply extends PageState {
  offer: Offer | null;
  /** Missing: nothing remembered (an older background). */
  prefs?: PagePrefs;
}

export interface Responses {
  'page:seen': PageSeenReply;
  'step:found': null;
  /** The tab's state after the move (or as it stands, for a report that came too late). */
  'step:moved': PageState;
  'panel:open': { opened: boolean };
  'page:prefs': PagePrefs;
  'page:strings': Record<string, string>;
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
  'authoring:step': null;
  'authoring:tabs': AuthoringTab[];
  'authoring:pick': null;
  'authoring:record': Recording | null;
  'authoring:preview': TabInfo;
  'authoring:probe': StepProbe[];
  'authoring:drift': DriftNote[];
  'authoring:drift-clear': number;
  'data:forget': Counts;
  'guide:preview': Guide | null;
  'settings:get': Settings;
  'settings:set': Settings;
}
