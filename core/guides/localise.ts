import type { Guide, GuideText } from './types';

/** The translation for a language code: exact (`pt-BR`) first, then its base language (`pt`). */
function textFor(guide: Guide, lang: string): GuideText | undefined {
  const i18n = guide.i18n;
  if (!i18n) return undefined;
  const code = lang.trim();
  const base = code.split('-')[0] ?? code;
  return i18n[code] ?? i18n[code.toLowerCase()] ?? i18n[base.toLowerCase()];
}

/**
 * The guide with its texts in `lang`; every text missing from the translation stays in French.
 * Returns the guide itself for French or when there is no translation.
 */
export function localiseGuide(guide: Guide, lang: string): Guide {
  const t = textFor(guide, lang);
  if (!t) return guide;
  return {
    ...guide,
    title: t.title ?? guide.title,
    goal: t.goal ?? guide.goal,
    // A translated list replaces the French one as a whole (the checker makes the lengths agree).
    prepare: t.prepare ?? guide.prepare,
    steps: guide.steps.map((step) => {
      const s = t.steps?.[step.id];
      if (!s) return step;
      const out = { ...step, title: s.title ?? step.title, text: s.text ?? step.text };
      if (s.callout !== undefined) out.callout = s.callout;
      if (s.aidant !== undefined) out.aidant = s.aidant;
      return out;
    }),
  };
}
