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
    [
      '/^app\\.franceconnect\\.gouv\\.fr\\/api\\/v2\\/interaction\\/[^/?#]+$/',
      'app.franceconnect.gouv.fr/api/v2/interaction/abc123',
      true,
    ],
    [
      '/^app\\.franceconnect\\.gouv\\.fr\\/api\\/v2\\/interaction\\/[^/?#]+$/',
      'app.franceconnect.gouv.fr/api/v2/interaction/abc/consent',
      false,
    ],
    ['/MON-COMPTE/i', 'wwwd.caf.fr/mon-compte/x', true],
    ['/MON-COMPTE/', 'wwwd.caf.fr/mon-compte/x', false],
  ])('%s ~ %s → %s', (pattern, key, expected) => {
    expect(matchUrlPattern(pattern, key)).toBe(expected);
  });

  it('matches the key built from a real address', () => {
    const key = urlKey(new URL('https://connect.caf.fr/connexionappli/dist/?x=1#/login'));
    expect(matchUrlPattern('connect.caf.fr/connexionappli/dist/?x=1#/login*', key)).toBe(true);
  });

  it('gives the same answer on repeated calls, even with a g flag', () => {
    expect(matchUrlPattern('/caf/g', 'www.caf.fr/')).toBe(true);
    expect(matchUrlPattern('/caf/g', 'www.caf.fr/')).toBe(true);
  });

  it('never throws on a broken regular expression', () => {
    expect(matchUrlPattern('/a(/', 'a(')).toBe(false);
  });
});

describe('checkUrlPattern', () => {
  it.each(['www.caf.fr/', '*.ameli.fr/PortailAS/*', 'idp.impots.gouv.fr/*', '/caf\\.fr/i'])(
    'accepts %s',
    (p) => expect(checkUrlPattern(p)).toBeNull(),
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
      '/a(/',
      'expression régulière invalide « /a(/ » : Invalid regular expression: /a(/: Unterminated group',
    ],
  ])('refuses %j', (p, message) => expect(checkUrlPattern(p)).toBe(message));

  it('gives the host to check against the sites, without the leading *.', () => {
    expect(urlPatternHost('*.ameli.fr/x')).toBe('ameli.fr');
    expect(urlPatternHost('connect.caf.fr/x*')).toBe('connect.caf.fr');
    expect(urlPatternHost('/caf/')).toBeNull();
  });
});
