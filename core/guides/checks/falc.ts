/**
 * Plain-language checks on the French texts of guides, after the « L'information pour tous »
 * (FALC) rules: short sentences, one idea each, a verb to start a step title, no abbreviations,
 * every acronym and administrative word in the glossary, dates in words, no capitals for
 * emphasis, « vous » rather than « l'usager », no double negatives, no « cliquez ici », and
 * never the advice to write down or give away a password or a code.
 *
 * These are warnings (`guides:check --strict` makes them errors): a rule of thumb cannot read
 * French as a person does. Words inside « » are the site's own labels: they count as one word
 * and are left out of the rules on capitals, commas, abbreviations and dates.
 */

export const MAX_SENTENCE_WORDS = 12;
export const HARD_SENTENCE_WORDS = 15;

/** What the glossary holds, for the acronym and jargon rules. */
export interface Glossary {
  /** Acronyms as written (RSA, C2S). */
  acronyms: ReadonlySet<string>;
  /** Terms and forms, folded (see `fold`). */
  forms: ReadonlySet<string>;
}

export function glossaryIndex(
  terms: readonly {
    term: string;
    forms: readonly string[];
    acronyms: readonly string[];
  }[],
): Glossary {
  const acronyms = new Set<string>();
  const forms = new Set<string>();
  for (const t of terms) {
    for (const a of t.acronyms) acronyms.add(a);
    for (const f of [t.term, ...t.forms]) forms.add(fold(f).replace(/\s+/g, ' ').trim());
  }
  return { acronyms, forms };
}

export interface FalcFinding {
  /** Index in the text where the problem starts. */
  index: number;
  /** A short name of the rule, for counts. */
  kind: string;
  message: string;
}

/**
 * The text folded one character at a time (same length, so indexes stay valid): lower case,
 * no accents, ’ as ', hyphens as spaces.
 */
export function fold(text: string): string {
  let out = '';
  for (const c of text) {
    // Characters outside the BMP take two units: two spaces keep the length.
    if (c.length !== 1) {
      out += ' '.repeat(c.length);
      continue;
    }
    const lower = (c.normalize('NFD')[0] ?? c).toLowerCase();
    const one = lower.length === 1 ? lower : c;
    out += one === '’' ? "'" : one === '-' || one === '‑' ? ' ' : one;
  }
  return out;
}

/** True at each index that lies inside « … » (the guillemets included). */
function quotedMask(text: string): boolean[] {
  const mask: boolean[] = new Array<boolean>(text.length).fill(false);
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '«') depth++;
    mask[i] = depth > 0;
    if (text[i] === '»' && depth > 0) depth--;
  }
  return mask;
}

interface Sentence {
  start: number;
  end: number;
}

