import { describe, expect, it } from 'vitest';
import { GUIDE_PATH, guideLines, load, yaml } from './helpers';

const PART = yaml(
  'kind: part',
  'id: franceconnect-connexion',
  'site: franceconnect',
  'title: Me connecter avec FranceConnect',
  'steps:',
  '  - id: choisir-compte',
  '    title: Choisissez un compte',
  '    text: Cliquez sur votre compte.',
  '    target:',
  '      - { role: button, name: impots.gouv }',
  '      - { css: "#impots" }',
  '    done: { url: "idp.impots.gouv.fr/*", absent: { text: Chargement } }',
  '    next: se-connecter',
  '  - id: se-connecter',
  '    title: Connectez-vous',
  '    text: Tapez votre numéro fiscal.',
  '    action: fill',
  '    on: { url: "idp.impots.gouv.fr/*" }',
  '    target: { label: Numéro fiscal }',
  '    submit: [{ role: button, name: Se connecter }, { role: button, name: Valider }]',
  '    done: { url: "*.caf.fr/*" }',
);

const GUIDE = guideLines({
  6: ['start: https://www.caf.fr/', 'prepare:', '  - Votre numéro d’allocataire'],
  13: ['    done: { url: "connect.caf.fr/*" }', '  - include: franceconnect-connexion'],
  17: [
    '    on:',
    '      url: ["wwwd.caf.fr/fin*", "wwwd.caf.fr/*/merci"]',
    '      present: { text: Merci }',
  ],
});

const files = {
  [GUIDE_PATH]: GUIDE,
  'guides/franceconnect/franceconnect-connexion.yaml': PART,
  'guides/caf/caf-essai.en.yaml': yaml(
    'title: Declare my income',
    'steps:',
    '  ouvrir: { title: Open Mon Compte }',
  ),
  'guides/franceconnect/franceconnect-connexion.en.yaml': yaml(
    'steps:',
    '  choisir-compte: { text: Click your account. }',
  ),
  'guides/franceconnect/franceconnect-connexion.ar.yaml': yaml(
    'steps:',
    '  choisir-compte: { title: اختر حسابًا }',
  ),
};

describe('loadGuides on valid files', () => {
  const result = load(files);

  it('reports no problem and returns the guide, not the part', () => {
    expect(result.diagnostics).toEqual([]);
    expect(result.guides.map((g) => g.id)).toEqual(['caf-essai']);
    expect(result.parts.map((p) => p.id)).toEqual(['franceconnect-connexion']);
  });

  it('expands includes with prefixed ids and next', () => {
    const steps = result.guides[0]?.steps ?? [];
    expect(steps.map((s) => s.id)).toEqual([
      'ouvrir',
      'franceconnect-connexion.choisir-compte',
      'franceconnect-connexion.se-connecter',
      'fin',
    ]);
    expect(steps[1]?.next).toBe('franceconnect-connexion.se-connecter');
    // The part itself keeps its own ids.
    expect(result.parts[0]?.steps[0]?.next).toBe('se-connecter');
  });

  it('normalises single values to lists and applies defaults', () => {
    const guide = result.guides[0];
    expect(guide?.prepare).toEqual(['Votre numéro d’allocataire']);
    expect(guide?.duration).toBeUndefined();
    const [ouvrir, choisir, seConnecter, fin] = guide?.steps ?? [];
    expect(ouvrir).toEqual({
      id: 'ouvrir',
      title: 'Ouvrez Mon Compte',
      text: 'Cliquez sur le bouton Mon Compte.',
      action: 'click',
      on: { url: ['www.caf.fr/'] },
      target: [{ role: 'link', name: 'Mon Compte' }],
      done: { url: ['connect.caf.fr/*'] },
    });
    expect(choisir?.target).toEqual([{ role: 'button', name: 'impots.gouv' }, { css: '#impots' }]);
    expect(choisir?.done).toEqual({
      url: ['idp.impots.gouv.fr/*'],
      absent: [{ text: 'Chargement' }],
    });
    expect(seConnecter?.action).toBe('fill');
    expect(seConnecter?.submit).toEqual([
      { role: 'button', name: 'Se connecter' },
      { role: 'button', name: 'Valider' },
    ]);
    expect(fin?.on).toEqual({
      url: ['wwwd.caf.fr/fin*', 'wwwd.caf.fr/*/merci'],
      present: [{ text: 'Merci' }],
    });
  });

  it('defaults prepare to an empty list', () => {
    const plain = load({ [GUIDE_PATH]: guideLines() });
    expect(plain.diagnostics).toEqual([]);
    expect(plain.guides[0]?.prepare).toEqual([]);
  });

  it('attaches translations, with part translations only in the guide’s languages', () => {
    const i18n = result.guides[0]?.i18n;
    expect(Object.keys(i18n ?? {})).toEqual(['en']);
    expect(i18n?.en).toEqual({
      title: 'Declare my income',
      steps: {
        ouvrir: { title: 'Open Mon Compte' },
        'franceconnect-connexion.choisir-compte': { text: 'Click your account.' },
      },
    });
    expect(Object.keys(result.parts[0]?.i18n ?? {}).sort()).toEqual(['ar', 'en']);
  });

  it('gives the same result whatever the order of the files', () => {
    const reversed = load(Object.fromEntries(Object.entries(files).reverse()));
    const { guides, parts, diagnostics } = result;
    expect({
      guides: reversed.guides,
      parts: reversed.parts,
      diagnostics: reversed.diagnostics,
    }).toEqual({
      guides,
      parts,
      diagnostics,
    });
  });
});
