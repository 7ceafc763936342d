/**
 * The glossary on the live page (core/in-page/glossary-view.ts), in happy-dom: the background
 * is a fake `send`, CSS.highlights a Map, and the geometry happy-dom lacks (no layout) is
 * given by stubs: what is in view, where the caret is, the box of a word.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GlossaryView, HIGHLIGHT_NAME } from '../../../core/in-page/glossary-view';
import { Overlay } from '../../../core/in-page/overlay';
import { pageStrings } from '../../../core/in-page/strings';
import type { Send } from '../../../core/messaging/client';
import type { MatchTerm } from '../../../core/glossary/types';

const TERMS: MatchTerm[] = [
  { id: 'allocataire', term: 'allocataire', forms: ['allocataires'], acronyms: [], sites: ['caf'] },
  { id: 'rsa', term: 'revenu de solidarité active', forms: [], acronyms: ['RSA'], sites: ['caf'] },
  { id: 'qf', term: 'quotient familial', forms: [], acronyms: ['QF'], sites: ['caf'] },
  // An everyday web word (core/glossary/everyday.ts).
  { id: 'mot-de-passe', term: 'mot de passe', forms: [], acronyms: [], sites: ['caf'] },
];
/** A definition as the background could send it: markup in it must stay text. */
const DEFINITIONS: Record<string, string> = {
  allocataire: 'La personne qui reçoit une **aide** de la Caf. <img src=x onerror="alert(1)">',
  rsa: 'Une aide pour les personnes qui ont peu ou pas de revenus.',
};

/** The background's side, as the view talks to it. */
function fakeSend() {
  const calls: [string, unknown][] = [];
  const impl = async (type: string, data: unknown): Promise<unknown> => {
    calls.push([type, data]);
    if (type === 'glossary:terms') return TERMS;
    if (type === 'glossary:define') {
      const { termId } = data as { termId: string };
      const term = TERMS.find((t) => t.id === termId);
      return term ? { term: term.term, definition: DEFINITIONS[termId] ?? '' } : null;
    }
    if (type === 'panel:open') return { opened: true };
    return null;
  };
  return { send: impl as Send, calls };
}

/** Every element on screen: the painter then registers the range of every mark. */
class AllInView {
  constructor(private readonly report: IntersectionObserverCallback) {}
  observe(target: Element) {
    this.report([{ target, isIntersecting: true } as IntersectionObserverEntry], this as never);
  }
  unobserve() {}
  disconnect() {}
}

/** Test markup as nodes (parsed, never assigned as HTML to the live page). */
function nodes(html: string): Node[] {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  return [...parsed.body.childNodes].map((n) => document.importNode(n, true));
}

function setup(everyday?: boolean) {
  document.body.replaceChildren(
    ...nodes(`
    <h1>Espace allocataire</h1>
    <p id="rsa">Vous touchez le RSA depuis mars.</p>
    <p>Un mot simple et rien d’autre.</p>
    <input value="allocataire">`),
  );
  // Our own UI: a host with a shadow root, and light-DOM text that must never be marked.
  const host = document.createElement('pas-a-pas-ui');
  host.append('allocataire dans notre interface');
  document.body.append(host);
  const shadow = host.attachShadow({ mode: 'open' });
  const overlay = new Overlay(
    shadow,
    pageStrings('fr'),
    { openPanel: () => undefined, dismissOffer: () => undefined },
    () => true,
  );
  const registry = new Map<string, Set<AbstractRange>>();
  const { send, calls } = fakeSend();
  const speak = vi.fn();
  const view = new GlossaryView({
    doc: document,
    overlay,
    send,
    hostTag: 'pas-a-pas-ui',
    everyday,
    setTimeout: (fn, ms) => window.setTimeout(fn, ms),
    clearTimeout: (id) => window.clearTimeout(id),
    highlights: {
      registry: registry as unknown as HighlightRegistry,
      make: () => new Set<AbstractRange>() as unknown as Highlight,
    },
    speak,
  });
  return { view, overlay, registry, calls, speak };
}

/** The marked words, as text. */
function marked(registry: Map<string, Set<AbstractRange>>): string[] {
  const h = registry.get(HIGHLIGHT_NAME);
  return [...(h ?? [])].map((r) =>
    (r.startContainer as Text).data.slice(r.startOffset, r.endOffset),
  );
}

/** The last list of words the view reported to the background. */
function lastFound(calls: [string, unknown][]): string[] | undefined {
  const found = calls.filter(([type]) => type === 'glossary:found');
  return (found.at(-1)?.[1] as { termIds: string[] } | undefined)?.termIds;
}

