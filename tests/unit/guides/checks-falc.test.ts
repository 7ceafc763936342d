import { describe, expect, it } from 'vitest';
import {
  checkPlainText,
  glossaryIndex,
  startsWithVerb,
  type FalcOptions,
} from '../../../core/guides/checks/falc';
import { findings } from './checks-helpers';
import { GUIDE_PATH, guideLines, yaml } from './helpers';

const P = GUIDE_PATH;
const EMPTY = glossaryIndex([]);

/** `index kind` of each finding, for one rule or all. */
function check(text: string, options: Partial<FalcOptions> = {}, kind?: string): string[] {
  return checkPlainText(text, { glossary: EMPTY, ...options })
    .filter((f) => kind === undefined || f.kind === kind)
    .map((f) => `${f.index} ${f.kind}`);
}

describe('plain language: sentences', () => {
  it('warns over 12 words, more strongly over 15', () => {
    const twelve = 'Tapez votre code à six chiffres dans la case en haut ici.';
    expect(check(twelve)).toEqual([]);
    const thirteen = `Puis ${twelve}`;
    expect(check(thirteen)).toEqual(['0 phrase de plus de 12 mots']);
    const sixteen = `Bien. Ensuite vous allez puis ${twelve}`;
    expect(check(sixteen)).toEqual(['6 phrase de plus de 15 mots (limite)']);
  });

  it('counts a label between « » as one word, and splits at the end of each sentence', () => {
    const label =
      'Cliquez sur « Déclarer mes ressources trimestrielles du mois dernier avec mes enfants » en bas.';
    expect(check(label)).toEqual([]);
    expect(check('Ouvrez caf.fr puis attendez. Tapez le code reçu. Validez.')).toEqual([]);
  });

  it('one idea per sentence: commas, semicolons, chained et / mais / car / donc', () => {
    const commas = 'Prenez votre carte, votre code, votre téléphone.';
    expect(check(commas)).toEqual([`${commas.lastIndexOf(',')} plusieurs idées : virgules`]);
    expect(check('Prenez votre carte, puis votre code.')).toEqual([]);
    expect(check('Cliquez sur « Oui, non, peut-être ».')).toEqual([]);
    const semi = 'Tapez le code ; il arrive par e-mail.';
    expect(check(semi)).toEqual([`${semi.indexOf(';')} plusieurs idées : point-virgule`]);
    const links = 'Tapez le code et validez mais attendez.';
    expect(check(links)).toEqual([
      `${links.indexOf('mais')} plusieurs idées : et, mais, car, donc`,
    ]);
    expect(check('Tapez le code et validez.')).toEqual([]);
  });
});

