/**
 * Schemas of the guide files (build time and CLI only). Messages are written for guide authors,
 * in French. The loader (load.ts) adds the position and the `step "id":` prefix.
 */
import { z } from 'zod';
import { SITE_IDS, SITES } from '../sites/registry';
import { siteForHost } from '../sites/recognise';
import { ANSWER_ROLES, ARIA_ROLES } from '../locate/roles';
import { STEP_ACTIONS, type Locator, type TextMatch } from './model';
import { checkUrlPattern, looksLikeRegex, urlPatternHost } from './url-pattern';
import { MAX_ID_LENGTH, MAX_STEPS } from './limits';
import { closest } from './suggest';

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A step id as referenced by `next`: included steps are `<part id>.<step id>`. */
const STEP_REF = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)*$/;

const LOCATOR_KINDS = ['role', 'label', 'text', 'placeholder', 'css'] as const;

/** WAI-ARIA 1.2 roles: a misspelt role would otherwise silently never match. */
export { ARIA_ROLES };

/** Issue parameter: the problem is the key itself, so point at the key rather than its value. */
export const AT_KEY = { atKey: true } as const;

/** Lower case, no accents: how a French word is looked up below. */
function plain(word: string): string {
  return word
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();
}

/**
 * French words an author may write for a key, a role or an action, and the English word the
 * format uses. Looked up without accents or capitals.
 */
const FRENCH_WORDS: Record<string, string> = {
  titre: 'title',
  texte: 'text',
  cible: 'target',
  fini: 'done',
  finie: 'done',
  fin: 'done',
  termine: 'done',
  quand: 'done',
  etapes: 'steps',
  etape: 'steps',
  objectif: 'goal',
  but: 'goal',
  duree: 'duration',
  debut: 'start',
  depart: 'start',
  preparer: 'prepare',
  preparation: 'prepare',
  sur: 'on',
  ou: 'on',
  page: 'on',
  suivant: 'next',
  suivante: 'next',
  ensuite: 'next',
  facultatif: 'optional',
  facultative: 'optional',
  optionnel: 'optional',
  envoyer: 'submit',
  valider: 'submit',
  preuve: 'evidence',
  preuves: 'evidence',
  role: 'role',
  nom: 'name',
  etiquette: 'label',
  libelle: 'label',
  motif: 'pattern',
  adresse: 'url',
  cliquer: 'click',
  cliquez: 'click',
  remplir: 'fill',
  saisir: 'fill',
  taper: 'fill',
  choisir: 'choose',
  cocher: 'choose',
  lire: 'read',
  lecture: 'read',
  present: 'present',
  absente: 'absent',
  partie: 'part',
  inclure: 'include',
  vrai: 'true',
  faux: 'false',
  oui: 'true',
  non: 'false',
};

/** French names of roles (a role is a value, and sometimes written as a key). */
const FRENCH_ROLES: Record<string, string> = {
  lien: 'link',
  bouton: 'button',
  'bouton radio': 'radio',
  case: 'checkbox',
  'case a cocher': 'checkbox',
  champ: 'textbox',
  'zone de texte': 'textbox',
  groupe: 'group',
  liste: 'listbox',
  onglet: 'tab',
  titre: 'heading',
  image: 'img',
};

/** The English word for a French one, when it is among `allowed`. */
export function englishFor(word: string, allowed: readonly string[]): string | null {
  const key = plain(word);
  for (const english of [FRENCH_WORDS[key], FRENCH_ROLES[key]]) {
    if (english !== undefined && english !== word && allowed.includes(english)) return english;
  }
  return null;
}

/** Role names that authors write as keys (`lien: Mon Compte`). */
const ROLE_WORDS = ['link', 'button', 'checkbox', 'textbox', 'group', 'listbox', 'tab'];

