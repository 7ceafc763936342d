/** Tiny string lookup for the in-page UI (the content script carries no i18n library). */
import fr from '../../locales/fr/page.json';
import en from '../../locales/en/page.json';
import ar from '../../locales/ar/page.json';

export type PageKey = keyof typeof fr;
const TABLES: Record<string, Partial<Record<PageKey, string>>> = { fr, en, ar };

export function pageStrings(lang: string) {
  const table = TABLES[lang] ?? fr;
  return (key: PageKey, vars: Record<string, string | number> = {}): string =>
    (table[key] ?? fr[key]).replace(/\{\{(\w+)\}\}/g, (_, name: string) =>
      String(vars[name] ?? ''),
    );
}

export type Translate = ReturnType<typeof pageStrings>;
