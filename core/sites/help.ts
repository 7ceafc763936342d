/**
 * Help for each site, shown only in extension pages (panel, memo): the public phone lines of
 * each body, as printed on their contact pages, and the site's own way back in when the
 * password is forgotten. Kept out of registry.ts so the page script does not carry it.
 */
import type { SiteId } from './registry';

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

export interface SiteHelp {
  help: readonly HelpContact[];
  /** The site's own way back in when the password is forgotten. */
  recovery?: Recovery;
}

const FRANCE_SERVICES: HelpContact = {
  label: 'Un agent France services peut vous aider, près de chez vous, gratuitement.',
  url: 'https://www.france-services.gouv.fr',
};

export const SITE_HELP: Readonly<Record<SiteId, SiteHelp>> = {
  caf: {
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
  ameli: {
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
  'france-travail': {
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
  impots: {
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
  franceconnect: {
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
};
