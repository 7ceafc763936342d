// @vitest-environment-options {"url": "https://www.caf.fr/"}
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunningGuide } from '../../../core/guides/model';
import {
  NOT_FOUND_GRACE_MS,
  PageController,
  type PageOverlay,
} from '../../../core/in-page/controller';
import { createClient } from '../../../core/messaging/client';
import type { Envelope, RequestData, RequestType } from '../../../core/messaging/protocol';
import type { Offer, Responses } from '../../../core/messaging/responses';
import type { ActiveState, PageState } from '../../../core/messaging/schemas';
import { setBody } from '../locate/dom';

/** Three steps on the Caf home page: open Mon Compte, read the welcome, then the end page. */
const GUIDE: RunningGuide = {
  id: 'caf-essai',
  site: 'caf',
  title: 'Essai',
  steps: [
    {
      id: 'ouvrir',
      title: 'Ouvrez Mon Compte',
      text: 'Cliquez sur Mon Compte.',
      action: 'click',
      target: [{ role: 'button', name: 'Mon Compte' }],
      callout: 'Ici',
      done: { present: [{ text: 'Bienvenue' }] },
    },
    {
      id: 'lire',
      title: 'Lisez',
      text: 'Lisez le message.',
      action: 'read',
      target: [{ text: 'Bienvenue' }],
    },
    {
      id: 'fin',
      title: 'Fin',
      text: 'C’est fini.',
      action: 'read',
      on: { url: ['www.caf.fr/fin'] },
    },
  ],
};

const state = (stepIndex: number, seq: number, over: Partial<ActiveState> = {}): ActiveState => ({
  guide: GUIDE,
  stepIndex,
  finished: false,
  seq,
  ...over,
});
const page = (s: ActiveState | null, over: Partial<PageState> = {}): PageState => ({
  state: s,
  glossary: true,
  language: 'fr',
  textSize: 100,
  ...over,
});
const push = (data: PageState): Envelope => ({ pap: 1, type: 'state:changed', data });

type Answer = {
  [K in RequestType]?: (data: RequestData<K>) => Responses[K] | Promise<Responses[K]>;
};

function setup(answers: Answer = {}) {
  const sent: { type: string; data: unknown }[] = [];
  const drawn: [keyof PageOverlay, ...unknown[]][] = [];
  const settings: [boolean, string][] = [];
  const overlay: PageOverlay = {
    showOffer: (o) => void drawn.push(['showOffer', o]),
    showStepBar: (n, total, finished) => void drawn.push(['showStepBar', n, total, finished]),
    showNotFound: () => void drawn.push(['showNotFound']),
    removeCard: () => void drawn.push(['removeCard']),
    highlight: (el, text) => void drawn.push(['highlight', el, text]),
    clearHighlight: () => void drawn.push(['clearHighlight']),
    setBarPrefs: (bar) => void drawn.push(['setBarPrefs', bar]),
  };
  // The message client over a fake background: what the controller really sends and reads.
  const send = createClient(async (message) => {
    sent.push({ type: message.type, data: message.data });
    const answer = answers[message.type as RequestType] as ((d: unknown) => unknown) | undefined;
    if (!answer) return { ok: true, value: null };
    try {
      return { ok: true, value: await answer(message.data) };
    } catch (e) {
      return { ok: false, error: String(e) };
    }
  });
  const controller = new PageController({
    doc: document,
    send,
    overlay,
    allowPractice: false,
    setTimeout: (fn, ms) => window.setTimeout(fn, ms),
    clearTimeout: (id) => window.clearTimeout(id),
    onSettings: (s) => void settings.push([s.glossary, s.language]),
  });
  controllers.push(controller);
  const of = (kind: keyof PageOverlay) => drawn.filter(([k]) => k === kind);
  const sentOf = (type: RequestType) => sent.filter((m) => m.type === type).map((m) => m.data);
  return { controller, sent, drawn, settings, of, sentOf };
}

function button(name: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.textContent = name;
  document.body.append(b);
  return b;
}

function paragraph(text: string): HTMLElement {
  const p = document.createElement('p');
  p.textContent = text;
  document.body.append(p);
  return p;
}

/** Lets the fake background answer. */
const answered = () => new Promise((r) => setTimeout(r, 0));

const controllers: PageController[] = [];
beforeEach(() => document.body.replaceChildren());
afterEach(() => {
  vi.useRealTimers();
  for (const c of controllers.splice(0)) c.stop();
});

