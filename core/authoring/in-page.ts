/**
 * The authoring tools inside the site's page: the element picker and the recorder. Loaded only
 * when the author asks (injected by the background), never with the always-loaded script.
 *
 * Nothing typed is ever read: a field is known by its label, and only the locator, those
 * words and whether the element came with the last click leave the page.
 */
import type { Locator } from '../guides/model';
import { findTarget } from '../locate/locate';
import type { StepProbe } from './types';
import {
  isFieldElement,
  locatorSnippet,
  pickTarget,
  suggestLocator,
  type Suggestion,
} from './locator';

export interface RecordedStep {
  kind: 'click' | 'fill';
  target: Locator[];
  name: string;
  appeared: boolean;
}

export interface AuthorToolsDeps {
  doc: Document;
  /** Sends a recorded step to the background. */
  record(step: RecordedStep): void;
  /** Copies a text (the snippet); rejects when the page refuses. */
  copy(text: string): Promise<void>;
}

const HOST_TAG = 'pas-a-pas-author';
/** What a person may act on, for telling an element that came with a click. */
const ACTIONABLE = 'a,button,input,select,textarea,summary,label,[role],[tabindex]';

const STYLE = `
:host { all: initial; }
.ring { position: fixed; pointer-events: none; z-index: 2147483646; border: 4px solid #b3261e;
  border-radius: 6px; box-shadow: 0 0 0 3px #fff; display: none; }
.box { position: fixed; right: 16px; bottom: 16px; z-index: 2147483647; max-width: min(560px, 90vw);
  background: #fff; color: #1b1b1b; border: 3px solid #1b1b1b; border-radius: 10px; padding: 16px;
  font: 18px/1.45 system-ui, sans-serif; box-shadow: 0 4px 16px rgba(0,0,0,.3); }
.box p { margin: 0 0 10px; }
.box pre { margin: 0 0 10px; padding: 10px; background: #f2f2f2; border-radius: 6px;
  font: 16px/1.4 ui-monospace, monospace; white-space: pre-wrap; word-break: break-word; }
.box ul { margin: 0 0 10px; padding-left: 20px; font: 15px/1.4 ui-monospace, monospace; }
.box button { font: inherit; min-height: 44px; padding: 6px 16px; margin: 4px 8px 0 0;
  border: 2px solid #1b1b1b; border-radius: 8px; background: #fff; color: #1b1b1b; cursor: pointer; }
.box button.main { background: #000091; border-color: #000091; color: #fff; }
.box button:focus-visible { outline: 3px solid #b3261e; outline-offset: 2px; }
.badge { position: fixed; top: 12px; right: 12px; z-index: 2147483647; pointer-events: none;
  background: #b3261e; color: #fff; font: bold 18px/1.3 system-ui, sans-serif; padding: 8px 14px;
  border-radius: 8px; }
`;

function visible(el: Element): boolean {
  return el.getClientRects().length > 0;
}

export class AuthorTools {
  private readonly host: HTMLElement;
  private readonly root: ShadowRoot;
  private readonly ring: HTMLElement;
  private box: HTMLElement | null = null;
  private badge: HTMLElement | null = null;
  private picking = false;
  private paused = false;
  private recording = false;
  /** Visible elements when the last click was recorded (null: no click on this page yet). */
  private beforeClick: WeakSet<Element> | null = null;
  private readonly off: (() => void)[] = [];

  constructor(private readonly deps: AuthorToolsDeps) {
    const { doc } = deps;
    this.host = doc.createElement(HOST_TAG);
    this.root = this.host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = STYLE;
    this.ring = doc.createElement('div');
    this.ring.className = 'ring';
    this.root.append(style, this.ring);
    doc.documentElement.append(this.host);
    this.listen();
  }

  private listen(): void {
    const { doc } = this.deps;
    const on = <K extends keyof DocumentEventMap>(
      type: K,
      fn: (e: DocumentEventMap[K]) => void,
    ) => {
      doc.addEventListener(type, fn, true);
      this.off.push(() => doc.removeEventListener(type, fn, true));
    };
    on('mouseover', (e) => this.pointAt(e.target));
    on('focusin', (e) => {
      this.pointAt(e.target);
      this.fieldEntered(e.target);
    });
    on('click', (e) => this.clicked(e));
    on('keydown', (e) => this.key(e));
  }

  /** Ours: the picker's own box is never picked or recorded. */
  private ours(target: EventTarget | null): boolean {
    return target === this.host || (target instanceof Node && this.host.contains(target));
  }

  private element(target: EventTarget | null): Element | null {
    if (!target || this.ours(target) || !(target instanceof Element)) return null;
    return target;
  }

  // ── picker ──────────────────────────────────────────────────────────────

  pick(): void {
    this.picking = true;
    this.paused = false;
    this.showBox([
      p(
        this.deps.doc,
        'Choisissez un élément : passez la souris dessus ou allez-y avec la touche Tab, puis cliquez ou appuyez sur Entrée. Échap pour quitter.',
      ),
    ]);
  }

  private leavePick(): void {
    this.picking = false;
    this.paused = false;
    this.ring.style.display = 'none';
    this.box?.remove();
    this.box = null;
  }

