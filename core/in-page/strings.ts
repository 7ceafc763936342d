/**
 * Tiny string lookup for the in-page UI (the content script carries no i18n library). Only the
 * French table is bundled here, as the fallback of every key: the other languages come from the
 * background when the person chooses one (message `page:strings`), which keeps the always-loaded
 * script small.
 */
import fr from '../../locales/fr/page.json';

export type PageKey = keyof typeof fr;
export type PageTable = Partial<Record<PageKey, string>>;

export function pageStrings(lang: string, table: PageTable = {}) {
  const code = lang === 'en' || lang === 'ar' ? lang : 'fr';
  const own: PageTable = code === 'fr' ? fr : table;
  const t = (key: PageKey, vars: Record<string, string | number> = {}): string =>
    (own[key] ?? fr[key]).replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(vars[name] ?? ''));
  // The cards say which language they are in, so screen readers and text direction follow.
  return Object.assign(t, { lang: code, dir: code === 'ar' ? 'rtl' : 'ltr' });
}

export type Translate = ReturnType<typeof pageStrings>;
