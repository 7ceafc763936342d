// @vitest-environment node
/**
 * The target check of `guides:check` on a small guide and practice site written here: real
 * headless Chromium, the extension's own locator engine in the page.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGuides } from '../../../core/guides/load';
import { formatDiagnostic } from '../../../core/guides/types';
import { readGuideSources } from '../../../tools/guides/load-fs';
import { checkTargets, chromiumPath, type TargetReport } from '../../../tools/guides/targets/check';
import { FIXTURES_DIR } from '../../../tools/guides/targets/practice';
import { readVariants, variantAddress, variantLabel } from '../../../tools/guides/targets/variants';
import { commonAddress, commonAddresses } from '../../../tools/guides/targets/witness';

function page(title: string, body: string): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;
}

const HOME = page(
  'Accueil',
  `<header><nav aria-label="Menu"><a href="https://www.caf.fr/aide">Aide</a>
    <a href="https://wwwd.caf.fr/moncompte">Mon Compte</a></nav></header>
  <nav id="mobile" hidden><a href="https://wwwd.caf.fr/moncompte">Mon Compte</a></nav>
  <main>
    <h1>Bienvenue</h1>
    <button type="button" id="ouvrir">Se connecter</button>
    <form id="form" hidden>
      <label for="nir">Numéro de sécurité sociale</label><input id="nir">
    </form>
    <p><a href="https://www.caf.fr/aide">Aide</a></p>
  </main>
  <script>
    document.getElementById('ouvrir').addEventListener('click', function () {
      document.getElementById('form').hidden = false;
      this.hidden = true;
    });
  </script>`,
);

const QUESTION = page(
  'Votre situation',
  `<main><form action="https://wwwd.caf.fr/suite">
    <fieldset><legend>Votre situation a-t-elle changé ?</legend>
      <input type="radio" id="oui" name="change" value="oui"><label for="oui">Oui</label>
      <input type="radio" id="non" name="change" value="non"><label for="non">Non</label>
    </fieldset>
    <fieldset><legend>Conditions</legend>
      <input type="checkbox" id="lu"><label for="lu">J’ai lu les conditions</label>
    </fieldset>
    <button>Suivant</button>
  </form></main>`,
);

const ROUTES = JSON.stringify([
  { url: 'www.caf.fr/', file: 'accueil.html' },
  { url: 'wwwd.caf.fr/moncompte*', file: 'question.html' },
]);

/** Lines 8, 13, 18… are the `target:` lines the errors must point at. */
const GUIDE = [
  'id: caf-essai', //                                                        1
  'site: caf', //                                                            2
  'title: Essai', //                                                         3
  'goal: Pour essayer.', //                                                  4
  'source: https://www.caf.fr/', //                                          5
  'start: https://www.caf.fr/', //                                           6
  'steps:', //                                                               7
  '  - id: trouve', //                                                       8
  '    title: Trouvé', //                                                    9
  '    text: Une seule cible visible, l’autre est cachée.', //               10
  '    on: { url: "www.caf.fr/" }', //                                       11
  '    target: { role: link, name: Mon Compte }', //                         12
  '  - id: introuvable', //                                                  13
  '    title: Introuvable', //                                               14
  '    text: Rien ne porte ce nom.', //                                      15
  '    target: { role: button, name: Envoyer le formulaire }', //            16
  '  - id: ambigu', //                                                       17
  '    title: Ambigu', //                                                    18
  '    text: Deux liens visibles « Aide ».', //                              19
  '    target: { role: link, name: Aide }', //                               20
  '  - id: premier-compte', //                                               21
  '    title: Le premier qui trouve', //                                     22
  '    text: Seul le premier localisateur qui trouve compte.', //            23
  '    target: [{ role: button, name: Se connecter }, { role: link, name: Aide }]', // 24
  '  - id: numero', //                                                       25
  '    title: Numéro', //                                                    26
  '    text: Le champ paraît après « Se connecter ».', //                    27
  '    action: fill', //                                                     28
  '    on: { url: "www.caf.fr/", present: { label: Numéro de sécurité sociale } }', // 29
  '    target: { label: Numéro de sécurité sociale }', //                    30
  '  - id: reponse', //                                                      31
  '    title: Une réponse', //                                               32
  '    text: Cochez « Non ».', //                                            33
  '    action: choose', //                                                   34
  '    on: { url: "wwwd.caf.fr/moncompte*" }', //                            35
  // By its label: guides:check already refuses `role: radio` itself before any page is read.
  '    target: { label: Non }', //                                           36
  '  - id: question', //                                                     37
  '    title: Toute la question', //                                         38
  '    text: Choisissez votre réponse.', //                                  39
  '    action: choose', //                                                   40
  '    target: { role: group, name: Votre situation a-t-elle changé ? }', // 41
  '  - id: case-seule', //                                                   42
  '    title: Une case seule', //                                            43
  '    text: Une case seule n’est pas une question.', //                     44
  '    target: { label: J’ai lu les conditions }', //                        45
  '  - id: ailleurs', //                                                     46
  '    title: Ailleurs', //                                                  47
  '    text: Aucune page d’entraînement ici.', //                            48
  '    on: { url: "wwwd.caf.fr/nulle-part" }', //                            49
  '    target: { role: link, name: Nulle part }', //                         50
  '  - id: libelle', //                                                      51
  '    title: Le libellé d’une réponse', //                                  52
  '    text: Cliquez sur « Oui ».', //                                       53
  '    on: { url: "wwwd.caf.fr/moncompte*" }', //                            54
  '    target: { text: Oui }', //                                            55
  '',
].join('\n');

