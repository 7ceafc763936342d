/**
 * What the toolbar button says about the tab's page: the number of guides that fit it on the
 * badge, and a title saying so in words (screen readers read the title, not the badge).
 */
import fr from '../../locales/fr/panel.json';
import en from '../../locales/en/panel.json';
import ar from '../../locales/ar/panel.json';
import type { Guide } from '../guides/model';
import type { TabState } from './tab-state';

export interface Badge {
  /** '' hides the badge. */
  text: string;
  title: string;
}

type Key = 'actionTitle' | 'actionGuides' | 'actionRunning';
const TABLES: Record<string, Partial<Record<Key, string>>> = { fr, en, ar };

function say(language: string, key: Key, count = 0): string {
  const table = Object.hasOwn(TABLES, language) ? TABLES[language]! : fr;
  return (table[key] ?? fr[key]).replace('{{count}}', String(count));
}

/** Badge colour: the icon's green, dark enough for white text. */
export const BADGE_COLOUR = '#17613f';

export function badgeFor(s: TabState, guides: Guide[], language: string): Badge {
  if (s.active && !s.active.finished && s.siteId)
    return { text: '', title: say(language, 'actionRunning') };
  if (!s.siteId) return { text: '', title: say(language, 'actionTitle') };
  const count = s.suggested.length || guides.filter((g) => g.site === s.siteId).length;
  if (!count) return { text: '', title: say(language, 'actionTitle') };
  return { text: String(Math.min(count, 9)), title: say(language, 'actionGuides', count) };
}
