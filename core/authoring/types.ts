/**
 * What the authoring messages carry back to the authoring page. Types only, and free of any
 * storage import, so the messaging types stay light for the in-page script.
 */
import type { Locator } from '../guides/model';
import type { SiteId } from '../sites/registry';

export interface DriftNote {
  id?: number;
  guideId: string;
  stepId: string;
  /** The address as a pattern: no query, ids replaced (see address.ts). */
  page: string;
  /** First and last time seen (ms since 1970). */
  first: number;
  at: number;
  /** How many times it was seen. */
  count: number;
  version: string;
  /**
   * `missing`: nothing found; `fallback`: found only by a later locator of the list. Notes
   * without it (none so far) are `missing`.
   */
  kind?: 'missing' | 'fallback';
}

/** An open tab of a known site, as the authoring page lists it (no title, no query). */
export interface AuthoringTab {
  tabId: number;
  site: SiteId;
  page: string;
}

/** Whether one step of the previewed guide finds its target on the page now. */
export interface StepProbe {
  stepId: string;
  status: 'ready' | 'disabled' | 'covered' | 'missing' | 'none';
}

export interface RecordedAction {
  kind: 'click' | 'fill';
  target: Locator[];
  /** What a person reads on the element (a button's name, a field's label). */
  name: string;
  /** The page's address as a pattern (see address.ts). */
  page: string;
  /** The element was not on the page when the previous click happened (it came with it). */
  appeared: boolean;
}

export interface Recording {
  tabId: number;
  site: SiteId;
  /** Pattern of the first page, where the procedure starts. */
  startPage: string;
  actions: RecordedAction[];
  /** Pattern of the page shown last (after the last action, if it led somewhere). */
  lastPage: string;
}

/** Messages from the background to the authoring script in a tab. */
export type AuthorCommand =
  | { type: 'author:pick' }
  | { type: 'author:record'; on: boolean }
  | { type: 'author:probe'; steps: { stepId: string; target: Locator[] }[] };
