/**
 * A keyboard shortcut as people read it on their keyboard. Browsers give it in English
 * (« Alt+Shift+G »); French keyboards say « Maj » for the Shift key. The keys are spaced out
 * (« Alt + Maj + G ») so that each one reads as a key to press. A shortcut written without
 * « + » (macOS symbols such as « ⌥⇧G ») is left as it is.
 */
const FRENCH_KEYS: Record<string, string> = { Shift: 'Maj', MacCtrl: 'Ctrl', Space: 'Espace' };

export function keysToRead(shortcut: string, language: string): string {
  const parts = shortcut.split('+').map((k) => k.trim());
  if (parts.length < 2 || parts.some((k) => !k)) return shortcut;
  const names = language === 'fr' ? parts.map((k) => FRENCH_KEYS[k] ?? k) : parts;
  return names.join(' + ');
}
