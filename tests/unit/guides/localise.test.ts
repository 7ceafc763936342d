import { describe, expect, it } from 'vitest';
import { localiseGuide } from '../../../core/guides/localise';
import type { Guide } from '../../../core/guides/types';

const guide: Guide = {
  id: 'caf-essai',
  site: 'caf',
  title: 'Déclarer mes ressources',
  goal: 'Pour garder le RSA.',
  prepare: ['Votre numéro'],
  start: 'https://www.caf.fr/',
  source: 'https://www.caf.fr/',
  steps: [
    {
      id: 'ouvrir',
      title: 'Ouvrez',
      text: 'Cliquez.',
      action: 'click',
      callout: 'Ici',
      aidant: 'Laissez faire.',
    },
    { id: 'fin', title: 'Fini', text: 'C’est fait.', action: 'read' },
  ],
  i18n: {
    en: {
      title: 'Declare my income',
      prepare: ['Your number'],
      steps: { ouvrir: { text: 'Click.', aidant: 'Let them do it.' }, fin: { title: 'Done' } },
    },
  },
};

describe('localiseGuide', () => {
  it('applies the translation and keeps French where it is missing', () => {
    const en = localiseGuide(guide, 'en');
    expect(en.title).toBe('Declare my income');
    expect(en.goal).toBe('Pour garder le RSA.');
    expect(en.prepare).toEqual(['Your number']);
    expect(en.steps[0]).toEqual({
      id: 'ouvrir',
      title: 'Ouvrez',
      text: 'Click.',
      action: 'click',
      callout: 'Ici',
      aidant: 'Let them do it.',
    });
    expect(en.steps[1]).toEqual({ id: 'fin', title: 'Done', text: 'C’est fait.', action: 'read' });
  });

  it('falls back to the base language, and leaves the original untouched', () => {
    expect(localiseGuide(guide, 'en-GB').title).toBe('Declare my income');
    expect(guide.title).toBe('Déclarer mes ressources');
    expect(guide.steps[0]?.text).toBe('Cliquez.');
  });

  it('returns the French guide for French or an untranslated language', () => {
    expect(localiseGuide(guide, 'fr')).toBe(guide);
    expect(localiseGuide(guide, 'ar')).toBe(guide);
    const plain: Guide = { ...guide };
    delete plain.i18n;
    expect(localiseGuide(plain, 'en')).toBe(plain);
  });
});
