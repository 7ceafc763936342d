import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import frPanel from '../locales/fr/panel.json';
import enPanel from '../locales/en/panel.json';
import arPanel from '../locales/ar/panel.json';
import frAuthoring from '../locales/fr/authoring.json';
import enAuthoring from '../locales/en/authoring.json';
import arAuthoring from '../locales/ar/authoring.json';

import type { Language } from '../core/guides/model';

export const resources = {
  fr: { panel: frPanel, authoring: frAuthoring },
  en: { panel: enPanel, authoring: enAuthoring },
  ar: { panel: arPanel, authoring: arAuthoring },
};

/** One i18next instance per extension page; French is the default and the fallback. */
export function createI18n(lang: Language = 'fr'): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng: lang,
    fallbackLng: 'fr',
    defaultNS: 'panel',
    ns: ['panel', 'authoring'],
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance;
}

export function directionOf(lang: string): 'rtl' | 'ltr' {
  return lang === 'ar' ? 'rtl' : 'ltr';
}
