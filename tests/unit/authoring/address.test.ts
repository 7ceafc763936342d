import { describe, expect, it } from 'vitest';
import { addressPattern } from '../../../core/authoring/address';
import { matchUrlPattern } from '../../../core/guides/url-pattern';
import { urlKey } from '../../../core/sites/recognise';

const pattern = (href: string) => addressPattern(new URL(href));

describe('addressPattern', () => {
  it('drops the query and replaces ids', () => {
    expect(pattern('https://www.caf.fr/mon-compte/dossier/1234567/pieces?nir=1840512345678')).toBe(
      'www.caf.fr/mon-compte/dossier/*/pieces*',
    );
    expect(pattern('https://www.impots.gouv.fr/accueil')).toBe('www.impots.gouv.fr/accueil');
    expect(pattern('https://a.ameli.fr/s/aZ9xQpL0mN3vB7cD2eF5gH8jK/fin')).toBe(
      'a.ameli.fr/s/*/fin',
    );
    expect(pattern('https://a.ameli.fr/s/abcdefghijklmnopqrstuvwxyzabcdef/fin')).toBe(
      'a.ameli.fr/s/*/fin',
    );
  });

  it('keeps a hash route, cleaned', () => {
    expect(pattern('https://connect.caf.fr/connexionappli/dist/#/login')).toBe(
      'connect.caf.fr/connexionappli/dist/#/login',
    );
    expect(pattern('https://connect.caf.fr/app/?mfa=1#/dossier/42')).toBe(
      'connect.caf.fr/app/*#/dossier/*',
    );
  });

  it('matches the address it came from', () => {
    for (const href of [
      'https://www.caf.fr/mon-compte/dossier/1234567/pieces?nir=1840512345678',
      'https://connect.caf.fr/connexionappli/dist/?mfa=1#/login',
      'https://www.caf.fr/x#section',
    ]) {
      const url = new URL(href);
      expect(matchUrlPattern(addressPattern(url), urlKey(url))).toBe(true);
    }
  });
});
