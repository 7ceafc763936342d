import { describe, expect, it } from 'vitest';
import { GUIDE_PATH, guideLines, load, problems, yaml } from './helpers';

const P = GUIDE_PATH;

const TEXT_REGEX = (s: string) =>
  `les expressions régulières ne sont pas acceptées (« ${s} ») : écrivez le texte entier, tel qu’il s’affiche ; pour plusieurs textes possibles, faites une liste (ex. [{ role: button, name: Valider }, { role: button, name: Envoyer }]) ; pour un texte qui change, { start: … } ou { pattern: … }`;

const PART_PATH = 'guides/franceconnect/franceconnect-connexion.yaml';
const PART = yaml(
  'kind: part',
  'id: franceconnect-connexion',
  'site: franceconnect',
  'title: Me connecter',
  'steps:',
  '  - { id: choisir, title: Choisissez, text: Cliquez sur votre compte. }',
);

const ANSWER = (what: string) =>
  `la cible est une réponse (${what}) : c’est la personne qui choisit. Entourez la question entière par sa légende, { role: group, name: <la question> } ou { role: radiogroup, name: <la question> }, et dites dans « text » comment choisir`;

describe('a question is never answered for the person', () => {
  it('refuses a target that is one answer: a radio, a box, an option, named or not', () => {
    const text = guideLines({
      12: [
        '    target:',
        '      - { role: radio, name: Non }',
        '      - { role: checkbox }',
        '      - { role: option, name: Les 3 derniers mois }',
        '      - { css: "input[type=radio][value=non]" }',
      ],
    });
    expect(problems({ [P]: text })).toEqual([
      `${P}:13:17 étape « ouvrir » : ${ANSWER('role: radio')}`,
      `${P}:14:17 étape « ouvrir » : ${ANSWER('role: checkbox')}`,
      `${P}:15:17 étape « ouvrir » : ${ANSWER('role: option')}`,
      `${P}:16:16 étape « ouvrir » : ${ANSWER('css: input[type=radio][value=non]')}`,
    ]);
  });

  it('accepts the whole question, by its legend or by an answer it holds', () => {
    const text = guideLines({
      12: [
        '    target:',
        '      - { role: group, name: Votre profil a-t-il changé ? }',
        '      - { role: radiogroup, name: Pour quelle période ? }',
        '      - { css: "fieldset:has(input[type=radio][value=non])" }',
        '      - { css: "[role=radiogroup]:has(#question-non)" }',
      ],
    });
    expect(problems({ [P]: text })).toEqual([]);
  });

  it('a radio may still tell where a step happens or when it is done', () => {
    const text = guideLines({ 13: '    done: { present: { role: radio, name: Non } }' });
    expect(problems({ [P]: text })).toEqual([]);
  });
});

describe('optional steps', () => {
  it('need an `on`: it says when they apply', () => {
    const text = guideLines({ 11: '    optional: true' });
    expect(problems({ [P]: text })).toEqual([
      `${P}:11:5 étape « ouvrir » : une étape facultative (optional: true) doit avoir « on » : c’est ce qui dit quand elle s’applique`,
    ]);
  });

  it('cannot be the last step', () => {
    const text = guideLines({ 17: ['    on: { url: "wwwd.caf.fr/fin*" }', '    optional: true'] });
    expect(problems({ [P]: text })).toEqual([
      `${P}:18:5 étape « fin » : la dernière étape ne peut pas être facultative : c’est elle qui dit que la démarche est finie`,
    ]);
  });

  it('is compiled with the flag', () => {
    const text = guideLines({ 11: ['    on: { url: www.caf.fr/ }', '    optional: true'] });
    const { guides } = load({ [P]: text });
    expect(guides[0]?.steps.map((s) => s.optional)).toEqual([true, undefined]);
  });
});

