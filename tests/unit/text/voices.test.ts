import { describe, expect, it } from 'vitest';
import { voiceFor } from '../../../core/text/voices';

const voices = [
  { lang: 'en-US', name: 'US' },
  { lang: 'en_GB', name: 'GB' },
  { lang: 'fr-CA', name: 'Québec' },
  { lang: 'fr-FR', name: 'France' },
];

describe('voiceFor', () => {
  it('takes the preferred region first, then any voice of the language', () => {
    expect(voiceFor(voices, 'fr')?.name).toBe('France');
    expect(voiceFor(voices, 'en')?.name).toBe('GB');
    expect(voiceFor(voices, 'fr-CA')?.name).toBe('Québec');
    expect(voiceFor(voices.slice(0, 1), 'en')?.name).toBe('US');
  });

  it('gives none rather than a voice of another language', () => {
    expect(voiceFor(voices, 'ar')).toBeUndefined();
    expect(voiceFor([], 'fr')).toBeUndefined();
  });
});