describe('plain language: words', () => {
  it('a step title starts with a verb', () => {
    for (const ok of [
      'Ouvrez « Mon Compte »',
      'Connectez-vous',
      'C’est fini !',
      'Choisir la date',
      'Dites si votre situation a changé',
      'Ne tapez pas la clé',
      'Vérifiez les montants',
      'Attendre le code',
    ]) {
      expect(startsWithVerb(ok), ok).toBe(true);
    }
    for (const bad of [
      'Votre attestation',
      'Le dossier',
      'Numéro fiscal',
      'Premier écran',
      '« Mon Compte »',
    ]) {
      expect(startsWithVerb(bad), bad).toBe(false);
    }
    expect(check('Votre attestation est prête', { stepTitle: true })).toEqual([
      '0 titre sans verbe au début',
    ]);
    expect(check('Votre attestation est prête')).toEqual([]);
  });

  it('abbreviations, outside the site’s labels', () => {
    const text = 'Prenez vos papiers, par exemple la carte etc. Tapez le n° fiscal.';
    expect(check(text, {}, 'abréviation')).toEqual([
      `${text.indexOf('etc.')} abréviation`,
      `${text.indexOf('n°')} abréviation`,
    ]);
    expect(check('Par exemple, la carte. Cf. le courrier.', {}, 'abréviation')).toEqual([
      '23 abréviation',
    ]);
    expect(check('Cliquez sur « N° fiscal ».', {}, 'abréviation')).toEqual([]);
    expect(check('Ouvrez www.caf.fr/ex. ou un index.', {}, 'abréviation')).toEqual([]);
  });

  it('an acronym or an administrative word needs a glossary entry', () => {
    const text = 'Vous recevez le RSA et la C2S.';
    expect(check(text)).toEqual([
      `${text.indexOf('RSA')} sigle absent du glossaire`,
      `${text.indexOf('C2S')} sigle absent du glossaire`,
    ]);
    const glossary = glossaryIndex([
      { term: 'revenu de solidarité active', forms: [], acronyms: ['RSA'] },
      { term: 'complémentaire santé solidaire', forms: [], acronyms: ['CSS', 'C2S'] },
      { term: 'allocataire', forms: ['allocataires'], acronyms: [] },
    ]);
    expect(check(text, { glossary })).toEqual([]);
    const jargon = 'Vous êtes Allocataire depuis un an.';
    expect(check(jargon)).toEqual([
      `${jargon.indexOf('Allocataire')} mot administratif absent du glossaire`,
    ]);
    expect(check(jargon, { glossary })).toEqual([]);
    // A label of the site still needs its acronym explained.
    expect(check('Cliquez sur « Mon RSA ».')).toEqual(['18 sigle absent du glossaire']);
  });

  it('dates in words, not in figures', () => {
    const text = 'Déclarez avant le 15/03 ou le 15/03/2025, ou le 15-03-2025.';
    expect(check(text, {}, 'date en chiffres')).toEqual([
      `${text.indexOf('15/03')} date en chiffres`,
      `${text.indexOf('15/03/2025')} date en chiffres`,
      `${text.indexOf('15-03-2025')} date en chiffres`,
    ]);
    expect(
      check('Déclarez avant le 15 mars. Il a 13 chiffres, 2 ou 3 lettres.', {}, 'date en chiffres'),
    ).toEqual([]);
  });

  it('no capitals for emphasis, except in the site’s labels', () => {
    const text = 'C’est TRÈS important. NE PAS oublier.';
    expect(check(text)).toEqual([
      `${text.indexOf('TRÈS')} mot en majuscules`,
      `${text.indexOf('NE')} mot en majuscules`,
      `${text.indexOf('PAS')} mot en majuscules`,
    ]);
    expect(check('Cliquez sur « VALIDER MA DÉCLARATION ».')).toEqual([]);
    expect(check('IMPORTANT : lisez bien.')).toEqual(['0 mot en majuscules']);
  });
});

describe('plain language: speaking to the person', () => {
  it('« vous » rather than « l’usager », « le demandeur », « l’allocataire »', () => {
    const text = 'L’usager doit valider. Ensuite le demandeur attend.';
    expect(check(text, {}, '« l’usager » au lieu de « vous »')).toEqual([
      '0 « l’usager » au lieu de « vous »',
      `${text.indexOf('le demandeur')} « l’usager » au lieu de « vous »`,
    ]);
    expect(
      check(
        'Le numéro de l’allocataire est sur le courrier.',
        {},
        '« l’usager » au lieu de « vous »',
      ),
    ).toEqual([]);
    expect(check('Vous devez valider.')).toEqual([]);
  });

  it('no double negatives', () => {
    const text = 'Ne partez pas sans votre code.';
    expect(check(text)).toEqual([`${text.indexOf('pas sans')} double négation`]);
    expect(check('Vous ne devez pas ne rien dire.')).toEqual(['5 double négation']);
    expect(check('Il ne faut pas sans ne pas valider.', {}, 'double négation')).toHaveLength(1);
    for (const ok of [
      'Vous n’avez plus rien à faire.',
      'Ne notez jamais son identifiant ni son mot de passe.',
      'Si le nom n’est pas le bon, cliquez sur « Ce n’est pas moi ».',
      'Ne tapez pas la clé.',
    ]) {
      expect(check(ok, {}, 'double négation'), ok).toEqual([]);
    }
  });

  it('no « cliquez ici », except next to the ring', () => {
    expect(check('Pour continuer, cliquez ici.')).toEqual(['16 « cliquez ici »']);
    expect(check('Cliquez ici pour envoyer', { callout: true })).toEqual([]);
    expect(check('Cliquez sur « Valider ».')).toEqual([]);
  });

  it('never the advice to write down or give away a password or a code', () => {
    const text = 'Notez votre mot de passe sur un papier.';
    expect(check(text)).toEqual(['0 conseil à ne jamais donner']);
    expect(check('Donnez votre code à l’aidant.')).toEqual(['0 conseil à ne jamais donner']);
    for (const ok of [
      'Ne notez pas votre mot de passe.',
      'Le code est personnel, ne le notez pas.',
      'Ne notez jamais son identifiant ni son mot de passe.',
      'Vous pouvez noter la date de la déclaration.',
      'Dites si votre situation a changé.',
    ]) {
      expect(check(ok, {}, 'conseil à ne jamais donner'), ok).toEqual([]);
    }
  });
});

