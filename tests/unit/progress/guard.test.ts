import { describe, expect, it } from 'vitest';
import { checkNote, NOTE_MAX_LENGTH, type NoteProblem } from '../../../core/progress/guard';

/** NIR key computed here on its own (BigInt), to check the guard against real numbers. */
function nirWithKey(first13: string): string {
  const numeric =
    first13.slice(0, 5) +
    first13.slice(5, 7).replace('2A', '19').replace('2B', '18') +
    first13.slice(7);
  const key = 97n - (BigInt(numeric) % 97n);
  return String(key).padStart(2, '0');
}

function kindOf(text: string): NoteProblem | 'ok' {
  const r = checkNote(text);
  return r.ok ? 'ok' : r.kind;
}

describe('checkNote: NIR (numéro de sécurité sociale)', () => {
  const base = '1841275123456';
  const key = nirWithKey(base);
  const wrongKey = String((Number(key) % 97) + 1).padStart(2, '0');

  it('refuses a NIR with its key, grouped as on the carte Vitale', () => {
    expect(kindOf(`1 84 12 75 123 456 ${key}`)).toBe('nir');
    expect(kindOf(`Numéro de sécu : 1 84 12 75 123 456 ${key}, à garder`)).toBe('nir');
  });

  it('refuses it written with dots, dashes, or without spaces', () => {
    expect(kindOf(`1.84.12.75.123.456.${key}`)).toBe('nir');
    expect(kindOf(`1-84-12-75-123-456-${key}`)).toBe('nir');
    expect(kindOf(`${base}${key}`)).toBe('nir');
    expect(kindOf('1 84 12 75 123 456')).toBe('nir');
  });

  it('refuses a Corsican NIR (2A / 2B) with its key', () => {
    const k = nirWithKey('284122A123456');
    // The substitution matters: 2A is not read as 20.
    expect(k).not.toBe(nirWithKey('2841220123456'));
    expect(kindOf(`2 84 12 2A 123 456 ${k}`)).toBe('nir');
    expect(kindOf('2 84 12 2b 123 456')).toBe('nir');
  });

  it('still refuses the right layout with a wrong key (a typo does not make it harmless)', () => {
    expect(wrongKey).not.toBe(key);
    expect(kindOf(`1 84 12 75 123 456 ${wrongKey}`)).toBe('nir');
  });

  it('accepts the special month codes (20-42, 50-99) and sex digits 3, 4, 7, 8', () => {
    expect(kindOf('1 84 35 75 123 456')).toBe('nir');
    expect(kindOf('7 84 62 75 123 456')).toBe('nir');
  });

  it('uses a correct key to catch a layout it does not list', () => {
    // Month 45 is not in the listed ranges; the key proves the number is a NIR anyway.
    const odd = '1844575123456';
    expect(kindOf(`1 84 45 75 123 456 ${nirWithKey(odd)}`)).toBe('nir');
  });
});

describe('checkNote: numéro fiscal', () => {
  it('refuses 13 digits starting with 0 to 3', () => {
    expect(kindOf('Numéro fiscal 0123456789012')).toBe('fiscal');
    expect(kindOf('01 23 456 789 012')).toBe('fiscal');
    expect(kindOf('3 011 345 678 901')).toBe('fiscal');
  });

  it('reports a number that fits both layouts as a NIR (refused either way)', () => {
    expect(kindOf('3 012 345 678 901')).toBe('nir');
  });

  it('lets 13 digits pass when they start with 5, 6 or 9 and are no NIR', () => {
    expect(kindOf('Référence 9876543210987')).toBe('ok');
  });
});

