import { describe, expect, it } from 'vitest';
import {
  conditionHolds,
  domProbe,
  evaluate,
  nextApplicable,
  nextIndex,
  type PageProbe,
} from '../../../core/steps/engine';
import type { Condition, Guide, Locator, Step } from '../../../core/guides/types';
import { setBody } from '../locate/dom';

type StepSpec = Partial<Step> & { id: string };

function guide(steps: StepSpec[]): Guide {
  return {
    id: 'test-guide',
    site: 'caf',
    title: 'Guide de test',
    goal: 'Tester',
    prepare: [],
    start: 'https://www.caf.fr/',
    source: 'https://www.caf.fr/',
    steps: steps.map((s) => ({ title: s.id, text: s.id, action: 'click', ...s })),
  };
}

/**
 * A page at `url` on which exactly the `{css}` selectors listed are present and visible; the
 * fields in `filled` have been filled in and left, the buttons in `pressed` pressed.
 */
function probe(
  url: string,
  present: string[] = [],
  { filled = [], pressed = [] }: { filled?: string[]; pressed?: string[] } = {},
): PageProbe {
  const shown = new Set(present);
  const among = (list: string[]) => (locators: Locator[]) =>
    locators.some((l) => 'css' in l && shown.has(l.css) && list.includes(l.css));
  return {
    url,
    present: (locators: Locator[]) => locators.some((l) => 'css' in l && shown.has(l.css)),
    filled: among(filled),
    pressed: among(pressed),
  };
}

const url = (...patterns: string[]): Condition => ({ url: patterns });
const css = (selector: string): Locator => ({ css: selector });

const TABLEAU = 'wwwd.caf.fr/wps/myportal/caffr/moncompte/tableaudebord*';

/** A CAF procedure with a FranceConnect route inserted in the list. */
const caf = guide([
  {
    id: 'ouvrir',
    on: url('www.caf.fr/'),
    target: [css('#mon-compte')],
    done: url('connect.caf.fr/connexionappli/dist/*'),
  },
  {
    id: 'connexion',
    on: url('connect.caf.fr/connexionappli/dist/#/login*'),
    target: [css('#valider')],
    done: url(TABLEAU),
    next: 'tableau',
  },
  {
    id: 'fc-choisir',
    on: url('app.franceconnect.gouv.fr/choisir*'),
    target: [css('#ameli')],
    done: url('app.franceconnect.gouv.fr/identifiant*'),
  },
  {
    id: 'fc-identifiant',
    on: url('app.franceconnect.gouv.fr/identifiant*'),
    target: [css('#go')],
    done: url(TABLEAU),
  },
  {
    id: 'tableau',
    on: url(TABLEAU),
    target: [css('#declarer')],
    done: url('wwwd.caf.fr/wps/myportal/caffr/moncompte/declaration*'),
  },
  {
    id: 'formulaire',
    action: 'fill',
    on: url('wwwd.caf.fr/wps/myportal/caffr/moncompte/declaration*'),
    target: [css('#montant')],
    submit: [css('#envoyer')],
    done: { present: [css('.confirmation')] },
  },
  { id: 'fin', action: 'read', on: { present: [css('.confirmation')] } },
]);

const HOME = 'www.caf.fr/';
const LOGIN = 'connect.caf.fr/connexionappli/dist/#/login';
const FC_CHOISIR = 'app.franceconnect.gouv.fr/choisir?client=caf';
const FC_ID = 'app.franceconnect.gouv.fr/identifiant';
const DASHBOARD = 'wwwd.caf.fr/wps/myportal/caffr/moncompte/tableaudebord';
const DECLARATION = 'wwwd.caf.fr/wps/myportal/caffr/moncompte/declaration/etape1';