/** Puts the caret on `text` at `offset` (every word's box is (0,0)-(200,40): see beforeEach). */
function pointAt(text: Text, offset: number) {
  Object.assign(document, {
    caretPositionFromPoint: () => ({ offsetNode: text, offset }),
  });
}

function tap(x = 10, y = 10) {
  document.dispatchEvent(
    new PointerEvent('pointerup', { clientX: x, clientY: y, pointerType: 'touch', bubbles: true }),
  );
}

async function settle() {
  await vi.runAllTimersAsync();
}

let current: ReturnType<typeof setup> | null = null;

beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal('IntersectionObserver', AllInView);
  vi.spyOn(Range.prototype, 'getClientRects').mockImplementation(
    () => [new DOMRect(0, 0, 200, 40)] as unknown as DOMRectList,
  );
  current = setup();
});

afterEach(() => {
  current?.view.stop();
  current = null;
  delete (document as { caretPositionFromPoint?: unknown }).caretPositionFromPoint;
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  vi.useRealTimers();
  document.adoptedStyleSheets = [];
});

/** Adds page text after what is there (and tells the view, as the page watcher would). */
async function addPage(view: GlossaryView, html: string) {
  const added = nodes(html);
  document.body.append(...added);
  view.domChanged([{ type: 'childList', addedNodes: added, removedNodes: [] } as never]);
  await settle();
}

describe('a quieter glossary', () => {
  it('underlines a word once per part of the page, and explains every occurrence on tap', async () => {
    const { view, overlay, registry } = current!;
    await view.start();
    await settle();
    await addPage(
      view,
      `<p id="again">Chaque allocataire reçoit un courrier.</p>
       <h2>Vos aides</h2><p id="next">Un allocataire peut demander le RSA.</p>`,
    );
    // « Espace allocataire » (h1) opens the first part; « Vos aides » the second.
    expect(marked(registry).sort()).toEqual(['RSA', 'RSA', 'allocataire', 'allocataire']);
    const underlined = [...registry.get(HIGHLIGHT_NAME)!].map((r) => r.startContainer);
    expect(underlined).not.toContain(document.getElementById('again')!.firstChild);
    expect(underlined).toContain(document.getElementById('next')!.firstChild);
    // Not underlined, still explained.
    pointAt(document.getElementById('again')!.firstChild as Text, 'Chaque '.length + 2);
    tap();
    await settle();
    expect(overlay.tooltipElement?.querySelector('.pap-term')?.textContent).toBe('allocataire');
  });

  it('when the first one goes, the next one of its part is underlined', async () => {
    const { view, registry } = current!;
    await view.start();
    await settle();
    await addPage(view, `<h2>Aides</h2><p id="one">Le RSA.</p><p id="two">Encore le RSA.</p>`);
    const one = document.getElementById('one')!;
    one.remove();
    view.domChanged([{ type: 'childList', addedNodes: [], removedNodes: [one] } as never]);
    await settle();
    const underlined = [...registry.get(HIGHLIGHT_NAME)!].map((r) => r.startContainer);
    expect(underlined).toContain(document.getElementById('two')!.firstChild);
  });

  it('never marks nor explains inside a link, a button or a label; the panel still lists it', async () => {
    const { view, overlay, registry, calls } = current!;
    await view.start();
    await settle();
    await addPage(
      view,
      `<h2>Liens</h2><a id="link" href="/rsa">Demander le RSA</a>
       <label>QF <input type="checkbox"></label><div role="button">quotient familial</div>`,
    );
    expect(marked(registry).sort()).toEqual(['RSA', 'allocataire']);
    pointAt(document.getElementById('link')!.firstChild as Text, 'Demander le '.length + 1);
    tap();
    await settle();
    expect(overlay.tooltipElement).toBeNull();
    expect(lastFound(calls)?.sort()).toEqual(['allocataire', 'qf', 'rsa']);
  });

  it('never marks inside an address or a domain name', async () => {
    const { view, registry } = current!;
    await view.start();
    await settle();
    await addPage(
      view,
      `<h2>Contact</h2><p>Écrivez à rsa.aide@caf.fr ou allez sur allocataire.caf.fr/rsa.</p>`,
    );
    expect(marked(registry).sort()).toEqual(['RSA', 'allocataire']);
  });

  it('leaves the everyday web words alone unless the person asks for them', async () => {
    const { view, registry, calls } = current!;
    await view.start();
    await settle();
    await addPage(view, `<h2>Connexion</h2><p>Votre mot de passe.</p>`);
    expect(marked(registry)).not.toContain('mot de passe');
    expect(lastFound(calls)).not.toContain('mot-de-passe');
    view.stop();
    current = setup(true);
    await current.view.start();
    await settle();
    await addPage(current.view, `<h2>Connexion</h2><p>Votre mot de passe.</p>`);
    expect(marked(current.registry)).toContain('mot de passe');
  });
});