describe('checkNote: bank details', () => {
  it('refuses a French IBAN, grouped or not, in any case', () => {
    expect(kindOf('FR76 3000 6000 0112 3456 7890 189')).toBe('iban');
    expect(kindOf('IBAN : FR7630006000011234567890189.')).toBe('iban');
    expect(kindOf('fr76 3000 6000 0112 3456 7890 189')).toBe('iban');
  });

  it('refuses a French IBAN with a typo in it (the layout is enough)', () => {
    expect(kindOf('FR76 3000 6000 0112 3456 7890 188')).toBe('iban');
  });

  it('refuses other countries’ IBANs that pass the mod-97 check, and only those', () => {
    expect(kindOf('DE89 3704 0044 0532 0130 00')).toBe('iban');
    expect(kindOf('GB29 NWBK 6016 1331 9268 19')).toBe('iban');
    expect(kindOf('BE68 5390 0754 7034')).toBe('iban');
    expect(kindOf('BE68 5390 0754 7035')).toBe('ok');
  });

  it('refuses a French RIB with a valid key', () => {
    expect(kindOf('30006 00001 12345678901 89')).toBe('iban');
  });

  it('refuses a bank card number passing Luhn', () => {
    expect(kindOf('Carte 4111 1111 1111 1111')).toBe('card');
    expect(kindOf('5555-5555-5555-4444')).toBe('card');
    expect(kindOf('4111 1111 1111 1112')).toBe('ok');
  });
});

describe('checkNote: phone and e-mail', () => {
  it.each([
    '06 12 34 56 78',
    '07.12.34.56.78',
    '01-45-67-89-10',
    '0612345678',
    '+33 6 12 34 56 78',
    '+33612345678',
    '+33 (0)6 12 34 56 78',
    '0033612345678',
    '0033 6 12 34 56 78',
    'Sa fille : 06 12 34 56 78, le soir',
    'Tél 0612345678 2 fois',
  ])('refuses %s', (text) => {
    expect(kindOf(text)).toBe('phone');
  });

  it('lets service lines pass (08 numbers and short numbers)', () => {
    expect(kindOf('Appeler les impôts au 0 809 401 401')).toBe('ok');
    expect(kindOf('Appeler la Caf au 3230')).toBe('ok');
  });

  it('refuses e-mail addresses, including shortened or spelled-out ones', () => {
    expect(kindOf('jean.dupont@gmail.com')).toBe('email');
    expect(kindOf('Écrire à marie-claire.durand+caf@orange.fr')).toBe('email');
    expect(kindOf('son mail : jdupont@hotmail')).toBe('email');
    expect(kindOf('jdupont arobase laposte point net')).toBe('email');
  });
});

describe('checkNote: passwords', () => {
  it.each([
    'mdp : Soleil2024!',
    'MDP: Soleil2024!',
    'Mot de passe : soleil',
    'mot de passe ameli = chaton',
    'Le mot de passe est Soleil2024',
    'Code secret : 1234',
    'code confidentiel 4821',
    'Code PIN : 4321',
    'code d’accès : 12AB',
    'password: hunter2',
    'Mot de passe « marguerite »',
    'Soleil2024!',
    'Essayer Xk9#mP2q',
  ])('refuses %s', (text) => {
    expect(kindOf(text)).toBe('password');
  });

  it.each([
    'Votre code est dans le carnet bleu',
    'Le code secret est dans le carnet bleu',
    'Mot de passe : dans le carnet bleu',
    'Mot de passe oublié : cliquez sur le lien',
    'Cliquez sur « Mot de passe oublié »',
    'Il faut un mot de passe de 8 caractères',
    'Mot de passe : 12 caractères minimum',
    'Code confidentiel : 4 chiffres, reçu par courrier',
    'Le mot de passe a été changé',
    'Mot de passe : oublié.',
  ])('lets pass %s', (text) => {
    expect(kindOf(text)).toBe('ok');
  });
});

describe('checkNote: ordinary notes pass', () => {
  it.each([
    'Votre code est dans le carnet bleu',
    'Rendez-vous le 12/03 à 14 h',
    'Déclarer avant le 15',
    'Il a 3 enfants',
    '2 fiches de paie de mars 2025',
    'Demander à Mme Martin, bureau 12',
    'Le montant était 512,30 €',
    'Le montant était 1 512,30 €',
    'Né le 12.03.1984',
    'Revenus 2024 : 12 345 €',
    'Le 01/02/2025 puis le 15/03/2025',
    'RDV de 14h30-15h00',
    'Numéro allocataire 1234567',
    'Aller sur www.caf.fr/allocataires',
    'Bât. 2A, 3e étage',
    'Dossier envoyé le 2025-03-12',
    'Penser à l’attestation Pôle emploi (3 mois)',
    'Ne pas cliquer deux fois sur « Valider » !',
  ])('%s', (text) => {
    expect(checkNote(text)).toEqual({ ok: true });
  });
});

