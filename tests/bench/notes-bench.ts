/**
 * Notes benchmark (npm run bench:notes, also run by npm run bench). In the built extension's
 * own page (real Chromium IndexedDB, the extension origin), with 100,000 notes on one guide,
 * it times opening the guide's notes in the side panel:
 *   before: what the panel did until paging: every note read, sent (JSON) and drawn;
 *   after:  the resume, the counts by index and the first page, then « Voir plus »;
 * and, beside it, the clean-up each worker start runs, and the size of the export file.
 *
 * It prints figures and asserts nothing timed: machines differ. Figures:
 * artifacts/bench-notes.json. Environment: BENCH_NOTES (default 100000), BENCH_RUNS_BEFORE
 * (default 3), BENCH_RUNS_AFTER (default 9), CHROMIUM_PATH.
 */
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { MAX_FILE_BYTES } from '../../core/progress/limits';
import { loadGuidesFromDir } from '../../tools/guides/load-fs';
import { ARTIFACTS, EXTENSION_ID, launch, ROOT } from '../support/launch';
import type { NotesBenchApi } from './notes-entry';

const NOTES = Number(process.env.BENCH_NOTES ?? 100_000);
const RUNS_BEFORE = Number(process.env.BENCH_RUNS_BEFORE ?? 3);
const RUNS_AFTER = Number(process.env.BENCH_RUNS_AFTER ?? 9);
const GUIDE_ID = 'caf-declaration-trimestrielle';

type Result<K extends keyof NotesBenchApi> = Awaited<ReturnType<NotesBenchApi[K]>>;

function call<K extends keyof NotesBenchApi>(
  page: Page,
  name: K,
  ...args: Parameters<NotesBenchApi[K]>
): Promise<Result<K>> {
  return page.evaluate(`papNotesBench.${name}(...${JSON.stringify(args)})`) as Promise<Result<K>>;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1)).padStart(8) + ' ms';

async function main() {
  const guide = loadGuidesFromDir(path.join(ROOT, 'guides')).guides.find((g) => g.id === GUIDE_ID);
  if (!guide) throw new Error(`${GUIDE_ID} is missing`);
  const bundle = await build({
    entryPoints: [path.join(ROOT, 'tests/bench/notes-entry.tsx')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    jsx: 'automatic',
    target: 'chrome116',
    define: { 'process.env.NODE_ENV': '"production"' },
    minify: true,
    logLevel: 'error',
  });

  const context = await launch();
  try {
    const page = await context.newPage();
    // An extension page: the database opens only in the extension's origin. Evaluated code
    // is not subject to the page's CSP.
    await page.goto(`chrome-extension://${EXTENSION_ID}/memo.html`);
    await page.evaluate(bundle.outputFiles[0]!.text);

    console.log(`Seeding ${NOTES.toLocaleString('en')} notes on ${GUIDE_ID}…`);
    const seeded = await call(
      page,
      'seed',
      guide.id,
      guide.steps.map((s) => s.id),
      NOTES,
    );
    // Warm-up: the first read of a fresh database is slower for both ways alike.
    await call(page, 'openNotes', 'after', guide);

    const before: Result<'openNotes'>[] = [];
    for (let i = 0; i < RUNS_BEFORE; i++)
      before.push(await call(page, 'openNotes', 'before', guide));
    const after: Result<'openNotes'>[] = [];
    for (let i = 0; i < RUNS_AFTER; i++) after.push(await call(page, 'openNotes', 'after', guide));
    const next: Result<'nextPage'>[] = [];
    for (let i = 0; i < RUNS_AFTER; i++) next.push(await call(page, 'nextPage', guide));
    const parts: Result<'parts'>[] = [];
    for (let i = 0; i < RUNS_AFTER; i++) parts.push(await call(page, 'parts', guide.id));
    const cleanBefore: number[] = [];
    for (let i = 0; i < RUNS_BEFORE; i++) cleanBefore.push(await call(page, 'cleanup', 'before'));
    const cleanAfter: number[] = [];
    for (let i = 0; i < RUNS_AFTER; i++) cleanAfter.push(await call(page, 'cleanup', 'after'));
    const exported = await call(page, 'exportSize');

    const stage = (runs: Result<'openNotes'>[], k: 'read' | 'message' | 'draw' | 'total') =>
      median(runs.map((r) => r[k]));
    const figures = {
      notes: seeded.notes,
      stepEvents: seeded.stepEvents,
      before: {
        runs: before.length,
        drawn: before[0]!.drawn,
        read: stage(before, 'read'),
        message: stage(before, 'message'),
        draw: stage(before, 'draw'),
        total: stage(before, 'total'),
      },
      after: {
        runs: after.length,
        drawn: after[0]!.drawn,
        read: stage(after, 'read'),
        message: stage(after, 'message'),
        draw: stage(after, 'draw'),
        total: stage(after, 'total'),
      },
      nextPage: median(next.map((r) => r.ms)),
      parts: {
        resume: median(parts.map((p) => p.resume)),
        history: median(parts.map((p) => p.history)),
        firstPage: median(parts.map((p) => p.firstPage)),
        countNotes: median(parts.map((p) => p.countNotes)),
      },
      cleanup: { before: median(cleanBefore), after: median(cleanAfter) },
      export: exported,
    };

    console.log(`\nOpening the notes of one guide with ${figures.notes} notes (medians)`);
    console.log('                          read    message       draw      total   notes drawn');
    for (const [label, f] of [
      ['before (all notes)', figures.before],
      ['after (first page)', figures.after],
    ] as const) {
      console.log(
        `${label.padEnd(20)}${ms(f.read)}${ms(f.message)}${ms(f.draw)}${ms(f.total)}   ${f.drawn}`,
      );
    }
    const line = (label: string, x: number) => console.log(`${label.padEnd(58)}${ms(x)}`);
    console.log('');
    line('Opening, after: resume (sessions by index)', figures.parts.resume);
    line('                history counts by index', figures.parts.history);
    line('                first page of notes (keyset on [guideId+at])', figures.parts.firstPage);
    line('« Voir les notes plus anciennes » (next page, read + sent)', figures.nextPage);
    line('Notes counted by index (« Mes données » only)', figures.parts.countNotes);
    console.log(
      `Clean-up at worker start, nothing to remove: before ${ms(figures.cleanup.before)}, after ${ms(figures.cleanup.after)}`,
    );
    console.log(
      `Export file: ${(exported.bytes / 1e6).toFixed(1)} MB (${exported.fits ? 'within' : 'over'} the ${MAX_FILE_BYTES / 1e6} MB limit), made in ${ms(exported.ms)}`,
    );

    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(path.join(ARTIFACTS, 'bench-notes.json'), JSON.stringify(figures, null, 2));
  } finally {
    await context.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
