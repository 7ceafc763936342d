/** Tiny string lookup for the in-page UI (the content script carries no i18n library). */
import fr from '../../locales/fr/page.json';
import en from '../../locales/en/page.json';
import ar from '../../locales/ar/page.json';

export type PageKey = keyof typeof fr;
const TABLES: Record<string, Partial<Record<PageKey, string>>> = { fr, en, ar };

export function pageStrings(lang: string) {
  const code = Object.hasOwn(TABLES, lang) ? lang : 'fr';
  const table = TABLES[code] ?? fr;
  const t = (key: PageKey, vars: Record<string, string | number> = {}): string =>
    (table[key] ?? fr[key]).replace(/\{\{(\w+)\}\}/g, (_, name: string) =>
      String(vars[name] ?? ''),
    );
  // The cards say which language they are in, so screen readers and text direction follow.
  return Object.assign(t, { lang: code, dir: code === 'ar' ? 'rtl' : 'ltr' });
}

export type Translate = ReturnType<typeof pageStrings>;
