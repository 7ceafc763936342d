/**
 * A recorded procedure turned into a draft guide file. The recorder keeps, for each click and
 * each field the author moved through, only what a guide needs: the locator, the words a
 * person reads on it (a field's label, never its value) and the page's address as a pattern.
 * The draft passes the guide checks as it stands; the author then rewrites its words.
 */
import type { Condition, Locator } from '../guides/model';
import type { SiteId } from '../sites/registry';
import { locatorYaml, yamlScalar } from './locator';
import type { Recording } from './types';

export type { RecordedAction, Recording } from './types';

/** How many actions one recording keeps (a guide has at most a few dozen steps). */
export const MAX_ACTIONS = 60;

interface DraftStep {
  id: string;
  title: string;
  text: string;
  action: 'click' | 'fill' | 'read';
  evidence: { unverified: string };
  on: Condition;
  target?: Locator[];
  done?: Condition;
}

function quoteName(name: string): string {
  return name ? `« ${name} »` : 'ici';
}

/** The draft's steps: one per action, then a last one on the page where it ended. */
export function draftSteps(rec: Recording, day: string): DraftStep[] {
  const unverified = `brouillon enregistré le ${day} : mots à réécrire et à vérifier sur une page publique`;
  const steps: DraftStep[] = rec.actions.map((a, i) => {
    const next = rec.actions[i + 1];
    const after = next?.page ?? rec.lastPage;
    let done: Condition | undefined;
    // What happened next: a new address, or (same page) an element that came with the click.
    if (after !== a.page) done = { url: [after] };
    else if (a.kind === 'click' && next?.appeared && next.target[0])
      done = { present: [next.target[0]] };
    return {
      id: `etape-${i + 1}`,
      title:
        a.kind === 'click' ? `Cliquez sur ${quoteName(a.name)}` : `Remplissez ${quoteName(a.name)}`,
      text: 'À réécrire en mots simples : une idée par phrase.',
      action: a.kind,
      evidence: { unverified },
      on: { url: [a.page] },
      target: a.target,
      ...(done ? { done } : {}),
    };
  });
  steps.push({
    id: 'fin',
    title: 'C’est terminé',
    text: 'À réécrire : ce que la personne voit quand la démarche est finie.',
    action: 'read',
    evidence: { unverified },
    on: { url: [rec.lastPage] },
  });
  return steps;
}

/** A file id from the site: `brouillon-caf`. */
export function draftId(site: SiteId): string {
  return `brouillon-${site}`;
}

/** The address to open first: the first page's pattern up to its first `*`. */
function startAddress(page: string): string {
  return `https://${page.split('*')[0]!}`;
}

function flow(v: unknown): string {
  if (typeof v === 'string') return yamlScalar(v);
  if (Array.isArray(v)) return `[${v.map(flow).join(', ')}]`;
  if (v && typeof v === 'object') {
    return `{ ${Object.entries(v)
      .map(([k, x]) => `${k}: ${flow(x)}`)
      .join(', ')} }`;
  }
  return String(v);
}

/** The draft guide file (YAML, in the repository's style), to save as `<site>/<id>.yaml`. */
export function draftYaml(rec: Recording, now: Date = new Date()): string {
  const day = now.toISOString().slice(0, 10);
  const start = startAddress(rec.startPage);
  const lines = [
    `# Brouillon enregistré par Pas à pas le ${day}.`,
    '# À faire : réécrire les titres et les textes en mots simples, remplacer « source » par la',
    '# page officielle de la démarche, et donner une preuve (evidence) à chaque étape.',
    `# Enregistrez ce fichier sous guides/${rec.site}/${draftId(rec.site)}.yaml (ou changez l’id).`,
    `id: ${draftId(rec.site)}`,
    `site: ${rec.site}`,
    'title: Titre de la démarche, à écrire',
    'goal: À quoi sert la démarche, en une phrase.',
    `source: ${yamlScalar(start)}`,
    `start: ${yamlScalar(start)}`,
    'prepare: []',
    'steps:',
  ];
  for (const s of draftSteps(rec, day)) {
    lines.push(`  - id: ${s.id}`);
    lines.push(`    title: ${yamlScalar(s.title)}`);
    lines.push(`    text: ${yamlScalar(s.text)}`);
    lines.push(`    action: ${s.action}`);
    lines.push(`    evidence: ${flow(s.evidence)}`);
    lines.push(`    on: ${flow(s.on)}`);
    if (s.target) lines.push(`    target: [${s.target.map(locatorYaml).join(', ')}]`);
    if (s.done) lines.push(`    done: ${flow(s.done)}`);
  }
  return `${lines.join('\n')}\n`;
}
