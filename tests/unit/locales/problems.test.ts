import { describe, expect, it } from 'vitest';
import { IMPORT_PROBLEM_KEYS, NOTE_PROBLEM_KEYS } from '../../../components/problem-keys';
import { NOTE_PROBLEMS } from '../../../core/progress/guard';
import { IMPORT_PROBLEMS } from '../../../core/progress/import-problems';
import ar from '../../../locales/ar/panel.json';
import en from '../../../locales/en/panel.json';
import fr from '../../../locales/fr/panel.json';

const locales: Record<string, Record<string, string>> = { fr, en, ar };

describe('refusal texts (notes and imports) come from the locale files', () => {
  for (const [lang, texts] of Object.entries(locales)) {
    it(`${lang} explains every reason a note can be refused`, () => {
      for (const kind of NOTE_PROBLEMS) {
        const text = texts[NOTE_PROBLEM_KEYS[kind]];
        expect(text, `${lang} ${kind}`).toBeTruthy();
        expect(text!.length, `${lang} ${kind}`).toBeGreaterThan(20);
      }
      expect(texts[NOTE_PROBLEM_KEYS['too-long']]).toContain('{{max}}');
    });

    it(`${lang} explains every reason a file can be refused`, () => {
      for (const kind of IMPORT_PROBLEMS) {
        expect(texts[IMPORT_PROBLEM_KEYS[kind]], `${lang} ${kind}`).toBeTruthy();
      }
    });
  }

  it('says it in short French sentences, everyday words', () => {
    const keys = [...Object.values(NOTE_PROBLEM_KEYS), ...Object.values(IMPORT_PROBLEM_KEYS)];
    for (const key of [...keys, 'noteHint', 'noteNever']) {
      const message = (fr as Record<string, string>)[key] ?? '';
      for (const sentence of message.split(/(?<=\.)\s+/)) {
        expect(sentence.split(/\s+/).length, `${key}: ${sentence}`).toBeLessThanOrEqual(24);
      }
    }
    for (const key of Object.values(NOTE_PROBLEM_KEYS)) {
      const message = (fr as Record<string, string>)[key] ?? '';
      for (const sentence of message.split(/(?<=\.)\s+/)) {
        expect(sentence.split(/\s+/).length, `${key}: ${sentence}`).toBeLessThanOrEqual(16);
      }
    }
  });

  it('names what the note looks like, and where to keep it instead', () => {
    expect(fr.noteRefusedNir).toMatch(/sécurité sociale/);
    expect(fr.noteRefusedNir).toMatch(/carte Vitale/);
    expect(fr.noteRefusedPassword).toMatch(/code secret/);
    expect(fr.noteRefusedPassword).toMatch(/carnet bleu/);
  });
});
