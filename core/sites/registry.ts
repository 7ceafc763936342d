/**
 * The sites Pas à pas knows. Host suffixes cover the site itself and all of its sub-hosts
 * (caf.fr covers www.caf.fr, wwwd.caf.fr and connect.caf.fr).

 * What the panel offers when help is needed (phone lines, password recovery) is in help.ts,
 * kept apart so the page script does not carry it.
 */
/** The one list of site ids: guides, messages, progress records and pages all take it from here. */
export const SITE_IDS = ['caf', 'ameli', 'france-travail', 'impots', 'franceconnect'] as const;
export type SiteId = (typeof SITE_IDS)[number];

export interface Site {
  id: SiteId;
  name: string;
  /** Registrable domains; a host matches when it equals one or ends with "." + one. */
  domains: readonly string[];
}

export const SITES: readonly Site[] = [
  {
    id: 'caf',
    name: 'Caf',
    domains: ['caf.fr'],
  },
  {
    id: 'ameli',
    name: 'Assurance Maladie (ameli)',
    domains: ['ameli.fr'],
  },
  {
    id: 'france-travail',
    name: 'France Travail',
    domains: ['francetravail.fr', 'pole-emploi.fr'],
  },
  {
    id: 'impots',
    name: 'impots.gouv.fr',
    domains: ['impots.gouv.fr'],
  },
  {
    id: 'franceconnect',
    name: 'FranceConnect',
    domains: ['franceconnect.gouv.fr'],
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