describe('target addresses', () => {
  it('finds an address both a step pattern and a route accept', () => {
    expect(commonAddress('www.caf.fr/*', 'www.caf.fr/')).toBe('www.caf.fr/');
    expect(commonAddress('www.caf.fr/aide/*', 'www.caf.fr/*')).toBe('www.caf.fr/aide/');
    expect(commonAddress('*.caf.fr/*', 'wwwd.caf.fr/moncompte*')).toBe('wwwd.caf.fr/moncompte');
    expect(commonAddress('www.caf.fr/a*', 'www.caf.fr/b*')).toBeNull();
    // A leading `*.` takes at least one host character.
    expect(commonAddress('*.caf.fr/*', 'caf.fr/')).toBeNull();
    // Another variant fills the route's star, to reach a route shadowed by a narrower one.
    expect(commonAddresses('www.caf.fr/*', 'www.caf.fr/*')).toEqual([
      'www.caf.fr/',
      'www.caf.fr/x',
    ]);
  });
});

describe.skipIf(!chromiumPath())('target check in Chromium', { timeout: 120_000 }, () => {
  let root = '';
  let file = '';
  let report: TargetReport;
  let lines: string[] = [];

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'pap-targets-'));
    const fixtures = path.join(root, 'fixtures');
    mkdirSync(path.join(fixtures, 'essai'), { recursive: true });
    writeFileSync(path.join(fixtures, 'essai', 'routes.json'), ROUTES);
    writeFileSync(path.join(fixtures, 'essai', 'accueil.html'), HOME);
    writeFileSync(path.join(fixtures, 'essai', 'question.html'), QUESTION);
    const guides = path.join(root, 'guides');
    mkdirSync(path.join(guides, 'caf'), { recursive: true });
    file = path.join(guides, 'caf', 'caf-essai.yaml');
    writeFileSync(file, GUIDE);

    const sources = readGuideSources(guides);
    const loaded = loadGuides(sources.guides);
    expect(loaded.diagnostics.map(formatDiagnostic)).toEqual([]);
    report = await checkTargets(loaded.guides, sources.guides, { fixtures });
    lines = [...report.errors, ...report.warnings].map(formatDiagnostic);
  }, 120_000);

  afterAll(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });

  const at = (line: number, col: number, id: string) => `${file}:${line}:${col} étape « ${id} » : `;

  it('passes a target that finds one visible element (a hidden twin does not count)', () => {
    expect(lines.filter((l) => l.includes('étape « trouve »'))).toEqual([]);
  });

  it('fails a target that finds nothing, at the target’s position, naming the page', () => {
    expect(lines).toContain(
      `${at(16, 13, 'introuvable')}la cible ne trouve rien sur essai/accueil.html (https://www.caf.fr/)`,
    );
  });

  it('fails an ambiguous target and shows the elements found', () => {
    const line = lines.find((l) => l.startsWith(at(20, 13, 'ambigu')));
    expect(line).toContain('la cible est ambiguë sur essai/accueil.html (https://www.caf.fr/)');
    expect(line).toContain('{ role: link, name: Aide } trouve 2 éléments visibles');
    expect(line).toContain('link « Aide » (dans nav « Menu »)');
  });

  it('counts only the first locator of a list that finds something', () => {
    expect(lines.filter((l) => l.includes('étape « premier-compte »'))).toEqual([]);
  });

  it('checks a step on the states its page reaches when the steps before it are played', () => {
    expect(lines.filter((l) => l.includes('étape « numero »'))).toEqual([]);
    // Had it not been seen, it would be reported as shown by no page (see the last test).
    expect(report.checked).toBe(9);
  });

  it('fails a target that is one answer of a question and names the whole question', () => {
    const line = lines.find((l) => l.startsWith(at(36, 13, 'reponse')));
    expect(line).toContain(
      'la cible est une réponse d’une question (radio « Non » dans group « Votre situation a-t-elle changé ? »)',
    );
    expect(line).toContain('sur essai/question.html (https://wwwd.caf.fr/moncompte)');
    expect(line).toContain('target: { role: group, name: "Votre situation a-t-elle changé ?" }');
  });

  it('fails a target that finds the label of an answer', () => {
    const line = lines.find((l) => l.startsWith(at(55, 13, 'libelle')));
    expect(line).toContain(
      'la cible est une réponse d’une question (label « Oui » dans group « Votre situation a-t-elle changé ? »)',
    );
  });

  it('passes the whole question, and a lone box that answers no question', () => {
    expect(lines.filter((l) => /étape « (question|case-seule) »/.test(l))).toEqual([]);
  });

  it('warns, without failing, about a step that no practice page shows', () => {
    expect(report.warnings.map(formatDiagnostic)).toEqual([
      `${file}:49:9 avertissement : étape « ailleurs » : aucune page d’entraînement ne montre cette étape : sa cible n’est pas vérifiée`,
    ]);
    expect(report.errors).toHaveLength(4);
  });
});

