/**
 * The target check of `guides:check`: every step's target is looked for on the practice pages
 * of its guide, in headless Chromium, by the extension's own locator engine (in-page.ts).
 *
 * Which pages: the practice sites say it themselves (routes.json and the pages' own links).
 * Each guide is walked from its `start` address: the addresses the pages go to (redirections,
 * the links and buttons its steps press) are followed, and so are their links to pages that
 * some step's `on.url` matches and that no address showed for that step yet. Then a step the
 * walk never showed is looked for on each route its `on.url` patterns can match, opened at an
 * address both accept (witness.ts). Wherever a practice page with declared variants is opened
 * (variants.ts: screens that only come sometimes, asked for by a practice query), each variant
 * is opened too, and named apart in the messages. A page shows the steps whose condition holds there (`on`,
 * or the previous step's when a step has none), `present` and `absent` included. On each page the check also
 * plays the steps shown (clicks the target, types a made-up value then presses `submit`) to
 * reach the states that come next on the same page: a login form that opens in two times, an
 * answer that shows the next question. Navigations are never carried out: the page stays, and
 * the new address joins the walk. No request leaves the machine.
 *
 * A target fails when, on a page where its step is shown, it finds nothing, finds several
 * visible elements (with the first locator of the list that finds anything: the engine never
 * reads the next ones then), or finds one answer of a question. Steps no page shows are
 * reported as warnings.
 */
import { chromium, type Browser, type Page, type Route as PwRoute } from '@playwright/test';
import { accessSync, constants } from 'node:fs';
import { availableParallelism } from 'node:os';
import { stepLabel, type SourceFile } from '../../../core/guides/load';
import type { Condition, Diagnostic, Guide, Locator } from '../../../core/guides/types';
import { matchUrlPattern } from '../../../core/guides/url-pattern';
import { GLOBAL_NAME, inPageScript } from './bundle';
import type { Inspection, StepQuery, TargetResult } from './in-page';
import { stepPlaces, type StepPlaces } from './places';
import { FIXTURES_DIR, PRACTICE_URL_RE, fixtureServer, type FixtureServer } from './practice';
import { readVariants, variantAddress, variantLabel, type Variant } from './variants';
import { commonAddresses } from './witness';

export interface TargetCheckOptions {
  /** Folder of the practice pages (default: tests/fixtures). */
  fixtures?: string;
  /** The Chromium to run (default: $CHROMIUM_PATH or /usr/bin/chromium). */
  executablePath?: string;
}

export interface TargetReport {
  errors: Diagnostic[];
  warnings: Diagnostic[];
  /** Steps with a target checked on at least one page. */
  checked: number;
  /** Practice pages opened (distinct addresses). */
  pages: number;
  /** Page states inspected (a page, or a page after some of its steps were played). */
  states: number;
  ms: number;
}

/** Limits that keep the check short whatever the guides and pages. */
const MAX_PAGES_PER_GUIDE = 120;
const MAX_STATES_PER_PAGE = 12;
const MAX_PLAYED = 4;
const LOAD_TIMEOUT = 15_000;
/** Pages working side by side: the check waits on the browser more than it computes. */
const PAGES = Math.max(1, Math.min(2, availableParallelism()));

export function chromiumPath(explicit?: string): string | null {
  const file = explicit ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  try {
    accessSync(file, constants.X_OK);
    return file;
  } catch {
    return null;
  }
}

/** A locator as written in a guide file. */
export function formatLocator(l: Locator): string {
  const parts = Object.entries(l).map(
    ([k, v]) => `${k}: ${Array.isArray(v) ? `[${v.join(', ')}]` : String(v)}`,
  );
  return `{ ${parts.join(', ')} }`;
}

function addressKey(href: string): string {
  const u = new URL(href);
  return `${u.hostname}${u.pathname}${u.search}${u.hash}`;
}

function withoutHash(href: string): string {
  const u = new URL(href);
  u.hash = '';
  return u.href;
}

/** One time a step was shown on a page. */
interface Sighting {
  file: string;
  url: string;
  /** Ids of the steps played on the page before. */
  after: string[];
  target?: TargetResult;
}

type InPage = typeof import('./in-page');

