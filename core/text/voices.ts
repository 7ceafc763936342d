/**
 * Which speech voice reads a language. Pure: the caller gives the browser's voices, so the
 * panel's read-aloud button and the page's tooltip choose the same way.
 */

/** The region asked for first; any voice of the same language is taken after it. */
const PREFERRED: Record<string, string> = { fr: 'fr-FR', en: 'en-GB', ar: 'ar-SA' };

export interface Voice {
  lang: string;
}

function norm(lang: string): string {
  return lang.trim().toLowerCase().replace(/_/g, '-');
}

/** The voice for a language: the preferred region first, then any voice of that language. */
export function voiceFor<V extends Voice>(voices: readonly V[], lang: string): V | undefined {
  const base = norm(lang).split('-')[0] ?? '';
  const want = norm(lang).includes('-') ? norm(lang) : norm(PREFERRED[base] ?? base);
  return (
    voices.find((v) => norm(v.lang) === want) ??
    voices.find((v) => norm(v.lang) === base || norm(v.lang).startsWith(`${base}-`))
  );
}