/** A login whose code screen only comes with `?code=1` (as the practice pages' `?mfa=1`). */
const LOGIN = page(
  'Connexion',
  `<main><form id="form" action="https://wwwd.caf.fr/moncompte">
    <label for="mdp">Mot de passe</label><input id="mdp" type="password">
    <button id="entrer">Se connecter</button>
  </form>
  <form id="code" hidden action="https://wwwd.caf.fr/moncompte">
    <label for="c">Code reçu</label><input id="c"><button>Valider</button>
  </form>
  <script>
    document.getElementById('form').addEventListener('submit', function (e) {
      var code = new URLSearchParams(location.search).get('code');
      if (!code) return;
      e.preventDefault();
      this.hidden = true;
      if (code === 'autre') document.querySelector('label[for=c]').textContent = 'Code secret';
      document.getElementById('code').hidden = false;
    });
  </script></main>`,
);

const CODE_GUIDE = [
  'id: caf-code', //                                                         1
  'site: caf', //                                                            2
  'title: Code', //                                                          3
  'goal: Pour essayer.', //                                                  4
  'source: https://www.caf.fr/', //                                          5
  'start: https://connect.caf.fr/login?retour=1#/login', //                  6
  'steps:', //                                                               7
  '  - id: mot-de-passe', //                                                 8
  '    title: Mot de passe', //                                              9
  '    text: Tapez votre mot de passe.', //                                  10
  '    action: fill', //                                                     11
  '    on: { url: "connect.caf.fr/login*", present: { label: Mot de passe } }', // 12
  '    target: { label: Mot de passe }', //                                  13
  '    submit: { role: button, name: Se connecter }', //                     14
  '  - id: code', //                                                         15
  '    optional: true', //                                                   16
  '    title: Code', //                                                      17
  '    text: Tapez le code reçu.', //                                        18
  '    action: fill', //                                                     19
  '    on: { url: "connect.caf.fr/login*", present: { css: "#code:not([hidden])" } }', // 20
  '    target: { label: Code reçu }', //                                     21
  '  - id: fin', //                                                          22
  '    title: Fin', //                                                       23
  '    text: Vous êtes dans votre compte.', //                               24
  '    on: { url: "wwwd.caf.fr/moncompte*" }', //                            25
  '',
].join('\n');

