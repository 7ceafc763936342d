/**
 * Sensitive-data guard for the aidant's notes.
 *
 * Notes stay on the device, but the device is often shared (family computer, France services
 * desk), so a note must never hold what would let someone else act in the person's name:
 * social security number (NIR), tax number, bank details, card, phone, e-mail, password or
 * secret code.
 *
 * The checks aim at precision: real structures (NIR layout and key, IBAN mod-97, Luhn) so that
 * everyday notes with dates, amounts and small numbers pass. Before matching, the text is brought
 * to one shape: every decimal digit of any script becomes an ASCII digit, and a run of separators
 * between the groups of a number becomes one space, so « 06/12/34/56/78 », « ٠٦ ١٢ ٣٤ ٥٦ ٧٨ » and
 * « 06 - 12 - 34 - 56 - 78 » are all read as the same number.
 *
 * This module says what is wrong (a kind, and numbers for the sentence); the words shown to the
 * person live in the locale files.
 */

export type SensitiveKind = 'nir' | 'fiscal' | 'iban' | 'phone' | 'email' | 'password' | 'card';
export type NoteProblem = SensitiveKind | 'too-long' | 'empty';
/** Values the explanation needs (the length limit for `too-long`). */
export type NoteProblemParams = { max: number };
export type NoteCheck = { ok: true } | { ok: false; kind: NoteProblem; params?: NoteProblemParams };

/** Every reason a note can be refused, for the pages that explain them. */
export const NOTE_PROBLEMS: readonly NoteProblem[] = [
  'nir',
  'fiscal',
  'iban',
  'card',
  'phone',
  'email',
  'password',
  'too-long',
  'empty',
];

/** Longest note accepted, in characters. */
export const NOTE_MAX_LENGTH = 500;

/** Says whether `text` may be stored as a note, and if not, why. */
export function checkNote(text: string): NoteCheck {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, kind: 'empty' };
  // Count characters the way a person does (an emoji is one), not UTF-16 units.
  if ([...trimmed].length > NOTE_MAX_LENGTH) {
    return { ok: false, kind: 'too-long', params: { max: NOTE_MAX_LENGTH } };
  }
  const kind = findSensitive(trimmed);
  return kind ? { ok: false, kind } : { ok: true };
}

/* ------------------------------------------------------------------------------------------ */

function findSensitive(raw: string): SensitiveKind | null {
  const text = normalise(raw);
  if (hasEmail(text)) return 'email';
  const numbers = numberView(text);
  if (hasIban(numbers)) return 'iban';
  const numeric = findNumber(text);
  if (numeric) return numeric;
  if (hasPassword(text)) return 'password';
  return null;
}

