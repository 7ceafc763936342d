/**
 * What each step rests on (`evidence`): the report of verified and unverified steps, and the
 * rules on the pages cited. Official pages first; an old pole-emploi.fr page only when no
 * current page says it, and marked as such.
 */
import type { LoadedFile, UnitLayout } from '../compile';
import type { Step } from '../types';
import type { DataPath } from '../yaml-source';

/** The sites whose pages count as official for a guide's facts (subdomains included). */
export const OFFICIAL_DOMAINS = [
  'caf.fr',
  'ameli.fr',
  'francetravail.fr',
  'impots.gouv.fr',
  'service-public.gouv.fr',
  // The same site under its earlier name, still served.
  'service-public.fr',
  'franceconnect.gouv.fr',
] as const;

/** France Travail's former name: its pages are older than the current procedure. */
export const DATED_DOMAIN = 'pole-emploi.fr';

function onDomain(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

export function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
}

export function isOfficial(url: string): boolean {
  const host = hostOf(url);
  return host !== null && OFFICIAL_DOMAINS.some((d) => onDomain(host, d));
}

export function isDated(url: string): boolean {
  const host = hostOf(url);
  return host !== null && onDomain(host, DATED_DOMAIN);
}

const OFFICIAL_LIST = OFFICIAL_DOMAINS.filter((d) => d !== 'service-public.fr').join(', ');

export const PREFER_OFFICIAL = `préférez une page officielle (${OFFICIAL_LIST}) ; une autre page seulement quand aucune page officielle ne le dit`;

export const OLD_PAGE =
  'page ancienne : pole-emploi.fr est l’ancien site de France Travail. Citez une page de francetravail.fr';

export interface EvidenceProblem {
  file: LoadedFile;
  path: DataPath;
  message: string;
  error: boolean;
}

export interface StepEvidence {
  id: string;
  /** verified: url, quote and date; unverified: the reason; missing: no `evidence`. */
  status: 'verified' | 'unverified' | 'missing';
  url?: string;
  quote?: string;
  seen?: string;
  reason?: string;
}

export interface FileEvidence {
  file: string;
  id: string;
  kind: UnitLayout['kind'];
  /** The file's own steps (a guide's included parts are listed with the parts). */
  steps: StepEvidence[];
  /** Parts the guide includes. */
  includes: string[];
}

function statusOf(step: Step): StepEvidence {
  const e = step.evidence;
  if (!e) return { id: step.id, status: 'missing' };
  if ('unverified' in e) return { id: step.id, status: 'unverified', reason: e.unverified };
  return { id: step.id, status: 'verified', url: e.url, quote: e.quote, seen: e.seen };
}

/** `today` as AAAA-MM-JJ: a `seen` after it is refused (the date of a copy is in the past). */
export function checkEvidence(
  units: readonly UnitLayout[],
  today: string,
): { problems: EvidenceProblem[]; report: FileEvidence[] } {
  const problems: EvidenceProblem[] = [];
  const report: FileEvidence[] = [];
  for (const unit of units) {
    const { file, data } = unit;
    const own = unit.steps.filter((p) => !p.via);
    const includes = [
      ...new Set(unit.steps.flatMap((p) => (p.via ? [p.step.id.split('.')[0] ?? ''] : []))),
    ];
    report.push({
      file: file.path,
      id: data.id,
      kind: unit.kind,
      steps: own.map((p) => statusOf(p.step)),
      includes,
    });

    if (unit.kind === 'guide' && 'source' in data) {
      const dated = 'source_dated' in data && data.source_dated === true;
      if (isDated(data.source)) {
        if (!dated) {
          problems.push({
            file,
            path: ['source'],
            error: false,
            message: `${OLD_PAGE}, ou, s’il n’y en a pas, marquez-la : source_dated: true`,
          });
        }
      } else if (!isOfficial(data.source)) {
        problems.push({
          file,
          path: ['source'],
          error: false,
          message: `« source » n’est pas une page officielle : ${PREFER_OFFICIAL}`,
        });
      }
    }

    for (const p of own) {
      const e = p.step.evidence;
      if (!e) {
        problems.push({
          file,
          path: p.path,
          error: false,
          message:
            'l’étape n’a pas de « evidence » : citez la page qui montre ces mots ({ url, quote, seen }), ou dites pourquoi ce n’est pas vérifié ({ unverified: … })',
        });
        continue;
      }
      if ('unverified' in e) continue;
      const at = [...p.path, 'evidence'];
      if (e.seen.trim() > today) {
        problems.push({
          file,
          path: [...at, 'seen'],
          error: true,
          message: `« seen » (${e.seen}) est après aujourd’hui (${today}) : donnez la date imprimée sur la page ou celle de sa copie`,
        });
      }
      if (isDated(e.url)) {
        problems.push({ file, path: [...at, 'url'], error: false, message: OLD_PAGE });
      } else if (!isOfficial(e.url)) {
        problems.push({
          file,
          path: [...at, 'url'],
          error: false,
          message: `page non officielle : ${PREFER_OFFICIAL}`,
        });
      }
    }
  }
  return { problems, report };
}