export function unknownKeyMessage(key: string, known: readonly string[]): string {
  const english = englishFor(key, known);
  if (english) return `clé inconnue « ${key} » : les clés sont en anglais, écrivez « ${english} »`;
  const role = englishFor(key, ROLE_WORDS);
  if (role && known.includes('target')) {
    return `clé inconnue « ${key} » : un ${key} se désigne par son rôle, en anglais : target: { role: ${role}, name: … }`;
  }
  const near = closest(key, known);
  return near
    ? `clé inconnue « ${key} » (vouliez-vous dire « ${near} » ?)`
    : `clé inconnue « ${key} » (clés possibles : ${known.join(', ')})`;
}

/**
 * An object that refuses unknown keys. Zod reports them in one issue: the message has one line
 * per key, in the order of `issue.keys`, so the loader can point at each key.
 */
function strict<S extends z.ZodRawShape>(shape: S) {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (iss) =>
      iss.code === 'unrecognized_keys'
        ? iss.keys.map((k) => unknownKeyMessage(k, known)).join('\n')
        : undefined,
  });
}

/** A non-empty text. */
function text(key: string, description: string) {
  return z
    .string()
    .refine((s) => s.trim() !== '', `« ${key} » est vide`)
    .describe(description);
}

/** For editors (JSON Schema): the `/…/` form is underlined as soon as it is typed. */
const NOT_A_REGEX = { pattern: '^/[\\s\\S]+/[a-z]*$' };

/**
 * Plain text matched whole after normalising. `/regex/flags` is refused: it would run on page
 * text in the page itself, and a careless one can freeze the tab; a list of locators says
 * « one of these texts » instead, `{ start }` and `{ pattern }` what changes from page to
 * page. (The locator engine compares such a text as written.)
 */
function plainText(key: string, description: string) {
  return z
    .string()
    .superRefine((s, ctx) => {
      if (s.trim() === '') ctx.addIssue({ code: 'custom', message: `« ${key} » est vide` });
      else if (looksLikeRegex(s)) {
        ctx.addIssue({
          code: 'custom',
          message: `les expressions régulières ne sont pas acceptées (« ${s} ») : écrivez le texte entier, tel qu’il s’affiche ; pour plusieurs textes possibles, faites une liste (ex. [{ role: button, name: Valider }, { role: button, name: Envoyer }]) ; pour un texte qui change, { start: … } ou { pattern: … }`,
        });
      }
    })
    .meta({ description, not: NOT_A_REGEX });
}

const pattern = z
  .string()
  .superRefine((p, ctx) => {
    if (looksLikeRegex(p)) {
      ctx.addIssue({
        code: 'custom',
        message: `les expressions régulières ne sont pas acceptées (« ${p} ») : dans un motif, seul « * » est spécial`,
      });
    } else if (!p.includes('*')) {
      ctx.addIssue({
        code: 'custom',
        message: `le motif « ${p} » n’a pas de « * » : écrivez le texte seul, sans « pattern »`,
      });
    } else if (p.replace(/[*\s]/g, '') === '') {
      ctx.addIssue({ code: 'custom', message: `le motif « ${p} » n’a aucun mot` });
    }
  })
  .meta({
    description:
      'Motif du texte entier : * remplace n’importe quelle suite de caractères (ex. Avis d’impôt * sur les revenus de *)',
    not: NOT_A_REGEX,
  });

/** `{ start }` or `{ pattern }`, one of the two. */
const startOrPattern = strict({
  start: plainText('start', 'Début du texte affiché (ex. Continuer sur)').optional(),
  pattern: pattern.optional(),
})
  // Only once the keys are known: an unknown key already says what is wrong.
  .refine((v) => v.start !== undefined || v.pattern !== undefined, {
    error: 'il faut « start » ou « pattern »',
    when: (payload) => payload.issues.length === 0,
  })
  .refine((v) => v.start === undefined || v.pattern === undefined, {
    error: '« start » ou « pattern », pas les deux',
    path: ['pattern'],
    params: AT_KEY,
  })
  .transform((v): TextMatch =>
    v.start !== undefined ? { start: v.start } : { pattern: v.pattern ?? '' },
  )
  .meta({
    id: 'text-start-or-pattern',
    // One key or the other, for editors.
    minProperties: 1,
    maxProperties: 1,
    description:
      '{ start: … } : le texte commence par ces mots ; { pattern: … } : le texte entier, * pour ce qui change',
  });

