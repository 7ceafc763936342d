/**
 * Reads and checks the glossary files (`guides/glossary/*.yaml`). Pure: it takes the files'
 * text, never touches the file system, so the guides CLI, the build and the tests share it.
 * Every problem comes back as a Diagnostic pointing at the exact line and column, in plain
 * French, because the people who write the glossary are not all developers.
 */
import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import { z } from 'zod';
import type { Diagnostic } from '../guides/types';
import { checkYamlDepth, checkYamlSize, yamlToJS } from '../guides/yaml-source';
import { SITE_IDS } from '../sites/registry';
import { foldForm, startsWithWord } from './matcher';
import { applyGlossaryTranslations, glossaryLanguage } from './translations';
import type { GlossaryTerm } from './types';

/** A definition longer than this is no longer a tooltip. */
export const MAX_DEFINITION_WORDS = 30;
export const MAX_DEFINITION_SENTENCES = 2;

const KEYS = ['id', 'term', 'forms', 'acronyms', 'sites', 'definition', 'example', 'source'];

/**
 * Words too common to be marked on their own: they would light up half of every page.
 * An expression that contains them is fine (« revenu fiscal de référence »).
 */
const TOO_COMMON = new Set([
  'revenu',
  'revenus',
  'aide',
  'aides',
  'compte',
  'comptes',
  'code',
  'codes',
  'pas',
  'droit',
  'droits',
  'dossier',
  'demande',
  'document',
  'paiement',
  'date',
  'montant',
  'situation',
  'service',
  'services',
  'espace',
  'impot',
  'impots',
]);

const ID_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ACRONYM_RE = /^[A-Z0-9]*[A-Z][A-Z0-9]*$/;

const text = (what: string) =>
  z
    .string({ error: `${what} doit être un texte.` })
    .trim()
    .min(1, { error: `${what} est vide.` });

const termSchema = z.strictObject(
  {
    id: z.string({ error: 'L’identifiant (id) doit être un texte.' }).regex(ID_RE, {
      error:
        'L’identifiant (id) s’écrit en minuscules sans accent, avec des tirets (ex. : numero-allocataire).',
    }),
    term: text('Le terme (term)'),
    forms: z
      .array(text('Une forme'), { error: 'forms doit être une liste : [forme 1, forme 2].' })
      .default([]),
    acronyms: z
      .array(
        z.string({ error: 'Un sigle doit être un texte.' }).regex(ACRONYM_RE, {
          error:
            'Un sigle ne contient que des majuscules sans accent et des chiffres (ex. : RFR, C2S).',
        }),
        { error: 'acronyms doit être une liste : [SIGLE1, SIGLE2].' },
      )
      .default([]),
    sites: z
      .array(
        z.enum(SITE_IDS, {
          error: `Site inconnu. Sites possibles : ${SITE_IDS.join(', ')}.`,
        }),
        { error: `sites doit être une liste, par exemple [caf, ameli].` },
      )
      .min(1, { error: 'Indiquez au moins un site dans sites.' }),
    definition: text('La définition (definition)'),
    example: text('L’exemple (example)').optional(),
    source: z.string({ error: 'La source (source) doit être une adresse.' }).refine(isHttpsUrl, {
      error:
        'La source doit être une adresse complète en https (ex. : https://www.service-public.fr/…).',
    }),
  },
  { error: 'Chaque terme est une suite de clés : id, term, sites, definition, source…' },
);

function isHttpsUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === 'https:' && u.hostname.includes('.');
  } catch {
    return false;
  }
}

const YAML_MESSAGES: Record<string, string> = {
  BAD_INDENT: 'le retrait est incorrect : vérifiez les espaces en début de ligne',
  TAB_AS_INDENT: 'une tabulation sert de retrait : utilisez des espaces',
  DUPLICATE_KEY: 'la même clé est écrite deux fois dans ce terme',
  MISSING_CHAR: 'il manque un caractère (guillemet, crochet ou accolade fermant ?)',
  UNEXPECTED_TOKEN: 'caractère inattendu à cet endroit',
  MULTILINE_IMPLICIT_KEY: 'une clé doit tenir sur une ligne (oubli de « : » ou de guillemets ?)',
  BLOCK_AS_IMPLICIT_KEY: 'une clé doit tenir sur une ligne (oubli de « : » ou de guillemets ?)',
  BAD_DQ_ESCAPE: 'échappement invalide entre guillemets doubles',
  MULTIPLE_DOCS: 'un seul document par fichier (retirez « --- »)',
};

