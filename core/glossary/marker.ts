/**
 * Finds glossary terms in a live page and describes where they are: a text node and offsets.
 * It never changes the page's DOM: the sites run frameworks that break when their text nodes
 * are split, so the content script paints these marks with the CSS Custom Highlight API
 * (core/glossary/painter.ts), making ranges only for what is near the viewport.
 *
 * Nothing here reads a browser global at import time: the document, the clock and the way to
 * wait between chunks are given by the caller.
 */
import type { GlossaryMatcher, Match } from './matcher';

// DOM constants as numbers: `Node`, `NodeFilter` are globals we must not rely on.
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const SHOW_TEXT = 0x4;

/**
 * Texts at least this long are checked for a skipped ancestor before they are matched, so the
 * big texts of scripts and styles are not read for nothing. Shorter ones are matched first and
 * checked only when they hold a term: most hold none, and the check costs more than the match.
 */
const LONG_TEXT = 200;
const NO_MATCH: readonly Match[] = Object.freeze([]);
/** Texts scanned between two reads of the clock. */
const CLOCK_EVERY = 8;

/**
 * Elements whose text is not read as page text: code, form fields (what a person types is
 * never looked at), non-rendered content, drawings and formulas.
 */
const SKIPPED_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  // A button's label is an action, not a text to explain; marking it only blurs the button.
  'button',
  'svg',
  'math',
  'head',
  'title',
  'iframe',
  'object',
]);

export interface CollectOptions {
  /** Extra element names to skip with their content, e.g. our own UI host `pas-a-pas-ui`. */
  skip?: string | readonly string[];
}

const NO_NAMES: ReadonlySet<string> = new Set();

function skipSet(skip: CollectOptions['skip']): ReadonlySet<string> {
  if (skip === undefined) return NO_NAMES;
  return new Set((typeof skip === 'string' ? [skip] : skip).map((s) => s.toLowerCase()));
}

/** Where a text sits: plain page text, under an element a tap acts on, or not page text. */
const PLAIN = 0;
const ACTING = 1;
const SKIPPED = 2;
type Place = typeof PLAIN | typeof ACTING | typeof SKIPPED;

/**
 * Roles of elements a tap acts on: it follows the link, presses the button, ticks the box
 * (lists of choices are skipped whole, see SKIPPED_TAGS). Matched on the whole attribute, as
 * `[role=button]` would be, and `menuitem…` by its start.
 */
const ACTING_ROLES = new Set(['button', 'link', 'tab', 'checkbox', 'radio', 'switch', 'option']);

/** What the element itself makes of the texts inside it (its ancestors are not looked at). */
function placeOf(el: Element, extra: ReadonlySet<string>): Place {
  // HTML element names are lower case already; names of other kinds are never in the list.
  const name = el.localName;
  if (SKIPPED_TAGS.has(name) || extra.has(name)) return SKIPPED;
  // Most elements have no attribute at all: one call answers for the checks below.
  const attributes = el.hasAttributes();
  if (attributes) {
    if (el.hasAttribute('hidden')) return SKIPPED;
    if (el.getAttribute('aria-hidden') === 'true') return SKIPPED;
    const editable = el.getAttribute('contenteditable');
    if (editable !== null && editable.toLowerCase() !== 'false') return SKIPPED;
  }
  // A tap on a label ticks its box; on a summary it opens the details.
  if (name === 'label' || name === 'summary') return ACTING;
  if (!attributes) return PLAIN;
  if (name === 'a' && el.hasAttribute('href')) return ACTING;
  const role = el.getAttribute('role');
  if (role !== null && (ACTING_ROLES.has(role) || role.startsWith('menuitem'))) return ACTING;
  return PLAIN;
}

/** Whether the element and everything inside it must be left alone. */
export function isSkippedElement(el: Element, extra: ReadonlySet<string> = NO_NAMES): boolean {
  return placeOf(el, extra) === SKIPPED;
}

function isInsideSkipped(node: Node, extra: ReadonlySet<string>): boolean {
  let el: Element | null = node.nodeType === ELEMENT_NODE ? (node as Element) : node.parentElement;
  for (; el; el = el.parentElement) if (isSkippedElement(el, extra)) return true;
  return false;
}