/** A text to find: the whole text, `{ start }` or `{ pattern }`. */
function textMatch(key: string, description: string) {
  return z.union([plainText(key, description), startOrPattern]).describe(description);
}

const ariaRole = z
  .enum(ARIA_ROLES, {
    error: (iss) => {
      if (iss.code !== 'invalid_value') return undefined;
      const english = englishFor(String(iss.input), ARIA_ROLES);
      if (english) {
        return `rôle inconnu « ${String(iss.input)} » : les rôles sont en anglais, écrivez « ${english} »`;
      }
      const near = closest(String(iss.input), ARIA_ROLES);
      return `rôle inconnu « ${String(iss.input)} »${near ? ` (vouliez-vous dire « ${near} » ?)` : ''}`;
    },
  })
  .meta({
    // An id puts it once in the JSON Schema's $defs instead of inline at every locator.
    id: 'aria-role',
    description: 'Rôle ARIA de l’élément : button, link, textbox, radio, checkbox, combobox…',
  });

/** The one kind of locator the checks above let through, as the model writes it. */
function toLocator(v: {
  role?: string | string[];
  name?: TextMatch;
  label?: TextMatch;
  text?: TextMatch;
  placeholder?: TextMatch;
  css?: string;
}): Locator {
  if (v.role !== undefined)
    return v.name !== undefined ? { role: v.role, name: v.name } : { role: v.role };
  if (v.label !== undefined) return { label: v.label };
  if (v.text !== undefined) return { text: v.text };
  if (v.placeholder !== undefined) return { placeholder: v.placeholder };
  return { css: v.css ?? '' };
}

/** A CSS selector that plainly picks a radio button, a box or an option (`:has(…)` aside). */
const ANSWER_CSS =
  /\[\s*type\s*=\s*["']?(?:radio|checkbox)\b|\[\s*role\s*=\s*["']?(?:radio|checkbox|option)\b|(?:^|[\s>+~,(])option\b/i;

function withoutHas(selector: string): string {
  // Drops each `:has(…)` with its brackets (nested ones included): what is inside only
  // narrows which element is picked.
  let out = '';
  for (let i = 0; i < selector.length; i++) {
    if (selector.startsWith(':has(', i)) {
      let depth = 0;
      for (i += 4; i < selector.length; i++) {
        if (selector[i] === '(') depth++;
        else if (selector[i] === ')' && --depth === 0) break;
      }
      continue;
    }
    out += selector[i];
  }
  return out;
}

/** Why this target rings one answer of a question, or null. */
export function answerTarget(v: {
  role?: string | readonly string[];
  css?: string;
}): string | null {
  const role = [v.role ?? []].flat().find((r) => ANSWER_ROLES.includes(r));
  if (role) return `role: ${role}`;
  if (v.css !== undefined && ANSWER_CSS.test(withoutHas(v.css))) return `css: ${v.css}`;
  return null;
}

export function answerTargetMessage(what: string): string {
  return `la cible est une réponse (${what}) : c’est la personne qui choisit. Entourez la question entière par sa légende, { role: group, name: <la question> } ou { role: radiogroup, name: <la question> }, et dites dans « text » comment choisir`;
}

/** One locator; `what` names it in messages (« la cible », « le bouton submit »…). */
function locator(key: string, what: string) {
  return strict({
    role: z
      .union([ariaRole, z.array(ariaRole).min(1, 'la liste « role » est vide')])
      .optional()
      .describe('Rôle de l’élément, ou liste de rôles possibles : [button, link]'),
    name: textMatch(
      'name',
      'Nom de l’élément tel qu’on le lit (texte, étiquette, aria-label), avec role',
    ).optional(),
    label: textMatch('label', 'Étiquette d’un champ de formulaire').optional(),
    text: textMatch('text', 'Texte entier de l’élément').optional(),
    placeholder: textMatch('placeholder', 'Texte d’exemple affiché dans un champ vide').optional(),
    css: text('css', 'Sélecteur CSS : en dernier recours').optional(),
  })
    .superRefine((v, ctx) => {
      const kinds = LOCATOR_KINDS.filter((k) => v[k] !== undefined);
      const list = 'role, label, text, placeholder ou css';
      if (kinds.length === 0) {
        ctx.addIssue({ code: 'custom', message: `${what} doit avoir ${list}` });
        return;
      }
      if (kinds.length > 1) {
        ctx.addIssue({
          code: 'custom',
          path: [kinds[1] ?? ''],
          params: AT_KEY,
          message: `${what} doit avoir une seule clé parmi ${list} (ici : ${kinds.join(', ')}) ; pour plusieurs possibilités, faites une liste`,
        });
      }
      if (v.name !== undefined && v.role === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['name'],
          params: AT_KEY,
          message: '« name » va avec « role »',
        });
      }
      const answer = key === 'target' ? answerTarget(v) : null;
      if (answer) {
        ctx.addIssue({
          code: 'custom',
          path: [v.role !== undefined ? 'role' : 'css'],
          message: answerTargetMessage(answer),
        });
      }
    })
    .transform(toLocator)
    .meta({
      id: `locator-${key}`,
      description:
        'Élément de la page : { role, name }, { label }, { text }, { placeholder } ou { css }',
    });
}