function normalise(text: string): string {
  return (
    text
      // Full-width digits and letters become plain ones; NBSP becomes a space.
      .normalize('NFKC')
      // Invisible characters (and direction marks, common in Arabic text) could otherwise split
      // a number in two.
      .replace(/[\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, '')
      // Digits of every script (Arabic-Indic ٠١٢, Persian ۰۱۲, Devanagari…) become 0-9.
      .replace(/\p{Nd}/gu, asciiDigit)
      .replace(/[\u2010-\u2015\u2212]/g, '-')
      // Arabic comma and Arabic decimal / thousands separators.
      .replace(/[\u060c\u066b\u066c]/g, ',')
      .replace(/\r\n?/g, '\n')
      // A line break ends a number; other spaces (tabs, narrow NBSP) are plain spaces.
      .replace(/[^\S\n]/g, ' ')
      // « +33 (0)6 12 … »: the (0) is a reminder of the national prefix, not part of the number.
      .replace(/(\+33|0033) ?\(0\) ?/g, '$1 ')
  );
}

const DECIMAL_DIGIT = /^\p{Nd}$/u;
const digitValues = new Map<string, string>();

/**
 * The value of a Unicode decimal digit. Unicode keeps each script's digits as one run of ten
 * code points from 0 to 9, so the value is the distance from the start of the run, modulo 10
 * (runs that touch, like the mathematical digits, are whole tens).
 */
function asciiDigit(digit: string): string {
  if (digit >= '0' && digit <= '9') return digit;
  let value = digitValues.get(digit);
  if (value === undefined) {
    const code = digit.codePointAt(0) ?? 0;
    let start = code;
    while (DECIMAL_DIGIT.test(String.fromCodePoint(start - 1))) start--;
    value = String((code - start) % 10);
    digitValues.set(digit, value);
  }
  return value;
}

/* ---------- e-mail ---------- */

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/u;
// People often write a mailbox without its ending, or spell the @ out.
const EMAIL_PROVIDER =
  /[\p{L}\p{N}._%+-]+\s?@\s?(?:gmail|hotmail|yahoo|orange|free|laposte|outlook|sfr|wanadoo|icloud|live|msn|aol|gmx|neuf|bbox)(?![\p{L}\p{N}])/iu;

/** « @ » spelled out in a way no ordinary sentence uses: « arobase », « (at) », « [at] ». */
const AT_SPELLED = String.raw`(?:arr?obas(?:e)?|[(\[{<]\s*(?:at|@|arr?obase?)\s*[)\]}>])`;
/** « . » spelled out: « point », « dot », « (dot) », « [point] ». */
const DOT_SPELLED = String.raw`(?:(?:dot|point)|[(\[{<]\s*(?:dot|point)\s*[)\]}>])`;
const WORD_END = String.raw`(?![\p{L}\p{N}])`;
const WORD_START = String.raw`(?<![\p{L}\p{N}])`;
const LOCAL = String.raw`[\p{L}\p{N}._%+-]{2,}`;
const LABEL = String.raw`[\p{L}\p{N}-]{2,}`;
/** Endings people spell after « point » / « dot »; a list, so « at the point of » stays a phrase. */
const TLD = String.raw`(?:fr|com|net|org|eu|info|biz|io|me|be|ch|lu|ca|uk|de|es|it|pt|ma|dz|tn|sn|re|gp|mq|gf|yt|nc|pf)`;
const EMAIL_SPELLED = new RegExp(
  [
    // « jdupont arobase laposte », « jdupont (at) free »: the spelled @ is enough.
    String.raw`${LOCAL}\s*${AT_SPELLED}\s*${LABEL}`,
    // « prenom at domaine dot fr », « jean @ gmail . com »: a plain « at » or a spaced « @ »
    // needs a spelled or spaced ending too.
    String.raw`${WORD_START}${LOCAL}\s*(?:${WORD_START}at${WORD_END}|@)\s*${LABEL}(?:\s*(?:\.|${WORD_START}${DOT_SPELLED})\s*${LABEL})*?\s*(?:\s\.|\.\s|${WORD_START}${DOT_SPELLED})\s*${TLD}${WORD_END}`,
    // « jdupont at gmail »: a plain « at » before a mailbox name that is no everyday word.
    String.raw`${WORD_START}${LOCAL}\s+at\s+(?:gmail|hotmail|yahoo|laposte|outlook|wanadoo|icloud|msn|aol|gmx)${WORD_END}`,
  ].join('|'),
  'iu',
);

function hasEmail(text: string): boolean {
  return EMAIL.test(text) || EMAIL_PROVIDER.test(text) || EMAIL_SPELLED.test(text);
}

/* ---------- IBAN ---------- */

/** IBAN length by country (ISO 13616 registry). */
// prettier-ignore
const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BI: 27, BR: 29,
  BY: 28, CH: 21, CR: 22, CY: 28, CZ: 24, DE: 22, DJ: 27, DK: 18, DO: 28, EE: 20, EG: 29,
  ES: 24, FI: 18, FK: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23, GL: 18, GR: 27, GT: 28,
  HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28,
  LC: 32, LI: 21, LT: 20, LU: 20, LV: 21, LY: 25, MC: 27, MD: 24, ME: 22, MK: 19, MN: 20,
  MR: 27, MT: 31, MU: 30, NI: 28, NL: 18, NO: 15, OM: 23, PK: 24, PL: 28, PS: 29, PT: 25,
  QA: 29, RO: 24, RS: 22, RU: 33, SA: 24, SC: 31, SD: 18, SE: 24, SI: 19, SK: 24, SM: 27,
  SO: 23, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26, UA: 29, VA: 22, VG: 24, XK: 20, YE: 30,
};
/** French overseas territories use the French bank layout under their own code. */
// prettier-ignore
const FRENCH_LAYOUT = new Set(['FR', 'MC', 'GF', 'GP', 'MQ', 'RE', 'YT', 'NC', 'PF', 'PM', 'WF', 'BL', 'MF', 'TF']);