describe('conditionHolds', () => {
  it('holds without a condition or with an empty one', () => {
    expect(conditionHolds(undefined, probe(HOME))).toBe(true);
    expect(conditionHolds({}, probe(HOME))).toBe(true);
    expect(conditionHolds({ url: [] }, probe(HOME))).toBe(true);
  });

  it('needs one of the url patterns to match the whole address', () => {
    expect(conditionHolds(url('www.caf.fr/'), probe(HOME))).toBe(true);
    expect(conditionHolds(url('www.caf.fr/'), probe('www.caf.fr/aides'))).toBe(false);
    expect(conditionHolds(url('www.ameli.fr/*', 'www.caf.fr/*'), probe('www.caf.fr/aides'))).toBe(
      true,
    );
    expect(conditionHolds(url('*.caf.fr/*/tableaudebord'), probe(DASHBOARD))).toBe(true);
  });

  it('needs every present locator found and no absent locator found', () => {
    const c: Condition = {
      url: ['www.caf.fr/*'],
      present: [css('#a'), css('#b')],
      absent: [css('.erreur')],
    };
    expect(conditionHolds(c, probe(HOME, ['#a', '#b']))).toBe(true);
    expect(conditionHolds(c, probe(HOME, ['#a']))).toBe(false);
    expect(conditionHolds(c, probe(HOME, ['#a', '#b', '.erreur']))).toBe(false);
    expect(conditionHolds(c, probe('www.ameli.fr/', ['#a', '#b']))).toBe(false);
  });
});

describe('nextIndex', () => {
  it('follows `next`, else the list, and ends after the last step', () => {
    expect(nextIndex(caf, 0)).toBe(1);
    expect(nextIndex(caf, 1)).toBe(4);
    expect(nextIndex(caf, 2)).toBe(3);
    expect(nextIndex(caf, 6)).toBeNull();
    expect(nextIndex(caf, 99)).toBeNull();
  });

  it('falls back to the following step when `next` names no step', () => {
    const g = guide([{ id: 'a', next: 'nope' }, { id: 'b' }]);
    expect(nextIndex(g, 0)).toBe(1);
  });
});