describe('one message per mistake, at the right place', () => {
  it('unknown key, with a suggestion', () => {
    const text = guideLines({ 12: '    tagret: { role: link, name: Mon Compte }' });
    expect(problems({ [P]: text })).toEqual([
      `${P}:12:5 étape « ouvrir » : clé inconnue « tagret » (vouliez-vous dire « target » ?)`,
    ]);
  });

  it('unknown key without a near key lists the possible keys', () => {
    const text = guideLines({ 2: ['site: caf', 'auteur: Marie'] });
    expect(problems({ [P]: text })).toEqual([
      `${P}:3:1 clé inconnue « auteur » (clés possibles : kind, id, site, title, goal, duration, source, source_dated, start, prepare, steps)`,
    ]);
  });

  it('target without a locator key', () => {
    const text = guideLines({ 12: '    target: { name: Mon Compte }' });
    expect(problems({ [P]: text })).toEqual([
      `${P}:12:13 étape « ouvrir » : la cible doit avoir role, label, text, placeholder ou css`,
    ]);
  });

  it('locator with two kinds, inside a list', () => {
    // Column 40 is the second kind's key (`text`).
    const text = guideLines({ 12: '    target: [{ css: a }, { role: link, text: Mon Compte }]' });
    expect(problems({ [P]: text })).toEqual([
      `${P}:12:40 étape « ouvrir » : la cible doit avoir une seule clé parmi role, label, text, placeholder ou css (ici : role, text) ; pour plusieurs possibilités, faites une liste`,
    ]);
  });

  it('misspelt role and a regular expression', () => {
    const text = guideLines({ 12: '    target: { role: buton, name: "/Mon (Compte/" }' });
    expect(problems({ [P]: text })).toEqual([
      `${P}:12:21 étape « ouvrir » : rôle inconnu « buton » (vouliez-vous dire « button » ?)`,
      `${P}:12:34 étape « ouvrir » : ${TEXT_REGEX('/Mon (Compte/')}`,
    ]);
  });

  it('duplicate step id points at the second one', () => {
    const text = guideLines({ 14: '  - id: ouvrir' });
    expect(problems({ [P]: text })).toEqual([
      `${P}:14:9 étape « ouvrir » : cet id est déjà pris par l’étape de la ligne 8`,
    ]);
  });

  it('URL pattern that does not start with a host and a slash', () => {
    const text = guideLines({ 11: '    on: { url: caf.fr }' });
    expect(problems({ [P]: text })).toEqual([
      `${P}:11:16 étape « ouvrir » : le motif « caf.fr » doit commencer par un nom de site suivi de « / » (ex. www.caf.fr/)`,
    ]);
  });

  it('URL pattern written with its scheme', () => {
    const text = guideLines({
      13: '    done: { url: ["connect.caf.fr/*", "https://www.caf.fr/"] }',
    });
    expect(problems({ [P]: text })).toEqual([
      `${P}:13:39 étape « ouvrir » : écrivez le motif sans « https:// » (ex. www.caf.fr/)`,
    ]);
  });

  it('URL pattern on a host that is not a registered site', () => {
    const text = guideLines({ 13: '    done: { url: "*.example.org/login*" }' });
    expect(problems({ [P]: text })).toEqual([
      `${P}:13:18 étape « ouvrir » : « example.org » n’est pas un site connu (sites : caf.fr, ameli.fr, francetravail.fr, pole-emploi.fr, impots.gouv.fr, franceconnect.gouv.fr)`,
    ]);
  });

  it('start on an unknown site, source without https', () => {
    const text = guideLines({
      5: 'source: http://www.caf.fr/',
      6: 'start: https://www.example.org/',
    });
    expect(problems({ [P]: text })).toEqual([
      `${P}:5:9 « source » doit commencer par https://`,
      `${P}:6:8 « start » doit être sur un site connu (www.example.org ne l’est pas)`,
    ]);
  });

  it('unknown site', () => {
    const text = guideLines({ 2: 'site: cafe' });
    expect(problems({ [P]: text })).toEqual([
      `${P}:2:7 site inconnu « cafe » (sites : caf, ameli, france-travail, impots, franceconnect)`,
    ]);
  });

  it('site that does not match the folder', () => {
    const text = guideLines({ 2: 'site: ameli' });
    expect(problems({ [P]: text })).toEqual([
      `${P}:2:7 le site « ameli » ne correspond pas au dossier « caf »`,
    ]);
  });

  it('missing and mistyped fields', () => {
    const text = guideLines({ 10: '    text: 12', 15: [] });
    expect(problems({ [P]: text })).toEqual([
      `${P}:10:11 étape « ouvrir » : « text » doit être un texte (mettez-le entre guillemets)`,
      `${P}:14:5 étape « fin » : il manque « title »`,
    ]);
  });

  it('unknown action, with a suggestion', () => {
    const text = guideLines({ 12: ['    action: clik', '    target: { role: link }'] });
    expect(problems({ [P]: text })).toEqual([
      `${P}:12:13 étape « ouvrir » : « action » doit être click, fill, choose ou read (vouliez-vous dire « click » ?)`,
    ]);
  });

  it('step that can never be reached', () => {
    const text = guideLines({
      13: [
        '    done: { url: "connect.caf.fr/*" }',
        '    next: fin',
        '  - id: milieu',
        '    title: Milieu',
        '    text: Rien.',
      ],
    });
    expect(problems({ [P]: text })).toEqual([
      `${P}:15:5 étape « milieu » : étape jamais atteinte : aucune étape n’y mène et elle n’a pas de « on »`,
    ]);
  });

  it('next pointing at an unknown step', () => {
    const text = guideLines({ 13: ['    done: { url: "connect.caf.fr/*" }', '    next: finn'] });
    expect(problems({ [P]: text })).toEqual([
      `${P}:14:11 étape « ouvrir » : next « finn » ne correspond à aucune étape (vouliez-vous dire « fin » ?)`,
    ]);
  });

  it('YAML syntax error', () => {
    const text = guideLines({ 10: '    text: Cliquez ici : le bouton est en haut.' });
    expect(problems({ [P]: text })).toEqual([
      `${P}:10:11 syntaxe YAML : un « : » suivi d’une espace dans un texte : mettez le texte entre guillemets, ou vérifiez le décalage`,
    ]);
  });

  it('YAML duplicate key', () => {
    const text = guideLines({ 3: ['title: A', 'title: B'] });
    expect(problems({ [P]: text })).toEqual([
      `${P}:4:1 syntaxe YAML : clé en double dans le même bloc`,
    ]);
  });

  it('id different from the file name', () => {
    const text = guideLines({ 1: 'id: caf-autre' });
    expect(problems({ [P]: text })).toEqual([
      `${P}:1:5 l’id « caf-autre » doit être le nom du fichier : « caf-essai »`,
    ]);
  });

  it('same id in two files', () => {
    const other = 'guides/caf/caf-copie.yaml';
    expect(problems({ [P]: guideLines(), [other]: guideLines() })).toEqual([
      `${other}:1:5 l’id « caf-essai » doit être le nom du fichier : « caf-copie »`,
      `${P}:1:5 l’id « caf-essai » est déjà utilisé par ${other}`,
    ]);
  });

  it('unknown include, with a suggestion', () => {
    const text = guideLines({
      13: ['    done: { url: "connect.caf.fr/*" }', '  - include: franceconnect-connexio'],
    });
    expect(problems({ [P]: text, [PART_PATH]: PART })).toEqual([
      `${P}:14:14 inclusion de « franceconnect-connexio » : aucune partie ne porte cet id (vouliez-vous dire « franceconnect-connexion » ?)`,
    ]);
  });

  it('include with other keys', () => {
    const text = guideLines({
      13: [
        '    done: { url: "connect.caf.fr/*" }',
        '  - { include: franceconnect-connexion, id: fc }',
      ],
    });
    expect(problems({ [P]: text, [PART_PATH]: PART })).toEqual([
      `${P}:14:41 inclusion de « franceconnect-connexion » : « include » s’écrit seul : retirez « id »`,
    ]);
  });

  it('include of a guide, and include cycle', () => {
    const guide = guideLines({
      13: ['    done: { url: "connect.caf.fr/*" }', '  - include: caf-essai'],
    });
    const part = PART.replace('steps:\n', 'steps:\n  - include: franceconnect-connexion\n');
    expect(problems({ [P]: guide, [PART_PATH]: part })).toEqual([
      `${P}:14:14 inclusion de « caf-essai » : « caf-essai » est un guide : seule une partie (kind: part) peut être incluse`,
      `${PART_PATH}:6:14 inclusion de « franceconnect-connexion » : inclusion en boucle : franceconnect-connexion → franceconnect-connexion`,
    ]);
  });

  it('translation with a step id that is not in the French guide', () => {
    const en = 'guides/caf/caf-essai.en.yaml';
    const text = yaml('title: Declare my income', 'steps:', '  ouvrr: { title: Open }');
    expect(problems({ [P]: guideLines(), [en]: text })).toEqual([
      `${en}:3:3 étape « ouvrr » : cette étape n’existe pas dans le guide en français (vouliez-vous dire « ouvrir » ?)`,
    ]);
  });

  it('translation without its guide, and translated fields that do not exist', () => {
    const en = 'guides/caf/caf-autre.en.yaml';
    const de = 'guides/caf/caf-essai.de.yaml';
    expect(
      problems({
        [P]: guideLines(),
        [en]: yaml('title: X'),
        [de]: yaml('steps:', '  fin: { texte: Fertig }'),
      }),
    ).toEqual([
      `${en}:1:1 traduction sans guide : il n’y a pas de « caf-autre.yaml » dans ce dossier`,
      `${de}:2:10 étape « fin » : clé inconnue « texte » : les clés sont en anglais, écrivez « text »`,
    ]);
  });

  it('name without role', () => {
    const text = guideLines({ 12: '    target: { label: Numéro, name: x }' });
    expect(problems({ [P]: text })).toEqual([
      `${P}:12:30 étape « ouvrir » : « name » va avec « role »`,
    ]);
  });

  it('submit on a click step', () => {
    const text = guideLines({
      12: ['    target: { label: Numéro }', '    submit: { role: button }'],
    });
    expect(problems({ [P]: text })).toEqual([
      `${P}:13:5 étape « ouvrir » : « submit » sert aux étapes « action: fill » ou « action: choose »`,
    ]);
  });

  it('empty file, bad file names', () => {
    expect(
      problems({
        'guides/caf/vide.yaml': '',
        'guides/caf/caf-essai.fr.yaml': yaml('title: x'),
        'guides/caf/notes.yml': yaml('a: 1'),
      }),
    ).toEqual([
      'guides/caf/caf-essai.fr.yaml:1:1 le français est dans « caf-essai.yaml » : pas de fichier .fr.yaml',
      'guides/caf/notes.yml:1:1 renommez le fichier en .yaml',
      'guides/caf/vide.yaml:1:1 le fichier est vide',
    ]);
  });
});

describe('values of the wrong kind', () => {
  it('a locator written as plain text', () => {
    const text = guideLines({ 12: '    target: Mon Compte' });
    expect(problems({ [P]: text })).toEqual([
      `${P}:12:13 étape « ouvrir » : « target » doit être un bloc de clés (clé: valeur) ou une liste`,
    ]);
  });

  it('a step written as plain text, and a bad item in prepare', () => {
    const text = guideLines({
      6: ['start: https://www.caf.fr/', 'prepare: [Un stylo, 3]'],
      13: ['    done: { url: "connect.caf.fr/*" }', '  - ouvrir'],
    });
    expect(problems({ [P]: text })).toEqual([
      `${P}:7:21 l’élément n° 2 de « prepare » doit être un texte (mettez-le entre guillemets)`,
      `${P}:15:5 étape n° 2 : l’élément n° 2 de « steps » doit être un bloc de clés (clé: valeur)`,
    ]);
  });
});
