import { SITES, type Site } from './registry';

/** Hosts that serve the local practice pages (development and test builds only). */
const PRACTICE_HOSTS = new Set(['localhost', '127.0.0.1']);

/**
 * The practice server serves a real site's page at `http://localhost:PORT/<real host>/<path>`.
 * This turns such an address back into the real one, so that recognition and guides work the
 * same way on practice pages and on the real sites. Other addresses are returned unchanged.
 */
export function toSiteUrl(href: string, allowPractice: boolean): URL | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (allowPractice && PRACTICE_HOSTS.has(url.hostname)) {
    const match = /^\/([a-z0-9.-]+\.[a-z]{2,})(\/.*)?$/i.exec(url.pathname);
    if (!match) return url;
    const real = new URL(`https://${match[1]}${match[2] ?? '/'}`);
    real.search = url.search;
    real.hash = url.hash;
    return real;
  }
  return url;
}

export function siteForHost(host: string): Site | undefined {
  const h = host.toLowerCase().replace(/\.$/, '');
  return SITES.find((s) => s.domains.some((d) => h === d || h.endsWith(`.${d}`)));
}

export interface Recognition {
  site: Site;
  /** The real address (practice addresses are mapped back to the real host). */
  url: URL;
}

/** Which site a page belongs to, or null for any other page. */
export function recognise(href: string, allowPractice = false): Recognition | null {
  const url = toSiteUrl(href, allowPractice);
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) return null;
  const site = siteForHost(url.hostname);
  return site ? { site, url } : null;
}

/** The address without the scheme: `host/path?query#hash`, the form URL patterns are written in. */
export function urlKey(url: URL): string {
  return `${url.hostname}${url.pathname}${url.search}${url.hash}`;
}