describe('evaluate', () => {
  it('stays put while the step is not done', () => {
    expect(evaluate(caf, 0, probe(HOME))).toEqual({ index: 0, finished: false, moved: 'none' });
  });

  it('advances across an address change', () => {
    expect(evaluate(caf, 0, probe(LOGIN))).toEqual({
      index: 1,
      finished: false,
      moved: 'advanced',
    });
  });

  it('follows `next` when advancing (the CAF login skips the FranceConnect steps)', () => {
    expect(evaluate(caf, 1, probe(DASHBOARD))).toEqual({
      index: 4,
      finished: false,
      moved: 'advanced',
    });
  });

  it('jumps forward to the FranceConnect route taken from the login page', () => {
    expect(evaluate(caf, 1, probe(FC_CHOISIR))).toEqual({
      index: 2,
      finished: false,
      moved: 'jumped',
    });
    expect(evaluate(caf, 2, probe(FC_ID))).toEqual({
      index: 3,
      finished: false,
      moved: 'advanced',
    });
    expect(evaluate(caf, 3, probe(DASHBOARD))).toEqual({
      index: 4,
      finished: false,
      moved: 'advanced',
    });
  });

  it('jumps forward when the person went ahead alone, but never backwards', () => {
    expect(evaluate(caf, 0, probe(DECLARATION))).toEqual({
      index: 5,
      finished: false,
      moved: 'jumped',
    });
    expect(evaluate(caf, 4, probe(HOME))).toEqual({ index: 4, finished: false, moved: 'none' });
  });

  it('does not jump to a later step whose done already holds', () => {
    const g = guide([
      { id: 'a', on: url('x.caf.fr/1'), done: url('x.caf.fr/never') },
      { id: 'b', on: url('x.caf.fr/2*'), done: { present: [css('#ok')] } },
      { id: 'c', on: url('x.caf.fr/2*'), done: url('x.caf.fr/never') },
    ]);
    expect(evaluate(g, 0, probe('x.caf.fr/2', ['#ok']))).toEqual({
      index: 2,
      finished: true,
      moved: 'jumped',
    });
    expect(evaluate(g, 0, probe('x.caf.fr/2'))).toEqual({
      index: 1,
      finished: false,
      moved: 'jumped',
    });
  });

  it('never passes a step it has just reached in the same look', () => {
    const g = guide([
      { id: 'a', on: url('x.caf.fr/1'), done: url('x.caf.fr/2') },
      { id: 'b', on: url('x.caf.fr/2'), done: { present: [css('#ok')] } },
      { id: 'c', on: url('x.caf.fr/2'), done: { present: [css('#fin')] } },
      { id: 'd', on: url('x.caf.fr/3') },
    ]);
    // #ok and #fin were there when the person arrived: b waits for them all the same.
    expect(evaluate(g, 0, probe('x.caf.fr/2', ['#ok', '#fin']))).toEqual({
      index: 1,
      finished: false,
      moved: 'advanced',
    });
    // One look later, b's done counts (the controller says when it held from the start).
    expect(evaluate(g, 1, probe('x.caf.fr/2', ['#ok']))).toEqual({
      index: 2,
      finished: false,
      moved: 'advanced',
    });
    expect(evaluate(g, 2, probe('x.caf.fr/3'))).toMatchObject({ index: 3, finished: true });
  });

  it('passes a reached step whose done is only an address the person already went through', () => {
    const g = guide([
      { id: 'a', on: url('x.caf.fr/1'), done: url('x.caf.fr/2*') },
      { id: 'b', on: url('x.caf.fr/*'), done: url('x.caf.fr/2/suite*') },
      { id: 'c', on: url('x.caf.fr/2/suite') },
    ]);
    expect(evaluate(g, 0, probe('x.caf.fr/2/suite'))).toEqual({
      index: 2,
      finished: true,
      moved: 'advanced',
    });
  });

  it('a done that already held when the step began does not count (staleDone)', () => {
    const g = guide([
      { id: 'a', on: url('x.caf.fr/1'), done: { present: [css('#mdp')] } },
      { id: 'b', on: url('x.caf.fr/1') },
    ]);
    const page = probe('x.caf.fr/1', ['#mdp']);
    expect(evaluate(g, 0, page, { staleDone: true })).toEqual({
      index: 0,
      finished: false,
      moved: 'none',
    });
    expect(evaluate(g, 0, page)).toMatchObject({ index: 1, moved: 'advanced' });
    // Once the step's own elements are gone, the page has moved on: its done counts again.
    const moved = guide([
      {
        id: 'a',
        on: { url: ['x.caf.fr/1'], absent: [css('#nir')] },
        done: { present: [css('#nir')] },
      },
      { id: 'b', on: { url: ['x.caf.fr/1'], present: [css('#nir')] } },
    ]);
    expect(evaluate(moved, 0, probe('x.caf.fr/1', ['#nir']), { staleDone: true })).toMatchObject({
      index: 1,
      moved: 'advanced',
    });
  });

  it('stops the cascade at a step whose `on` does not hold, even if its done does', () => {
    const g = guide([
      { id: 'a', on: url('x.caf.fr/1'), done: url('x.caf.fr/2') },
      { id: 'b', on: url('x.caf.fr/3'), done: url('x.caf.fr/2') },
      { id: 'c', on: url('x.caf.fr/4') },
    ]);
    expect(evaluate(g, 0, probe('x.caf.fr/2'))).toEqual({
      index: 1,
      finished: false,
      moved: 'advanced',
    });
  });

  it('uses element present / absent as done conditions', () => {
    const g = guide([
      {
        id: 'cookies',
        on: url('www.caf.fr/'),
        target: [css('#accepter')],
        done: { absent: [css('#bandeau-cookies')] },
      },
      {
        id: 'menu',
        on: url('www.caf.fr/'),
        target: [css('#mon-compte')],
        done: { present: [css('#menu-ouvert')] },
      },
      { id: 'fin', on: { present: [css('#menu-ouvert')] } },
    ]);
    expect(evaluate(g, 0, probe(HOME, ['#bandeau-cookies']))).toMatchObject({
      index: 0,
      moved: 'none',
    });
    expect(evaluate(g, 0, probe(HOME))).toMatchObject({
      index: 1,
      moved: 'advanced',
      finished: false,
    });
    expect(evaluate(g, 1, probe(HOME, ['#menu-ouvert']))).toEqual({
      index: 2,
      finished: true,
      moved: 'advanced',
    });
  });

  it('detects the end: the last step with its `on` holding, or with no `on`', () => {
    expect(evaluate(caf, 5, probe(DECLARATION))).toEqual({
      index: 5,
      finished: false,
      moved: 'none',
    });
    expect(evaluate(caf, 5, probe(DECLARATION, ['.confirmation']))).toEqual({
      index: 6,
      finished: true,
      moved: 'advanced',
    });
    expect(evaluate(caf, 6, probe(DECLARATION))).toEqual({
      index: 6,
      finished: false,
      moved: 'none',
    });
    const open = guide([{ id: 'a', done: { present: [css('#x')] } }, { id: 'b' }]);
    expect(evaluate(open, 0, probe(HOME))).toEqual({ index: 0, finished: false, moved: 'none' });
    expect(evaluate(open, 0, probe(HOME, ['#x']))).toEqual({
      index: 1,
      finished: true,
      moved: 'advanced',
    });
  });

  it('never auto-advances a step without `done`', () => {
    const g = guide([
      { id: 'lire', action: 'read', on: url('www.caf.fr/') },
      { id: 'b', on: url('www.caf.fr/x') },
    ]);
    expect(evaluate(g, 0, probe(HOME))).toEqual({ index: 0, finished: false, moved: 'none' });
  });

  it('survives a `next` cycle', () => {
    const g = guide([
      { id: 'a', on: url('www.caf.fr/'), done: url('www.caf.fr/'), next: 'b' },
      { id: 'b', on: url('www.caf.fr/'), done: url('www.caf.fr/'), next: 'a' },
      { id: 'c', on: url('www.caf.fr/fin') },
    ]);
    const r = evaluate(g, 0, probe(HOME));
    expect([0, 1]).toContain(r.index);
    expect(r.finished).toBe(false);
  });

  it('clamps an index out of range and accepts an empty guide', () => {
    expect(evaluate(caf, 42, probe(DECLARATION, ['.confirmation']))).toMatchObject({
      index: 6,
      finished: true,
    });
    expect(evaluate(caf, -3, probe(HOME))).toMatchObject({ index: 0 });
    expect(evaluate(guide([]), 0, probe(HOME))).toEqual({
      index: 0,
      finished: false,
      moved: 'none',
    });
  });
});

