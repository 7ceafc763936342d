// @vitest-environment happy-dom
// What the in-page script draws on a site's page, in its own shadow root.
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { Overlay, readingBox, type BarPrefs } from '../../../core/in-page/overlay';
import { pageStrings } from '../../../core/in-page/strings';
import { pageTable } from '../../../core/background/page-strings';
import fr from '../../../locales/fr/page.json';
import en from '../../../locales/en/page.json';
import ar from '../../../locales/ar/page.json';

let host: HTMLElement;
let root: ShadowRoot;
let callbacks: {
  openPanel: Mock<() => void>;
  dismissOffer: Mock<(remember: boolean) => void>;
  barChanged: Mock<(bar: BarPrefs) => void>;
};
let overlay: Overlay;

function make(reducedMotion = true) {
  overlay = new Overlay(root, pageStrings('fr'), callbacks, () => reducedMotion);
  return overlay;
}

/** The part of the page a site's script would read through the open shadow root. */
const shown = () => root.textContent ?? '';
const byTestId = (id: string) => root.querySelector<HTMLElement>(`[data-testid="${id}"]`);
const buttons = () => [...root.querySelectorAll('button')].map((b) => b.textContent);

/** A page element with its attributes and children (never from an HTML string). */
function h(tag: string, attrs: Record<string, string>, children: (Node | string)[] = []) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

/** Gives an element the box a layout engine would give it. */
function place(el: Element, box: { left: number; top: number; width: number; height: number }) {
  el.getBoundingClientRect = () =>
    ({
      ...box,
      x: box.left,
      y: box.top,
      right: box.left + box.width,
      bottom: box.top + box.height,
      toJSON: () => box,
    }) as DOMRect;
  return el;
}

/** An element of the page with the box a layout engine would give it. */
function target(box: { left: number; top: number; width: number; height: number }) {
  const el = document.createElement('button');
  el.textContent = 'Mon Compte';
  document.body.append(el);
  return place(el, box);
}

beforeEach(() => {
  host = document.createElement('pas-a-pas-ui');
  document.body.append(host);
  root = host.attachShadow({ mode: 'open' });
  callbacks = {
    openPanel: vi.fn<() => void>(),
    dismissOffer: vi.fn<(remember: boolean) => void>(),
    barChanged: vi.fn<(bar: BarPrefs) => void>(),
  };
});

afterEach(() => {
  overlay?.destroy();
  document.body.replaceChildren();
});

