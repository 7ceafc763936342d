import { describe, expect, it } from 'vitest';
import { namedTime } from '../../../core/guides/checks/time';
import { findings } from './checks-helpers';
import { GUIDE_PATH, guideLines, problems, yaml } from './helpers';

const P = GUIDE_PATH;
const PART_PATH = 'guides/franceconnect/franceconnect-connexion.yaml';

describe('logic of the steps', () => {
  it('every step but the last says when it is done', () => {
    expect(findings({ [P]: guideLines() }, 'logic')).toEqual([]);
    expect(findings({ [P]: guideLines({ 13: [] }) }, 'logic')).toEqual([
      `${P}:8:5 étape « ouvrir » : le guide ne sait pas quand cette étape est finie : ajoutez « done: » avec l’adresse de la page qui vient après (« url: »), ou ce qui apparaît (« present: ») ou disparaît (« absent: ») — voir guides/README.md, « Comment le guide avance ». Un champ seul (fill), ou un choix avec « submit », n’en a pas besoin`,
    ]);
  });

  it('a field, or a question with its button, ends without « done »', () => {
    const fill = guideLines({ 12: ['    action: fill', '    target: { label: Numéro }'], 13: [] });
    expect(findings({ [P]: fill }, 'logic')).toEqual([]);
    const choose = guideLines({
      12: [
        '    action: choose',
        '    target: { role: group, name: Votre situation a-t-elle changé ? }',
        '    submit: { role: button, name: Suivant }',
      ],
      13: [],
    });
    expect(findings({ [P]: choose }, 'logic')).toEqual([]);
    const alone = guideLines({
      12: ['    action: choose', '    target: { role: group, name: Q }'],
      13: [],
    });
    expect(findings({ [P]: alone }, 'logic')).toHaveLength(1);
  });

  it('the last step says when the procedure is finished', () => {
    const text = guideLines({ 11: '    on: { url: "www.caf.fr/" }', 17: [] });
    expect(findings({ [P]: text }, 'logic')).toEqual([
      `${P}:14:5 étape « fin » : l’étape est la dernière : elle doit dire quand la démarche est finie, avec un « on » (la page de fin) ou un « done »`,
    ]);
    const done = guideLines({ 17: '    done: { url: "wwwd.caf.fr/fin*" }' });
    expect(findings({ [P]: done }, 'logic')).toEqual([]);
  });

  it('a next never points at its own step, nor at a missing one', () => {
    const self = guideLines({ 13: ['    done: { url: "connect.caf.fr/*" }', '    next: ouvrir'] });
    expect(findings({ [P]: self }, 'logic')).toEqual([
      `${P}:14:11 étape « ouvrir » : « next » mène à l’étape elle-même : le guide tournerait en rond`,
    ]);
    const missing = guideLines({ 13: ['    done: { url: "connect.caf.fr/*" }', '    next: fini'] });
    expect(problems({ [P]: missing })).toEqual([
      `${P}:14:11 étape « ouvrir » : next « fini » ne correspond à aucune étape (vouliez-vous dire « fin » ?)`,
    ]);
  });

  it('a step of a part is reported once, in the part, whatever the guides that include it', () => {
    const part = yaml(
      'kind: part',
      'id: franceconnect-connexion',
      'site: franceconnect',
      'title: Me connecter',
      'steps:',
      '  - { id: choisir, title: Choisissez, text: Cliquez., on: { url: "app.franceconnect.gouv.fr/*" } }',
    );
    const guide = guideLines({ 14: ['  - include: franceconnect-connexion', '  - id: fin'] });
    const other = guideLines({
      1: 'id: caf-autre',
      14: ['  - include: franceconnect-connexion', '  - id: fin'],
    });
    expect(
      findings({ [P]: guide, 'guides/caf/caf-autre.yaml': other, [PART_PATH]: part }, 'logic'),
    ).toEqual([
      `${PART_PATH}:6:5 étape « choisir » : le guide ne sait pas quand cette étape est finie : ajoutez « done: » avec l’adresse de la page qui vient après (« url: »), ou ce qui apparaît (« present: ») ou disparaît (« absent: ») — voir guides/README.md, « Comment le guide avance ». Un champ seul (fill), ou un choix avec « submit », n’en a pas besoin`,
    ]);
  });

  it('a target that is one answer of a question is still refused', () => {
    const text = guideLines({ 12: '    target: { role: radio, name: Non }' });
    expect(problems({ [P]: text })[0]).toMatch(
      /^guides\/caf\/caf-essai\.yaml:12:21 étape « ouvrir » : la cible est une réponse \(role: radio\)/,
    );
  });
});

describe('years and months in targets and addresses', () => {
  it('finds a year, a month, in words or in an address', () => {
    expect(namedTime('Avis d’impôt 2026 sur les revenus de 2025')).toEqual({
      word: '2026',
      kind: 'year',
      index: 13,
    });
    expect(namedTime('cfspart.impots.gouv.fr/enp/documents.do?n=2026*')).toMatchObject({
      word: '2026',
      kind: 'year',
    });
    expect(namedTime("Salaire d'août (montant net social)")).toEqual({
      word: 'août',
      kind: 'month',
      index: 10,
    });
    expect(namedTime('www.caf.fr/declaration-janvier*')).toMatchObject({
      word: 'janvier',
      kind: 'month',
    });
    expect(namedTime('Mars 1999')).toEqual({ word: '1999', kind: 'year', index: 5 });
    expect(namedTime('Déclaration des revenus 2025')).toMatchObject({ word: '2025' });
    expect(namedTime('Formulaire des revenus 2031')).toMatchObject({ word: '2031' });
  });

  it('leaves form numbers, other numbers and look-alike words alone', () => {
    expect(namedTime('Remplir le formulaire 2042')).toBeNull();
    expect(namedTime('Déclaration n° 2035')).toBeNull();
    expect(namedTime('Cerfa n°2031')).toBeNull();
    expect(namedTime('le numéro 2065')).toBeNull();
    expect(namedTime('Annexe 2042-RICI')).toBeNull();
    expect(namedTime('Formulaire 2044')).toBeNull();
    expect(namedTime('la 2047')).toBeNull();
    expect(namedTime('Code postal 75015')).toBeNull();
    expect(namedTime('Avant 1989')).toBeNull();
    expect(namedTime('Adresse e-mail')).toBeNull();
    expect(namedTime('Salaire du mois (montant net social)')).toBeNull();
    expect(namedTime('Avis d’impôt * sur les revenus de *')).toBeNull();
  });

  it('refuses a target or an address that names one, at its place', () => {
    const text = guideLines({
      12: '    target: { role: link, name: "Avis d’impôt 2026" }',
      13: '    done: { url: "connect.caf.fr/aout/*" }',
    });
    const message = (what: string) =>
      `${what}. Désignez l’élément sans ce mot ({ pattern: … }, avec * à sa place) et dites « la plus récente » dans le texte`;
    expect(findings({ [P]: text }, 'time')).toEqual([
      `${P}:12:47 étape « ouvrir » : ${message('l’année « 2026 » change chaque année : ne la nommez pas')}`,
      `${P}:13:34 étape « ouvrir » : ${message('le mois « aout » change d’une fois à l’autre : ne le nommez pas')}`,
    ]);
    expect(findings({ [P]: guideLines() }, 'time')).toEqual([]);
  });
});