/** A place in a file: 1-based line and column. */
interface Place {
  line: number;
  col: number;
}

/** Who already claimed a folded form, to report the second claim. */
interface Claim {
  termId: string;
  text: string;
  acronym: boolean;
  where: string;
}

/** The French files, then their translations (`<file>.<lang>.yaml`, see translations.ts). */
export function checkGlossaryFiles(files: { path: string; text: string }[]): {
  terms: GlossaryTerm[];
  diagnostics: Diagnostic[];
} {
  const french = files.filter((f) => glossaryLanguage(f.path) === undefined);
  const result = checkTermFiles(french);
  const translated = files.filter((f) => glossaryLanguage(f.path) !== undefined);
  const more = applyGlossaryTranslations(translated, result.terms, checkDefinition);
  return { terms: result.terms, diagnostics: [...result.diagnostics, ...more] };
}

/** The French glossary files. */
export function checkTermFiles(files: { path: string; text: string }[]): {
  terms: GlossaryTerm[];
  diagnostics: Diagnostic[];
} {
  const terms: GlossaryTerm[] = [];
  const diagnostics: Diagnostic[] = [];
  const ids = new Map<string, string>();
  const claims = new Map<string, Claim>();

  for (const file of files) {
    const report = (place: Place, message: string): void => {
      diagnostics.push({ file: file.path, line: place.line, col: place.col, message });
    };
    // Same limits as guide files: a huge, too deep or alias-bomb file is one message.
    const limit = checkYamlSize(file.text) ?? checkYamlDepth(file.text);
    if (limit) {
      report(limit, limit.message);
      continue;
    }
    const lineCounter = new LineCounter();
    const doc = parseDocument(file.text, { lineCounter, prettyErrors: false });
    const at = (offset: number): Place => lineCounter.linePos(offset);

    if (doc.errors.length > 0) {
      for (const e of doc.errors) {
        const why = YAML_MESSAGES[e.code] ?? 'erreur de syntaxe';
        report(at(e.pos[0]), `YAML invalide : ${why} (${e.code}).`);
      }
      continue;
    }

    const root = doc.contents;
    if (root === null || (isScalar(root) && root.value === null)) {
      report({ line: 1, col: 1 }, 'Le fichier ne contient aucun terme.');
      continue;
    }
    const read = yamlToJS(doc, lineCounter);
    if (read.error) {
      report(read.error, read.error.message);
      continue;
    }
    const data = read.data;
    if (!Array.isArray(data)) {
      report(
        at(root.range?.[0] ?? 0),
        'Le fichier doit être une liste de termes : chaque terme commence par « - id: ».',
      );
      continue;
    }

    data.forEach((raw: unknown, index) => {
      const itemPlace = placeOf(doc, [index], at);
      const parsed = termSchema.safeParse(raw);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const path = [index, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
          if (issue.code === 'unrecognized_keys') {
            for (const key of issue.keys) {
              report(
                keyPlace(doc, [index], key, at) ?? itemPlace,
                `Clé inconnue « ${key} ». Clés possibles : ${KEYS.join(', ')}.`,
              );
            }
            continue;
          }
          const key = issue.path[0];
          if (
            issue.path.length === 1 &&
            typeof key === 'string' &&
            isRecord(raw) &&
            raw[key] === undefined
          ) {
            report(itemPlace, `Clé « ${key} » manquante.`);
            continue;
          }
          report(placeOf(doc, path, at), issue.message);
        }
        return;
      }
      const term = parsed.data as GlossaryTerm;
      if (term.example === undefined) delete term.example;

      const idWhere = `${file.path}:${itemPlace.line}`;
      const firstId = ids.get(term.id);
      if (firstId !== undefined) {
        report(
          placeOf(doc, [index, 'id'], at),
          `L’identifiant « ${term.id} » est déjà utilisé (${firstId}).`,
        );
        return;
      }
      ids.set(term.id, idWhere);

      checkDefinition(term.definition, placeOf(doc, [index, 'definition'], at), report);

      // Every matched text: the main term, the forms, the acronyms.
      const entries: { text: string; path: (string | number)[]; acronym: boolean }[] = [
        { text: term.term, path: [index, 'term'], acronym: false },
        ...term.forms.map((f, i) => ({ text: f, path: [index, 'forms', i], acronym: false })),
        ...term.acronyms.map((a, i) => ({ text: a, path: [index, 'acronyms', i], acronym: true })),
      ];
      for (const entry of entries) {
        const place = placeOf(doc, entry.path, at);
        const key = foldForm(entry.text);
        if (!entry.acronym) {
          if (!startsWithWord(entry.text.trim())) {
            report(place, `« ${entry.text} » doit commencer par une lettre ou un chiffre.`);
            continue;
          }
          if (TOO_COMMON.has(key)) {
            report(
              place,
              `« ${entry.text} » est un mot trop courant pour être marqué seul : choisissez une expression plus précise.`,
            );
            continue;
          }
          if (key.replace(/ /g, '').length <= 2) {
            report(
              place,
              `« ${entry.text} » est trop court pour être reconnu sans erreur : mettez-le dans acronyms, en majuscules.`,
            );
            continue;
          }
        }
        const prev = claims.get(key);
        if (prev === undefined) {
          claims.set(key, {
            termId: term.id,
            text: entry.text,
            acronym: entry.acronym,
            where: `${file.path}:${place.line}`,
          });
          continue;
        }
        if (prev.termId !== term.id) {
          report(
            place,
            `« ${entry.text} » est déjà une forme du terme « ${prev.termId} » (${prev.where}) : une forme ne peut appartenir qu’à un terme.`,
          );
        } else if (prev.acronym === entry.acronym) {
          report(
            place,
            `« ${entry.text} » répète « ${prev.text} » : les majuscules, les accents, les tirets et les apostrophes ne comptent pas.`,
          );
        }
        // A sigle and a form of the same term may share letters (RSA and « Rsa »): no problem.
      }
      terms.push(term);
    });
  }
  return { terms, diagnostics };
}

