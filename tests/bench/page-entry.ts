/**
 * The benchmark's page side, bundled by run-bench.ts with the glossary terms inlined. Each
 * method runs on a fresh copy of the generated body, laid out and painted before the clock
 * starts, so that no run profits from another's work (mark.js rewrites the DOM; our marker
 * remembers what it read) and no run pays for another's rendering.
 */
import { compileGlossary, type MatchableTerm } from '../../core/glossary/matcher';
import { collectTextNodes, GlossaryMarker } from '../../core/glossary/marker';
import { HighlightPainter } from '../../core/glossary/painter';

declare const __PAP_TERMS__: MatchableTerm[];

interface MarkOptions {
  separateWordSearch?: boolean;
  accuracy?: string | { value: string; limiters: string[] };
  diacritics?: boolean;
  caseSensitive?: boolean;
  acrossElements?: boolean;
  ignoreJoiners?: boolean;
  done?: (count: number) => void;
}
declare const Mark: new (ctx: Element) => { mark(words: string[], opts: MarkOptions): void };

const HIGHLIGHT = 'pap-glossary';
const SKIP = 'pas-a-pas-ui';
const terms = __PAP_TERMS__;
const matcher = compileGlossary(terms);
const pristine = document.body.cloneNode(true) as HTMLElement;

/** Punctuation that may touch a word: mark.js's "exactly" only knows white space otherwise. */
export const MARKJS_LIMITERS = [
  ',',
  '.',
  ';',
  ':',
  '!',
  '?',
  '(',
  ')',
  '[',
  ']',
  '«',
  '»',
  '"',
  "'",
  '’',
  '/',
  '-',
  '\u00a0',
  '\u202f',
];

interface LongEntry {
  type: string;
  start: number;
  duration: number;
  /** Long animation frames: when rendering began, and the scripts that ran in the frame. */
  renderStart?: number;
  scripts?: string[];
}

/** Long tasks and long animation frames, as the browser reports them. */
const longs: LongEntry[] = [];
for (const type of ['longtask', 'long-animation-frame']) {
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const loaf = e as PerformanceEntry & {
          renderStart?: number;
          scripts?: { invoker: string; duration: number }[];
        };
        longs.push({
          type,
          start: e.startTime,
          duration: e.duration,
          renderStart: loaf.renderStart,
          scripts: loaf.scripts?.map((s) => `${s.invoker} ${s.duration.toFixed(0)} ms`),
        });
      }
    }).observe({ type, buffered: true });
  } catch {
    // Not supported by this browser: the figure is reported as missing.
  }
}

const now = () => performance.now();

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

function frame(): Promise<void> {
  return new Promise((r) => requestAnimationFrame(() => r()));
}

/** Waits until the page has painted and the main thread is quiet. */
async function settle(): Promise<void> {
  await frame();
  await frame();
  await sleep(30);
}

/** How long the rendering steps of the next frame take (from its rAF to the next task). */
function renderTime(): Promise<number> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const t = now();
      setTimeout(() => resolve(now() - t), 0);
    }),
  );
}

interface Paint {
  when?: 'chunk' | 'end';
  /** 'near': as the content script does (core/glossary/painter.ts); 'all': every range. */
  where?: 'all' | 'near';
}

/**
 * Ranges whose text lies within one screen height above or below the viewport. Read before
 * the Highlight is touched, while layout is clean: each box is then a cheap look-up (a
 * changed Highlight makes the next box read lay out the whole page first).
 */
function nearViewport(ranges: StaticRange[]): StaticRange[] {
  const h = innerHeight;
  const seen = new Map<Element, boolean>();
  return ranges.filter((r) => {
    const el = r.startContainer.parentElement;
    if (!el) return false;
    let near = seen.get(el);
    if (near === undefined) {
      const box = el.getBoundingClientRect();
      near = box.bottom >= -h && box.top <= 2 * h;
      seen.set(el, near);
    }
    return near;
  });
}

function staticRange(node: Text, start: number, end: number): StaticRange {
  return new StaticRange({
    startContainer: node,
    startOffset: start,
    endContainer: node,
    endOffset: end,
  });
}

/** A fresh copy of the page, laid out and painted. */
async function freshBody(): Promise<void> {
  CSS.highlights.delete(HIGHLIGHT);
  document.body.replaceWith(pristine.cloneNode(true));
  // The copies thrown away by earlier runs are collected now, not during the next one
  // (Chromium is started with --expose-gc for this).
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    await settle();
    gc();
  }
  await settle();
}

/** The forms as mark.js takes them: words ignore case; acronyms must keep it. */
function forms(): { words: string[]; acronyms: string[] } {
  const words = new Set<string>();
  const acronyms = new Set<string>();
  for (const t of terms) {
    words.add(t.term);
    for (const f of t.forms) words.add(f);
    for (const a of t.acronyms) acronyms.add(a);
  }
  return { words: [...words], acronyms: [...acronyms] };
}