/** Sentences end with . ! ? … followed by a capital, a digit, « or the end of the text. */
function sentences(text: string, quoted: readonly boolean[]): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const space = (k: number) => /\s/.test(text[k] ?? '');
  for (let i = 0; i < text.length; i++) {
    if (quoted[i] || !/[.!?…]/.test(text[i] ?? '')) continue;
    let j = i + 1;
    while (j < text.length && /[.!?…)"]/.test(text[j] ?? '')) j++;
    // « caf.fr », « 1.5 »: no space after the point, no end of sentence.
    if (j < text.length && !space(j)) continue;
    while (j < text.length && space(j)) j++;
    if (j < text.length && !/[\p{Lu}\p{N}«"(]/u.test(text[j] ?? '')) continue;
    out.push({ start, end: j });
    start = j;
    i = j - 1;
  }
  if (text.slice(start).trim()) out.push({ start, end: text.length });
  return out.map((s) => {
    let a = s.start;
    while (a < s.end && space(a)) a++;
    return { start: a, end: s.end };
  });
}

interface Token {
  index: number;
  text: string;
  quoted: boolean;
}

const TOKEN = /«[^»]*»?|[\p{L}\p{N}]+(?:['’\-‑][\p{L}\p{N}]+)*/gu;

function tokens(text: string, from: number, to: number): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  for (const m of text.slice(from, to).matchAll(TOKEN)) {
    out.push({ index: from + (m.index ?? 0), text: m[0], quoted: m[0].startsWith('«') });
  }
  return out;
}

// --- Step titles: does the first word look like a verb? ---------------------------------

/** Verbs a title often starts with that the endings below do not catch. */
const VERBS = new Set([
  'est',
  'sont',
  'etes',
  'avez',
  'a',
  'ont',
  'dites',
  'faites',
  'voir',
  'lisez',
  'suivez',
  'mettez',
  'prenez',
  'attendez',
]);

/** Words with a verb's ending that are not verbs (the common ones in these guides). */
const NOT_VERBS = new Set(
  (
    'votre notre vôtre autre entre contre lettre titre ordre cadre nombre membre chiffre centre ' +
    'genre libre propre pauvre timbre livre septembre octobre novembre décembre heure ' +
    'premier première dernier dernière entier dossier fichier courrier janvier février papier ' +
    'particulier calendrier métier quartier panier clavier cahier atelier foyer loyer hier cher ' +
    'mer fer hiver enfer super laser danger étranger léger avenir plaisir loisir désir soir ' +
    'noir espoir couloir miroir trottoir tiroir comptoir chez nez assez empire sourire salaire ' +
    'formulaire allocataire bénéficiaire commentaire annuaire horaire glossaire dictionnaire'
  )
    .split(' ')
    .map((w) => fold(w)),
);

/**
 * Heuristic, documented in guides/README.md: a title starts with a verb when its first word
 * (after « ne », « se », « vous »… and an elision such as « c’ » or « n’ ») is in a short list
 * or ends like an imperative with « vous » (-ez) or an infinitive (-er, -ir, -oir, -dre,
 * -ttre, -ire, -ivre, -aître), and is not a known noun with such an ending.
 */
export function startsWithVerb(title: string): boolean {
  const words = [...title.matchAll(TOKEN)].map((m) => m[0]);
  const skip = new Set(['ne', 'se', 'vous', 'me', 'te', 'nous', 'y', 'en', 'le', 'la', 'les']);
  for (let k = 0; k < words.length && k < 3; k++) {
    // « Connectez-vous »: the verb is before the hyphen.
    let w = fold(words[k] ?? '').split(' ')[0] ?? '';
    if (w.startsWith('«')) return false;
    const elision = /^(?:c|n|s|l|j|m|t|qu|d)'(.+)$/.exec(w);
    if (elision) w = elision[1] ?? '';
    if (skip.has(w)) continue;
    if (VERBS.has(w)) return true;
    if (NOT_VERBS.has(w)) return false;
    if (w.endsWith('ier') && !/ifier$/.test(w) && !VERB_IER.has(w)) return false;
    return /(?:ez|er|ir|oir|dre|ttre|ire|ivre|aitre)$/.test(w);
  }
  return false;
}

const VERB_IER = new Set(
  'oublier copier etudier remercier apprecier associer negocier trier lier plier relier publier envier'.split(
    ' ',
  ),
);

// --- Word lists -------------------------------------------------------------------------

/** Administrative words that need a glossary entry (forms, folded). */
const JARGON: readonly (readonly string[])[] = [
  ['allocataire', 'allocataires'],
  ['prestation', 'prestations'],
  ['justificatif', 'justificatifs', 'piece justificative', 'pieces justificatives'],
  ['teledeclaration'],
  ['quotient familial'],
  ['revenu fiscal de reference'],
  ['numero fiscal'],
  ["avis d'imposition", "avis d'impot"],
  ['ayant droit', 'ayants droit'],
  ['indemnisation'],
  ['actualisation'],
  ['trop percu', 'trop percus'],
  ['indu', 'indus'],
  ['regularisation'],
  ['prelevement a la source'],
  ['foyer fiscal'],
  ['tiers payant'],
  ['affection de longue duree'],
  ['complementaire sante solidaire'],
  ['attestation de droits'],
  ['montant net social', 'net social'],
  ['teletransmission'],
  ['numero de securite sociale'],
  ['declaration trimestrielle'],
];

/** Short words sometimes written in capitals for emphasis: never acronyms. */
const SHOUTED = new Set(
  'OUI NON PAS NE LE LA LES DE DU DES ET OU UN UNE EN AU AUX SUR VOUS MON MA MES TOUT BIEN FIN ICI'.split(
    ' ',
  ),
);

const UPPER = /\p{Lu}/u;

function isCapitals(word: string): boolean {
  const letters = word.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && UPPER.test(letters);
}

/** One finding per rule and text position. */
class Findings {
  readonly list: FalcFinding[] = [];
  add(index: number, kind: string, message: string): void {
    this.list.push({ index, kind, message });
  }
}

function wordsRe(forms: readonly string[]): RegExp {
  const body = forms.map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${body.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
}

const USAGER = wordsRe([
  "l'usager",
  "l'usagere",
  'les usagers',
  'le demandeur',
  'la demandeuse',
  'les demandeurs',
  "l'allocataire",
  'les allocataires',
  'le beneficiaire',
  'la beneficiaire',
  'le declarant',
  'la declarante',
]);
const PREPOSITION_BEFORE = /(?:^|\s)(?:de|du|des|a|au|aux|pour|par|avec|sans|chez|sur|d)\s*'?\s*$/;
const CLICK_HERE = wordsRe(['cliquez ici', 'cliquer ici', 'clique ici', 'appuyez ici']);
const ADVICE = wordsRe([
  'notez',
  'noter',
  'ecrivez',
  'ecrire',
  'donnez',
  'donner',
  'dites',
  'envoyez',
  'communiquez',
  'partagez',
  'lisez a voix haute',
]);
const SECRET =
  /(?<![\p{L}])(?:mot de passe|mots de passe|code secret|code (?:de (?:securite|verification|confirmation)|recu)|le code|ce code|votre code|son code|identifiants?)(?![\p{L}])/u;
const ABBREVIATION =
  /(?<![\p{L}\p{N}/._-])(?:etc\.|ex\.|cf\.|p\. ?ex\.|c\. ?a ?d\.|cad(?![\p{L}])|n°|nº)/gu;
const DATE =
  /(?<![\p{N}/])\d{1,2}\/\d{1,2}(?:\/\d{2,4})?(?![\p{N}/])|(?<![\p{N}.-])\d{1,2}[.-]\d{1,2}[.-]\d{2,4}(?![\p{N}])/gu;
const CONJUNCTION = wordsRe(['et', 'mais', 'car', 'donc']);
const NEGATION =
  /(?<![\p{L}])(?:ne\s+|n')(?:[\p{L}']+\s+){0,3}?(pas|jamais|plus|rien|aucun|aucune)(?![\p{L}])/gu;
const SECOND_NEGATION = /(?<![\p{L}])(?:pas|jamais|rien|aucun|aucune|sans)(?![\p{L}])/gu;
const SANS_NE = wordsRe([
  'sans ne pas',
  'sans ne jamais',
  'pas sans',
  'non sans',
  'impossible de ne pas',
]);

export interface FalcOptions {
  glossary: Glossary;
  /** A step title: it should start with a verb. */
  stepTitle?: boolean;
  /** A callout sits next to the ringed element: there « ici » says where. */
  callout?: boolean;
  /** Sentence length: a warning above `soft` words, a stronger one above `hard`. */
  words?: { soft: number; hard: number };
}

/** The plain-language findings of one French text. */
export function checkPlainText(text: string, options: FalcOptions): FalcFinding[] {
  const out = new Findings();
  const quoted = quotedMask(text);
  // The site's labels left out: « Ce n'est pas moi » is no negation of the guide's.
  const folded = [...fold(text)].map((c, i) => (quoted[i] ? ' ' : c)).join('');
  const outside = (i: number) => !quoted[i];
  const { soft, hard } = options.words ?? { soft: MAX_SENTENCE_WORDS, hard: HARD_SENTENCE_WORDS };

  for (const s of sentences(text, quoted)) {
    const words = tokens(text, s.start, s.end);
    if (words.length > hard) {
      out.add(
        s.start,
        `phrase de plus de ${hard} mots (limite)`,
        `phrase trop longue : ${words.length} mots (${hard} au plus) : coupez-la en deux phrases`,
      );
    } else if (words.length > soft) {
      out.add(
        s.start,
        `phrase de plus de ${soft} mots`,
        `phrase de ${words.length} mots : visez ${soft} mots au plus`,
      );
    }
    const commas: number[] = [];
    const semicolons: number[] = [];
    for (let i = s.start; i < s.end; i++) {
      if (!outside(i)) continue;
      if (text[i] === ',') commas.push(i);
      if (text[i] === ';') semicolons.push(i);
    }
    if (semicolons[0] !== undefined) {
      out.add(
        semicolons[0],
        'plusieurs idées : point-virgule',
        'un « ; » relie deux idées : faites deux phrases',
      );
    }
    if (commas.length >= 2 && commas[1] !== undefined) {
      out.add(
        commas[1],
        'plusieurs idées : virgules',
        `${commas.length} virgules dans la phrase : une idée par phrase`,
      );
    }
    const links = [...folded.slice(s.start, s.end).matchAll(CONJUNCTION)]
      .map((m) => s.start + (m.index ?? 0))
      .filter(outside);
    if (links.length >= 2 && links[1] !== undefined) {
      out.add(
        links[1],
        'plusieurs idées : et, mais, car, donc',
        `${links.length} mots de liaison (et, mais, car, donc) dans la phrase : une idée par phrase`,
      );
    }
    checkNegations(folded, s, outside, out);
  }

  if (options.stepTitle && text.trim() && !startsWithVerb(text)) {
    out.add(
      text.search(/\S/),
      'titre sans verbe au début',
      'le titre d’une étape commence par un verbe : « Ouvrez… », « Tapez… », « Choisissez… »',
    );
  }

  for (const m of folded.matchAll(ABBREVIATION)) {
    const i = m.index ?? 0;
    if (!outside(i)) continue;
    const word = text.slice(i, i + m[0].length);
    out.add(
      i,
      'abréviation',
      `abréviation « ${word} » : écrivez le mot en entier (« par exemple », « numéro »…)`,
    );
  }

  for (const m of text.matchAll(DATE)) {
    const i = m.index ?? 0;
    if (!outside(i)) continue;
    out.add(
      i,
      'date en chiffres',
      `date en chiffres « ${m[0]} » : écrivez-la en lettres (« le 15 mars »)`,
    );
  }

  for (const t of tokens(text, 0, text.length)) {
    if (t.quoted) {
      // A label of the site: its acronyms still need a definition.
      for (const inner of tokens(text, t.index + 1, t.index + t.text.length)) {
        if (!inner.quoted && isCapitals(inner.text)) acronym(inner, options.glossary, out, true);
      }
      continue;
    }
    if (isCapitals(t.text)) acronym(t, options.glossary, out, false);
  }

  for (const forms of JARGON) {
    if (forms.some((f) => options.glossary.forms.has(f))) continue;
    const m = wordsRe(forms).exec(folded);
    if (!m) continue;
    const word = text.slice(m.index, m.index + m[0].length);
    out.add(
      m.index,
      'mot administratif absent du glossaire',
      `« ${word} » est un mot administratif : ajoutez-le au glossaire (guides/glossary/) ou dites-le avec des mots simples`,
    );
  }

  for (const m of folded.matchAll(USAGER)) {
    const i = m.index ?? 0;
    if (!outside(i) || PREPOSITION_BEFORE.test(folded.slice(Math.max(0, i - 8), i))) continue;
    out.add(
      i,
      '« l’usager » au lieu de « vous »',
      `« ${text.slice(i, i + m[0].length)} » : parlez directement à la personne, dites « vous »`,
    );
  }

  for (const m of options.callout ? [] : folded.matchAll(CLICK_HERE)) {
    const i = m.index ?? 0;
    if (!outside(i)) continue;
    out.add(
      i,
      '« cliquez ici »',
      '« cliquez ici » ne dit pas où cliquer : nommez le bouton ou le lien, entre « guillemets »',
    );
  }

  for (const m of folded.matchAll(ADVICE)) {
    const i = m.index ?? 0;
    if (!outside(i)) continue;
    // The rest of the clause: « notez votre mot de passe », not « ne le notez pas ».
    const clauseEnd = folded.slice(i).search(/[.;!?]|,\s/);
    const clause = folded.slice(i, clauseEnd < 0 ? undefined : i + clauseEnd);
    const before = folded.slice(Math.max(0, i - 12), i);
    const negated =
      /(?:^|\s)(?:ne|n')(?:\s*\S+)?\s*$/.test(before) ||
      /(?<![\p{L}])(?:pas|jamais)(?![\p{L}])/u.test(clause);
    if (negated || !SECRET.test(clause.slice(0, 60))) continue;
    out.add(
      i,
      'conseil à ne jamais donner',
      'ne conseillez jamais de noter, de dire ou de donner un mot de passe ou un code : ils restent secrets',
    );
  }

  return out.list.sort((a, b) => a.index - b.index);
}

function acronym(t: Token, glossary: Glossary, out: Findings, inQuote: boolean): void {
  const word = t.text.replace(/[’']s$/, '');
  if (glossary.acronyms.has(word) || glossary.forms.has(fold(word))) return;
  const letters = word.replace(/[^\p{L}]/gu, '');
  const accented = /[À-ÖØ-Þ]/u.test(letters);
  const looksLikeWord = SHOUTED.has(word) || accented || letters.length > 5 || /[\s'’-]/.test(word);
  if (!looksLikeWord) {
    out.add(
      t.index,
      'sigle absent du glossaire',
      `sigle « ${word} » : ajoutez-le au glossaire (acronyms) ou écrivez les mots en entier`,
    );
  } else if (!inQuote) {
    out.add(
      t.index,
      'mot en majuscules',
      `« ${word} » est écrit en majuscules : écrivez-le en minuscules (les majuscules se lisent mal)`,
    );
  }
}

function checkNegations(
  folded: string,
  s: Sentence,
  outside: (i: number) => boolean,
  out: Findings,
): void {
  const part = folded.slice(s.start, s.end);
  for (const m of part.matchAll(SANS_NE)) {
    const i = s.start + (m.index ?? 0);
    if (outside(i)) {
      out.add(i, 'double négation', 'double négation : dites la même chose sans négation');
      return;
    }
  }
  NEGATION.lastIndex = 0;
  for (const m of part.matchAll(NEGATION)) {
    const i = s.start + (m.index ?? 0);
    if (!outside(i)) continue;
    const after = s.start + (m.index ?? 0) + m[0].length;
    // « ne … plus rien », « ne … jamais rien » are one negation in everyday French.
    const rest = folded
      .slice(after, s.end)
      .replace(/^\s*(?:rien|jamais|aucun|aucune)(?![\p{L}])/u, '');
    SECOND_NEGATION.lastIndex = 0;
    // « ne … ni … ni » is one negation too.
    if (SECOND_NEGATION.test(rest.replace(/(?<![\p{L}])ni(?![\p{L}]).*$/u, ''))) {
      out.add(i, 'double négation', 'double négation : dites la même chose sans négation');
      return;
    }
  }
}