/** A one-page login: number, password and button at once, then an optional code page. */
const LOGIN_PAGE = 'connect.caf.fr/connexionappli/dist/#/login';
const login = guide([
  { id: 'ouvrir', on: url(HOME), target: [css('#mon-compte')], done: url(LOGIN_PAGE) },
  {
    id: 'numero',
    action: 'fill',
    optional: true,
    on: { url: [LOGIN_PAGE], present: [css('#nir')] },
    target: [css('#nir')],
  },
  {
    id: 'mot-de-passe',
    action: 'fill',
    optional: true,
    on: { url: [LOGIN_PAGE], present: [css('#mdp')] },
    target: [css('#mdp')],
  },
  {
    id: 'se-connecter',
    optional: true,
    on: { url: [LOGIN_PAGE], present: [css('#mdp')] },
    target: [css('#valider')],
    done: url(TABLEAU),
  },
  {
    id: 'code',
    action: 'fill',
    optional: true,
    on: { url: [LOGIN_PAGE], present: [css('#code')] },
    target: [css('#code')],
    submit: [css('#code-ok')],
    done: url(TABLEAU),
  },
  { id: 'tableau', on: url(TABLEAU), target: [css('#declarer')], done: url(DECLARATION) },
  { id: 'fin', on: url(DECLARATION) },
]);
const FORM = ['#nir', '#mdp', '#valider'];