describe('checkNote: length', () => {
  it('refuses an empty or blank note', () => {
    expect(kindOf('')).toBe('empty');
    expect(kindOf('   \n\t')).toBe('empty');
  });

  it('accepts exactly the limit and refuses one character more', () => {
    expect(kindOf('a'.repeat(NOTE_MAX_LENGTH))).toBe('ok');
    expect(kindOf('a'.repeat(NOTE_MAX_LENGTH + 1))).toBe('too-long');
  });

  it('gives the limit with a note that is too long, for the explanation', () => {
    expect(checkNote('a'.repeat(NOTE_MAX_LENGTH + 1))).toEqual({
      ok: false,
      kind: 'too-long',
      params: { max: NOTE_MAX_LENGTH },
    });
  });

  it('counts characters, not UTF-16 units', () => {
    expect(kindOf('😀'.repeat(NOTE_MAX_LENGTH))).toBe('ok');
  });

  it('sees a number split by invisible or full-width characters', () => {
    expect(kindOf('06\u200b12 34 56 78')).toBe('phone');
    expect(kindOf('０６ １２ ３４ ５６ ７８')).toBe('phone');
    expect(kindOf('06\u00a012\u00a034\u00a056\u00a078')).toBe('phone');
  });
});

describe('checkNote: however the number is written', () => {
  const nir = '1841275123456';
  const key = nirWithKey(nir);
  const grouped = ['1', '84', '12', '75', '123', '456', key];

  it.each([
    ['two spaces', '06  12  34  56  78'],
    ['slashes', '06/12/34/56/78'],
    ['commas', '06,12,34,56,78'],
    ['commas and spaces', '06, 12, 34, 56, 78'],
    ['spaced dashes', '06 - 12 - 34 - 56 - 78'],
    ['long dashes', '06 – 12 – 34 – 56 – 78'],
    ['underscores', '06_12_34_56_78'],
    ['colons', '06:12:34:56:78'],
    ['spaced slashes', '06 / 12 / 34 / 56 / 78'],
    ['narrow no-break spaces', '06\u202f12\u202f34\u202f56\u202f78'],
    ['a tab and spaces', 'Tél.\t06 12  34 56 78'],
    ['Arabic-Indic digits', '٠٦١٢٣٤٥٦٧٨'],
    ['grouped Arabic-Indic digits', 'رقم ابنتها: ٠٦ ١٢ ٣٤ ٥٦ ٧٨'],
    ['Extended Arabic-Indic digits', '۰۶ ۱۲ ۳۴ ۵۶ ۷۸'],
    ['full-width digits, no spaces', '０６１２３４５６７８'],
    ['Devanagari digits', '०६१२३४५६७८'],
    ['mixed scripts', '06 ١٢ 34 ۵۶ ７８'],
    ['direction marks between the groups', '06\u200f 12\u200e 34 56 78'],
    ['+33 with slashes', '+33/6/12/34/56/78'],
  ])('refuses a phone number written with %s', (_how, text) => {
    expect(kindOf(text)).toBe('phone');
  });

  it.each([
    ['slashes', grouped.join('/')],
    ['underscores', grouped.join('_')],
    ['spaced slashes', grouped.join(' / ')],
    ['commas', grouped.join(',')],
    ['two spaces', grouped.join('  ')],
    ['slashes, without the key', grouped.slice(0, -1).join('/')],
    ['Arabic-Indic digits', toArabicIndic(`${nir}${key}`)],
    ['full-width digits', toFullWidth(grouped.join(' '))],
  ])('refuses a social security number written with %s', (_how, text) => {
    expect(kindOf(text)).toBe('nir');
  });

  it('still checks the key of a NIR written with slashes', () => {
    // Sex digit 5 is not a listed layout: only the right key makes it a NIR.
    const odd = '5844575123456';
    const right = nirWithKey(odd);
    const wrong = String((Number(right) % 97) + 1).padStart(2, '0');
    expect(kindOf(`5/84/45/75/123/456/${right}`)).toBe('nir');
    expect(kindOf(`5/84/45/75/123/456/${wrong}`)).toBe('ok');
  });

  it.each([
    'FR76/3000/6000/0112/3456/7890/189',
    'FR76 / 3000 / 6000 / 0112 / 3456 / 7890 / 189',
    'FR76_3000_6000_0112_3456_7890_189',
    'FR76  3000  6000  0112  3456  7890  189',
    'FR 76 3000 6000 0112 3456 7890 189',
    'IBAN : fr76-3000-6000-0112-3456-7890-189',
    'FR٧٦ ٣٠٠٠ ٦٠٠٠ ٠١١٢ ٣٤٥٦ ٧٨٩٠ ١٨٩',
    'DE89/3704/0044/0532/0130/00',
    'GB29/NWBK/6016/1331/9268/19',
    '30006/00001/12345678901/89',
  ])('refuses the bank account %s', (text) => {
    expect(kindOf(text)).toBe('iban');
  });

  it('still checks the mod-97 key of a foreign IBAN written with slashes', () => {
    expect(kindOf('BE68/5390/0754/7034')).toBe('iban');
    expect(kindOf('BE68/5390/0754/7035')).toBe('ok');
  });

  it.each(['4111/1111/1111/1111', '4111 _ 1111 _ 1111 _ 1111', '٤١١١ ١١١١ ١١١١ ١١١١'])(
    'refuses the card number %s',
    (text) => {
      expect(kindOf(text)).toBe('card');
    },
  );

  it.each(['0123456789012', '01/23/456/789/012', '٠١٢٣٤٥٦٧٨٩٠١٢'])(
    'refuses the tax number %s',
    (text) => {
      expect(kindOf(text)).toBe('fiscal');
    },
  );
});

