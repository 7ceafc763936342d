import type { SiteId } from '../sites/registry';

/** One entry of the glossary, as written in `guides/glossary/*.yaml`. */
export interface GlossaryTerm {
  /** Stable kebab-case identifier (used in messages and in the side panel). */
  id: string;
  /** The main French form, shown as the tooltip title. It is matched too. */
  term: string;
  /** Other spellings: plurals, feminine, full names. Matched ignoring case and accents. */
  forms: string[];
  /** Acronyms (RFR, QF, C2S…). Matched only when written exactly so, in capitals. */
  acronyms: string[];
  /** Sites where the term is marked. */
  sites: SiteId[];
  /** Plain definition: one or two short sentences, everyday words. */
  definition: string;
  example?: string;
  /** Official page the facts come from (https). */
  source: string;
  /** Translated definitions by language (`<file>.<lang>.yaml`); French is the fallback. */
  i18n?: Record<string, TermText>;
}

/** A term's words in one language; the term itself stays in French, as on the page. */
export interface TermText {
  /** Stamp of the French definition and example it was made from. */
  fr?: string;
  definition?: string;
  example?: string;
}

/** The part of a term the content script carries; it asks the background for the definition. */
export type MatchTerm = Pick<GlossaryTerm, 'id' | 'term' | 'forms' | 'acronyms' | 'sites'>;