/** Whether the element or one of its ancestors is one a tap acts on. */
function isInsideActing(el: Element | null): boolean {
  for (; el; el = el.parentElement) if (placeOf(el, NO_NAMES) === ACTING) return true;
  return false;
}

function ownerDoc(node: Node): Document {
  return node.ownerDocument ?? (node as Document);
}

/**
 * Text nodes under `root`, with no filter: a NodeFilter is a call from the browser into script
 * for every node, which costs about ten times the walk itself. Where a text sits is judged
 * apart, by a PlaceJudge, and only for the text nodes that need it.
 */
function textWalker(root: Node): TreeWalker {
  return ownerDoc(root).createTreeWalker(root, SHOW_TEXT);
}

/**
 * Where the text nodes met in one walk sit (see Place). Each element is judged once per walk
 * (attributes may change between walks, so the verdicts are not kept longer): the way up from
 * a text stops at the first element already judged.
 */
class PlaceJudge {
  private readonly known = new Map<Node, Place>();
  private readonly chain: Node[] = [];
  private readonly own: Place[] = [];

  /** `root` was judged by the caller, with its ancestors: `rootPlace`. */
  constructor(
    root: Node,
    private readonly extra: ReadonlySet<string>,
    rootPlace: Place,
  ) {
    this.known.set(root, rootPlace);
  }

  placeOf(t: Text): Place {
    const { chain, own, known } = this;
    chain.length = own.length = 0;
    let above: Place = PLAIN;
    for (let n = t.parentNode; n; n = n.parentNode) {
      const k = known.get(n);
      if (k !== undefined) {
        above = k;
        break;
      }
      const place = n.nodeType === ELEMENT_NODE ? placeOf(n as Element, this.extra) : PLAIN;
      if (place === SKIPPED) {
        // Everything inside is skipped, whatever it is.
        known.set(n, SKIPPED);
        above = SKIPPED;
        break;
      }
      chain.push(n);
      own.push(place);
    }
    // Down from the top: each element's verdict is its own, or what is above it when stronger.
    let v = above;
    for (let i = chain.length - 1; i >= 0; i--) {
      if (v === PLAIN && own[i] === ACTING) v = ACTING;
      known.set(chain[i] as Node, v);
    }
    return v;
  }
}

/** All text nodes under `root` that are page text (see SKIPPED_TAGS), in document order. */
export function collectTextNodes(root: Node, opts: CollectOptions = {}): Text[] {
  const extra = skipSet(opts.skip);
  if (root.nodeType === TEXT_NODE) return [root as Text];
  if (root.nodeType === ELEMENT_NODE && isSkippedElement(root as Element, extra)) return [];
  const walker = textWalker(root);
  const judge = new PlaceJudge(root, extra, PLAIN);
  const out: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode())
    if (judge.placeOf(n as Text) !== SKIPPED) out.push(n as Text);
  return out;
}

/** A term found in the page: `node.data.slice(start, end)` when it was found. */
export interface Mark {
  node: Text;
  start: number;
  end: number;
  termId: string;
  /**
   * Inside a link, a button or a label, where a tap follows the link or presses the button:
   * never drawn nor explained there (the side panel's word list explains it instead).
   */
  inert?: boolean;
}

/** Whether a tap on the text would follow a link or press a button (or tick a box). */
export function insideActing(t: Text): boolean {
  return isInsideActing(t.parentElement);
}

const ADDRESS_CHAR = /[\p{L}\p{N}_-]/u;

/**
 * Whether the match is part of a domain name, a web or mail address (« www.caf.fr »,
 * « caf.fr/aides », « x@caf.fr »): a dot, slash or @ joins it to a word, with no space.
 */
export function insideAddress(data: string, start: number, end: number): boolean {
  const prev = data[start - 1];
  const afterNext = data[end + 1];
  if ((prev === '.' || prev === '/' || prev === '@') && ADDRESS_CHAR.test(data[start - 2] ?? ''))
    return true;
  const next = data[end];
  return (
    (next === '.' || next === '/' || next === '@' || next === ':') &&
    afterNext !== undefined &&
    ADDRESS_CHAR.test(afterNext)
  );
}

