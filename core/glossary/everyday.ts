/**
 * Everyday web words: words of every site, not of the administration (« se connecter »,
 * « mot de passe », « télécharger »…). Marking them on every page reads like spell-check, so
 * they are marked only when the person asks for them (setting « everydayWords »). The side
 * panel's word list is not affected by this list: it is the glossary's own data.
 */
export const EVERYDAY_TERM_IDS: ReadonlySet<string> = new Set([
  'se-connecter',
  'mot-de-passe',
  'identifiant',
  'telecharger',
  'document-pdf',
  'piece-jointe',
  'adresse-electronique',
  'navigateur',
  'cookies',
  'rendez-vous',
]);
