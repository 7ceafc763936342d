/**
 * Glossary on the live page: marks the hard words with the CSS Custom Highlight API (the page's
 * text nodes stay exactly as they were), shows a tooltip when the pointer rests on one or a
 * finger taps it, and tells the background which words the page holds so the side panel can
 * list them for keyboard and screen-reader users.
 */
import type { MatchTerm } from '../glossary/types';
import { compileGlossary } from '../glossary/matcher';
import { GlossaryMarker, type MarkChange } from '../glossary/marker';
import type { Send } from '../messaging/client';
import { HighlightPainter } from '../glossary/painter';
import { EVERYDAY_TERM_IDS } from '../glossary/everyday';
import type { Overlay } from './overlay';

export const HIGHLIGHT_NAME = 'pap-glossary';
// A dotted underline in the text's own colour: visible on light and dark backgrounds alike.
// In forced colours (Windows high contrast), the system's own colours for marked text.
const HIGHLIGHT_CSS = `::highlight(${HIGHLIGHT_NAME}) {
  text-decoration: underline dotted;
  text-decoration-thickness: 2px;
  text-underline-offset: 3px;
}
@media (forced-colors: active) {
  ::highlight(${HIGHLIGHT_NAME}) {
    background-color: Mark;
    color: MarkText;
    text-decoration: underline solid;
  }
}`;

/** The browser pieces the view needs, passed in by the content script. */
export interface GlossaryEnv {
  doc: Document;
  overlay: Overlay;
  send: Send;
  /** Tag name of our own UI host, never scanned. */
  hostTag: string;
  /** Mark the everyday web words too (see core/glossary/everyday.ts). Default: no. */
  everyday?: boolean;
  setTimeout(fn: () => void, ms: number): number;
  clearTimeout(id: number): void;
  /** CSS.highlights and the Highlight constructor, when the browser has them. */
  highlights?: { registry: HighlightRegistry; make(): Highlight };
  speak?(text: string): void;
}

export class GlossaryView {
  private marker: GlossaryMarker | null = null;
  private highlight: Highlight | null = null;
  private painter: HighlightPainter | null = null;
  private sheet: CSSStyleSheet | null = null;
  private shown: string | null = null;
  private hideTimer: number | null = null;
  private reportTimer: number | null = null;
  private reported = '';
  private frame = 0;
  private stopped = false;
  private byId = new Map<string, MatchTerm>();
  private readonly definitions = new Map<string, string>();
  private readonly listeners: [string, EventListener][] = [];

  constructor(private readonly env: GlossaryEnv) {}

  /** Whether the everyday web words are marked too. */
  get everyday(): boolean {
    return this.env.everyday ?? false;
  }

  /** Starts marking the terms of the page's site (the background knows which they are). */
  async start(): Promise<void> {
    const { doc, highlights } = this.env;
    const all = await this.env.send('glossary:terms', {});
    if (!Array.isArray(all) || this.stopped) return;
    const terms = this.everyday ? all : all.filter((term) => !EVERYDAY_TERM_IDS.has(term.id));
    if (!terms.length) return;
    this.byId = new Map(terms.map((term) => [term.id, term]));
    if (highlights) {
      this.highlight = highlights.make();
      highlights.registry.set(HIGHLIGHT_NAME, this.highlight);
      // Only a term's first occurrence in each part of the page is underlined; every one
      // stays explainable on hover and tap (the marker finds them all, see onPointerMove).
      this.painter = new HighlightPainter(this.highlight, doc.defaultView, {
        firstPerSection: true,
      });
      this.addStyle();
    }
    this.marker = new GlossaryMarker({
      doc,
      matcher: compileGlossary(terms),
      skip: this.env.hostTag,
      scheduleChunk: (fn) => void this.env.setTimeout(fn, 0),
      onChange: (change) => this.paint(change),
    });
    void this.marker.scanAll().then(() => this.report());
    this.listen('pointermove', (e) => this.onPointerMove(e as PointerEvent));
    this.listen('pointerup', (e) => this.onPointerUp(e as PointerEvent));
    this.listen('keydown', (e) => (e as KeyboardEvent).key === 'Escape' && this.hide());
    this.listen('scroll', () => this.hide());
  }

  /** Route change in a single-page app: scan again (unchanged marks are kept as they are). */
  rescan(): void {
    if (!this.marker) return;
    this.painter?.pageChanged();
    void this.marker.scanAll().then(() => this.report());
  }

