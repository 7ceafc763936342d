/** A glossary term in the person's language; kept apart from the YAML reader for the runtime. */
import type { GlossaryTerm } from './types';

/** The term with its texts in `lang` (exact code, then base language); French otherwise. */
export function localiseTerm<T extends GlossaryTerm>(term: T, lang: string): T {
  const code = lang.trim().toLowerCase();
  const t = term.i18n?.[code] ?? term.i18n?.[code.split('-')[0] ?? code];
  if (!t) return term;
  const out = { ...term, definition: t.definition ?? term.definition };
  const example = t.example ?? term.example;
  if (example !== undefined) out.example = example;
  return out;
}