describe('plain language in guide files', () => {
  const terms = [{ term: 'revenu de solidarité active', forms: [], acronyms: ['RSA'] }];

  it('points at the word, inside a quoted text or a folded block', () => {
    const text = guideLines({
      10: [
        '    text: >-',
        '      Cliquez sur le bouton.',
        '      Ensuite, vous tapez le code, le numéro, la date.',
      ],
      15: '    title: "Votre déclaration est envoyée"',
    });
    expect(findings({ [P]: text }, 'falc', { terms })).toEqual([
      `${P}:12:34 (avertissement) étape « ouvrir » : FALC : 3 virgules dans la phrase : une idée par phrase`,
      `${P}:17:13 (avertissement) étape « fin » : FALC : le titre d’une étape commence par un verbe : « Ouvrez… », « Tapez… », « Choisissez… »`,
    ]);
  });

  it('checks the guide’s title, goal and prepare, and glossary definitions', () => {
    const text = guideLines({
      4: 'goal: Pour continuer à recevoir le RSA etc.',
      7: ['prepare:', '  - Votre n° fiscal.', 'steps:'],
    });
    const glossary = {
      'guides/glossary/caf.yaml': yaml(
        '- id: rsa',
        '  term: revenu de solidarité active',
        '  acronyms: [RSA]',
        '  sites: [caf]',
        '  definition: Une aide pour les personnes qui ont peu ou pas de revenus, avec des enfants ou sans enfants, et qui vivent en France depuis longtemps.',
        '  source: https://www.caf.fr/',
      ),
    };
    expect(findings({ [P]: text }, 'falc', { terms, glossary })).toEqual([
      `${P}:4:40 (avertissement) FALC : abréviation « etc. » : écrivez le mot en entier (« par exemple », « numéro »…)`,
      `${P}:8:11 (avertissement) FALC : abréviation « n° » : écrivez le mot en entier (« par exemple », « numéro »…)`,
      'guides/glossary/caf.yaml:5:15 (avertissement) FALC : phrase trop longue : 25 mots (20 au plus) : coupez-la en deux phrases',
      'guides/glossary/caf.yaml:5:106 (avertissement) FALC : 2 virgules dans la phrase : une idée par phrase',
    ]);
  });

  it('leaves translations alone: they are not French', () => {
    const glossary = {
      'guides/glossary/caf.en.yaml': yaml(
        '- id: rsa',
        '  definition: An allowance for people with little or no income, with or without children, living in France.',
      ),
    };
    const en = yaml(
      'steps:',
      '  ouvrir: { text: "Click HERE, then, again, on the button; etc. The user must click it on 15/03." }',
    );
    expect(
      findings({ [P]: guideLines(), 'guides/caf/caf-essai.en.yaml': en }, 'falc', {
        terms,
        glossary,
      }),
    ).toEqual([]);
  });
});