/**
 * What changed since the last call. A mark is never given back once removed, and one may be
 * added and removed in the same change: apply `added` first, then `removed`.
 */
export interface MarkChange {
  added: Mark[];
  removed: Mark[];
}

export interface GlossaryMarkerOptions {
  doc: Document;
  matcher: GlossaryMatcher;
  /** Called after each chunk of work that changed the marks, with what changed. */
  onChange(change: MarkChange): void;
  /** Runs `fn` later (setTimeout, requestIdleCallback, scheduler.postTask…). */
  scheduleChunk(fn: () => void): void;
  /** Longest time one chunk of work may take, in ms (default 8). */
  budgetMs?: number;
  /**
   * The clock, read after each text node. Default Date.now: performance.now costs about ten
   * times more (0.4 µs, 1 µs on cross-origin isolated pages), too much to call 5,000 times.
   */
  now?: () => number;
  /** Extra element names to skip, e.g. our own UI host. */
  skip?: string | readonly string[];
}

interface CaretDocument {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
}

export class GlossaryMarker {
  private readonly doc: Document;
  private readonly matcher: GlossaryMatcher;
  private readonly onChange: (change: MarkChange) => void;
  private readonly scheduleChunk: (fn: () => void) => void;
  private readonly budgetMs: number;
  private readonly now: () => number;
  private readonly skip: ReadonlySet<string>;

  /** Text nodes that hold at least one term. */
  private readonly entries = new Map<Text, Mark[]>();
  private pending: Node[] = [];
  private pendingAt = 0;
  private walker: TreeWalker | null = null;
  private judge: PlaceJudge | null = null;
  /** The walk began with nothing held: its texts need no look-up of what they held. */
  private fresh = false;
  private running = false;
  private stopped = false;
  private added: Mark[] = [];
  private removed: Mark[] = [];
  /** Set when the page may have removed texts we hold: checked at the next chunk. */
  private mayHaveRemoved = false;
  private waiters: (() => void)[] = [];

  constructor(opts: GlossaryMarkerOptions) {
    this.doc = opts.doc;
    this.matcher = opts.matcher;
    this.onChange = opts.onChange;
    this.scheduleChunk = opts.scheduleChunk;
    this.budgetMs = opts.budgetMs ?? 8;
    this.now = opts.now ?? Date.now;
    this.skip = skipSet(opts.skip);
  }

  /** Scans the whole page in chunks; resolves when everything queued so far is done. */
  scanAll(): Promise<void> {
    const root = this.doc.body ?? this.doc.documentElement;
    if (root) this.pending.push(root);
    this.mayHaveRemoved = true;
    this.kick();
    return this.whenIdle();
  }

  /**
   * For MutationObserver batches: added nodes, changed text nodes (characterData), removed
   * nodes, elements whose attributes changed. Each is rescanned or forgotten as needed.
   */
  scanNodes(nodes: Node[]): void {
    if (this.stopped) return;
    for (const n of nodes) this.pending.push(n);
    this.mayHaveRemoved = true;
    this.kick();
  }

  /** The term under the point (client coordinates), with the box of its line. */
  hitTest(x: number, y: number): { termId: string; rect: DOMRect } | null {
    const caret = this.caretAt(x, y);
    if (caret !== undefined) {
      if (caret === null || caret.node.nodeType !== TEXT_NODE) return null;
      const entry = this.entries.get(caret.node as Text);
      if (!entry || !caret.node.isConnected) return null;
      for (const r of entry) {
        if (r.inert || r.start > caret.offset || r.end < caret.offset) continue;
        const rect = rectAt(r, x, y);
        if (rect) return { termId: r.termId, rect };
      }
      return null;
    }
    // No caret API: test the boxes of every mark.
    for (const [node, entry] of this.entries) {
      if (!node.isConnected) continue;
      for (const r of entry) {
        if (r.inert) continue;
        const rect = rectAt(r, x, y);
        if (rect) return { termId: r.termId, rect };
      }
    }
    return null;
  }

