/**
 * The forms a locator may take in a guide file: several roles, and a text matched by its
 * start or by a short pattern. What they compile to, and the messages for their mistakes.
 */
import { describe, expect, it } from 'vitest';
import { GUIDE_PATH, guideLines, load, problems } from './helpers';

const P = GUIDE_PATH;

function target(line: string) {
  const { guides, diagnostics } = load({ [P]: guideLines({ 12: `    target: ${line}` }) });
  expect(diagnostics).toEqual([]);
  return guides[0]?.steps[0]?.target;
}

describe('locator forms', () => {
  it('compile as written: a list of roles, a start, a pattern', () => {
    expect(target('{ role: [button, link], name: Mon Compte }')).toEqual([
      { role: ['button', 'link'], name: 'Mon Compte' },
    ]);
    expect(target('{ role: button, name: { start: Continuer sur } }')).toEqual([
      { role: 'button', name: { start: 'Continuer sur' } },
    ]);
    expect(
      target('{ role: link, name: { pattern: "Avis d’impôt * sur les revenus de *" } }'),
    ).toEqual([{ role: 'link', name: { pattern: 'Avis d’impôt * sur les revenus de *' } }]);
    expect(
      target('[{ label: { start: Numéro fiscal } }, { text: { pattern: "Étape * sur 3" } }]'),
    ).toEqual([{ label: { start: 'Numéro fiscal' } }, { text: { pattern: 'Étape * sur 3' } }]);
  });

  it('say what is wrong with a role list', () => {
    expect(problems({ [P]: guideLines({ 12: '    target: { role: [button, lien] }' }) })).toEqual([
      `${P}:12:30 étape « ouvrir » : rôle inconnu « lien » : les rôles sont en anglais, écrivez « link »`,
    ]);
    expect(problems({ [P]: guideLines({ 12: '    target: { role: [] }' }) })).toEqual([
      `${P}:12:21 étape « ouvrir » : la liste « role » est vide`,
    ]);
  });

  it('say what is wrong with a start or a pattern', () => {
    const at = (line: string) => problems({ [P]: guideLines({ 12: `    target: ${line}` }) });
    expect(at('{ role: button, name: { begin: Continuer } }')).toEqual([
      `${P}:12:37 étape « ouvrir » : clé inconnue « begin » (clés possibles : start, pattern)`,
    ]);
    expect(at('{ role: button, name: {} }')).toEqual([
      `${P}:12:35 étape « ouvrir » : il faut « start » ou « pattern »`,
    ]);
    expect(at('{ role: button, name: { start: Continuer, pattern: "C*" } }')).toEqual([
      `${P}:12:55 étape « ouvrir » : « start » ou « pattern », pas les deux`,
    ]);
    expect(at('{ role: button, name: { pattern: Continuer } }')).toEqual([
      `${P}:12:46 étape « ouvrir » : le motif « Continuer » n’a pas de « * » : écrivez le texte seul, sans « pattern »`,
    ]);
    expect(at('{ role: button, name: { pattern: "* *" } }')).toEqual([
      `${P}:12:46 étape « ouvrir » : le motif « * * » n’a aucun mot`,
    ]);
    expect(at('{ role: button, name: { start: "" } }')).toEqual([
      `${P}:12:44 étape « ouvrir » : « start » est vide`,
    ]);
    expect(at('{ role: button, name: { pattern: "/a*/" } }')).toEqual([
      `${P}:12:46 étape « ouvrir » : les expressions régulières ne sont pas acceptées (« /a*/ ») : dans un motif, seul « * » est spécial`,
    ]);
    expect(at('{ role: button, name: [Valider, Envoyer] }')).toEqual([
      `${P}:12:35 étape « ouvrir » : « name » doit être un texte ou un bloc de clés (clé: valeur)`,
    ]);
  });
});