/** The browser side: one page, whose requests are all answered from the practice pages. */
class PracticeBrowser {
  /** Addresses seen leaving by the network side (new windows, anything the page missed). */
  private attempts: string[] = [];
  /** The address being opened by `open` (any other navigation is a departure). */
  private expected: string | null = null;
  /** Every address opened (a page reopened to reach its other states counts once). */
  readonly opened = new Set<string>();

  private constructor(
    readonly page: Page,
    private readonly server: FixtureServer,
  ) {}

  /**
   * `pages` pages in one context, each a PracticeBrowser: every request of the context is
   * answered by the one its page (or, for a new window, its opener) belongs to.
   */
  static async pool(
    browser: Browser,
    server: FixtureServer,
    script: string,
    pages: number,
  ): Promise<PracticeBrowser[]> {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      locale: 'fr-FR',
      serviceWorkers: 'block',
    });
    await context.addInitScript({ content: script });
    const owners = new Map<Page, PracticeBrowser>();
    for (let i = 0; i < pages; i++) {
      const page = await context.newPage();
      page.on('dialog', (d) => void d.dismiss().catch(() => undefined));
      owners.set(page, new PracticeBrowser(page, server));
    }
    // A new window (target=_blank): closed; its address is noted by the route below.
    context.on('page', (p) => {
      if (!owners.has(p)) void p.close().catch(() => undefined);
    });
    await context.route('**/*', async (route) => {
      const page = route.request().frame().page();
      const own = owners.get(page);
      if (own) return own.answer(route);
      const opener = owners.get((await page.opener().catch(() => null)) ?? page);
      if (opener && route.request().isNavigationRequest())
        opener.attempts.push(route.request().url());
      return route.abort('blockedbyclient');
    });
    return [...owners.values()];
  }

  private answer(route: PwRoute): Promise<void> {
    const request = route.request();
    const url = request.url();
    if (!PRACTICE_URL_RE.test(url)) return route.abort('blockedbyclient');
    if (
      request.isNavigationRequest() &&
      request.frame() === this.page.mainFrame() &&
      withoutHash(url) !== this.expected
    ) {
      // A departure the page script did not stop: the page stays (204).
      this.attempts.push(url);
      return route.fulfill({ status: 204, body: '' });
    }
    const r = this.server.resolve(url);
    return route.fulfill({
      status: r.status,
      contentType: r.contentType,
      body: r.body,
      ...(r.headers ? { headers: r.headers } : {}),
    });
  }

  /** Opens an address in a new document. Returns false when it cannot be opened. */
  async open(url: string): Promise<boolean> {
    // Only the fragment differs: the browser would stay in the same document.
    if (new URL(url).hash && withoutHash(this.page.url()) === withoutHash(url)) {
      await this.page.goto('about:blank');
    }
    this.attempts = [];
    this.expected = withoutHash(url);
    this.opened.add(this.expected);
    try {
      await this.page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT });
      return true;
    } catch {
      return false;
    } finally {
      this.expected = null;
    }
  }

  /** Addresses the network side saw leaving (new windows, anything the page script missed). */
  private drain(): string[] {
    const out = this.attempts;
    this.attempts = [];
    return out;
  }

  async inspect(queries: StepQuery[]): Promise<Inspection> {
    const state = await this.page.evaluate(
      ({ name, queries }) =>
        (globalThis as unknown as Record<string, InPage>)[name]!.inspect(queries),
      { name: GLOBAL_NAME, queries },
    );
    return { ...state, left: [...state.left, ...this.drain()] };
  }

  /** Plays one step in the page (in-page.ts `play`); never throws. */
  async play(step: Guide['steps'][number]): Promise<{ played: boolean; left: string[] }> {
    const { action, target, submit } = step;
    if (!target?.length || action === 'read') return { played: false, left: [] };
    try {
      const r = await this.page.evaluate(
        ({ name, target, action, submit }) =>
          (globalThis as unknown as Record<string, InPage>)[name]!.play(target, action, submit),
        { name: GLOBAL_NAME, target, action, submit },
      );
      return { played: r.played, left: [...r.left, ...this.drain()] };
    } catch {
      return { played: false, left: this.drain() };
    }
  }
}