function checkDefinition(definition: string, place: Place, report: (p: Place, m: string) => void) {
  const words = definition.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  if (words > MAX_DEFINITION_WORDS) {
    report(
      place,
      `La définition a ${words} mots : ${MAX_DEFINITION_WORDS} au plus. Gardez l’essentiel, en mots simples.`,
    );
  }
  const ends = definition.match(/[.!?…]+(?=\s|$)/g)?.length ?? 0;
  const sentences = ends + (/[.!?…]\s*$/.test(definition) ? 0 : 1);
  if (sentences > MAX_DEFINITION_SENTENCES) {
    report(
      place,
      `La définition a ${sentences} phrases : ${MAX_DEFINITION_SENTENCES} au plus, courtes.`,
    );
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Where the value at `path` starts; falls back to its closest existing parent. */
function placeOf(doc: Document, path: (string | number)[], at: (o: number) => Place): Place {
  for (let n = path.length; n >= 0; n--) {
    const node: unknown = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    if (range) return at(range[0]);
  }
  return { line: 1, col: 1 };
}

/** Where key `key` of the map at `path` is written. */
function keyPlace(
  doc: Document,
  path: (string | number)[],
  key: string,
  at: (o: number) => Place,
): Place | undefined {
  const map: unknown = doc.getIn(path, true);
  if (!isMap(map)) return undefined;
  for (const pair of map.items) {
    if (isScalar(pair.key) && pair.key.value === key && pair.key.range) {
      return at(pair.key.range[0]);
    }
  }
  return undefined;
}
