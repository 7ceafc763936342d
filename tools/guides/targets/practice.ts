/** The practice pages (tests/fixtures), as the e2e tests and the practice server serve them. */
// @ts-expect-error plain JavaScript module shared with the practice server and the e2e tests
import * as core from '../../../tests/fixtures/serve-core.mjs';

export interface Resolved {
  status: number;
  contentType: string;
  body: string | Buffer;
  headers?: Record<string, string>;
  /** `<site folder>/<file>` of the page served. */
  file?: string;
}

export interface Route {
  url: string;
  file?: string;
  redirect?: string;
  /** The site folder. */
  dir: string;
}

export interface FixtureServer {
  routes(): Route[];
  resolve(href: string): Resolved;
}

const typed = core as {
  FIXTURES_DIR: string;
  PRACTICE_URL_RE: RegExp;
  createFixtureServer(dir: string): FixtureServer;
};

/** The repository's practice pages. */
export const FIXTURES_DIR = typed.FIXTURES_DIR;
/** Any https address on the sites the practice pages imitate. */
export const PRACTICE_URL_RE = typed.PRACTICE_URL_RE;

export function fixtureServer(dir: string): FixtureServer {
  return typed.createFixtureServer(dir);
}
