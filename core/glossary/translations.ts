/**
 * Glossary translations: `guides/glossary/<file>.<lang>.yaml` next to the French file, one
 * block per term id, with only the words the person reads:
 *
 *   allocataire:
 *     fr: "1a2b3c4d"          # stamp of the French it was made from (tools/guides/stamp.ts)
 *     definition: A person who receives at least one benefit from the Caf.
 *     example: …              # optional
 *
 * The term itself stays in French (it is the word on the page). What is missing stays in
 * French, string by string. Pure: the files come in as text, like the French glossary.
 */
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import type { Diagnostic } from '../guides/types';
import { stampOf } from '../guides/stamp';
import { checkYamlDepth, checkYamlSize } from '../guides/yaml-source';
import { closest } from '../guides/suggest';
import type { GlossaryTerm, TermText } from './types';

/** `caf.en.yaml` → `en`; undefined for a French file. */
export function glossaryLanguage(path: string): string | undefined {
  return /\.([a-z]{2,3}(?:-[a-z0-9]{2,8})*)\.yaml$/i.exec(path)?.[1];
}

const textSchema = (what: string) =>
  z
    .string({ error: `${what} doit être un texte.` })
    .trim()
    .min(1, { error: `${what} est vide.` });

const entrySchema = z.strictObject(
  {
    fr: z
      .string({ error: '« fr » doit être un texte entre guillemets.' })
      .regex(/^[0-9a-f]{8}$/, {
        error: '« fr » est l’empreinte du français : 8 caractères 0-9 a-f.',
      })
      .optional(),
    definition: textSchema('La définition (definition)').optional(),
    example: textSchema('L’exemple (example)').optional(),
  },
  { error: 'Chaque terme traduit est un bloc : definition, example (facultatif), fr.' },
);

/** The stamp a term's translation must carry: its French definition and example. */
export function termStamp(term: Pick<GlossaryTerm, 'definition' | 'example'>): string {
  return stampOf([term.definition, term.example]);
}

/**
 * Reads the translation files and attaches them to the terms (`term.i18n[lang]`). Every
 * problem is a diagnostic; a wrong entry is left out and the French shows instead.
 */
export function applyGlossaryTranslations(
  files: readonly { path: string; text: string }[],
  terms: GlossaryTerm[],
  checkDefinition: (
    definition: string,
    place: { line: number; col: number },
    report: (p: { line: number; col: number }, m: string) => void,
  ) => void,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const byId = new Map(terms.map((t) => [t.id, t]));
  for (const file of files) {
    const lang = glossaryLanguage(file.path) ?? '';
    const lineCounter = new LineCounter();
    const at = (offset: number) => lineCounter.linePos(offset);
    const report = (p: { line: number; col: number }, message: string) =>
      diagnostics.push({ file: file.path, line: p.line, col: p.col, message });
    // Same limits as the French files: a huge, too deep or alias-bomb file is one message.
    const limit = checkYamlSize(file.text) ?? checkYamlDepth(file.text);
    if (limit) {
      report(limit, limit.message);
      continue;
    }
    const doc = parseDocument(file.text, { lineCounter, prettyErrors: false });
    if (lang === 'fr') {
      report(
        { line: 1, col: 1 },
        'Le français est dans le fichier sans langue : pas de fichier .fr.yaml.',
      );
      continue;
    }
    if (doc.errors.length) {
      for (const e of doc.errors) report(at(e.pos[0]), `YAML invalide (${e.code}).`);
      continue;
    }
    const root = doc.contents;
    if (root === null || (isScalar(root) && root.value === null)) continue;
    if (!isMap(root)) {
      report(
        at(root.range?.[0] ?? 0),
        'Une traduction du glossaire est un bloc par id de terme : « allocataire: ».',
      );
      continue;
    }
    for (const pair of root.items) {
      const keyNode = pair.key;
      const id = isScalar(keyNode) ? String(keyNode.value) : '';
      const place = at((isScalar(keyNode) ? keyNode.range?.[0] : undefined) ?? 0);
      const term = byId.get(id);
      if (!term) {
        const near = closest(id, [...byId.keys()]);
        report(
          place,
          `Aucun terme ne porte l’id « ${id} »${near ? ` (vouliez-vous dire « ${near} » ?)` : ''}.`,
        );
        continue;
      }
      const value: unknown = (pair.value as { toJSON?: () => unknown } | null)?.toJSON?.() ?? null;
      const parsed = entrySchema.safeParse(value);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const message =
            issue.code === 'unrecognized_keys'
              ? `Clé inconnue « ${issue.keys.join(', ')} ». Clés possibles : definition, example, fr.`
              : issue.message;
          report(place, `« ${id} » : ${message}`);
        }
        continue;
      }
      const entry = parsed.data;
      if (entry.definition) {
        const valueNode = pair.value as {
          get?: (k: string, keep: true) => { range?: number[] } | undefined;
        };
        const range = valueNode.get?.('definition', true)?.range;
        checkDefinition(entry.definition, range ? at(range[0] ?? 0) : place, report);
      }
      const text: TermText = {};
      if (entry.fr) text.fr = entry.fr;
      if (entry.definition) text.definition = entry.definition;
      if (entry.example) text.example = entry.example;
      (term.i18n ??= {})[lang] = text;
    }
  }
  return diagnostics;
}