  /** Every mark held now. */
  marks(): Mark[] {
    const all: Mark[] = [];
    for (const e of this.entries.values()) for (const r of e) all.push(r);
    return all;
  }

  /** Ids of the terms present on the page, in the order they were first found. */
  termsOnPage(): string[] {
    const seen = new Set<string>();
    for (const [node, entry] of this.entries) {
      if (!node.isConnected) continue;
      for (const r of entry) seen.add(r.termId);
    }
    return [...seen];
  }

  /** Stops all work and forgets the page. The owner clears its highlights itself. */
  disconnect(): void {
    this.stopped = true;
    this.pending = [];
    this.pendingAt = 0;
    this.walker = null;
    this.judge = null;
    this.entries.clear();
    this.added = [];
    this.removed = [];
    this.resolveWaiters();
  }

  /** Resolves when all work queued so far is done (at once when there is none). */
  whenIdle(): Promise<void> {
    if (this.stopped || !this.running) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  // ── work loop ─────────────────────────────────────────────────────────────

  private resolveWaiters(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const resolve of w) resolve();
  }

  private kick(): void {
    if (this.running || this.stopped) return;
    this.running = true;
    this.runChunk();
  }

  private runChunk(): void {
    if (this.stopped) return;
    const t0 = this.now();
    if (this.mayHaveRemoved) {
      // The page changed since the last chunk: a text may come twice in the walk now.
      this.fresh = false;
      this.forgetRemoved();
    }
    this.checkWalker();
    let more = true;
    let starts = 0;
    for (;;) {
      if (this.walker) {
        if (this.walkOn(t0)) break;
        continue;
      }
      if (this.pendingAt >= this.pending.length) {
        this.pending = [];
        this.pendingAt = 0;
        more = false;
        break;
      }
      this.start(this.pending[this.pendingAt++] as Node);
      if (++starts % CLOCK_EVERY === 0 && this.now() - t0 >= this.budgetMs) break;
    }
    this.flush();
    if (more) {
      this.scheduleChunk(() => this.runChunk());
    } else {
      this.running = false;
      this.resolveWaiters();
    }
  }