describe('practice-page variants', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  /** A fixtures folder with one site whose `variants.json` holds `variants` (none when null). */
  function fixtures(variants: string | null): string {
    const root = mkdtempSync(path.join(tmpdir(), 'pap-variants-'));
    dirs.push(root);
    const site = path.join(root, 'essai');
    mkdirSync(site);
    writeFileSync(
      path.join(site, 'routes.json'),
      JSON.stringify([
        { url: 'connect.caf.fr/login*', file: 'connexion.html' },
        { url: 'wwwd.caf.fr/moncompte*', file: 'compte.html' },
      ]),
    );
    writeFileSync(path.join(site, 'connexion.html'), LOGIN);
    writeFileSync(
      path.join(site, 'compte.html'),
      page('Mon compte', '<main><h1>Mon compte</h1></main>'),
    );
    if (variants !== null) writeFileSync(path.join(site, 'variants.json'), variants);
    return root;
  }
  const CODE_VARIANT = JSON.stringify([
    { file: 'connexion.html', query: { code: '1' }, shows: 'le code après le mot de passe' },
  ]);

  it('reads each site folder’s variants by page, and sets their query on an address', () => {
    const variants = readVariants(fixtures(CODE_VARIANT));
    const [v] = variants.get('essai/connexion.html') ?? [];
    expect(v).toMatchObject({ file: 'essai/connexion.html', query: { code: '1' } });
    expect(variantAddress('https://connect.caf.fr/login?retour=1#/login', v!)).toBe(
      'https://connect.caf.fr/login?retour=1&code=1#/login',
    );
    expect(variantLabel(v!)).toBe('essai/connexion.html?code=1');
    expect(readVariants(fixtures(null)).size).toBe(0);
  });

  it('refuses a variants file that is not as described, naming it', () => {
    expect(() => readVariants(fixtures('{'))).toThrow(/variants\.json : JSON illisible/);
    expect(() =>
      readVariants(fixtures(JSON.stringify([{ file: 'connexion.html', query: {}, shows: 'x' }]))),
    ).toThrow(/variants\.json : 0\.query : au moins un paramètre/);
    expect(() =>
      readVariants(
        fixtures(JSON.stringify([{ file: 'absente.html', query: { a: '1' }, shows: 'x' }])),
      ),
    ).toThrow(/la page absente\.html n’existe pas/);
  });

  it('declares the repository’s optional screens: Caf’s code, France Travail’s verification', () => {
    const variants = readVariants(FIXTURES_DIR);
    expect(variants.get('caf/connexion.html')?.map((v) => v.query)).toEqual([{ mfa: '1' }]);
    expect(variants.get('france-travail/connexion.html')?.map((v) => v.query)).toEqual([
      { verification: '1' },
    ]);
  });

  describe.skipIf(!chromiumPath())('in Chromium', { timeout: 120_000 }, () => {
    async function check(variants: string | null): Promise<TargetReport> {
      const root = fixtures(variants);
      const guides = path.join(root, 'guides');
      mkdirSync(path.join(guides, 'caf'), { recursive: true });
      writeFileSync(path.join(guides, 'caf', 'caf-code.yaml'), CODE_GUIDE);
      const sources = readGuideSources(guides);
      const loaded = loadGuides(sources.guides);
      expect(loaded.diagnostics.map(formatDiagnostic)).toEqual([]);
      return checkTargets(loaded.guides, sources.guides, { fixtures: root });
    }

    it('checks a screen that only a variant shows, and names the variant in its problems', async () => {
      const without = await check(null);
      expect(without.errors).toEqual([]);
      expect(without.warnings.map((d) => d.message)).toEqual([
        'avertissement : étape « code » : aucune page d’entraînement ne montre cette étape : sa cible n’est pas vérifiée',
      ]);
      expect(without.checked).toBe(1);

      const withVariant = await check(CODE_VARIANT);
      expect([...withVariant.errors, ...withVariant.warnings]).toEqual([]);
      expect(withVariant.checked).toBe(2);

      // A target that fails only on a variant says which variant it was.
      const other = await check(
        JSON.stringify([{ file: 'connexion.html', query: { code: 'autre' }, shows: 'x' }]),
      );
      expect(other.errors.map((d) => d.message)).toEqual([
        'étape « code » : la cible ne trouve rien sur essai/connexion.html?code=autre (https://connect.caf.fr/login?retour=1&code=autre#/login, après « mot-de-passe »)',
      ]);
    });
  });
});
