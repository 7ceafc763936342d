/** The in-page UI's words in each language, handed to the page script on request (see strings.ts). */
import type { Language } from '../guides/model';
import fr from '../../locales/fr/page.json';
import en from '../../locales/en/page.json';
import ar from '../../locales/ar/page.json';

const TABLES: Record<Language, Record<string, string>> = { fr, en, ar };

export function pageTable(language: Language): Record<string, string> {
  return TABLES[language];
}