  private pointAt(target: EventTarget | null): void {
    if (!this.picking || this.paused) return;
    const el = this.element(target);
    if (!el) return;
    const r = pickTarget(el).getBoundingClientRect();
    Object.assign(this.ring.style, {
      display: 'block',
      left: `${r.left - 4}px`,
      top: `${r.top - 4}px`,
      width: `${r.width}px`,
      height: `${r.height}px`,
    });
  }

  private chosen(el: Element): void {
    this.paused = false;
    this.pointAt(el);
    this.paused = true;
    const s = suggestLocator(this.deps.doc, el);
    this.showSuggestion(s);
  }

  private showSuggestion(s: Suggestion): void {
    const { doc } = this.deps;
    const snippet = locatorSnippet(s.best);
    const pre = doc.createElement('pre');
    pre.textContent = snippet;
    pre.dataset.testid = 'pap-author-snippet';
    const count = p(
      doc,
      s.best.count === 1
        ? 'Trouvé 1 fois sur cette page : ce repère est précis.'
        : `Trouvé ${s.best.count} fois sur cette page : précisez-le (ajoutez un repère proche).`,
    );
    count.dataset.testid = 'pap-author-count';
    const others = doc.createElement('ul');
    for (const c of s.candidates.filter((c) => c !== s.best)) {
      const li = doc.createElement('li');
      li.textContent = `${locatorSnippet(c)}${c.finds ? '' : ' (pas cet élément)'}`;
      others.append(li);
    }
    const copy = button(doc, 'Copier', true, () => {
      this.deps.copy(snippet).then(
        () => (copy.textContent = 'Copié'),
        () => (copy.textContent = 'Sélectionnez le texte pour le copier'),
      );
    });
    const again = button(doc, 'Choisir un autre élément', false, () => this.pick());
    const close = button(doc, 'Quitter', false, () => this.leavePick());
    const parts: Node[] = [p(doc, 'Repère à copier dans l’étape :'), pre, count];
    if (others.childElementCount) parts.push(p(doc, 'Autres repères possibles :'), others);
    parts.push(copy, again, close);
    this.showBox(parts);
    copy.focus();
  }

  private showBox(parts: Node[]): void {
    this.box?.remove();
    const box = this.deps.doc.createElement('div');
    box.className = 'box';
    box.setAttribute('role', 'dialog');
    box.setAttribute('aria-label', 'Pas à pas : choisir un élément');
    box.dataset.testid = 'pap-author-box';
    box.append(...parts);
    this.root.append(box);
    this.box = box;
  }

  private key(e: KeyboardEvent): void {
    if (!this.picking) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      this.leavePick();
      return;
    }
    if (e.key !== 'Enter' || this.paused) return;
    const el = this.element(e.target);
    if (!el || el === this.deps.doc.body) return;
    e.preventDefault();
    e.stopPropagation();
    this.chosen(el);
  }

  // ── recorder ────────────────────────────────────────────────────────────

  record(on: boolean): void {
    this.recording = on;
    this.beforeClick = null;
    this.badge?.remove();
    this.badge = null;
    if (!on) return;
    const badge = this.deps.doc.createElement('div');
    badge.className = 'badge';
    badge.textContent = '● Pas à pas enregistre vos clics';
    badge.dataset.testid = 'pap-author-recording';
    this.root.append(badge);
    this.badge = badge;
  }

  private clicked(e: MouseEvent): void {
    const el = this.element(e.target);
    if (!el) return;
    if (this.picking) {
      // The pick takes the click: the page must not follow the link or send the form.
      e.preventDefault();
      e.stopPropagation();
      if (!this.paused) this.chosen(el);
      return;
    }
    if (!this.recording) return;
    const target = pickTarget(el);
    // A field (or its label) is recorded when focus enters it.
    if (isFieldElement(target)) return;
    this.send('click', target);
    this.beforeClick = this.snapshot();
  }

  private fieldEntered(target: EventTarget | null): void {
    if (!this.recording) return;
    const el = this.element(target);
    if (el && isFieldElement(el)) this.send('fill', el);
  }

  private snapshot(): WeakSet<Element> {
    const set = new WeakSet<Element>();
    for (const el of this.deps.doc.querySelectorAll(ACTIONABLE)) if (visible(el)) set.add(el);
    return set;
  }

  private send(kind: RecordedStep['kind'], el: Element): void {
    const s = suggestLocator(this.deps.doc, el);
    const appeared = this.beforeClick !== null && !this.beforeClick.has(s.element);
    this.deps.record({ kind, target: [s.best.locator], name: s.name.slice(0, 200), appeared });
  }

  // ── preview ─────────────────────────────────────────────────────────────

  /** Whether each step's target is on the page now (the same search the guide uses). */
  probe(steps: readonly { stepId: string; target: Locator[] }[]): StepProbe[] {
    return steps.map(({ stepId, target }) => ({
      stepId,
      status: target.length ? findTarget(this.deps.doc, target).status : 'none',
    }));
  }

  stop(): void {
    for (const off of this.off.splice(0)) off();
    this.host.remove();
  }
}

function p(doc: Document, text: string): HTMLElement {
  const el = doc.createElement('p');
  el.textContent = text;
  return el;
}

function button(doc: Document, text: string, main: boolean, onClick: () => void) {
  const b = doc.createElement('button');
  b.type = 'button';
  b.textContent = text;
  if (main) b.className = 'main';
  b.addEventListener('click', onClick);
  return b;
}