/** The condition each step is shown under: its own `on`, or the previous step's. */
function conditions(guide: Guide): (Condition | undefined)[] {
  const out: (Condition | undefined)[] = [];
  guide.steps.forEach((s, i) => out.push(s.on ?? (i > 0 ? out[i - 1] : undefined)));
  return out;
}

type Priority = 0 | 1 | 2;

interface Visit {
  url: string;
  /** 0: where the guide goes (start, redirections, steps played); 1: a link; 2: a route. */
  priority: Priority;
  /** The variant of its page this address was made for. */
  variant?: Variant;
}

interface GuideWalk {
  guide: Guide;
  queries: StepQuery[];
  patterns: (readonly string[])[];
  sightings: Sighting[][];
  states: number;
}

async function walkGuide(
  practice: PracticeBrowser,
  server: FixtureServer,
  variants: ReadonlyMap<string, readonly Variant[]>,
  guide: Guide,
): Promise<GuideWalk> {
  const on = conditions(guide);
  const walk: GuideWalk = {
    guide,
    queries: guide.steps.map((s, i) => ({
      id: s.id,
      ...(on[i] ? { on: on[i] } : {}),
      ...(s.done ? { done: s.done } : {}),
      ...(s.target ? { target: s.target } : {}),
    })),
    patterns: on.map((c) => c?.url ?? []),
    sightings: guide.steps.map(() => []),
    states: 0,
  };
  const matching = (key: string) =>
    walk.patterns.flatMap((ps, i) => (ps.some((p) => matchUrlPattern(p, key)) ? [i] : []));

  const queues: Visit[][] = [[], [], []];
  const push = (url: string, priority: Priority) => {
    if (PRACTICE_URL_RE.test(url)) queues[priority]!.push({ url, priority });
  };
  push(guide.start, 0);

  const seen = new Set<string>();
  /** `step index|page file` already seen through some address. */
  const covered = new Set<string>();
  let pages = 0;
  let routesAdded = false;

  for (;;) {
    let visit = queues[0]!.shift() ?? queues[1]!.shift() ?? queues[2]!.shift();
    if (!visit && !routesAdded) {
      // The walk is over: the steps it never showed are looked for on every route their
      // addresses can match (addresses made up from the patterns, so only for those).
      routesAdded = true;
      const unseen = walk.patterns.filter((_, i) => !walk.sightings[i]!.length);
      for (const p of new Set(unseen.flat())) {
        for (const route of server.routes()) {
          if (!route.file?.endsWith('.html')) continue;
          for (const a of commonAddresses(p, route.url)) push(`https://${a}`, 2);
        }
      }
      visit = queues[2]!.shift();
    }
    if (!visit || pages >= MAX_PAGES_PER_GUIDE) break;
    let key: string;
    try {
      key = addressKey(visit.url);
    } catch {
      continue;
    }
    if (seen.has(key)) continue;
    seen.add(key);
    const resolved = server.resolve(visit.url);
    if (resolved.status === 302 && resolved.headers?.location) {
      push(resolved.headers.location, 0);
      continue;
    }
    const page = resolved.file;
    if (resolved.status !== 200 || !page?.endsWith('.html')) continue;
    if (visit.variant) {
      if (page !== visit.variant.file) {
        throw new Error(
          `variante ${variantLabel(visit.variant)} : ${visit.url} mène à ${page}, pas à ${visit.variant.file}`,
        );
      }
    } else {
      // The same page in the states it only shows sometimes, from the same address.
      for (const variant of variants.get(page) ?? []) {
        queues[visit.priority]!.push({
          ...visit,
          url: variantAddress(visit.url, variant),
          variant,
        });
      }
    }
    const file = visit.variant ? variantLabel(visit.variant) : page;
    const steps = matching(key);
    if (visit.priority > 0 && !steps.some((i) => !covered.has(`${i}|${file}`))) continue;

    pages++;
    if (!(await practice.open(visit.url))) continue;
    if (await explore(practice, walk, visit.url, file, push)) {
      for (const i of steps) covered.add(`${i}|${file}`);
    }
  }
  return walk;
}

/**
 * Inspects a page just opened, then the states its shown steps lead to on the same page, depth
 * first: the first step played goes on from where the page is, the others from the page
 * opened again. Returns false for a page that leaves as soon as it opens (a redirection): the
 * person never sees it, only where it goes.
 */
