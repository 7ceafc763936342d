import { loadGuides, type LoadResult } from '../../../core/guides/load';
import { formatDiagnostic } from '../../../core/guides/types';

/** File text from lines, so that tests can count lines and columns by eye. */
export function yaml(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}

export const GUIDE_PATH = 'guides/caf/caf-essai.yaml';

/** A valid two-step guide (lines 1–17), or with some lines replaced (1-based line number). */
export function guideLines(replace: Record<number, string | string[]> = {}): string {
  const base = [
    'id: caf-essai', //                                    1
    'site: caf', //                                        2
    'title: Déclarer mes ressources', //                   3
    'goal: Pour continuer à recevoir le RSA.', //          4
    'source: https://www.caf.fr/allocataires', //          5
    'start: https://www.caf.fr/', //                       6
    'steps:', //                                           7
    '  - id: ouvrir', //                                   8
    '    title: Ouvrez Mon Compte', //                     9
    '    text: Cliquez sur le bouton Mon Compte.', //      10
    '    on: { url: www.caf.fr/ }', //                     11
    '    target: { role: link, name: Mon Compte }', //     12
    '    done: { url: "connect.caf.fr/*" }', //            13
    '  - id: fin', //                                      14
    '    title: C’est fini', //                            15
    '    text: Votre déclaration est envoyée.', //         16
    '    on: { url: "wwwd.caf.fr/fin*" }', //              17
  ];
  const out: string[] = [];
  base.forEach((line, i) => {
    const r = replace[i + 1];
    if (r === undefined) out.push(line);
    else out.push(...(Array.isArray(r) ? r : [r]));
  });
  return yaml(...out);
}

export function load(files: Record<string, string>): LoadResult {
  return loadGuides(Object.entries(files).map(([path, text]) => ({ path, text })));
}

/** The diagnostics as printed by the CLI. */
export function problems(files: Record<string, string>): string[] {
  return load(files).diagnostics.map(formatDiagnostic);
}