/** Country code and check digits; a space may sit between them (« FR 76 3000 … »). */
const IBAN_START = /(?<![A-Z0-9])([A-Z]{2})( ?)(\d{2})/g;

/** `text` is the number view: upper case, one space between the groups of a number. */
function hasIban(text: string): boolean {
  for (const m of text.matchAll(IBAN_START)) {
    const country = m[1] ?? '';
    const check = m[3] ?? '';
    const known = IBAN_LENGTHS[country] ?? (FRENCH_LAYOUT.has(country) ? 27 : undefined);
    // « le 12 … » is no IBAN: a space after the letters only counts for a real country code.
    if (m[2] === ' ' && known === undefined) continue;
    const { chars, ends } = alnumAfter(text, (m.index ?? 0) + m[0].length, 30);
    const length = known;
    if (length !== undefined) {
      const bban = chars.slice(0, length - 4);
      if (bban.length !== length - 4) continue;
      if (ibanValid(country, check, bban)) return true;
      // A French IBAN with a typo is still someone's account: the layout alone is enough.
      if (FRENCH_LAYOUT.has(country) && /^\d{10}[A-Z0-9]{11}\d{2}$/.test(bban)) return true;
    } else {
      // Unknown country code: accept any length that ends where a group ends.
      for (const end of ends) {
        if (end >= 11 && ibanValid(country, check, chars.slice(0, end))) return true;
      }
    }
  }
  return false;
}

/** Letters and digits from `start`, skipping single spaces, dots or dashes between them. */
function alnumAfter(text: string, start: number, max: number): { chars: string; ends: number[] } {
  let chars = '';
  const ends: number[] = [];
  let i = start;
  if (text[i] === ' ' || text[i] === '-' || text[i] === '.') i++;
  while (i < text.length && chars.length < max) {
    const c = text[i] ?? '';
    if (/[A-Z0-9]/.test(c)) {
      chars += c;
      i++;
      continue;
    }
    if ((c === ' ' || c === '-' || c === '.') && /[A-Z0-9]/.test(text[i + 1] ?? '')) {
      ends.push(chars.length);
      i++;
      continue;
    }
    break;
  }
  ends.push(chars.length);
  return { chars, ends };
}

function ibanValid(country: string, check: string, bban: string): boolean {
  return mod97(lettersToDigits(bban + country + check)) === 1;
}

function lettersToDigits(s: string): string {
  return s.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
}

/** Remainder of a long decimal string by 97, without BigInt. */
function mod97(digits: string): number {
  let r = 0;
  for (let i = 0; i < digits.length; i += 7) {
    r = Number(String(r) + digits.slice(i, i + 7)) % 97;
  }
  return r;
}

/* ---------- numbers: NIR, tax number, phone, card, RIB ---------- */

/**
 * What people put between the groups of a number: spaces, dots, dashes, slashes, underscores,
 * commas or colons, alone or in a short run (« 06 - 12 », « 06  12 », « 06, 12 »).
 */
const GAP = String.raw`[ .\-/_,:]{1,5}`;