describe('steps on one page', () => {
  it('arrives on the first field, however much of the form is there or filled', () => {
    const all = { filled: ['#nir', '#mdp'] };
    expect(evaluate(login, 0, probe(LOGIN_PAGE, FORM))).toEqual({
      index: 1,
      finished: false,
      moved: 'advanced',
    });
    expect(evaluate(login, 0, probe(LOGIN_PAGE, FORM, all))).toMatchObject({ index: 1 });
  });

  it('a fill step is done once its field is filled in and left, one field after the other', () => {
    expect(evaluate(login, 1, probe(LOGIN_PAGE, FORM))).toMatchObject({ index: 1, moved: 'none' });
    // The password field is filled first: the number still comes first.
    expect(evaluate(login, 1, probe(LOGIN_PAGE, FORM, { filled: ['#mdp'] }))).toMatchObject({
      index: 1,
      moved: 'none',
    });
    expect(evaluate(login, 1, probe(LOGIN_PAGE, FORM, { filled: ['#nir'] }))).toEqual({
      index: 2,
      finished: false,
      moved: 'advanced',
    });
    expect(evaluate(login, 2, probe(LOGIN_PAGE, FORM, { filled: ['#nir', '#mdp'] }))).toEqual({
      index: 3,
      finished: false,
      moved: 'advanced',
    });
    // The button step waits for the page to change.
    expect(evaluate(login, 3, probe(LOGIN_PAGE, FORM, { filled: ['#nir', '#mdp'] }))).toEqual({
      index: 3,
      finished: false,
      moved: 'none',
    });
  });

  it('a fill step with a button is done when the button is pressed (without done)', () => {
    const codePage = ['#code', '#code-ok'];
    const noDone = guide(
      [login.steps[4]!, { id: 'apres', on: url(TABLEAU) }].map((st) =>
        st.id === 'code' ? { ...st, done: undefined } : st,
      ),
    );
    expect(evaluate(noDone, 0, probe(LOGIN_PAGE, codePage, { filled: ['#code'] }))).toMatchObject({
      index: 0,
      moved: 'none',
    });
    expect(evaluate(noDone, 0, probe(LOGIN_PAGE, codePage, { pressed: ['#code-ok'] }))).toEqual({
      index: 1,
      finished: false,
      moved: 'advanced',
    });
    // With a done, the done decides (a press may have been refused by the page).
    expect(
      evaluate(login, 4, probe(LOGIN_PAGE, codePage, { pressed: ['#code-ok'] })),
    ).toMatchObject({ index: 4, moved: 'none' });
  });

  it('never jumps past a required step of this page whose elements have not shown up yet', () => {
    const g = guide([
      { id: 'accueil', on: url(HOME), done: url(LOGIN_PAGE) },
      {
        id: 'numero',
        action: 'fill',
        on: { url: [LOGIN_PAGE], present: [css('#nir')] },
        target: [css('#nir')],
      },
      { id: 'valider', on: url(LOGIN_PAGE), target: [css('#valider')], done: url(TABLEAU) },
      { id: 'tableau', on: url(TABLEAU) },
    ]);
    // Started on the login page while it is still drawing: the button is there, not the field.
    expect(evaluate(g, 0, probe(LOGIN_PAGE, ['#valider']))).toEqual({
      index: 1,
      finished: false,
      moved: 'advanced',
    });
    expect(evaluate(g, 1, probe(LOGIN_PAGE, ['#valider']))).toEqual({
      index: 1,
      finished: false,
      moved: 'none',
    });
    // Elsewhere, the jump still lands where the person is.
    expect(evaluate(g, 1, probe(TABLEAU))).toMatchObject({ index: 3, moved: 'jumped' });
  });
});

describe('optional steps', () => {
  it('are passed over when their page does not show up', () => {
    // Logged in without a code: straight from the button to the dashboard.
    expect(evaluate(login, 3, probe(TABLEAU))).toEqual({
      index: 5,
      finished: false,
      moved: 'advanced',
    });
  });

  it('apply when their page shows up, after the step before', () => {
    // The code screen replaces the form on the same address: the guide goes to it.
    expect(evaluate(login, 3, probe(LOGIN_PAGE, ['#code', '#code-ok']))).toEqual({
      index: 4,
      finished: false,
      moved: 'jumped',
    });
    expect(evaluate(login, 4, probe(TABLEAU))).toMatchObject({ index: 5, moved: 'advanced' });
  });

  it('nextApplicable leaves out optional steps that do not apply', () => {
    expect(nextApplicable(login, 0, probe(LOGIN_PAGE, FORM))).toBe(1);
    expect(nextApplicable(login, 0, probe(TABLEAU))).toBe(5);
    expect(nextApplicable(login, 6, probe(TABLEAU))).toBeNull();
  });

  it('do not stop a jump to the route the person took', () => {
    // From the button step to the dashboard reached another way: the code step does not apply.
    expect(evaluate(login, 1, probe(DECLARATION))).toMatchObject({ index: 6, finished: true });
  });
});

describe('domProbe', () => {
  it('answers with visible elements of a real document', () => {
    setBody(`
      <div class="confirmation" hidden>Envoyé</div>
      <button id="valider">Valider</button>`);
    const p = domProbe(document, DECLARATION);
    expect(p.url).toBe(DECLARATION);
    expect(p.present([css('.confirmation')])).toBe(false);
    expect(p.present([css('.confirmation'), { role: 'button', name: 'Valider' }])).toBe(true);
    expect(evaluate(caf, 5, p)).toMatchObject({ index: 5, moved: 'none' });

    document.querySelector('.confirmation')?.removeAttribute('hidden');
    expect(evaluate(caf, 5, domProbe(document, DECLARATION))).toEqual({
      index: 6,
      finished: true,
      moved: 'advanced',
    });
  });
});