/** A single value or a list; the compiled guide always has a list. */
function oneOrMany<T extends z.ZodType>(item: T, key: string) {
  return z
    .union([item, z.array(item).min(1, `la liste « ${key} » est vide`)])
    .transform((v): z.output<T>[] => (Array.isArray(v) ? v : [v]));
}

const urlPattern = z
  .string()
  .superRefine((p, ctx) => {
    const err = checkUrlPattern(p);
    if (err) {
      ctx.addIssue({ code: 'custom', message: err });
      return;
    }
    const host = urlPatternHost(p);
    if (host !== null && !siteForHost(host)) {
      const known = SITES.flatMap((s) => s.domains).join(', ');
      ctx.addIssue({
        code: 'custom',
        message: `« ${host} » n’est pas un site connu (sites : ${known})`,
      });
    }
  })
  .meta({
    id: 'url-pattern',
    description:
      'Adresse sans https:// : www.caf.fr/mon-compte* ; * remplace n’importe quelle suite (pas d’expression régulière)',
    not: NOT_A_REGEX,
  });

// One instance each: the JSON Schema refers to them by id.
const presentLocator = locator('present', 'l’élément « present »');
const absentLocator = locator('absent', 'l’élément « absent »');
const targetLocator = locator('target', 'la cible');
const submitLocator = locator('submit', 'le bouton « submit »');

function condition(key: 'on' | 'done') {
  return strict({
    url: oneOrMany(urlPattern, 'url')
      .optional()
      .describe('Motif d’adresse, ou liste de motifs (un seul doit correspondre)'),
    present: oneOrMany(presentLocator, 'present')
      .optional()
      .describe('Élément(s) qui doivent être visibles sur la page'),
    absent: oneOrMany(absentLocator, 'absent')
      .optional()
      .describe('Élément(s) qui ne doivent pas être visibles'),
  })
    .refine(
      (c) => c.url !== undefined || c.present !== undefined || c.absent !== undefined,
      `« ${key} » doit avoir url, present ou absent`,
    )
    .meta({ id: `condition-${key}` });
}