describe('checkNote: e-mail addresses spelled out', () => {
  it.each([
    'prenom at domaine dot fr',
    'Prenom AT domaine DOT fr',
    'jean.dupont at orange point fr',
    'jean (at) free (dot) fr',
    'jean [at] domaine [point] fr',
    'jean {at} domaine {dot} com',
    'jean arobase domaine point fr',
    'jean arrobase domaine',
    'jean(@)domaine',
    'jean @ domaine . fr',
    'jean@domaine point fr',
    'jean.dupont at gmail.com',
    'jdupont at hotmail',
    'jean.dupont@ｇｍａｉｌ.com',
  ])('refuses %s', (text) => {
    expect(kindOf(text)).toBe('email');
  });
});

describe('checkNote: short secret codes', () => {
  it.each([
    'son code : 4821',
    'Son code\u00a0: 4821',
    'code: 4821',
    'code=4821',
    'code = A7K2',
    'Le code est 4821',
    'le code c’est 4821.',
    'code « 4821 »',
    'code "4821"',
    'code 4821',
    'Code de la carte : 4821',
    'son code : ٤٨٢١',
    'mon code ameli c’est 4821',
    'Le code de la carte bleue est 4821',
    'son code : ۴۸۲۱',
    'code 12345678',
    'code secret : 4821',
    'Code secret 4821',
    'code confidentiel : 4821',
    'PIN : 4821',
    'PIN 4821',
    'code PIN 4821',
    'le PIN est 4821',
    'mot de passe : 4821',
    'mdp 4821',
    'MDP=A7K2x9',
    'password: 4821',
    'Password is 4821',
    'pin code 4821',
    'الرقم السري: ١٢٣٤',
    'كلمة السر: Soleil2024',
  ])('refuses %s', (text) => {
    expect(kindOf(text)).toBe('password');
  });

  it.each([
    'le code arrive par SMS',
    'Le code est arrivé par SMS',
    'Le code à 6 chiffres arrive par SMS',
    'code postal 75011',
    'Code postal : 75011',
    'Code postal 13001, Marseille',
    'code ROME K1302',
    'Code guichet 00001',
    'Remplir la case 7DB, code 1AJ',
    'Code de la route : 3 fautes',
    'Code confidentiel : 4 chiffres, reçu par courrier',
    'Le code d’accès est dans le carnet bleu',
    'Your code is in the blue notebook',
    'رمزك في الدفتر الأزرق',
    'Mettre le code reçu par SMS',
    'Le code postal de la Caf est 75011',
    'Le code de la porte est dans le carnet',
    'Le mot de passe expire, la date limite est le 12/03/2025',
    'code 123',
    'code 123456789',
  ])('lets pass %s', (text) => {
    expect(kindOf(text)).toBe('ok');
  });
});