const GAP_NEXT_TO_DIGIT = new RegExp(
  String.raw`(?<=\d)${GAP}(?=[A-Z0-9])|(?<=[A-Z0-9])${GAP}(?=\d)`,
  'g',
);

/**
 * The text as numbers see it: upper case, and every run of separators next to a digit (between
 * letters and digits too, for IBANs) made one space.
 */
function numberView(text: string): string {
  return text.toUpperCase().replace(GAP_NEXT_TO_DIGIT, ' ');
}

/**
 * Digit groups with what sits between them. "2A"/"2B" (Corsica) may appear inside. A leading
 * "+" is kept for "+33".
 */
const RUN = new RegExp(String.raw`\+?\d(?:(?:${GAP})?(?:\d|(?<=2)[AB](?=(?:${GAP})?\d)))*`, 'g');

/** Lengths of the numbers looked for (phone with +33 or 0033, NIR with or without key, RIB…). */
const NUMBER_LENGTHS = new Set([10, 12, 13, 15, 16, 23]);

/** The separators people mix freely inside one number, as in « 06 12.34 56-78 ». */
const PLAIN_GAPS = new Set([' ', '.', '-']);

/**
 * `text` is normalised but not the number view: the separators are still there, because a
 * number is written with one kind of separator throughout. « 120,50 / 98,30 » is two amounts,
 * not a 9-digit number, while « 06/12/34/56/78 » is one phone number.
 */
function findNumber(text: string): SensitiveKind | null {
  for (const m of text.toUpperCase().matchAll(RUN)) {
    const parts = m[0].split(/([ .\-/_,:]+)/);
    const groups = parts.filter((_, i) => i % 2 === 0);
    const gaps = parts.filter((_, i) => i % 2 === 1).map((g) => g.replace(/ +/g, ' '));
    // Every stretch of whole groups is a candidate: "Tél. 06 12 34 56 78 2 fois" must still be
    // seen. The longest reading wins, so a NIR is not reported as the phone hidden inside it.
    const windows: { digits: string; groups: string[] }[] = [];
    for (let i = 0; i < groups.length; i++) {
      let same = true;
      let plain = true;
      for (let j = i; j < groups.length; j++) {
        if (j > i) {
          const gap = gaps[j - 1] ?? '';
          same &&= gap === gaps[i];
          plain &&= PLAIN_GAPS.has(gap);
          if (!same && !plain) break;
        }
        const taken = groups.slice(i, j + 1);
        const digits = taken.join('');
        if (digits.length > 25) break;
        if (NUMBER_LENGTHS.has(digits.length)) windows.push({ digits, groups: taken });
      }
    }
    windows.sort((a, b) => b.digits.length - a.digits.length);
    for (const w of windows) {
      const kind = classifyNumber(w.digits, w.groups);
      if (kind) return kind;
    }
  }
  return null;
}

function classifyNumber(w: string, groups: string[]): SensitiveKind | null {
  // A card number is printed in fours; other 16-digit readings are too often chance.
  const inFours = groups.length === 1 || groups.every((g) => g.length === 4);
  if (/^\d{16}$/.test(w) && inFours && luhn(w)) return 'card';
  if (isRib(w)) return 'iban';
  if (isNir(w)) return 'nir';
  if (isPhone(w)) return 'phone';
  if (/^[0-3]\d{12}$/.test(w)) return 'fiscal';
  return null;
}

/**
 * NIR: sex, year, month, département (2A/2B), commune, order, then an optional 2-digit key.
 * The layout alone is enough to refuse, whatever the key: a number with a typo in it is still
 * the person's number. A correct key also catches layouts we do not list (older month codes).
 */
function isNir(w: string): boolean {
  const m = /^([1-8])\d{2}(\d{2})(\d{2}|2[AB])\d{6}(\d{2})?$/.exec(w);
  if (!m) return false;
  const [, sex = '', month = '', dept = '', key] = m;
  if ('123478'.includes(sex) && validNirMonth(Number(month)) && dept !== '00') return true;
  return key !== undefined && nirKey(w.slice(0, 13)) === Number(key);
}

