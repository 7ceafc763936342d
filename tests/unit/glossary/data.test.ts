import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadGlossaryDir } from '../../../tools/glossary/load-fs';
import { compileGlossary, type GlossaryMatcher } from '../../../core/glossary/matcher';
import type { GlossaryTerm } from '../../../core/glossary/types';
import { formatDiagnostic } from '../../../core/guides/types';

const DIR = 'guides/glossary';
const FILES = ['caf', 'ameli', 'france-travail', 'impots', 'franceconnect', 'commun'];

let terms: GlossaryTerm[] = [];
let matcher: GlossaryMatcher;

beforeAll(async () => {
  const r = await loadGlossaryDir(DIR);
  expect(r.diagnostics.map(formatDiagnostic)).toEqual([]);
  terms = r.terms;
  matcher = compileGlossary(terms);
});

describe('guides/glossary', () => {
  it('has one file per site theme, each explaining elisions at the top', () => {
    for (const name of FILES) {
      const path = `${DIR}/${name}.yaml`;
      expect(existsSync(path), path).toBe(true);
      const head = readFileSync(path, 'utf8').split('\n- id:')[0] as string;
      expect(head).toMatch(/^#/);
      expect(head).toContain('l’apostrophe sépare les mots');
    }
  });

  it('holds at least 150 terms with no diagnostic', () => {
    expect(terms.length).toBeGreaterThanOrEqual(150);
    expect(new Set(terms.map((t) => t.id)).size).toBe(terms.length);
  });

  it('keeps definitions short: about 25 words, never more than 30', () => {
    for (const t of terms) {
      const words = t.definition.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
      expect(words.length, t.id).toBeLessThanOrEqual(30);
    }
    const avg =
      terms.reduce((n, t) => n + t.definition.split(/\s+/).length, 0) / Math.max(1, terms.length);
    expect(avg).toBeLessThan(20);
  });

  it('finds each form and acronym as its own term (nothing is shadowed)', () => {
    for (const t of terms) {
      for (const text of [t.term, ...t.forms, ...t.acronyms]) {
        const found = matcher.findAll(text);
        expect(found, `${t.id}: ${text}`).toEqual([{ start: 0, end: text.length, termId: t.id }]);
      }
    }
  });

  it('covers the terms named in the issue', () => {
    const text = [
      'Votre numéro d’allocataire et le quotient familial (QF).',
      'L’allocataire indique son RFR et télécharge l’attestation de droits.',
      'Le tiers-payant, la complémentaire santé solidaire (CSS) et la C2S.',
      'Faites votre actualisation pour toucher l’ARE.',
      'PRÉLÈVEMENT À LA SOURCE : le PAS.',
    ].join('\n');
    const ids = matcher.findAll(text).map((m) => m.termId);
    expect(ids).toEqual([
      'numero-allocataire',
      'quotient-familial',
      'quotient-familial',
      'allocataire',
      'revenu-fiscal-de-reference',
      'attestation-de-droits',
      'tiers-payant',
      'complementaire-sante-solidaire',
      'complementaire-sante-solidaire',
      'complementaire-sante-solidaire',
      'actualisation',
      'allocation-retour-emploi',
      'prelevement-a-la-source',
      'prelevement-a-la-source',
    ]);
  });

  it('leaves everyday French alone', () => {
    const text =
      'Bonjour. Il ne faut pas oublier de revenir demain. Le café est bon, c’est PAREIL ici. ' +
      'Vous avez une aide, un revenu, un compte et un code. Cliquez sur « Suivant ». ' +
      'NE PAS OUBLIER VOTRE DOSSIER.';
    expect(matcher.findAll(text).map((m) => text.slice(m.start, m.end))).toEqual([]);
  });
});