describe('the offer card', () => {
  it('lists the site’s guides to start; « Ouvrir le guide » opens the panel', () => {
    make().showOffer({
      guides: [
        { id: 'a', title: 'Déclarer mes ressources' },
        { id: 'b', title: 'Attestation de paiement' },
      ],
      resume: false,
    });
    const card = byTestId('pap-offer')!;
    expect(card.getAttribute('role')).toBe('region');
    expect(card.textContent).toContain(fr.offerIntro);
    expect([...card.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Déclarer mes ressources',
      'Attestation de paiement',
    ]);
    expect(buttons()).toEqual([fr.open, fr.later]);
    root.querySelector<HTMLButtonElement>('.pap-primary')!.click();
    expect(callbacks.openPanel).toHaveBeenCalledTimes(1);
    expect(byTestId('pap-offer')).not.toBeNull();
  });

  it('« Plus tard » closes the card and says so', () => {
    make().showOffer({ guides: [{ id: 'a', title: 'Déclarer' }], resume: false });
    root.querySelector<HTMLButtonElement>('.pap-secondary')!.click();
    expect(byTestId('pap-offer')).toBeNull();
    expect(callbacks.dismissOffer).toHaveBeenCalledTimes(1);
    // Remembered for the day (the controller asks the background).
    expect(callbacks.dismissOffer).toHaveBeenCalledWith(true);
    expect(callbacks.openPanel).not.toHaveBeenCalled();
  });

  it('offers a resume with a neutral button: no procedure, no step in the page', () => {
    // Even if guide titles came along, a resume card names none of them.
    make().showOffer({ guides: [{ id: 'a', title: 'Déclarer mes ressources' }], resume: true });
    expect(buttons()).toEqual(['Reprendre ma démarche', fr.later]);
    expect(shown()).toBe(
      `${fr.brand}${fr.offerSite}${fr.offerWho}Reprendre ma démarche${fr.later}`,
    );
    expect(shown()).not.toContain('Déclarer');
    expect(shown()).not.toMatch(/étape/i);
    expect(root.querySelector('ul')).toBeNull();
    root.querySelector<HTMLButtonElement>('.pap-primary')!.click();
    expect(callbacks.openPanel).toHaveBeenCalledTimes(1);
  });

  it('closes with Escape from inside it, for this page only', () => {
    make().showOffer({ guides: [{ id: 'a', title: 'Déclarer' }], resume: false });
    const open = root.querySelector<HTMLButtonElement>('.pap-primary')!;
    open.focus();
    open.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(byTestId('pap-offer')).toBeNull();
    expect(callbacks.dismissOffer).toHaveBeenCalledWith(false);
  });

  it('says plainly who we are: not the administration, nothing seen, nothing sent', () => {
    make().showOffer({ guides: [{ id: 'a', title: 'Déclarer' }], resume: false });
    expect(byTestId('pap-who')!.textContent).toBe(fr.offerWho);
    expect(fr.offerWho).toMatch(/pas l’administration/);
  });

  it('says it can guide on the site when no guide fits the page', () => {
    make().showOffer({ guides: [], resume: false });
    expect(byTestId('pap-offer')!.textContent).toContain(fr.offerSite);
  });

  it('keeps one card at a time', () => {
    make().showOffer({ guides: [{ id: 'a', title: 'Déclarer' }], resume: false });
    overlay.showOffer({ guides: [], resume: true });
    expect(root.querySelectorAll('.pap-card')).toHaveLength(1);
    overlay.showStepBar(1, 9, false);
    expect(root.querySelectorAll('.pap-card')).toHaveLength(1);
    expect(byTestId('pap-offer')).toBeNull();
  });
});

describe('the step bar', () => {
  it('shows the step out of the total and a button back to the guide', () => {
    make().showStepBar(2, 9, false);
    const bar = byTestId('pap-stepbar')!;
    expect(bar.querySelector('.pap-lead')!.textContent).toBe('Étape 2 sur 9');
    expect(buttons()).toEqual([fr.showGuide, fr.moveTop, fr.fold]);
    root.querySelector<HTMLButtonElement>('button')!.click();
    expect(callbacks.openPanel).toHaveBeenCalledTimes(1);
  });

  it('folds to a small tab and moves to the top, and says so to be remembered', () => {
    make().showStepBar(2, 9, false);
    byTestId('pap-fold')!.click();
    let bar = byTestId('pap-stepbar')!;
    expect(bar.classList.contains('pap-folded')).toBe(true);
    expect(buttons()).toEqual([fr.unfold]);
    expect(byTestId('pap-fold')!.getAttribute('aria-expanded')).toBe('false');
    expect(bar.querySelector('.pap-lead')!.textContent).toBe('Étape 2 sur 9');
    expect(callbacks.barChanged).toHaveBeenLastCalledWith({ folded: true, top: false });
    byTestId('pap-fold')!.click();
    expect(buttons()).toEqual([fr.showGuide, fr.moveTop, fr.fold]);
    [...root.querySelectorAll('button')].find((b) => b.textContent === fr.moveTop)!.click();
    bar = byTestId('pap-stepbar')!;
    expect(bar.classList.contains('pap-top')).toBe(true);
    expect(callbacks.barChanged).toHaveBeenLastCalledWith({ folded: false, top: true });
    expect(buttons()).toEqual([fr.showGuide, fr.moveBottom, fr.fold]);
  });

  it('draws the bar as the site remembers it', () => {
    make().showStepBar(1, 3, false);
    overlay.setBarPrefs({ folded: true, top: true });
    const bar = byTestId('pap-stepbar')!;
    expect([bar.classList.contains('pap-folded'), bar.classList.contains('pap-top')]).toEqual([
      true,
      true,
    ]);
    expect(callbacks.barChanged).not.toHaveBeenCalled();
  });

  it('says when the guide is finished', () => {
    make().showStepBar(9, 9, true);
    expect(byTestId('pap-stepbar')!.querySelector('.pap-lead')!.textContent).toBe(fr.finished);
  });

  it('adds the not-found message to the bar once, and it goes with the bar', () => {
    make().showStepBar(3, 9, false);
    overlay.showNotFound();
    overlay.showNotFound();
    expect(root.querySelectorAll('[data-testid="pap-notfound"]')).toHaveLength(1);
    expect(byTestId('pap-stepbar')!.textContent).toContain(fr.notFound);
    overlay.removeCard();
    expect(byTestId('pap-notfound')).toBeNull();
    // With no card, nothing to add it to.
    overlay.showNotFound();
    expect(byTestId('pap-notfound')).toBeNull();
  });
});

