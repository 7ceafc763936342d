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
  /**
   * What the call costs, put in words by the pages: `free` only for a number that costs
   * nothing at all (« appel gratuit »); `service-free` for a free service paid at the price
   * of a normal call (« service gratuit + prix d'un appel »), as the bodies print it.
   */
  cost?: 'free' | 'service-free';
  /** Official page address, shown as text the person can read out or type. */
  url?: string;
}

/**
 * Where a person who forgot the password of this site gets a new one: the site's own page
 * (its login page carries a « mot de passe oublié » link, or a page of help to log in).
 * Nothing here is filled in for her: the panel only opens the site's page in a new tab.
 */
export interface Recovery {
  url: string;
  /**
   * The password is not kept by this site but by the account chosen to log in through it
   * (FranceConnect): the panel says so.
   */
  elsewhere?: boolean;
}

export interface Site {
  id: SiteId;
  name: string;
  /** Registrable domains; a host matches when it equals one or ends with "." + one. */
  domains: readonly string[];
  help: readonly HelpContact[];
  /** The site's own way back in when the password is forgotten. */
  recovery?: Recovery;
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
    // The « aide à la connexion » page the login page links to (connect.caf.fr, see sites.md §1.1).
    recovery: {
      url: 'https://connect.caf.fr/connexionappli/dist/#/aideConnexion?isFromLoginPage=true&origine_demande=web',
    },
    help: [
      {
        label: 'Appeler la Caf',
        phone: '3230',
        hours: 'Du lundi au vendredi, de 9 h à 16 h 30.',
        cost: 'service-free',
        url: 'https://www.caf.fr/nous-contacter',
      },
      FRANCE_SERVICES,
    ],
  },
  {
    id: 'ameli',
    name: 'Assurance Maladie (ameli)',
    domains: ['ameli.fr'],
    // The official page on logging in to the compte ameli (sites.md §1.2).
    recovery: {
      url: 'https://www.ameli.fr/assure/remboursements/suivre-remboursements/se-connecter-compte-ameli',
    },
    help: [
      {
        label: 'Appeler l’Assurance Maladie',
        phone: '3646',
        hours: 'Du lundi au vendredi, de 8 h 30 à 17 h 30.',
        cost: 'service-free',
        url: 'https://www.ameli.fr/assure/adresses-et-contacts',
      },
      FRANCE_SERVICES,
    ],
  },
  {
    id: 'france-travail',
    name: 'France Travail',
    domains: ['francetravail.fr', 'pole-emploi.fr'],
    // The espace personnel sends to the login page, which carries the « oublié » link (§1.3).
    recovery: { url: 'https://candidat.francetravail.fr/espacepersonnel/' },
    help: [
      {
        label: 'Appeler France Travail',
        phone: '3949',
        hours: 'Du lundi au vendredi, de 8 h 30 à 16 h 30.',
        cost: 'service-free',
        url: 'https://www.francetravail.fr/contact',
      },
      FRANCE_SERVICES,
    ],
  },
  {
    id: 'impots',
    name: 'impots.gouv.fr',
    domains: ['impots.gouv.fr'],
    // The login page of the espace Finances publiques, with its « oublié » link (§1.4).
    recovery: { url: 'https://cfspart.impots.gouv.fr/LoginMDP?op=c' },
    help: [
      {
        label: 'Appeler les impôts',
        phone: '0 809 401 401',
        hours: 'Du lundi au vendredi, de 8 h 30 à 19 h.',
        cost: 'service-free',
        url: 'https://www.impots.gouv.fr/contacts',
      },
      FRANCE_SERVICES,
    ],
  },
  {
    id: 'franceconnect',
    name: 'FranceConnect',
    domains: ['franceconnect.gouv.fr'],
    // The password belongs to the account chosen in FranceConnect (impots, ameli, La Poste…).
    recovery: { url: 'https://franceconnect.gouv.fr/aide', elsewhere: true },
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
