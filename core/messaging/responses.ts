import type { SiteId } from '../sites/registry';
import type { ActiveState } from './schemas';

export interface Settings {
  /** Mark hard words on the page. */
  glossary: boolean;
  language: 'fr' | 'en' | 'ar';
  /** Text size of the side panel, in percent. */
  textSize: number;
  /** Sessions not touched for this many days are erased (0: never). */
  retentionDays: number;
}

export const DEFAULT_SETTINGS: Settings = {
  glossary: true,
  language: 'fr',
  textSize: 100,
  retentionDays: 180,
};

/** What the in-page offer shows: guide titles and, for a resume, the step number only. */
export interface Offer {
  guides: { id: string; title: string }[];
  resume: { guideId: string; title: string; stepNumber: number } | null;
}

export interface PageSeenReply {
  state: ActiveState | null;
  glossary: boolean;
  language: Settings['language'];
  offer: Offer | null;
}

export interface ActiveInfo {
  guideId: string;
  stepIndex: number;
  finished: boolean;
  mode: 'alone' | 'aidant';
  sessionId: number | null;
  /** null: not reported yet by the page. */
  targetFound: boolean | null;
  seq: number;
}

export interface TabInfo {
  tabId: number;
  siteId: SiteId | null;
  /** Ids of the site's guides whose first steps match the page (best first). */
  suggested: string[];
  active: ActiveInfo | null;
  /** Glossary term ids found on the page. */
  terms: string[];
}

export interface Responses {
  'page:seen': PageSeenReply;
  'step:found': null;
  'step:moved': null;
  'panel:open': { opened: boolean };
  'glossary:found': null;
  'tab:get': TabInfo;
  'guide:start': TabInfo;
  'guide:goto': TabInfo;
  'guide:stop': TabInfo;
  'guide:mode': TabInfo;
  'step:how': null;
  'settings:get': Settings;
  'settings:set': Settings;
}