async function explore(
  practice: PracticeBrowser,
  walk: GuideWalk,
  url: string,
  file: string,
  push: (url: string, priority: Priority) => void,
): Promise<boolean> {
  const { guide, queries } = walk;
  const seen = new Set<string>();
  let budget = MAX_STATES_PER_PAGE;

  /** Opens the page again and plays the steps of `path`; false when that no longer works. */
  const replay = async (path: readonly number[]): Promise<boolean> => {
    if (!(await practice.open(url))) return false;
    for (const i of path) {
      const { played, left } = await practice.play(guide.steps[i]!);
      if (!played || left.length) return false;
    }
    return true;
  };

  const visit = async (path: number[], look?: Inspection): Promise<void> => {
    if (budget-- <= 0) return;
    const state = look ?? (await practice.inspect(queries));
    const signature = JSON.stringify([state.url, state.steps]);
    if (seen.has(signature)) return;
    seen.add(signature);
    walk.states++;
    for (const link of state.links) push(link, 1);
    const after = path.map((i) => guide.steps[i]!.id);
    const next: number[] = [];
    state.steps.forEach((answer, i) => {
      const step = guide.steps[i]!;
      // Once played, a step has had its turn: what its own action changed is for the next.
      if (!answer.holds || path.includes(i)) return;
      if (answer.done && (path.length > 0 || addressOnly(step.done))) return;
      walk.sightings[i]!.push({
        file,
        url: `https://${state.url}`,
        after,
        ...(answer.target ? { target: answer.target } : {}),
      });
      if (answer.target?.found && step.action !== 'read') next.push(i);
    });
    if (path.length >= MAX_PLAYED) return;
    let inPlace = true;
    for (const i of next) {
      if (!inPlace && !(await replay(path))) return;
      inPlace = false;
      const { played, left } = await practice.play(guide.steps[i]!);
      // The step leads to another address: the walk goes there, this page has no more to show.
      for (const u of left) push(u, 0);
      if (played && !left.length) await visit([...path, i]);
    }
  };

  const first = await practice.inspect(queries);
  if (first.left.length) {
    for (const u of first.left) push(u, 0);
    return false;
  }
  await visit([], first);
  return true;
}

/**
 * A `done` that is only an address: the engine passes such a step as soon as it holds. Another
 * `done` that already holds when a page opens does not always count (several steps on one
 * page each wait for the person), so there the step is still checked; once a step played on
 * the page makes it hold, the guide has moved on.
 */
function addressOnly(c: Condition | undefined): boolean {
  return !!c?.url?.length && !c.present?.length && !c.absent?.length;
}

function where(s: Sighting): string {
  const after = s.after.length ? `, après ${s.after.map((id) => `« ${id} »`).join(', ')}` : '';
  return `${s.file} (${s.url}${after})`;
}

interface Finding {
  place: StepPlaces | null;
  guide: Guide;
  stepId: string;
  warning: boolean;
  message: string;
}

function findings(walk: GuideWalk, places: ReturnType<typeof stepPlaces>): Finding[] {
  const out: Finding[] = [];
  const { guide } = walk;
  guide.steps.forEach((step, i) => {
    const place = places(guide.id, step.id);
    const add = (warning: boolean, message: string) =>
      out.push({ place, guide, stepId: step.id, warning, message });
    const sightings = walk.sightings[i]!;
    if (!sightings.length) {
      add(
        true,
        step.target?.length
          ? 'aucune page d’entraînement ne montre cette étape : sa cible n’est pas vérifiée'
          : 'aucune page d’entraînement ne montre cette étape',
      );
      return;
    }
    const said = new Set<string>();
    const once = (key: string, warning: boolean, message: string) => {
      if (said.has(key)) return;
      said.add(key);
      add(warning, message);
    };
    for (const s of sightings) {
      const t = s.target;
      if (!t) continue;
      if (!t.found) {
        if (t.disabled) {
          once(
            `disabled|${s.file}`,
            true,
            `la cible est désactivée sur ${where(s)} (${t.disabled}) : l’étape doit dire ce qu’elle attend`,
          );
        } else {
          once(`none|${s.file}`, false, `la cible ne trouve rien sur ${where(s)}`);
        }
        continue;
      }
      const locators = step.target ?? [];
      if (t.count > 1) {
        const which = locators.length > 1 ? `le localisateur n° ${t.locator + 1} ` : '';
        const locator = locators[t.locator];
        once(
          `many|${s.file}`,
          false,
          `la cible est ambiguë sur ${where(s)} : ${which}${locator ? formatLocator(locator) : ''} trouve ${t.count} éléments visibles : ${t.matches.join(', ')}`,
        );
      }
      if (t.question) {
        const q = t.question;
        const what =
          q.kind === 'answer'
            ? `est une réponse d’une question (${t.element} dans ${q.question})`
            : `est à l’intérieur d’une question (${t.element} dans ${q.question})`;
        const fix = q.suggest
          ? `entourez toute la question (target: ${q.suggest}) et dites comment choisir`
          : 'entourez toute la question et dites comment choisir';
        once(`question|${s.file}`, false, `la cible ${what} sur ${where(s)} : ${fix}`);
      }
    }
  });
  return out;
}