describe('the ring and its callout', () => {
  it('rings the target’s box with a margin and says what to do', () => {
    const button = target({ left: 100, top: 200, width: 80, height: 30 });
    make().highlight(button, 'Cliquez sur **Mon Compte**.');
    const ring = byTestId('pap-highlight')!;
    expect(ring.getAttribute('aria-hidden')).toBe('true');
    expect(ring.style.left).toBe('94px');
    expect(ring.style.top).toBe('194px');
    expect(ring.style.width).toBe('92px');
    expect(ring.style.height).toBe('42px');
    expect(ring.style.display).toBe('block');
    expect(ring.classList.contains('pap-animated')).toBe(false);
    const callout = byTestId('pap-callout')!;
    expect(callout.getAttribute('role')).toBe('status');
    // Signed with our name: never read as the site's own instruction.
    expect(callout.querySelector('.pap-callout-brand')!.textContent).toBe(fr.brand);
    expect(callout.querySelector('.pap-callout-text')!.textContent).toBe('Cliquez sur Mon Compte.');
    expect(callout.querySelector('strong')!.textContent).toBe('Mon Compte');
    expect(overlay.highlighted).toBe(button);
  });

  it('hides the ring of an element with no box, and animates only without reduced motion', () => {
    make(false).highlight(target({ left: 0, top: 0, width: 0, height: 0 }), 'Ici');
    const ring = byTestId('pap-highlight')!;
    expect(ring.style.display).toBe('none');
    expect(ring.classList.contains('pap-animated')).toBe(true);
  });

  it('brings a target out of view into the middle of the window, without motion if asked', () => {
    const below = target({ left: 10, top: 5000, width: 50, height: 20 });
    const scroll = vi.fn();
    below.scrollIntoView = scroll;
    make().highlight(below, 'Plus bas');
    expect(scroll).toHaveBeenCalledWith({ block: 'center', behavior: 'auto' });
    const inView = target({ left: 10, top: 10, width: 50, height: 20 });
    const still = vi.fn();
    inView.scrollIntoView = still;
    overlay.highlight(inView, 'Ici');
    expect(still).not.toHaveBeenCalled();
  });

  it('renders guide text as text, never as HTML', () => {
    const button = target({ left: 10, top: 10, width: 50, height: 20 });
    const evil = '<img src=x onerror="window.__pwned=1"> et <b>gras</b>';
    make().highlight(button, evil);
    const callout = byTestId('pap-callout')!;
    expect(callout.querySelector('.pap-callout-text')!.textContent).toBe(evil);
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('b')).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('changes the text in place for the same target, and moves for another one', () => {
    const a = target({ left: 10, top: 10, width: 50, height: 20 });
    make().highlight(a, 'Premier');
    const ring = byTestId('pap-highlight');
    overlay.highlight(a, 'Second <i>');
    expect(byTestId('pap-highlight')).toBe(ring);
    expect(byTestId('pap-callout')!.querySelector('.pap-callout-text')!.textContent).toBe(
      'Second <i>',
    );
    expect(root.querySelector('i')).toBeNull();
    const b = target({ left: 300, top: 40, width: 20, height: 20 });
    overlay.highlight(b, 'Autre');
    expect(root.querySelectorAll('[data-testid="pap-highlight"]')).toHaveLength(1);
    expect(byTestId('pap-highlight')!.style.left).toBe('294px');
    expect(overlay.highlighted).toBe(b);
  });

  it('clearHighlight removes the ring and the callout and keeps the card', () => {
    make().showStepBar(1, 9, false);
    overlay.highlight(target({ left: 10, top: 10, width: 50, height: 20 }), 'Ici');
    overlay.clearHighlight();
    expect(byTestId('pap-highlight')).toBeNull();
    expect(byTestId('pap-callout')).toBeNull();
    expect(overlay.highlighted).toBeNull();
    expect(byTestId('pap-stepbar')).not.toBeNull();
  });
});

describe('the glossary tooltip', () => {
  it('shows the word and its definition as text, with its buttons', () => {
    const speak = vi.fn();
    const more = vi.fn();
    const anchor = target({ left: 10, top: 100, width: 60, height: 16 });
    make().showTooltip(
      { term: 'RSA', definition: 'Le **revenu** de <script>solidarité</script> active.' },
      anchor,
      { speak, more },
    );
    const tip = byTestId('pap-tooltip')!;
    expect(tip.getAttribute('aria-label')).toBe('Mot difficile : RSA');
    expect(tip.querySelector('.pap-term')!.textContent).toBe('RSA');
    expect(tip.querySelector('.pap-def')!.textContent).toBe(
      'Le revenu de <script>solidarité</script> active.',
    );
    expect(root.querySelector('script')).toBeNull();
    expect(buttons()).toEqual([fr.readAloud, fr.more]);
    root.querySelectorAll('button')[0]!.click();
    root.querySelectorAll('button')[1]!.click();
    expect(speak).toHaveBeenCalledTimes(1);
    expect(more).toHaveBeenCalledTimes(1);
    expect(overlay.tooltipElement).toBe(tip);
    overlay.hideTooltip();
    expect(byTestId('pap-tooltip')).toBeNull();
    expect(overlay.tooltipElement).toBeNull();
  });

  it('has no « Écouter » button when the browser cannot speak', () => {
    make().showTooltip({ term: 'CAF', definition: 'Caisse' }, target(box0()), { more: vi.fn() });
    expect(buttons()).toEqual([fr.more]);
  });
});

function box0() {
  return { left: 0, top: 0, width: 10, height: 10 };
}

describe('leaving the page clean', () => {
  it('destroy removes everything it drew', () => {
    make().showOffer({ guides: [{ id: 'a', title: 'Déclarer' }], resume: false });
    overlay.highlight(target({ left: 10, top: 10, width: 50, height: 20 }), 'Ici');
    overlay.showTooltip({ term: 'CAF', definition: 'Caisse' }, target(box0()), { more: vi.fn() });
    expect(root.childNodes.length).toBe(1);
    overlay.destroy();
    expect(root.childNodes.length).toBe(0);
    expect(shown()).toBe('');
    expect(overlay.highlighted).toBeNull();
    expect(overlay.tooltipElement).toBeNull();
  });

  it('never touches the page’s own nodes', () => {
    const page = document.body.innerHTML;
    const button = target({ left: 10, top: 10, width: 50, height: 20 });
    const before = document.body.innerHTML;
    expect(before).not.toBe(page);
    make().highlight(button, 'Ici');
    overlay.showStepBar(1, 2, false);
    expect(document.body.innerHTML).toBe(before);
    expect(button.getAttribute('style')).toBeNull();
  });
});

describe('languages', () => {
  it('switches its strings at once for what it draws next', () => {
    make().showStepBar(2, 9, false);
    overlay.setStrings(pageStrings('en', pageTable('en')));
    overlay.showStepBar(2, 9, false);
    expect(byTestId('pap-stepbar')!.querySelector('.pap-lead')!.textContent).toBe('Step 2 of 9');
    expect(buttons()).toEqual([en.showGuide, en.moveTop, en.fold]);
    overlay.setStrings(pageStrings('ar', pageTable('ar')));
    overlay.showOffer({ guides: [], resume: true });
    expect(buttons()).toEqual([ar.resume, ar.later]);
    // On the layer: the card, the bar, the callout and the tooltip all follow.
    const card = byTestId('pap-offer')!.closest('[lang]')!;
    expect([card.getAttribute('lang'), card.getAttribute('dir')]).toEqual(['ar', 'rtl']);
    overlay.showNotFound();
    expect(byTestId('pap-notfound')!.textContent).toBe(ar.notFound);
  });

  it('draws the step bar again in the new language, without waiting for the next step', () => {
    make().showStepBar(2, 9, false);
    overlay.setStrings(pageStrings('ar', pageTable('ar')));
    expect(byTestId('pap-stepbar')!.querySelector('.pap-lead')!.textContent).toBe(
      ar.stepOf.replace('{{n}}', '2').replace('{{total}}', '9'),
    );
  });

  it('gives the callout the marks of its language; the quoted site words stay French', () => {
    make().setStrings(pageStrings('en', pageTable('en')));
    overlay.highlight(
      target({ left: 10, top: 10, width: 80, height: 30 }),
      'Click « Mon Compte ».',
    );
    const text = byTestId('pap-callout')!.querySelector('.pap-callout-text')!;
    expect(text.textContent).toBe('Click “Mon Compte”.');
    expect(text.querySelector('bdi')!.getAttribute('lang')).toBe('fr');
    expect(text.querySelector('bdi')!.textContent).toBe('Mon Compte');
  });

  it('falls back to French for an unknown language', () => {
    make().setStrings(pageStrings('xx'));
    overlay.showStepBar(1, 3, false);
    expect(byTestId('pap-stepbar')!.querySelector('.pap-lead')!.textContent).toBe('Étape 1 sur 3');
  });
});

describe('reading aids', () => {
  it('scales with the person’s text size', () => {
    make().setTextSize(150);
    const layer = root.querySelector<HTMLElement>('.pap-layer')!;
    expect(layer.style.getPropertyValue('--pap-scale')).toBe('1.5');
  });
});

describe('what the person must read around the target', () => {
  it('takes in the field’s label, its hint and its group’s legend, not far-away text', () => {
    document.body.append(
      h('fieldset', {}, [
        h('legend', {}, ['Vos revenus']),
        h('label', { for: 'f', id: 'lb' }, ['Montant']),
        h('input', { id: 'f', 'aria-describedby': 'hint far' }),
        h('p', { id: 'hint' }, ['En euros']),
        h('p', { id: 'far' }, ['Loin']),
      ]),
    );
    const field = place(document.getElementById('f')!, {
      left: 100,
      top: 300,
      width: 200,
      height: 40,
    });
    place(document.getElementById('lb')!, { left: 100, top: 270, width: 80, height: 24 });
    place(document.getElementById('hint')!, { left: 100, top: 345, width: 260, height: 24 });
    place(document.querySelector('legend')!, { left: 90, top: 240, width: 150, height: 24 });
    place(document.getElementById('far')!, { left: 100, top: 2000, width: 900, height: 24 });
    place(document.querySelector('fieldset')!, { left: 80, top: 230, width: 900, height: 2000 });
    expect(readingBox(field)).toEqual({ left: 90, top: 240, right: 360, bottom: 369 });
  });

  it('takes in the other answers of a radio’s group', () => {
    document.body.append(
      h('fieldset', {}, [
        h('legend', {}, ['Oui ou non']),
        h('label', {}, [h('input', { type: 'radio', name: 'a', id: 'oui' }), ' Oui']),
        h('label', {}, [h('input', { type: 'radio', name: 'a' }), ' Non']),
      ]),
    );
    const oui = place(document.getElementById('oui')!, {
      left: 20,
      top: 100,
      width: 16,
      height: 16,
    });
    place(document.querySelector('fieldset')!, { left: 10, top: 60, width: 300, height: 120 });
    expect(readingBox(oui)).toEqual({ left: 10, top: 60, right: 310, bottom: 180 });
  });
});
