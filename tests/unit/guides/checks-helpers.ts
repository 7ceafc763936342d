import { expect } from 'vitest';
import { checkGuideFiles, type Finding, type Rule } from '../../../core/guides/checks';
import { load } from './helpers';

export const TODAY = '2026-12-06';

export interface CheckOptions {
  glossary?: Record<string, string>;
  terms?: { term: string; forms: string[]; acronyms: string[] }[];
  today?: string;
}

/** The further checks of guides:check on files the loader accepts, as `line:col message`. */
export function findings(
  files: Record<string, string>,
  rule: Rule,
  options: CheckOptions = {},
): string[] {
  const result = load(files);
  expect(result.diagnostics).toEqual([]);
  return checkGuideFiles({
    units: result.units,
    glossaryFiles: Object.entries(options.glossary ?? {}).map(([path, text]) => ({ path, text })),
    terms: options.terms ?? [],
    today: options.today ?? TODAY,
  })
    .findings.filter((f: Finding) => f.rule === rule)
    .map((f) => `${f.file}:${f.line}:${f.col} ${f.error ? '' : '(avertissement) '}${f.message}`);
}
