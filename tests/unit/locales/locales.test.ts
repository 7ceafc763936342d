import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = path.resolve(import.meta.dirname, '../../../locales');
const languages = readdirSync(dir);
const files = readdirSync(path.join(dir, 'fr'));
const read = (lang: string, file: string) =>
  JSON.parse(readFileSync(path.join(dir, lang, file), 'utf8')) as Record<string, string>;

describe('interface texts', () => {
  it('exist in French, English and Arabic', () => {
    expect(languages.sort()).toEqual(['ar', 'en', 'fr']);
  });

  for (const file of files) {
    for (const lang of languages.filter((l) => l !== 'fr')) {
      it(`${lang}/${file} has exactly the French keys, none empty, same placeholders`, () => {
        const fr = read('fr', file);
        const other = read(lang, file);
        expect(Object.keys(other).sort()).toEqual(Object.keys(fr).sort());
        for (const [key, text] of Object.entries(other)) {
          expect(text.trim(), `${lang}/${file} ${key}`).not.toBe('');
          const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
          expect(vars(text), `${lang}/${file} ${key}`).toEqual(vars(fr[key]!));
        }
      });
    }
  }
});