describe('PageController', () => {
  it('applies the pushed state: the settings, the step bar, the ring on the target', async () => {
    const target = button('Mon Compte');
    const x = setup();
    x.controller.receive(push(page(state(0, 1), { language: 'en', glossary: false })));
    expect(x.settings).toEqual([[false, 'en']]);
    expect(x.of('showStepBar').at(-1)).toEqual(['showStepBar', 1, 3, false]);
    expect(x.of('highlight')).toEqual([['highlight', target, 'Ici']]);
    await answered();
    expect(x.sentOf('step:found')).toEqual([{ guideId: 'caf-essai', stepIndex: 0, found: true }]);
  });

  it('ignores what is not a state:changed push of the right shape', () => {
    const x = setup();
    x.controller.receive({ pap: 1, type: 'tab:changed', data: { tabId: 1 } });
    x.controller.receive({ pap: 1, type: 'state:changed', data: { state: 'oops' } });
    x.controller.receive({ type: 'state:changed', data: page(state(0, 1)) });
    x.controller.receive('state:changed');
    expect(x.drawn).toEqual([]);
    expect(x.settings).toEqual([]);
  });

  it('moves on when the page shows the step done, and shows the answer at once', async () => {
    button('Mon Compte');
    const x = setup({ 'step:moved': ({ to }) => page(state(to, 2)) });
    x.controller.receive(push(page(state(0, 1))));
    paragraph('Bienvenue');
    x.controller.refresh();
    // Asked once, however often the page changes while the answer is on its way.
    x.controller.refresh();
    expect(x.sentOf('step:moved')).toEqual([
      { guideId: 'caf-essai', from: 0, to: 1, finished: false },
    ]);
    await answered();
    expect(x.of('showStepBar').at(-1)).toEqual(['showStepBar', 2, 3, false]);
    expect(x.of('highlight').at(-1)?.[2]).toBe('Lisez');
    expect(x.sentOf('step:moved')).toHaveLength(1);
  });

  it('never goes back to an older state, whether pushed or answered', async () => {
    button('Mon Compte');
    let release: (p: PageState) => void = () => undefined;
    const x = setup({
      'step:moved': () => new Promise<PageState>((resolve) => (release = resolve)),
    });
    x.controller.receive(push(page(state(0, 5))));
    paragraph('Bienvenue');
    x.controller.refresh();
    // Meanwhile the side panel jumped to the last step: its push comes before the answer.
    x.controller.receive(push(page(state(2, 7))));
    release(page(state(1, 6)));
    await answered();
    expect(x.of('showStepBar').at(-1)).toEqual(['showStepBar', 3, 3, false]);
    // An older push is left aside too.
    x.controller.receive(push(page(state(0, 4))));
    expect(x.of('showStepBar').at(-1)).toEqual(['showStepBar', 3, 3, false]);
  });

  it('after a failed step:moved, tries again at the next change of the page', async () => {
    button('Mon Compte');
    let fail = true;
    const x = setup({
      'step:moved': ({ to }) => {
        if (fail) throw new Error('no background');
        return page(state(to, 2));
      },
    });
    x.controller.receive(push(page(state(0, 1))));
    paragraph('Bienvenue');
    x.controller.refresh();
    await answered();
    expect(x.sentOf('step:moved')).toHaveLength(1);
    fail = false;
    x.controller.refresh();
    await answered();
    expect(x.sentOf('step:moved')).toHaveLength(2);
    expect(x.of('showStepBar').at(-1)).toEqual(['showStepBar', 2, 3, false]);
  });

  it('says the target is missing only after the grace delay', async () => {
    vi.useFakeTimers();
    const x = setup();
    x.controller.receive(push(page(state(0, 1))));
    vi.advanceTimersByTime(NOT_FOUND_GRACE_MS - 100);
    expect(x.of('showNotFound')).toEqual([]);
    expect(x.sentOf('step:found')).toEqual([]);
    vi.advanceTimersByTime(200);
    expect(x.of('showNotFound')).toHaveLength(1);
    expect(x.sentOf('step:found')).toEqual([{ guideId: 'caf-essai', stepIndex: 0, found: false }]);
  });

  it('a target that shows up within the delay is ringed, and nothing is said missing', () => {
    vi.useFakeTimers();
    const x = setup();
    x.controller.receive(push(page(state(0, 1))));
    vi.advanceTimersByTime(NOT_FOUND_GRACE_MS / 2);
    const target = button('Mon Compte');
    vi.advanceTimersByTime(NOT_FOUND_GRACE_MS);
    expect(x.of('showNotFound')).toEqual([]);
    expect(x.of('highlight')).toEqual([['highlight', target, 'Ici']]);
  });

  it('a disabled target is never ringed, and never said missing: the step waits for it', () => {
    vi.useFakeTimers();
    const x = setup();
    const target = button('Mon Compte');
    target.disabled = true;
    x.controller.receive(push(page(state(0, 1))));
    vi.advanceTimersByTime(NOT_FOUND_GRACE_MS * 2);
    expect(x.of('highlight')).toEqual([]);
    expect(x.of('showNotFound')).toEqual([]);
    expect(x.sentOf('step:found')).toEqual([{ guideId: 'caf-essai', stepIndex: 0, found: true }]);
    target.disabled = false;
    x.controller.refresh();
    expect(x.of('highlight')).toEqual([['highlight', target, 'Ici']]);
  });

  it('shows the offer when no guide runs, until the person says « Plus tard »', async () => {
    const offer: Offer = { guides: [{ id: 'caf-essai', title: 'Essai' }], resume: false };
    const x = setup({ 'page:seen': () => ({ ...page(null), offer }) });
    await x.controller.pageSeen();
    expect(x.sentOf('page:seen')).toEqual([{ href: 'https://www.caf.fr/' }]);
    expect(x.of('showOffer')).toEqual([['showOffer', offer]]);
    x.controller.dismissOffer();
    x.controller.receive(push(page(null, { language: 'ar' })));
    expect(x.of('showOffer')).toHaveLength(1);
    expect(x.drawn.at(-1)).toEqual(['removeCard']);
    expect(x.settings.at(-1)).toEqual([true, 'ar']);
  });

  it('keeps a guide pushed while the page was being answered (resumed from the panel as it loaded)', async () => {
    const target = button('Mon Compte');
    const offer: Offer = { guides: [{ id: 'caf-essai', title: 'Essai' }], resume: true };
    let answer: (p: PageState & { offer: Offer }) => void = () => undefined;
    const x = setup({ 'page:seen': () => new Promise((resolve) => (answer = resolve)) });
    const seen = x.controller.pageSeen();
    // The background read the tab (no guide), then the panel resumed the guide: its push
    // arrives before the reply made earlier.
    x.controller.receive(push(page(state(0, 9))));
    answer({ ...page(null, { language: 'en' }), offer });
    await seen;
    expect(x.of('highlight').at(-1)).toEqual(['highlight', target, 'Ici']);
    expect(x.of('showOffer')).toEqual([]);
    expect(x.of('clearHighlight')).toEqual([]);
    expect(x.settings.at(-1)).toEqual([true, 'en']); // the reply's settings still count
    // With no push in between, the reply is the latest word, even with no guide.
    const again = setup({ 'page:seen': () => ({ ...page(null), offer }) });
    again.controller.receive(push(page(state(0, 3))));
    await again.controller.pageSeen();
    expect(again.of('showOffer')).toEqual([['showOffer', offer]]);
  });

  it('at the end of the guide, the ring and the step bar leave the page', async () => {
    button('Mon Compte');
    const x = setup({ 'step:moved': ({ to, finished }) => page(state(to, 3, { finished })) });
    x.controller.receive(push(page(state(2, 2))));
    expect(x.of('showStepBar').at(-1)).toEqual(['showStepBar', 3, 3, false]);
    // The last page shows up: the page says so, and the answer is the finished state.
    window.history.replaceState(null, '', '/fin');
    x.controller.refresh();
    expect(x.sentOf('step:moved')).toEqual([
      { guideId: 'caf-essai', from: 2, to: 2, finished: true },
    ]);
    const bars = x.of('showStepBar').length;
    await answered();
    expect(x.drawn.slice(-2)).toEqual([['clearHighlight'], ['removeCard']]);
    expect(x.of('showStepBar')).toHaveLength(bars);
    // Nothing is ringed again, whatever the page does next.
    x.controller.refresh();
    paragraph('Bienvenue');
    x.controller.refresh();
    expect(x.of('highlight')).toEqual([]);
    expect(x.sentOf('step:moved')).toHaveLength(1);
    window.history.replaceState(null, '', '/');
  });
});

