import { describe, expect, it } from 'vitest';
import { keysToRead } from '../../../core/text/keys';

describe('keysToRead', () => {
  it('names the keys as a French keyboard prints them, spaced out', () => {
    expect(keysToRead('Alt+Shift+G', 'fr')).toBe('Alt + Maj + G');
    expect(keysToRead('Ctrl+Shift+Space', 'fr')).toBe('Ctrl + Maj + Espace');
    expect(keysToRead('MacCtrl+Shift+G', 'fr')).toBe('Ctrl + Maj + G');
  });

  it('keeps the English names in the other languages', () => {
    expect(keysToRead('Alt+Shift+G', 'en')).toBe('Alt + Shift + G');
    expect(keysToRead('Alt+Shift+G', 'ar')).toBe('Alt + Shift + G');
  });

  it('leaves what it does not understand as the browser gave it', () => {
    expect(keysToRead('⌥⇧G', 'fr')).toBe('⌥⇧G');
    expect(keysToRead('G', 'fr')).toBe('G');
    expect(keysToRead('Alt++', 'fr')).toBe('Alt++');
  });
});
