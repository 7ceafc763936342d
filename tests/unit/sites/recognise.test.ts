import { describe, expect, it } from 'vitest';
import { recognise, siteForHost, toSiteUrl, urlKey } from '../../../core/sites/recognise';
import { siteMatchPatterns } from '../../../core/sites/registry';

const siteOf = (href: string, allowPractice = false) =>
  recognise(href, allowPractice)?.site.id ?? null;

describe('recognise', () => {
  it('knows each site and its sub-hosts', () => {
    expect(siteOf('https://www.caf.fr/')).toBe('caf');
    expect(siteOf('https://wwwd.caf.fr/wps/myportal/caffr/moncompte/tableaudebord')).toBe('caf');
    expect(siteOf('https://connect.caf.fr/connexionappli/dist/#/login')).toBe('caf');
    expect(siteOf('https://caf.fr/')).toBe('caf');
    expect(siteOf('https://www.ameli.fr/assure')).toBe('ameli');
    expect(siteOf('https://assure.ameli.fr/PortailAS/')).toBe('ameli');
    expect(siteOf('https://cfspart-idp.impots.gouv.fr/oauth2/authorize')).toBe('impots');
    expect(siteOf('https://app.franceconnect.gouv.fr/api/v2/interaction/x')).toBe('franceconnect');
  });

  it('knows France Travail under its new and its old name', () => {
    expect(siteOf('https://www.francetravail.fr/')).toBe('france-travail');
    expect(siteOf('https://candidat.francetravail.fr/espacepersonnel/')).toBe('france-travail');
    expect(siteOf('https://pole-emploi.fr/')).toBe('france-travail');
    expect(siteOf('https://www.pole-emploi.fr/candidat/')).toBe('france-travail');
    expect(siteOf('https://authentification-candidat.pole-emploi.fr/connexion/')).toBe(
      'france-travail',
    );
  });

  it('does not take look-alike hosts for a site', () => {
    expect(siteOf('https://cafe.fr/')).toBeNull();
    expect(siteOf('https://www.cafe.fr/')).toBeNull();
    expect(siteOf('https://moncaf.fr/')).toBeNull();
    expect(siteOf('https://caf.fr.example.com/')).toBeNull();
    expect(siteOf('https://www.caf.fr-connexion.com/')).toBeNull();
    expect(siteOf('https://faux-pole-emploi.fr/')).toBeNull();
    expect(siteOf('https://impots.gouv.fr.phishing.net/')).toBeNull();
    expect(siteOf('https://gouv.fr/')).toBeNull();
    expect(siteOf('https://www.example.org/?u=https://www.caf.fr/')).toBeNull();
  });

  it('ignores case and a final dot in the host', () => {
    expect(siteOf('https://WWW.CAF.FR/')).toBe('caf');
    expect(siteOf('https://www.caf.fr./')).toBe('caf');
    expect(siteForHost('Www.Ameli.Fr.')?.id).toBe('ameli');
  });

  it('only knows web pages', () => {
    expect(siteOf('ftp://www.caf.fr/')).toBeNull();
    expect(siteOf('file:///home/www.caf.fr/index.html')).toBeNull();
    expect(siteOf('javascript:alert(1)')).toBeNull();
    expect(siteOf('not a url')).toBeNull();
    expect(siteOf('')).toBeNull();
  });

  it('gives the real address back', () => {
    const rec = recognise('https://www.caf.fr/page?x=1#top');
    expect(rec?.url.href).toBe('https://www.caf.fr/page?x=1#top');
    expect(urlKey(rec!.url)).toBe('www.caf.fr/page?x=1#top');
  });
});

describe('practice addresses', () => {
  const local =
    'http://localhost:5173/connect.caf.fr/connexionappli/dist/?contexteAppel=caffr#/login';

  it('map back to the real host when practice pages are allowed', () => {
    const url = toSiteUrl(local, true);
    expect(url?.href).toBe(
      'https://connect.caf.fr/connexionappli/dist/?contexteAppel=caffr#/login',
    );
    const rec = recognise(local, true);
    expect(rec?.site.id).toBe('caf');
    expect(urlKey(rec!.url)).toBe('connect.caf.fr/connexionappli/dist/?contexteAppel=caffr#/login');
    expect(siteOf('http://127.0.0.1:8080/www.impots.gouv.fr/accueil', true)).toBe('impots');
    // The host alone gives the site's root.
    expect(toSiteUrl('http://localhost:8080/www.caf.fr', true)?.href).toBe('https://www.caf.fr/');
  });

  it('stay local addresses (and no site) when practice pages are not allowed', () => {
    expect(toSiteUrl(local, false)?.hostname).toBe('localhost');
    expect(recognise(local, false)).toBeNull();
    expect(recognise(local)).toBeNull();
  });

  it('do not turn an unrelated local page or host into a site', () => {
    expect(siteOf('http://localhost:5173/', true)).toBeNull();
    expect(siteOf('http://localhost:5173/index.html', true)).toBeNull();
    expect(siteOf('http://localhost:5173/www.example.org/caf.fr', true)).toBeNull();
    expect(siteOf('http://localhost:5173/www.cafe.fr/', true)).toBeNull();
    // Only the practice hosts are mapped: another host keeps its own address.
    expect(toSiteUrl('http://example.org/www.caf.fr/', true)?.hostname).toBe('example.org');
    expect(siteOf('http://example.org/www.caf.fr/', true)).toBeNull();
  });
});

describe('siteMatchPatterns', () => {
  it('covers every domain and sub-host over https only', () => {
    const patterns = siteMatchPatterns();
    expect(patterns).toContain('https://*.caf.fr/*');
    expect(patterns).toContain('https://*.pole-emploi.fr/*');
    expect(patterns.every((p) => p.startsWith('https://*.'))).toBe(true);
  });
});