function toDiagnostics(list: Finding[]): { errors: Diagnostic[]; warnings: Diagnostic[] } {
  // A part's step is checked in every guide that includes it: one line, with the guides.
  const byText = new Map<
    string,
    { d: Diagnostic; warning: boolean; guides: string[]; part: boolean }
  >();
  for (const f of list) {
    const place = f.warning ? f.place?.on : f.place?.target;
    const own = f.place?.ownId ?? f.stepId;
    const file = place?.file ?? `(guide ${f.guide.id})`;
    const d: Diagnostic = {
      file,
      line: place?.line ?? 1,
      col: place?.col ?? 1,
      message: `${f.warning ? 'avertissement : ' : ''}${stepLabel(own)}${f.message}`,
    };
    const key = `${d.file}:${d.line}:${d.col} ${d.message}`;
    const known = byText.get(key);
    if (known) known.guides.push(f.guide.id);
    else
      byText.set(key, {
        d,
        warning: f.warning,
        guides: [f.guide.id],
        part: own !== f.stepId,
      });
  }
  const errors: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  for (const { d, warning, guides, part } of byText.values()) {
    const out = part ? { ...d, message: `${d.message} (guide ${guides.join(', ')})` } : d;
    (warning ? warnings : errors).push(out);
  }
  const order = (a: Diagnostic, b: Diagnostic) =>
    a.file !== b.file ? (a.file < b.file ? -1 : 1) : a.line - b.line || a.col - b.col;
  return { errors: errors.sort(order), warnings: warnings.sort(order) };
}

/** Checks every step's target of the guides on their practice pages. */
export async function checkTargets(
  guides: readonly Guide[],
  sources: readonly SourceFile[],
  options: TargetCheckOptions = {},
): Promise<TargetReport> {
  const started = performance.now();
  const executablePath = chromiumPath(options.executablePath);
  if (!executablePath) throw new Error('Chromium introuvable');
  const server = fixtureServer(options.fixtures ?? FIXTURES_DIR);
  const variants = readVariants(options.fixtures ?? FIXTURES_DIR);
  const places = stepPlaces(sources);
  const script = await inPageScript();
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-extensions', '--lang=fr-FR'],
  });
  try {
    const pool = await PracticeBrowser.pool(browser, server, script, PAGES);
    const walks: GuideWalk[] = [];
    let next = 0;
    // Each page walks one guide at a time, the next guide left.
    await Promise.all(
      pool.map(async (practice) => {
        for (let i = next++; i < guides.length; i = next++) {
          walks[i] = await walkGuide(practice, server, variants, guides[i]!);
        }
      }),
    );
    const opened = new Set(pool.flatMap((p) => [...p.opened]));
    return {
      ...toDiagnostics(walks.flatMap((w) => findings(w, places))),
      checked: walks.reduce(
        (n, w) => n + w.sightings.filter((s) => s.some((x) => x.target)).length,
        0,
      ),
      pages: opened.size,
      states: walks.reduce((n, w) => n + w.states, 0),
      ms: performance.now() - started,
    };
  } finally {
    await browser.close();
  }
}