function validNirMonth(month: number): boolean {
  return (month >= 1 && month <= 12) || (month >= 20 && month <= 42) || month >= 50;
}

/** NIR control key: 97 − (number mod 97), with 2A read as 19 and 2B as 18. */
export function nirKey(first13: string): number {
  const digits =
    first13.slice(0, 5) +
    first13.slice(5, 7).replace('2A', '19').replace('2B', '18') +
    first13.slice(7);
  return 97 - mod97(digits);
}

function isPhone(w: string): boolean {
  const m = /^(?:0|\+33|0033)([1-9])\d{8}$/.exec(w);
  // 08 numbers are service lines (0 809 401 401 for the tax office), never a person's line.
  return m !== null && m[1] !== '8';
}

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** French RIB: bank (5), branch (5), account (11), key (2) with the RIB key formula. */
function isRib(w: string): boolean {
  if (!/^\d{23}$/.test(w)) return false;
  const bank = Number(w.slice(0, 5));
  const branch = Number(w.slice(5, 10));
  const account = Number(w.slice(10, 21));
  const key = Number(w.slice(21));
  return 97 - ((89 * bank + 15 * branch + 3 * account) % 97) === key;
}

/* ---------- passwords and secret codes ---------- */

/**
 * Words that announce a secret. The first group is always about a secret; the second, a bare
 * « code », is also said of post codes and codes sent by SMS, so it needs a stricter value.
 */