  /**
   * DOM changes of the page, from the content script's page watcher (our own UI left out):
   * changed texts, added and removed nodes are scanned again or forgotten, in chunks.
   */
  domChanged(records: readonly MutationRecord[]): void {
    const marker = this.marker;
    if (!marker) return;
    this.painter?.pageChanged();
    const nodes: Node[] = [];
    for (const r of records) {
      if (r.type === 'characterData') nodes.push(r.target);
      else if (r.type === 'childList') {
        r.addedNodes.forEach((n) => nodes.push(n));
        r.removedNodes.forEach((n) => nodes.push(n));
      }
    }
    if (nodes.length) marker.scanNodes(nodes);
  }

  stop(): void {
    this.stopped = true;
    this.marker?.disconnect();
    this.marker = null;
    for (const [type, fn] of this.listeners) this.env.doc.removeEventListener(type, fn, true);
    this.listeners.length = 0;
    this.painter?.disconnect();
    this.painter = null;
    this.env.highlights?.registry.delete(HIGHLIGHT_NAME);
    this.highlight = null;
    if (this.sheet) {
      const { doc } = this.env;
      doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== this.sheet);
      this.sheet = null;
    }
    this.hide();
    void this.env.send('glossary:found', { termIds: [] }).catch(() => undefined);
  }

  private listen(type: string, fn: EventListener) {
    this.env.doc.addEventListener(type, fn, { capture: true, passive: true });
    this.listeners.push([type, fn]);
  }

  private addStyle() {
    const { doc } = this.env;
    const view = doc.defaultView as (typeof globalThis & Window) | null;
    if (!view?.CSSStyleSheet || !('adoptedStyleSheets' in doc)) return;
    // A constructed sheet adds no node to the page; ::highlight() only styles our highlight.
    const sheet = new view.CSSStyleSheet();
    sheet.replaceSync(HIGHLIGHT_CSS);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    this.sheet = sheet;
  }

  private paint(change: MarkChange) {
    this.painter?.apply(change);
    this.scheduleReport();
  }

  private scheduleReport() {
    if (this.reportTimer !== null) return;
    this.reportTimer = this.env.setTimeout(() => {
      this.reportTimer = null;
      this.report();
    }, 400);
  }

  private report() {
    const ids = this.marker?.termsOnPage() ?? [];
    const key = ids.join(',');
    if (key === this.reported) return;
    this.reported = key;
    void this.env.send('glossary:found', { termIds: ids }).catch(() => undefined);
  }

  /** The latest pointer position: the check runs where the pointer came to rest. */
  private pointer: { x: number; y: number; path: EventTarget[] } | null = null;

  private onPointerMove(e: PointerEvent) {
    this.pointer = { x: e.clientX, y: e.clientY, path: e.composedPath() };
    if (this.frame) return;
    this.frame = this.env.setTimeout(() => {
      this.frame = 0;
      const p = this.pointer;
      if (!p) return;
      const tooltip = this.env.overlay.tooltipElement;
      if (tooltip && p.path.includes(tooltip)) return this.cancelHide();
      const hit = this.marker?.hitTest(p.x, p.y);
      if (hit) this.show(hit.termId, hit.rect);
      else this.hideSoon();
    }, 40);
  }

  private onPointerUp(e: PointerEvent) {
    if (e.pointerType === 'mouse') return;
    const hit = this.marker?.hitTest(e.clientX, e.clientY);
    if (hit) this.show(hit.termId, hit.rect);
  }

  private show(termId: string, rect: DOMRect) {
    this.cancelHide();
    if (this.shown === termId && this.env.overlay.tooltipElement) return;
    const term = this.byId.get(termId);
    if (!term) return;
    this.shown = termId;
    const known = this.definitions.get(termId);
    if (known !== undefined) return this.render(term, known, rect);
    // Definitions stay in the background: the content script carries only what finds the words.
    void this.env
      .send('glossary:define', { termId })
      .then((found) => {
        if (!found) return;
        this.definitions.set(termId, found.definition);
        if (this.shown === termId) this.render(term, found.definition, rect);
      })
      .catch(() => undefined);
  }

  private render(term: MatchTerm, definition: string, rect: DOMRect) {
    const { speak } = this.env;
    this.env.overlay.showTooltip(
      { term: term.term, definition },
      { getBoundingClientRect: () => rect },
      {
        speak: speak && (() => speak(`${term.term}. ${definition}`)),
        more: () => void this.env.send('panel:open', {}).catch(() => undefined),
      },
    );
  }

  private hideSoon() {
    if (!this.shown || this.hideTimer !== null) return;
    this.hideTimer = this.env.setTimeout(() => {
      this.hideTimer = null;
      this.hide();
    }, 500);
  }

  private cancelHide() {
    if (this.hideTimer !== null) this.env.clearTimeout(this.hideTimer);
    this.hideTimer = null;
  }

  private hide() {
    this.cancelHide();
    this.shown = null;
    this.env.overlay.hideTooltip();
  }
}
