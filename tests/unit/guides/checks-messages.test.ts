import { describe, expect, it } from 'vitest';
import { GUIDE_PATH, guideLines, problems } from './helpers';

const P = GUIDE_PATH;

describe('friendlier errors', () => {
  it('after a YAML syntax error, one message for the file, not a cascade', () => {
    const text = guideLines({
      10: '    text: Cliquez ici : le bouton est en haut.',
      12: '    target: { role: link, name: Mon Compte',
      16: '    text: "Votre déclaration est envoyée.',
    });
    expect(problems({ [P]: text })).toEqual([
      `${P}:10:11 syntaxe YAML : un « : » suivi d’une espace dans un texte : mettez le texte entre guillemets, ou vérifiez le décalage`,
    ]);
  });

  it('a key written in French gets its English name', () => {
    const text = guideLines({
      9: '    titre: Ouvrez Mon Compte',
      12: '    cible: { role: link, name: Mon Compte }',
      13: '    fini: { url: "connect.caf.fr/*" }',
    });
    expect(problems({ [P]: text })).toEqual([
      `${P}:8:5 étape « ouvrir » : il manque « title »`,
      `${P}:9:5 étape « ouvrir » : clé inconnue « titre » : les clés sont en anglais, écrivez « title »`,
      `${P}:12:5 étape « ouvrir » : clé inconnue « cible » : les clés sont en anglais, écrivez « target »`,
      `${P}:13:5 étape « ouvrir » : clé inconnue « fini » : les clés sont en anglais, écrivez « done »`,
    ]);
    const steps = guideLines({ 7: 'étapes:' });
    expect(problems({ [P]: steps })).toContain(
      `${P}:7:1 clé inconnue « étapes » : les clés sont en anglais, écrivez « steps »`,
    );
  });

  it('a role or an action written in French gets its English name', () => {
    const role = guideLines({ 12: '    target: { role: bouton, name: Mon Compte }' });
    expect(problems({ [P]: role })).toEqual([
      `${P}:12:21 étape « ouvrir » : rôle inconnu « bouton » : les rôles sont en anglais, écrivez « button »`,
    ]);
    const asKey = guideLines({ 12: '    lien: Mon Compte' });
    expect(problems({ [P]: asKey })).toEqual([
      `${P}:12:5 étape « ouvrir » : clé inconnue « lien » : un lien se désigne par son rôle, en anglais : target: { role: link, name: … }`,
    ]);
    const action = guideLines({
      12: ['    action: cliquer', '    target: { role: link, name: Mon Compte }'],
    });
    expect(problems({ [P]: action })).toEqual([
      `${P}:12:13 étape « ouvrir » : « action » doit être click, fill, choose ou read (vouliez-vous dire « click » ?)`,
    ]);
  });

  it('messages name a step in French', () => {
    const text = guideLines({ 12: '    target: { role: link, name: Mon Compte, css: a }' });
    for (const line of problems({ [P]: text })) {
      expect(line).not.toMatch(/\bstep\b|"ouvrir"/);
      expect(line).toContain('étape « ouvrir » : ');
    }
  });
});