function httpsUrl(key: string, onSite: boolean) {
  return z.string().superRefine((s, ctx) => {
    let url: URL;
    try {
      url = new URL(s);
    } catch {
      ctx.addIssue({
        code: 'custom',
        message: `« ${key} » doit être une adresse complète (https://…)`,
      });
      return;
    }
    if (url.protocol !== 'https:') {
      ctx.addIssue({ code: 'custom', message: `« ${key} » doit commencer par https://` });
    } else if (onSite && !siteForHost(url.hostname)) {
      ctx.addIssue({
        code: 'custom',
        message: `« ${key} » doit être sur un site connu (${url.hostname} ne l’est pas)`,
      });
    }
  });
}

/** `AAAA-MM-JJ`, or `AAAA-MM` when the page gives only the month; a real date. */
const seenDate = z
  .string()
  .superRefine((s, ctx) => {
    const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(s.trim());
    const month = Number(m?.[2]);
    const day = m?.[3] === undefined ? 1 : Number(m[3]);
    const date = m ? new Date(Date.UTC(Number(m[1]), month - 1, day)) : null;
    if (!date || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
      ctx.addIssue({
        code: 'custom',
        message: `« seen » doit être une date AAAA-MM-JJ (ou AAAA-MM), ici « ${s} »`,
      });
    }
  })
  .meta({
    description:
      'Date imprimée sur la page ou de sa copie : AAAA-MM-JJ (AAAA-MM si la page ne donne que le mois), jamais la date du jour',
    pattern: '^\\d{4}-\\d{2}(-\\d{2})?$',
  });

const siteId = z
  .enum(SITE_IDS, {
    error: (iss) =>
      iss.code === 'invalid_value'
        ? `site inconnu « ${String(iss.input)} » (sites : ${SITE_IDS.join(', ')})`
        : undefined,
  })
  .describe(
    'Site de la démarche : le nom du dossier (caf, ameli, france-travail, impots, franceconnect)',
  );

/** An id also travels in messages, which cap its length. */
function idText() {
  return z.string().max(MAX_ID_LENGTH, `l’id est trop long : ${MAX_ID_LENGTH} caractères au plus`);
}

const fileId = idText()
  .regex(
    KEBAB,
    'l’id s’écrit en minuscules, chiffres et tirets (ex. caf-declaration-trimestrielle)',
  )
  .describe('Identifiant en minuscules et tirets : le nom du fichier sans .yaml');

const stepId = idText()
  .regex(
    KEBAB,
    'l’id d’une étape s’écrit en minuscules, chiffres et tirets (ex. ouvrir-mon-compte)',
  )
  .describe('Identifiant de l’étape, unique dans le guide');