describe('checkNote: everyday notes pass, with their dates, times and amounts', () => {
  it.each([
    '12/03/2025',
    'le 3 mars',
    '1 234,56 €',
    'Le montant : 1 234,56 €',
    'appeler le 3230',
    'Appeler le 39 49 (France Travail)',
    'Tél. de la Caf : 3230',
    'rendez-vous le 12/03 à 14 h 30',
    'Rendez-vous le 12/03/2025 à 14:30',
    'Prochain rendez-vous : 12/03/2025, 14:30',
    'de 9:00 à 12:00',
    'Horaires : 8:30-12:00 / 13:30-17:00',
    'Ouvert 9:00, 10:00, 11:00, 14:00',
    'dossier n° 12',
    'Dossier n° 12, bureau 4',
    'Le 01/02/2025 puis le 15/03/2025',
    'Du 01/02/2025 au 15/03/2025',
    '01/02/2025 - 15/03/2025',
    '01/02/2025 – 15/03/2025',
    'Entre le 01.02.2025 et le 15.03.2025',
    'Loyer : 650 €, APL : 245,50 €',
    'Montants : 120,50 / 98,30 / 45,00',
    'Montants : 120,50, 98,30, 45,00',
    'Payé le 05/03 : 120,00 €, le 12/03 : 98,50 €',
    'Il a gagné 1 500 €, 2 300 €, 1 800 € et 900 €',
    '3 enfants, nés en 2015, 2018 et 2021',
    '2, 4, 6, 8 et 10 mars',
    'Formulaire 2042, case 1AJ',
    'Case 7DB : 1 200 €',
    'Numéro allocataire 1234567',
    'موعد يوم ١٢/٠٣/٢٠٢٥ الساعة ١٤:٣٠',
    'المبلغ ١ ٢٣٤٫٥٦ يورو',
    'Dossier 2025-03-12/458 en cours',
    'Référence du courrier : 2024-0123-4567',
    'Attestation n° 2025/12345/AB',
    'Versé le 05/03/2025 : 1 234,56 €',
    'Horaires 8 h 30 - 12 h, 13 h 30 - 17 h',
    'Appointment on 12/03/2025 at 14:30',
    'The code comes by SMS',
    'Log in at caf.fr',
    'Look at the point of sale',
    'Faire le point sur le dossier',
    'Rendez-vous au point accueil à 14 h 30',
  ])('%s', (text) => {
    expect(checkNote(text)).toEqual({ ok: true });
  });
});

describe('checkNote: stays fast on long adversarial notes', () => {
  it.each([
    ['separators', '0/'.repeat(250)],
    ['digits and commas', '1,2 '.repeat(125)],
    ['words and at', 'ab at '.repeat(83)],
    ['code words', 'code '.repeat(100)],
    ['letters', 'a'.repeat(NOTE_MAX_LENGTH)],
  ])('answers for %s', (_what, text) => {
    expect(['ok', 'phone', 'nir', 'fiscal', 'card', 'iban', 'email', 'password']).toContain(
      kindOf(text.slice(0, NOTE_MAX_LENGTH)),
    );
  });
});

function toArabicIndic(digits: string): string {
  return digits.replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d)));
}

function toFullWidth(text: string): string {
  return text.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
}