/** A one-page login: number, password, then the button; then a code asked only sometimes. */
const LOGIN: RunningGuide = {
  id: 'caf-connexion',
  site: 'caf',
  title: 'Connexion',
  steps: [
    {
      id: 'numero',
      title: 'Tapez votre numéro',
      text: 'Le numéro.',
      action: 'fill',
      optional: true,
      target: [{ label: 'Numéro de sécurité sociale' }],
    },
    {
      id: 'mdp',
      title: 'Tapez votre mot de passe',
      text: 'Le mot de passe.',
      action: 'fill',
      optional: true,
      target: [{ label: 'Mot de passe' }],
      // Written as for a two-page login: here the password is there from the start.
      done: { present: [{ label: 'Mot de passe' }] },
    },
    {
      id: 'valider',
      title: 'Cliquez sur Se connecter',
      text: 'Le bouton.',
      action: 'click',
      optional: true,
      target: [{ role: 'button', name: 'Se connecter' }],
      done: { url: ['www.caf.fr/tableau'] },
    },
    {
      id: 'code',
      title: 'Tapez le code',
      text: 'Le code.',
      action: 'fill',
      optional: true,
      on: { present: [{ label: 'Code' }] },
      target: [{ label: 'Code' }],
      submit: [{ role: 'button', name: 'Valider' }],
    },
    {
      id: 'tableau',
      title: 'Tableau',
      text: 'Fin.',
      action: 'read',
      on: { url: ['www.caf.fr/tableau'] },
    },
  ],
};