export const stepSchema = strict({
  id: stepId,
  title: text('title', 'Titre court de l’étape, à l’impératif : « Ouvrez Mon Compte »'),
  text: text('text', 'Explication en mots simples : une idée par phrase, 15 mots au plus'),
  action: z
    .enum(STEP_ACTIONS)
    .default('click')
    .describe('click (cliquer), fill (remplir un champ), choose (choisir), read (lire)'),
  on: condition('on').optional().describe('Où l’étape se passe : url, present, absent'),
  optional: z
    .boolean()
    .optional()
    .describe(
      'true : l’étape ne s’applique que si son « on » est vrai (un code demandé parfois, un des deux chemins) ; sinon le guide la passe',
    ),
  target: oneOrMany(targetLocator, 'target')
    .optional()
    .describe('Élément à entourer ; une liste = le premier trouvé'),
  submit: oneOrMany(submitLocator, 'submit')
    .optional()
    .describe('Pour fill et choose : le bouton qui envoie la réponse'),
  callout: text('callout', 'Texte court à côté du cercle (par défaut : le titre)').optional(),
  done: condition('done').optional().describe('Quand l’étape est finie : url, present, absent'),
  next: z
    .string()
    .regex(STEP_REF, '« next » doit être l’id d’une étape')
    .optional()
    .describe('Id de l’étape suivante (par défaut : celle qui suit dans la liste)'),
  aidant: text('aidant', 'Conseil pour l’aidant, visible en mode aidant seulement').optional(),
  evidence: z
    .union([
      strict({
        url: httpsUrl('url', false).describe(
          'Page publique qui montre ces mots (officielle d’abord : caf.fr, ameli.fr, francetravail.fr, impots.gouv.fr, service-public.gouv.fr, franceconnect.gouv.fr)',
        ),
        quote: text('quote', 'Les mots de cette page, recopiés tels quels'),
        seen: seenDate,
      }),
      strict({ unverified: text('unverified', 'Pourquoi ce n’est pas encore vérifié') }),
    ])
    .optional()
    .describe('Preuve : { url, quote, seen } ou { unverified: pourquoi }'),
}).superRefine((s, ctx) => {
  if (s.optional && !s.on) {
    ctx.addIssue({
      code: 'custom',
      path: ['optional'],
      params: AT_KEY,
      message:
        'une étape facultative (optional: true) doit avoir « on » : c’est ce qui dit quand elle s’applique',
    });
  }
  if (s.submit && s.action !== 'fill' && s.action !== 'choose') {
    ctx.addIssue({
      code: 'custom',
      path: ['submit'],
      params: AT_KEY,
      message: '« submit » sert aux étapes « action: fill » ou « action: choose »',
    });
  }
});

export const includeSchema = z
  .strictObject(
    {
      include: z
        .string()
        .regex(KEBAB, '« include » doit être l’id d’une partie')
        .describe('Id d’une partie (kind: part) dont les étapes sont insérées ici'),
    },
    {
      error: (iss) =>
        iss.code === 'unrecognized_keys'
          ? iss.keys.map((k) => `« include » s’écrit seul : retirez « ${k} »`).join('\n')
          : undefined,
    },
  )
  .describe('Insère les étapes d’une partie : - include: <id de la partie>');

const steps = z
  .array(z.union([includeSchema, stepSchema.meta({ id: 'step' })]))
  .min(1, 'il faut au moins une étape')
  .max(MAX_STEPS, `trop d’étapes : ${MAX_STEPS} au plus`)
  .meta({ id: 'steps', description: 'Les étapes, dans l’ordre' });

const prepare = z
  .array(text('prepare', 'Une chose à avoir sous la main'))
  .describe('Ce qu’il faut avoir sous la main avant de commencer');

export const guideFileSchema = strict({
  kind: z.literal('guide').optional().describe('guide (par défaut) ou part'),
  id: fileId,
  site: siteId,
  title: text('title', 'Nom de la démarche, vu par la personne : « Déclarer mes ressources »'),
  goal: text('goal', 'À quoi sert la démarche, en une phrase'),
  duration: text('duration', 'Durée approximative : « 10 minutes »').optional(),
  source: httpsUrl('source', false).describe('Page officielle qui décrit la démarche (https)'),
  source_dated: z
    .literal(true)
    .optional()
    .describe(
      'true : la source est une page ancienne (pole-emploi.fr), citée faute de page actuelle qui le dise',
    ),
  start: httpsUrl('start', true).describe('Adresse où commence la démarche (https, site connu)'),
  prepare: prepare.default([]),
  steps,
}).describe('Guide : une démarche pas à pas');

export const partFileSchema = strict({
  kind: z.literal('part').describe('Partie réutilisable, insérée avec « include »'),
  id: fileId,
  site: siteId,
  title: text('title', 'Nom de la partie'),
  steps,
}).describe('Partie : des étapes réutilisées par plusieurs guides');

/** The stamp of the French a translation was made from (core/guides/stamp.ts). */
const frStamp = z
  .string()
  .regex(/^[0-9a-f]{8}$/, '« fr » est l’empreinte du français traduit : 8 caractères 0-9 a-f')
  .describe('Empreinte du texte français traduit (tools/guides/stamp.ts l’écrit)');