const api = {
  info() {
    let nodes = 0;
    let chars = 0;
    const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = w.nextNode(); n; n = w.nextNode()) {
      nodes++;
      chars += (n as Text).data.length;
    }
    const f = forms();
    return {
      terms: terms.length,
      forms: f.words.length + f.acronyms.length,
      textNodes: nodes,
      pageTextNodes: collectTextNodes(document.body, { skip: SKIP }).length,
      elements: document.body.getElementsByTagName('*').length,
      chars,
      crossOriginIsolated: globalThis.crossOriginIsolated === true,
    };
  },

  /** (c) The floor: a bare TreeWalker reading every text node. */
  async floor() {
    await freshBody();
    const t0 = now();
    let sum = 0;
    const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = w.nextNode(); n; n = w.nextNode()) sum += (n as Text).data.length;
    const ms = now() - t0;
    return { ms, sum };
  },

  /**
   * (a) Our marking, wired as the content script wires it: it starts in a task of its own,
   * chunks are scheduled with setTimeout(0), and by default each chunk hands what changed to
   * the painter (as core/in-page/glossary-view.ts does). With `when: 'end'` the
   * Highlight is filled once, when the scan is done, to compare what the browser then spends
   * on rendering.
   */
  async ours(paint: Paint = { where: 'near' }) {
    const when = paint.when ?? 'chunk';
    await freshBody();
    const since = now();
    await sleep(0);
    const highlight = new Highlight();
    CSS.highlights.set(HIGHLIGHT, highlight);
    let work = 0;
    let chunks = 0;
    let maxChunk = 0;
    const timed = (fn: () => void) => {
      const t = now();
      fn();
      const d = now() - t;
      work += d;
      chunks++;
      maxChunk = Math.max(maxChunk, d);
    };
    // Without a window, the painter cannot tell what is in view: it paints every range. As
    // the content script does, a term is underlined once per part of the page (the work of
    // choosing which is timed with the rest).
    const painter = new HighlightPainter(highlight, paint.where === 'near' ? window : null, {
      firstPerSection: true,
    });
    const marker = new GlossaryMarker({
      doc: document,
      matcher,
      skip: SKIP,
      scheduleChunk: (fn) => void setTimeout(() => timed(fn), 0),
      onChange: (change) => {
        if (when === 'chunk') painter.apply(change);
      },
    });
    const start = now();
    let done!: Promise<void>;
    timed(() => (done = marker.scanAll())); // the first chunk runs at once
    await done;
    const marks = marker.marks();
    if (when === 'end') timed(() => painter.apply({ added: marks, removed: [] }));
    const wall = now() - start;
    const termIds = marker.termsOnPage().length;
    // The highlight is painted in the next frames: that cost is part of what we watch.
    await settle();
    const until = now();
    const texts = marks.slice(0, 5).map((m) => m.node.data.slice(m.start, m.end));
    const staticRanges = [...highlight].every((r) => r instanceof StaticRange);
    const highlightSize = highlight.size;
    marker.disconnect();
    painter.disconnect();
    return {
      staticRanges,
      since,
      until,
      wall,
      work,
      chunks,
      maxChunk,
      ranges: marks.length,
      highlightSize,
      termIds,
      texts,
    };
  },

  /**
   * What a registered Highlight costs the page afterwards: the rendering time of frames that
   * follow a small change of the page (one text node's content), with no Highlight, with every
   * range registered, and with only the ranges near the viewport.
   */
  async mutationFrames(where: 'none' | 'all' | 'near') {
    await freshBody();
    const ranges: StaticRange[] = [];
    for (const t of collectTextNodes(document.body, { skip: SKIP })) {
      for (const m of matcher.findAll(t.data)) ranges.push(staticRange(t, m.start, m.end));
    }
    if (where !== 'none') {
      const h = new Highlight();
      for (const r of where === 'near' ? nearViewport(ranges) : ranges) h.add(r);
      CSS.highlights.set(HIGHLIGHT, h);
    }
    const box = document.createElement('p');
    document.body.prepend(box);
    await settle();
    const times: number[] = [];
    for (let i = 0; i < 7; i++) {
      box.textContent = `${i}`;
      times.push(await renderTime());
    }
    return { ms: times.sort((a, b) => a - b)[3]! };
  },

  /**
   * What our marks cost the page's own scripts: 1,000 elements added and removed and 1,000
   * text edits, with no marks, with our marks (static ranges) and with live Ranges over the
   * same terms. The browser updates every live Range at each change of the DOM.
   */
  async pageWork(kind: 'none' | 'static' | 'live') {
    await freshBody();
    const keep: AbstractRange[] = [];
    const texts = collectTextNodes(document.body, { skip: SKIP });
    if (kind !== 'none') {
      for (const t of texts) {
        for (const m of matcher.findAll(t.data)) {
          if (kind === 'static') keep.push(staticRange(t, m.start, m.end));
          else {
            const r = document.createRange();
            r.setStart(t, m.start);
            r.setEnd(t, m.end);
            keep.push(r);
          }
        }
      }
    }
    const main = document.querySelector('main') ?? document.body;
    const t0 = now();
    for (let i = 0; i < 1000; i++) {
      const el = document.createElement('span');
      main.append(el);
      el.remove();
    }
    for (let i = 0; i < 1000; i++) {
      const t = texts[(i * 7) % texts.length]!;
      t.data = `${t.data}`; // as a framework setting the same text again
    }
    return { ms: now() - t0, ranges: keep.length };
  },

  /**
   * Where our time goes: the marker's kinds of work, one at a time over the whole page: the
   * walk reading every text, the matcher, StaticRange creation, Highlight.add. What the marker does
   * besides (skip checks, bookkeeping, the clock, chunking) is its total minus these.
   */
  async ourParts() {
    await freshBody();
    let t = now();
    const nodes: Text[] = [];
    const datas: string[] = [];
    const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = w.nextNode(); n; n = w.nextNode()) {
      nodes.push(n as Text);
      datas.push((n as Text).data);
    }
    const walk = now() - t;
    t = now();
    const found: { node: Text; start: number; end: number }[] = [];
    for (let i = 0; i < datas.length; i++) {
      const data = datas[i]!;
      if (data.length < 2) continue;
      for (const m of matcher.findAll(data))
        found.push({ node: nodes[i]!, start: m.start, end: m.end });
    }
    const match = now() - t;
    t = now();
    const list: StaticRange[] = [];
    for (const f of found) list.push(staticRange(f.node, f.start, f.end));
    const ranges = now() - t;
    t = now();
    const h = new Highlight();
    CSS.highlights.set(HIGHLIGHT, h);
    for (const r of list) h.add(r);
    const add = now() - t;
    return { walk, match, ranges, add, nodes: nodes.length, matches: found.length };
  },

  /**
   * (b) mark.js marking the same forms. Words ignore case and accents (diacritics: true),
   * acronyms keep their case, as ours do: two calls, since mark.js has one case setting per
   * call. "exactly" makes it match whole words only, with punctuation as word limits.
   */
  async markjs() {
    await freshBody();
    const { words, acronyms } = forms();
    const base = {
      separateWordSearch: false,
      accuracy: { value: 'exactly', limiters: MARKJS_LIMITERS },
      diacritics: true,
      acrossElements: false,
      ignoreJoiners: false,
    };
    const t0 = now();
    const inst = new Mark(document.body);
    let count = 0;
    const run = (list: string[], caseSensitive: boolean) =>
      new Promise<void>((resolve) =>
        inst.mark(list, {
          ...base,
          caseSensitive,
          done: (n) => {
            count += n;
            resolve();
          },
        }),
      );
    await run(words, false);
    await run(acronyms, true);
    const ms = now() - t0;
    return { ms, count };
  },

  /** (d) The usual quick solution: one combined RegExp per text node, then Ranges. */
  async regex() {
    await freshBody();
    const { words, acronyms } = forms();
    const source = (xs: string[]) =>
      xs
        .sort((a, b) => b.length - a.length)
        .map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[\s'’-]+/g, "[\\s'’-]+"))
        .join('|');
    const t0 = now();
    const bound = (s: string) => `(?<![\\p{L}\\p{N}])(?:${s})(?![\\p{L}\\p{N}])`;
    const res = [
      new RegExp(bound(source(words)), 'giu'),
      new RegExp(bound(source(acronyms)), 'gu'),
    ];
    const h = new Highlight();
    CSS.highlights.set(HIGHLIGHT, h);
    for (const node of collectTextNodes(document.body, { skip: SKIP })) {
      const data = node.data;
      for (const re of res) {
        re.lastIndex = 0;
        for (let m = re.exec(data); m; m = re.exec(data)) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          h.add(range);
        }
      }
    }
    return { ms: now() - t0, count: h.size };
  },

  /** The longest long task and long animation frame seen between `since` and `until`. */
  longest(since: number, until: number) {
    let task: LongEntry | undefined;
    let loaf: LongEntry | undefined;
    for (const l of longs) {
      if (l.start < since || l.start > until) continue;
      if (l.type === 'longtask' && (!task || l.duration > task.duration)) task = l;
      if (l.type !== 'longtask' && (!loaf || l.duration > loaf.duration)) loaf = l;
    }
    return { task, loaf };
  },
};

(globalThis as unknown as { papBench: typeof api }).papBench = api;
export type BenchApi = typeof api;
