/**
 * The sites Pas à pas knows. Host suffixes cover the site itself and all of its sub-hosts
 * (caf.fr covers www.caf.fr, wwwd.caf.fr and connect.caf.fr).
 *
 * Help contacts are the public phone lines of each body, as printed on their contact pages.
 */
/** The one list of site ids: guides, messages, progress records and pages all take it from here. */
export const SITE_IDS = ['caf', 'ameli', 'france-travail', 'impots', 'franceconnect'] as const;
export type SiteId = (typeof SITE_IDS)[number];

export interface HelpContact {
  /** What the line is, in plain words. */
  label: string;
  phone?: string;
  hours?: string;
  /** Official page address, shown as text the person can read out or type. */
  url?: string;
}

export interface Site {
  id: SiteId;
  name: string;
  /** Registrable domains; a host matches when it equals one or ends with "." + one. */
  domains: readonly string[];
  help: readonly HelpContact[];
}

const FRANCE_SERVICES: HelpContact = {
  label: 'Un agent France services peut vous aider, près de chez vous, gratuitement.',
  url: 'https://www.france-services.gouv.fr',
};

export const SITES: readonly Site[] = [
  {
    id: 'caf',
    name: 'Caf',
    domains: ['caf.fr'],
    help: [
      {
        label: 'Appeler la Caf',
        phone: '3230',
        hours: 'Du lundi au vendredi, de 9 h à 16 h 30. Service gratuit, prix d’un appel.',
        url: 'https://www.caf.fr/nous-contacter',
      },
      FRANCE_SERVICES,
    ],
  },
  {
    id: 'ameli',
    name: 'Assurance Maladie (ameli)',
    domains: ['ameli.fr'],
    help: [
      {
        label: 'Appeler l’Assurance Maladie',
        phone: '3646',
        hours: 'Du lundi au vendredi, de 8 h 30 à 17 h 30. Service gratuit, prix d’un appel.',
        url: 'https://www.ameli.fr/assure/adresses-et-contacts',
      },
      FRANCE_SERVICES,
    ],
  },
  {
    id: 'france-travail',
    name: 'France Travail',
    domains: ['francetravail.fr', 'pole-emploi.fr'],
    help: [
      {
        label: 'Appeler France Travail',
        phone: '3949',
        hours: 'Du lundi au vendredi, de 8 h 30 à 16 h 30. Service gratuit, prix d’un appel.',
        url: 'https://www.francetravail.fr/contact',
      },
      FRANCE_SERVICES,
    ],
  },
  {
    id: 'impots',
    name: 'impots.gouv.fr',
    domains: ['impots.gouv.fr'],
    help: [
      {
        label: 'Appeler les impôts',
        phone: '0 809 401 401',
        hours: 'Du lundi au vendredi, de 8 h 30 à 19 h. Appel non surtaxé.',
        url: 'https://www.impots.gouv.fr/contacts',
      },
      FRANCE_SERVICES,
    ],
  },
  {
    id: 'franceconnect',
    name: 'FranceConnect',
    domains: ['franceconnect.gouv.fr'],
    help: [
      {
        label: 'Aide FranceConnect : questions fréquentes',
        url: 'https://franceconnect.gouv.fr/aide',
      },
      FRANCE_SERVICES,
    ],
  },
];

export function getSite(id: string): Site | undefined {
  return SITES.find((s) => s.id === id);
}

/** Manifest match patterns for every site (https only: all of them are served over TLS). */
export function siteMatchPatterns(): string[] {
  return SITES.flatMap((s) => s.domains.map((d) => `https://*.${d}/*`));
}

/** Match patterns of the local practice pages, only in development and test builds. */
export const PRACTICE_MATCH_PATTERNS = ['http://localhost/*', 'http://127.0.0.1/*'];
