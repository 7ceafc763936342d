import { describe, expect, it } from 'vitest';
import { checkUrlPattern, matchUrlPattern, urlPatternHost } from '../../../core/guides/url-pattern';
import { urlKey } from '../../../core/sites/recognise';

describe('matchUrlPattern', () => {
  it.each([
    ['www.caf.fr/', 'www.caf.fr/', true],
    ['www.caf.fr/', 'www.caf.fr/allocataires', false],
    ['www.caf.fr/*', 'www.caf.fr/allocataires/mes-services', true],
    [
      'wwwd.caf.fr/wps/myportal/caffr/moncompte/tableaudebord*',
      'wwwd.caf.fr/wps/myportal/caffr/moncompte/tableaudebord?x=1',
      true,
    ],
    [
      'connect.caf.fr/connexionappli/dist/#/login*',
      'connect.caf.fr/connexionappli/dist/#/login',
      true,
    ],
    [
      'connect.caf.fr/connexionappli/dist/#/login*',
      'connect.caf.fr/connexionappli/dist/#/accueil',
      false,
    ],
    [
      '*.ameli.fr/PortailAS/appmanager/PortailAS/assure?*_pageLabel=as_accueil_page*',
      'assure.ameli.fr/PortailAS/appmanager/PortailAS/assure?_nfpb=true&_pageLabel=as_accueil_page',
      true,
    ],
    [
      '*.ameli.fr/PortailAS/appmanager/PortailAS/assure?*_pageLabel=as_accueil_page*',
      'assure.ameli.fr/PortailAS/appmanager/PortailAS/assure?_pageLabel=as_paiements_page',
      false,
    ],
    // Dots and question marks are plain characters, not wildcards.
    ['www.caf.fr/a.b', 'www.caf.fr/axb', false],
    ['www.caf.fr/a?b', 'www.caf.fr/ab', false],
    // The whole address must match: no match on a prefix or inside a longer host.
    ['caf.fr/*', 'www.caf.fr/x', false],
    ['*.caf.fr/*', 'evil.com/?.caf.fr/', false],
    ['*.caf.fr/*', 'a.b.caf.fr/x', true],
    // Stars only ever stand for characters; several in a row or at the end are fine.
    ['www.caf.fr/**', 'www.caf.fr/', true],
    ['www.caf.fr/*/fin', 'www.caf.fr/a/b/fin', true],
    ['www.caf.fr/*/fin', 'www.caf.fr/a/b/fin/x', false],
    ['*.caf.fr/', '.caf.fr/', false],
    ['*.caf.fr/', 'caf.fr/', false],
    // A /regular expression/ is not one here: taken as characters, it matches no address.
    ['/MON-COMPTE/i', 'wwwd.caf.fr/mon-compte/x', false],
    ['/caf/', '/caf/', true],
  ])('%s ~ %s → %s', (pattern, key, expected) => {
    expect(matchUrlPattern(pattern, key)).toBe(expected);
  });

  it('matches the key built from a real address', () => {
    const key = urlKey(new URL('https://connect.caf.fr/connexionappli/dist/?x=1#/login'));
    expect(matchUrlPattern('connect.caf.fr/connexionappli/dist/?x=1#/login*', key)).toBe(true);
  });

  it('gives the same answer on repeated calls', () => {
    expect(matchUrlPattern('www.caf.fr/*', 'www.caf.fr/x')).toBe(true);
    expect(matchUrlPattern('www.caf.fr/*', 'www.caf.fr/x')).toBe(true);
  });

  it('never throws, whatever the pattern', () => {
    expect(matchUrlPattern('/a(/', 'a(')).toBe(false);
    expect(matchUrlPattern('', '')).toBe(true);
    expect(matchUrlPattern('*.', '')).toBe(false);
  });
});

describe('checkUrlPattern', () => {
  it.each(['www.caf.fr/', '*.ameli.fr/PortailAS/*', 'idp.impots.gouv.fr/*'])('accepts %s', (p) =>
    expect(checkUrlPattern(p)).toBeNull(),
  );

  it.each([
    ['', 'le motif d’adresse est vide'],
    [
      'caf.fr',
      'le motif « caf.fr » doit commencer par un nom de site suivi de « / » (ex. www.caf.fr/)',
    ],
    [
      '*/login*',
      'le motif « */login* » doit commencer par un nom de site suivi de « / » (ex. www.caf.fr/)',
    ],
    [
      'www.*.fr/',
      'le motif « www.*.fr/ » doit commencer par un nom de site suivi de « / » (ex. www.caf.fr/)',
    ],
    ['https://www.caf.fr/', 'écrivez le motif sans « https:// » (ex. www.caf.fr/)'],
    ['www.caf.fr/mon compte', 'le motif d’adresse « www.caf.fr/mon compte » contient une espace'],
    ['WWW.CAF.FR/', 'le nom de site s’écrit en minuscules dans « WWW.CAF.FR/ »'],
    [
      '/caf\\.fr/i',
      'les expressions régulières ne sont pas acceptées (« /caf\\.fr/i ») : écrivez l’adresse avec « * » pour la partie qui change (ex. www.caf.fr/mon-compte/*) ; pour une page précise, ajoutez « present » ou « absent »',
    ],
  ])('refuses %j', (p, message) => expect(checkUrlPattern(p)).toBe(message));

  it('gives the host to check against the sites, without the leading *.', () => {
    expect(urlPatternHost('*.ameli.fr/x')).toBe('ameli.fr');
    expect(urlPatternHost('connect.caf.fr/x*')).toBe('connect.caf.fr');
    expect(urlPatternHost('/caf/')).toBeNull();
    expect(urlPatternHost('caf')).toBeNull();
  });
});
