/**
 * The guide types, inferred from the one model (model.ts); this module only names them for the
 * code that needs no schema, plus what the guide checker reports.
 */
export type {
  Condition,
  Guide,
  GuideText,
  Locator,
  RunningGuide,
  Step,
  StepAction,
  TextMatch,
} from './model';

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