describe('GlossaryView', () => {
  it("marks the words of the site's glossary, and tells the background which ones", async () => {
    const { view, registry, calls } = current!;
    await view.start();
    await settle();
    expect(marked(registry).sort()).toEqual(['RSA', 'allocataire']);
    expect(lastFound(calls)?.sort()).toEqual(['allocataire', 'rsa']);
    // The underline comes from a stylesheet of ours, adopted without adding a node.
    expect(document.adoptedStyleSheets).toHaveLength(1);
    expect(document.querySelectorAll('style')).toHaveLength(0);
  });

  it('shows the definition from glossary:define as text, asked for once', async () => {
    const { view, overlay, calls, speak } = current!;
    await view.start();
    await settle();
    const h1 = document.querySelector('h1')!.firstChild as Text;
    pointAt(h1, 'Espace '.length + 2);
    tap();
    await settle();
    const tooltip = overlay.tooltipElement!;
    expect(tooltip).not.toBeNull();
    expect(tooltip.querySelector('.pap-term')!.textContent).toBe('allocataire');
    const def = tooltip.querySelector('.pap-def')!;
    expect(def.textContent).toBe(
      'La personne qui reçoit une aide de la Caf. <img src=x onerror="alert(1)">',
    );
    // **…** is the one formatting allowed; anything else that looks like markup is text.
    expect(def.querySelector('strong')!.textContent).toBe('aide');
    expect(tooltip.querySelector('img')).toBeNull();

    tooltip.querySelector<HTMLButtonElement>('button')!.click();
    expect(speak).toHaveBeenCalledWith(`allocataire. ${DEFINITIONS.allocataire}`);

    // Hidden with Escape, shown again without asking the background again.
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(overlay.tooltipElement).toBeNull();
    tap();
    await settle();
    expect(overlay.tooltipElement).not.toBeNull();
    expect(calls.filter(([type]) => type === 'glossary:define')).toHaveLength(1);
  });

  it('shows nothing where no glossary word is', async () => {
    const { view, overlay, calls } = current!;
    await view.start();
    await settle();
    const plain = document.querySelectorAll('p')[1]!.firstChild as Text;
    pointAt(plain, 3);
    tap();
    await settle();
    expect(overlay.tooltipElement).toBeNull();
    expect(calls.some(([type]) => type === 'glossary:define')).toBe(false);
  });

  it('stop() takes away the marks, the style, the tooltip and its listeners', async () => {
    const { view, overlay, registry, calls } = current!;
    await view.start();
    await settle();
    pointAt(document.querySelector('#rsa')!.firstChild as Text, 'Vous touchez le '.length + 1);
    tap();
    await settle();
    expect(overlay.tooltipElement).not.toBeNull();

    view.stop();
    expect(registry.has(HIGHLIGHT_NAME)).toBe(false);
    expect(document.adoptedStyleSheets).toHaveLength(0);
    expect(overlay.tooltipElement).toBeNull();
    await settle();
    expect(lastFound(calls)).toEqual([]);
    tap();
    await settle();
    expect(overlay.tooltipElement).toBeNull();
  });

  it('marks the text a page adds, from the records the page watcher hands on', async () => {
    const { view, registry, calls } = current!;
    await view.start();
    await settle();
    const observer = new MutationObserver(() => undefined);
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    const p = document.createElement('p');
    p.textContent = 'Votre quotient familial (QF) a changé.';
    document.body.append(p);
    (document.querySelector('#rsa')!.firstChild as Text).data = 'Plus rien ici.';
    view.domChanged(observer.takeRecords());
    observer.disconnect();
    await settle();
    // « QF » is the second time the term appears in its part of the page: not underlined.
    expect(marked(registry).sort()).toEqual(['allocataire', 'quotient familial']);
    expect(lastFound(calls)?.sort()).toEqual(['allocataire', 'qf']);
  });

  it('scans the page again after a route change', async () => {
    const { view, registry, calls } = current!;
    await view.start();
    await settle();
    // A single-page app draws its next view; the watcher reports the new address.
    document.querySelector('h1')!.textContent = 'Mon RSA';
    document.querySelector('#rsa')!.replaceChildren('Les allocataires du mois.');
    view.rescan();
    await settle();
    expect(marked(registry).sort()).toEqual(['RSA', 'allocataires']);
    expect(lastFound(calls)?.sort()).toEqual(['allocataire', 'rsa']);
    expect(calls.filter(([type]) => type === 'glossary:terms')).toHaveLength(1);
  });
});
