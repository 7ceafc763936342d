import type { SiteId } from '../sites/registry';

/**
 * A text to match against an element's name, label, text or placeholder. Plain text matches
 * the whole string after normalising case, accents, apostrophes and spaces; `/pattern/flags`
 * is a regular expression that may match anywhere.
 */
export type TextMatch = string;

export type Locator =
  | { role: string; name?: TextMatch }
  | { label: TextMatch }
  | { text: TextMatch }
  | { placeholder: TextMatch }
  | { css: string };

/** A condition on the page. Every part given must hold. */
export interface Condition {
  /** URL patterns (one must match): `host/path?query#hash` with `*` wildcards, or `/regex/`. */
  url?: string[];
  /** Each locator must find a visible element. */
  present?: Locator[];
  /** Each locator must find nothing visible. */
  absent?: Locator[];
}

export type StepAction = 'click' | 'fill' | 'choose' | 'read';

export interface Step {
  id: string;
  title: string;
  /** Plain-language text; a tiny Markdown subset (**bold**) is allowed, never HTML. */
  text: string;
  action: StepAction;
  /** Where this step happens. */
  on?: Condition;
  /** What to circle on the page: the first locator that finds a visible element wins. */
  target?: Locator[];
  /** For fill / choose steps: the button that sends the answer (clicked after the target). */
  submit?: Locator[];
  /** Short text next to the circle. */
  callout?: string;
  /** When the step is done. Without it, the person moves on with "Suivant". */
  done?: Condition;
  /** Id of the step that comes after this one (default: the next in the list). */
  next?: string;
  /** Tip for the aidant, shown in aidant mode only. */
  aidant?: string;
}

export interface GuideText {
  title?: string;
  goal?: string;
  prepare?: string[];
  steps?: Record<string, { title?: string; text?: string; callout?: string; aidant?: string }>;
}

export interface Guide {
  id: string;
  site: SiteId;
  title: string;
  goal: string;
  duration?: string;
  prepare: string[];
  /** Address where the procedure starts. */
  start: string;
  /** Official page that describes the procedure. */
  source: string;
  steps: Step[];
  /** Translations by language code; French is the text above and the fallback. */
  i18n?: Record<string, GuideText>;
}

/** What a guide author sees for one problem: `file:line:col message`. */
export interface Diagnostic {
  file: string;
  line: number;
  col: number;
  message: string;
}

export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.col} ${d.message}`;
}