function loginForm() {
  setBody(`
    <form>
      <label for="nir">Numéro de sécurité sociale</label><input id="nir">
      <label for="pw">Mot de passe</label><input id="pw" type="password">
      <button type="button">Se connecter</button>
    </form>`);
  return {
    nir: document.getElementById('nir') as HTMLInputElement,
    pw: document.getElementById('pw') as HTMLInputElement,
  };
}

function typeIn(el: HTMLInputElement, text: string) {
  el.focus();
  el.value = text;
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

const loginState = (stepIndex: number, seq: number, entered: number[] = []): ActiveState => ({
  guide: LOGIN,
  stepIndex,
  finished: false,
  seq,
  entered,
});

describe('PageController on a one-page login', () => {
  it('goes field after field as each is filled in and left, without skipping one', async () => {
    const { nir, pw } = loginForm();
    let seq = 1;
    const x = setup({
      'step:moved': ({ to }) => page(loginState(to, ++seq, [0, 1, 2, 3].slice(0, to + 1))),
    });
    x.controller.receive(push(page(loginState(0, 1, [0]))));
    expect(x.of('highlight').at(-1)?.[1]).toBe(nir);
    expect(x.of('showStepBar').at(-1)).toEqual(['showStepBar', 1, 2, false]);

    // Typing is not enough: the person may not have finished.
    typeIn(nir, '1850575123456');
    x.controller.refresh();
    expect(x.sentOf('step:moved')).toEqual([]);
    nir.blur();
    await answered();
    await answered();
    expect(x.sentOf('step:moved')).toEqual([
      { guideId: 'caf-connexion', from: 0, to: 1, finished: false },
    ]);
    expect(x.of('highlight').at(-1)?.[1]).toBe(pw);
    expect(x.of('showStepBar').at(-1)).toEqual(['showStepBar', 2, 3, false]);

    // Its done (the password field is there) held from the start: it waits for the person.
    x.controller.refresh();
    expect(x.sentOf('step:moved')).toHaveLength(1);
    typeIn(pw, 'secret');
    pw.blur();
    await answered();
    await answered();
    expect(x.sentOf('step:moved').at(-1)).toEqual({
      guideId: 'caf-connexion',
      from: 1,
      to: 2,
      finished: false,
    });
    expect((x.of('highlight').at(-1)?.[1] as Element).textContent).toBe('Se connecter');
    expect(x.of('showStepBar').at(-1)).toEqual(['showStepBar', 3, 4, false]);
  });

  it('the same done counts when the step came with the page (the person acted before it loaded)', async () => {
    loginForm();
    const x = setup({
      'page:seen': () => ({ ...page(loginState(1, 1, [0, 1])), offer: null }),
      'step:moved': ({ to }) => page(loginState(to, 2, [0, 1, to])),
    });
    await x.controller.pageSeen();
    expect(x.sentOf('step:moved')).toEqual([
      { guideId: 'caf-connexion', from: 1, to: 2, finished: false },
    ]);
  });

  it('a fill step with a button and no done moves on when the button is pressed', async () => {
    setBody(`
      <label for="code">Code</label><input id="code">
      <button type="button">Valider</button>`);
    const x = setup({ 'step:moved': ({ to }) => page(loginState(to, 9, [0, 1, 2, 3])) });
    x.controller.receive(push(page(loginState(3, 8, [0, 1, 2, 3]))));
    const code = document.getElementById('code') as HTMLInputElement;
    expect(x.of('highlight').at(-1)?.[1]).toBe(code);
    // Filled in and left: the ring goes to the button that sends it.
    typeIn(code, '123456');
    code.blur();
    await answered();
    const valider = document.querySelector('button')!;
    expect(x.of('highlight').at(-1)?.[1]).toBe(valider);
    expect(x.sentOf('step:moved')).toEqual([]);
    valider.click();
    await answered();
    expect(x.sentOf('step:moved')).toEqual([
      { guideId: 'caf-connexion', from: 3, to: 4, finished: false },
    ]);
  });
});