  /**
   * Reads on through the current walk: true when the chunk's time is up, false when the walk
   * is over. The clock is read every few texts: each read costs about what a short text does.
   */
  private walkOn(t0: number): boolean {
    const walker = this.walker as TreeWalker;
    const judge = this.judge as PlaceJudge;
    let steps = 0;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      this.scanText(n as Text, judge);
      if (++steps % CLOCK_EVERY === 0 && this.now() - t0 >= this.budgetMs) return true;
    }
    this.walker = this.judge = null;
    return false;
  }

  private start(node: Node): void {
    if (!node.isConnected) {
      if (node.nodeType === TEXT_NODE) this.forget(node as Text);
      return; // removed subtrees are dropped by forgetRemoved
    }
    if (isInsideSkipped(node, this.skip)) {
      // Text moved into a field, or an element just hidden: drop what it held.
      for (const t of [...this.entries.keys()]) if (node.contains(t)) this.forget(t);
      return;
    }
    if (node.nodeType === TEXT_NODE) this.scanText(node as Text, null);
    else this.startWalk(node);
  }

  /** Starts walking the subtree; its root's own place and its ancestors' are judged here. */
  private startWalk(root: Node): void {
    const el = root.nodeType === ELEMENT_NODE ? (root as Element) : root.parentElement;
    this.walker = textWalker(root);
    this.judge = new PlaceJudge(root, this.skip, isInsideActing(el) ? ACTING : PLAIN);
    // Nothing held yet (the first scan of a page): no text met in this walk can be known.
    this.fresh = this.entries.size === 0;
  }

  /** A subtree being walked may have been removed between two chunks: drop the walk then. */
  private checkWalker(): void {
    if (!this.walker) return;
    const root = this.walker.root;
    if (!root.isConnected) this.walker = this.judge = null;
    else if (!root.contains(this.walker.currentNode)) {
      // The walk's current node left the subtree: walk it again (unchanged nodes keep their
      // marks). The page changed: judge its elements afresh.
      this.startWalk(root);
      this.fresh = false;
    }
  }

  /** `judge` is null when the caller has checked the node's ancestors itself. */
  private scanText(t: Text, judge: PlaceJudge | null): void {
    const data = t.data;
    const long = data.length >= LONG_TEXT;
    let place: Place | undefined;
    if (judge && long && (place = judge.placeOf(t)) === SKIPPED) return this.forget(t);
    const matches = data.length >= 2 ? this.matcher.findAll(data) : NO_MATCH;
    const fresh = judge !== null && this.fresh;
    if (matches.length === 0) {
      if (!fresh && this.entries.size) this.forget(t);
      return;
    }
    if (judge && !long && (place = judge.placeOf(t)) === SKIPPED) return this.forget(t);
    // Most texts hold no address: no new list for them.
    const kept = matches.some((m) => insideAddress(data, m.start, m.end))
      ? matches.filter((m) => !insideAddress(data, m.start, m.end))
      : matches;
    if (kept.length === 0) return this.forget(t);
    const old = fresh ? undefined : this.entries.get(t);
    const inert = place === undefined ? insideActing(t) : place === ACTING;
    if (old && sameMarks(old, kept) && !!old[0]?.inert === inert) return;
    const marks: Mark[] = [];
    for (const m of kept) {
      const mark: Mark = { node: t, start: m.start, end: m.end, termId: m.termId };
      if (inert) mark.inert = true;
      marks.push(mark);
      this.added.push(mark);
    }
    if (old) for (const r of old) this.removed.push(r);
    this.entries.set(t, marks);
  }

  private forget(t: Text): void {
    const old = this.entries.get(t);
    if (!old) return;
    this.entries.delete(t);
    for (const r of old) this.removed.push(r);
  }

  private forgetRemoved(): void {
    this.mayHaveRemoved = false;
    for (const t of [...this.entries.keys()]) if (!t.isConnected) this.forget(t);
  }

  private flush(): void {
    if (!this.added.length && !this.removed.length) return;
    const change = { added: this.added, removed: this.removed };
    this.added = [];
    this.removed = [];
    this.onChange(change);
  }

  private caretAt(x: number, y: number): { node: Node; offset: number } | null | undefined {
    const d = this.doc as unknown as CaretDocument;
    if (typeof d.caretPositionFromPoint === 'function') {
      const p = d.caretPositionFromPoint(x, y);
      return p ? { node: p.offsetNode, offset: p.offset } : null;
    }
    if (typeof d.caretRangeFromPoint === 'function') {
      const r = d.caretRangeFromPoint(x, y);
      return r ? { node: r.startContainer, offset: r.startOffset } : null;
    }
    return undefined;
  }
}

/** Whether marks made earlier for a text are exactly `matches`. */
function sameMarks(marks: readonly Mark[], matches: readonly Match[]): boolean {
  if (marks.length !== matches.length) return false;
  for (let i = 0; i < marks.length; i++) {
    const r = marks[i] as Mark;
    const m = matches[i] as Match;
    if (r.start !== m.start || r.end !== m.end || r.termId !== m.termId) return false;
  }
  return true;
}

/** A live Range over the mark's text. Throws when the text has since become too short. */
export function liveRange(mark: Mark): Range {
  const r = (mark.node.ownerDocument as Document).createRange();
  r.setStart(mark.node, mark.start);
  r.setEnd(mark.node, mark.end);
  return r;
}

/** The box of the mark's text (one per line) that contains the point, if any. */
function rectAt(mark: Mark, x: number, y: number): DOMRect | null {
  // A live Range made for this look-up only (the text may have changed since it was read:
  // then the offsets may be out of bounds, and there is nothing to find).
  let live: Range;
  try {
    live = liveRange(mark);
  } catch {
    return null;
  }
  if (typeof live.getClientRects !== 'function') return null;
  const rects = live.getClientRects();
  for (let i = 0; i < rects.length; i++) {
    const r = rects[i];
    if (r && x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return r;
  }
  return null;
}