export const translationFileSchema = strict({
  fr: frStamp.optional(),
  title: text('title', 'Titre traduit').optional(),
  goal: text('goal', 'But traduit').optional(),
  prepare: prepare.optional(),
  steps: z
    .record(
      z.string(),
      strict({
        fr: frStamp.optional(),
        title: text('title', 'Titre traduit').optional(),
        text: text('text', 'Texte traduit').optional(),
        callout: text('callout', 'Texte court traduit').optional(),
        aidant: text('aidant', 'Conseil traduit pour l’aidant').optional(),
      }),
    )
    .optional()
    .describe('Textes traduits, par id d’étape'),
}).describe('Traduction : <id>.<langue>.yaml, textes seulement');

export type GuideFile = z.output<typeof guideFileSchema>;
export type PartFile = z.output<typeof partFileSchema>;
export type TranslationFile = z.output<typeof translationFileSchema>;
export type StepItem = GuideFile['steps'][number];

/** What editors load (guides/schema.json): any of the three kinds of file. */
export function guidesJsonSchema(): Record<string, unknown> {
  const file = z
    .union([guideFileSchema, partFileSchema, translationFileSchema])
    .describe('Fichier de guide Pas à pas (guide, partie ou traduction)');
  return z.toJSONSchema(file, {
    io: 'input',
    // Draft 7 is the version every editor's YAML/JSON language server understands.
    target: 'draft-7',
    unrepresentable: 'any',
  });
}

/** Field name for messages: the last key of an issue path. */
export function keyName(path: readonly PropertyKey[] | undefined): string | null {
  const last = path?.[path.length - 1];
  if (typeof last === 'string') return `« ${last} »`;
  const parent = path?.[path.length - 2];
  if (typeof last === 'number' && typeof parent === 'string') {
    return `l’élément n° ${last + 1} de « ${parent} »`;
  }
  return null;
}

const EXPECTED: Record<string, string> = {
  string: 'un texte',
  array: 'une liste',
  object: 'un bloc de clés (clé: valeur)',
  number: 'un nombre',
  boolean: 'true ou false',
};

/** `« target » doit être un bloc de clés (clé: valeur) ou une liste`. */
export function wrongTypeMessage(
  path: readonly PropertyKey[],
  expected: readonly string[],
): string {
  const kinds = [...new Set(expected)].map((e) => EXPECTED[e] ?? e).join(' ou ');
  return `${keyName(path) ?? 'cette valeur'} doit être ${kinds}`;
}

/** French messages for zod's own issues (missing keys, wrong types, values out of a list). */
export const frenchErrors: z.core.$ZodErrorMap = (iss) => {
  const key = keyName(iss.path);
  switch (iss.code) {
    case 'invalid_type': {
      if (iss.input === undefined && key) return `il manque ${key}`;
      if (iss.input === null) return `${key ?? 'cette valeur'} est vide`;
      const quote =
        iss.expected === 'string' && typeof iss.input !== 'object'
          ? ' (mettez-le entre guillemets)'
          : '';
      return `${wrongTypeMessage(iss.path ?? [], [iss.expected])}${quote}`;
    }
    case 'invalid_value': {
      const values = iss.values.map(String);
      const english = englishFor(String(iss.input), values);
      const near = english ?? closest(String(iss.input), values);
      const list =
        values.length > 1 ? `${values.slice(0, -1).join(', ')} ou ${values.at(-1)}` : values[0];
      return `${key ?? 'cette valeur'} doit être ${list}${near ? ` (vouliez-vous dire « ${near} » ?)` : ''}`;
    }
    case 'too_small':
      return `${key ?? 'cette liste'} doit avoir au moins ${String(iss.minimum)} élément(s)`;
    default:
      return undefined;
  }
};
