import { describe, expect, it } from 'vitest';
import { checkGuideFiles } from '../../../core/guides/checks';
import { isOfficial } from '../../../core/guides/checks/evidence';
import { findings, TODAY } from './checks-helpers';
import { GUIDE_PATH, guideLines, load, problems } from './helpers';

const P = GUIDE_PATH;

/** The guide with evidence on its first step (line 13 onwards). */
function withEvidence(...lines: string[]): string {
  return guideLines({ 13: ['    done: { url: "connect.caf.fr/*" }', '    evidence:', ...lines] });
}

const ON_FIN = guideLines({
  17: ['    on: { url: "wwwd.caf.fr/fin*" }', '    evidence: { unverified: pas de page publique }'],
});

describe('evidence of each step', () => {
  it('an official page, quoted and dated, verifies a step', () => {
    const text = withEvidence(
      '      url: https://www.caf.fr/allocataires/aide',
      '      quote: Mon Compte',
      '      seen: 2026-01-15',
    );
    expect(findings({ [P]: text }, 'evidence').filter((f) => !f.includes('« fin »'))).toEqual([]);
  });

  it('prefers an official page: another one is a warning', () => {
    const text = withEvidence(
      '      url: https://www.exemple-aide.fr/caf',
      '      quote: Mon Compte',
      '      seen: 2026-01',
    );
    expect(findings({ [P]: text }, 'evidence')).toContain(
      `${P}:15:12 (avertissement) étape « ouvrir » : page non officielle : préférez une page officielle (caf.fr, ameli.fr, francetravail.fr, impots.gouv.fr, service-public.gouv.fr, franceconnect.gouv.fr) ; une autre page seulement quand aucune page officielle ne le dit`,
    );
    expect(isOfficial('https://connect.caf.fr/x')).toBe(true);
    expect(isOfficial('https://www.service-public.fr/particuliers/vosdroits/F1')).toBe(true);
    expect(isOfficial('https://caf.fr.exemple.com/')).toBe(false);
    expect(isOfficial('https://notcaf.fr/')).toBe(false);
  });

  it('an old pole-emploi.fr page is flagged as old', () => {
    const text = withEvidence(
      '      url: https://www.pole-emploi.fr/candidat/actualisation.html',
      '      quote: Je m’actualise',
      '      seen: 2023-05-02',
    );
    expect(findings({ [P]: text }, 'evidence')).toContain(
      `${P}:15:12 (avertissement) étape « ouvrir » : page ancienne : pole-emploi.fr est l’ancien site de France Travail. Citez une page de francetravail.fr`,
    );
  });

  it('« seen » is a real date, never after today', () => {
    const future = withEvidence(
      '      url: https://www.caf.fr/a',
      '      quote: Mon Compte',
      '      seen: 2027-01-02',
    );
    expect(findings({ [P]: future }, 'evidence')).toContain(
      `${P}:17:13 étape « ouvrir » : « seen » (2027-01-02) est après aujourd’hui (${TODAY}) : donnez la date imprimée sur la page ou celle de sa copie`,
    );
    const wrong = withEvidence(
      '      url: https://www.caf.fr/a',
      '      quote: Mon Compte',
      '      seen: 15/01/2026',
    );
    expect(problems({ [P]: wrong })).toEqual([
      `${P}:17:13 étape « ouvrir » : « seen » doit être une date AAAA-MM-JJ (ou AAAA-MM), ici « 15/01/2026 »`,
    ]);
    const impossible = withEvidence(
      '      url: https://www.caf.fr/a',
      '      quote: Q',
      '      seen: 2026-02-30',
    );
    expect(problems({ [P]: impossible })).toHaveLength(1);
  });

  it('the url is a full https address', () => {
    const text = withEvidence(
      '      url: http://www.caf.fr/a',
      '      quote: Q',
      '      seen: 2026-01-15',
    );
    expect(problems({ [P]: text })).toEqual([
      `${P}:15:12 étape « ouvrir » : « url » doit commencer par https://`,
    ]);
  });

  it('a step without evidence is a warning', () => {
    expect(findings({ [P]: ON_FIN }, 'evidence')).toEqual([
      `${P}:8:5 (avertissement) étape « ouvrir » : l’étape n’a pas de « evidence » : citez la page qui montre ces mots ({ url, quote, seen }), ou dites pourquoi ce n’est pas vérifié ({ unverified: … })`,
    ]);
  });
});

describe('the guide’s source', () => {
  it('is an official page; an old pole-emploi.fr page is marked as dated', () => {
    const other = guideLines({ 5: 'source: https://www.aide-sociale.fr/caf' });
    expect(findings({ [P]: other }, 'evidence')).toContain(
      `${P}:5:9 (avertissement) « source » n’est pas une page officielle : préférez une page officielle (caf.fr, ameli.fr, francetravail.fr, impots.gouv.fr, service-public.gouv.fr, franceconnect.gouv.fr) ; une autre page seulement quand aucune page officielle ne le dit`,
    );
    const old = guideLines({ 5: 'source: https://www.pole-emploi.fr/candidat/mes-droits.html' });
    expect(findings({ [P]: old }, 'evidence')).toContain(
      `${P}:5:9 (avertissement) page ancienne : pole-emploi.fr est l’ancien site de France Travail. Citez une page de francetravail.fr, ou, s’il n’y en a pas, marquez-la : source_dated: true`,
    );
    const dated = guideLines({
      5: ['source: https://www.pole-emploi.fr/candidat/mes-droits.html', 'source_dated: true'],
    });
    expect(findings({ [P]: dated }, 'evidence').filter((f) => f.includes('source'))).toEqual([]);
    expect(findings({ [P]: guideLines() }, 'evidence').filter((f) => f.includes('source'))).toEqual(
      [],
    );
  });

  it('source_dated stays out of the compiled guide', () => {
    const dated = guideLines({
      5: ['source: https://www.pole-emploi.fr/candidat/mes-droits.html', 'source_dated: true'],
    });
    expect(load({ [P]: dated }).guides[0]).not.toHaveProperty('source_dated');
  });
});

describe('the evidence report', () => {
  it('lists per file the verified steps, the unverified ones with why, and those without', () => {
    const text = guideLines({
      13: [
        '    done: { url: "connect.caf.fr/*" }',
        '    evidence: { url: "https://www.caf.fr/a", quote: Mon Compte, seen: 2026-01-15 }',
      ],
      17: [
        '    on: { url: "wwwd.caf.fr/fin*" }',
        '    evidence: { unverified: aucune page ne le montre }',
      ],
    });
    const { units } = load({ [P]: text });
    expect(checkGuideFiles({ units, today: TODAY }).evidence).toEqual([
      {
        file: P,
        id: 'caf-essai',
        kind: 'guide',
        includes: [],
        steps: [
          {
            id: 'ouvrir',
            status: 'verified',
            url: 'https://www.caf.fr/a',
            quote: 'Mon Compte',
            seen: '2026-01-15',
          },
          { id: 'fin', status: 'unverified', reason: 'aucune page ne le montre' },
        ],
      },
    ]);
  });
});