const SECRET_WORD = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:(` +
    [
      'mots? de passe',
      'mdp',
      'pass ?words?',
      'passwd',
      'pwd',
      'pass ?codes?',
      'codes? secrets?',
      'codes? confidentiels?',
      "codes? d['’]acc[eè]s",
      'codes? pin',
      'pin(?: codes?)?',
      'codes? personnels?',
      'secret codes?',
      // Arabic: « mot de passe » (two ways), « code secret », « numéro secret ».
      'كلمة السر',
      'كلمة المرور',
      'كلمة سر',
      'الرمز السري',
      'الرقم السري',
      'رمز سري',
    ].join('|') +
    String.raw`)|(codes?))(?![\p{L}\p{N}])`,
  'giu',
);

/**
 * Words that, right after « mot de passe : », say where the secret is or what happened to it
 * rather than give it.
 */
// prettier-ignore
const NOT_A_SECRET = new Set([
  'oublié', 'oubliée', 'oublie', 'perdu', 'perdue', 'changé', 'changer', 'modifié', 'modifier',
  'bloqué', 'bloquée', 'expiré', 'nouveau', 'provisoire', 'inconnu', 'aucun', 'non', 'oui', 'ok',
  'idem', 'pareil', 'voir', 'ici', 'carnet', 'cahier', 'papier', 'agenda', 'enveloppe', 'noté',
  'notée', 'écrit', 'rangé', 'reçu', 'demander', 'demandez', 'dedans', 'même', 'sms', 'courrier',
]);

/** Codes that are public: « code postal 75011 », « code ROME K1302 », « code guichet ». */
// prettier-ignore
const PUBLIC_CODE = new Set([
  'postal', 'postale', 'postaux', 'insee', 'commune', 'pays', 'ape', 'naf', 'rome', 'métier',
  'guichet', 'banque', 'bic', 'swift', 'cerfa', 'formulaire', 'case', 'article', 'promo',
  'couleur', 'barre', 'barres', 'source', 'erreur', 'civil', 'pénal', 'route',
]);

const TRIM_START = /^[«"“‘'([]+/u;
const TRIM_END = /[»"”’'.,;:!?)\]…]+$/u;

function hasPassword(text: string): boolean {
  for (const m of text.matchAll(SECRET_WORD)) {
    const rest = text.slice((m.index ?? 0) + m[0].length);
    if (m[1] !== undefined ? secretFollows(rest) : codeFollows(rest)) return true;
  }
  return text.split(/\s+/).some(looksLikeSecretToken);
}

/** The value given after a secret's name: after « : » or « = », or after « est », or next. */
function valueAfter(
  rest: string,
): { raw: string; token: string; marked: boolean; quoted: boolean; after: string } | null {
  const clause = rest.split('\n', 1)[0] ?? '';
  let pos = 0;
  let marked = false;
  // « mot de passe ameli : … », « mdp = … »: the value comes after the colon.
  const colon = /^[^:=.!?]{0,30}?[:=]/u.exec(clause);
  if (colon) {
    pos = colon[0].length;
    marked = true;
  } else {
    // « le code ameli c’est 4821 »: a few words may name the site first, within one clause.
    const est =
      /^[^:=.!?,;]{0,30}?(?<![\p{L}\p{N}])(?:est|était|sera|c['’]est|is|was)(?![\p{L}\p{N}])/iu.exec(
        clause,
      );
    if (est) pos = est[0].length;
  }
  const value = /^\s*([«"“‘'])?\s*(\S+)/u.exec(clause.slice(pos));
  if (!value) return null;
  const raw = value[2] ?? '';
  return {
    raw,
    token: raw.replace(TRIM_START, '').replace(TRIM_END, ''),
    marked,
    quoted: value[1] !== undefined,
    after: clause.slice(pos + value[0].length),
  };
}

function secretFollows(rest: string): boolean {
  const value = valueAfter(rest);
  if (!value || value.token === '') return false;
  const { raw, token, marked, quoted, after } = value;
  const digits = (token.match(/\p{N}/gu) ?? []).length;
  const letters = /\p{L}/u.test(token);
  if (digits > 0 && (letters || digits >= 4)) return true;
  if (/[^\p{L}\p{N}'’-]/u.test(token)) return true;
  // A single word given as a value (« mdp : soleil ») is the secret itself.
  const alone = /^\s*$/.test(after) || /[.,;»"”)]$/u.test(raw) || quoted;
  return (marked || quoted) && alone && token.length >= 3 && !NOT_A_SECRET.has(token.toLowerCase());
}

/**
 * After a bare « code »: a secret when the value is a 4 to 8 character token with a digit in it
 * (« son code : 4821 », « code A7K2 »). « code postal 75011 » names a public code, and « le code
 * arrive par SMS » gives no value.
 */
function codeFollows(rest: string): boolean {
  const kind = /^\s*(\p{L}+)/u.exec(rest)?.[1]?.toLowerCase();
  if (kind !== undefined && PUBLIC_CODE.has(kind)) return false;
  const value = valueAfter(rest);
  return value !== null && /^(?=\p{L}*\p{N})[\p{L}\p{N}]{4,8}$/u.test(value.token);
}

/** A token shaped like a password: 8+ characters mixing letters, digits and symbols. */
function looksLikeSecretToken(word: string): boolean {
  const token = word.replace(TRIM_START, '').replace(/[»"”’'.,;:)\]…]+$/u, '');
  if ([...token].length < 8) return false;
  if (
    /^(?:https?:\/\/|www\.)/i.test(token) ||
    /^[\w-]+(?:\.[\w-]+)*\.(?:fr|com|org|net|eu)(?:\/|$)/i.test(token)
  ) {
    return false;
  }
  const hasLetter = /\p{L}/u.test(token);
  const digits = (token.match(/\p{N}/gu) ?? []).length;
  // Punctuation used in ordinary writing (14h30-15h, n°12, 12/03) does not count as a symbol.
  const hasSymbol = /[^\p{L}\p{N}\-/.:,'’°€%()]/u.test(token);
  if (hasLetter && digits > 0 && hasSymbol) return true;
  // « Soleil2024 »: upper and lower case with several digits is the usual password shape.
  return (
    /\p{Lu}/u.test(token) && /\p{Ll}/u.test(token) && digits >= 2 && !/[-/.:,'’°€%()]/u.test(token)
  );
}
