// @vitest-environment jsdom
// jsdom knows :placeholder-shown and :valid (happy-dom does not).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { domProbe, evaluate, fieldFilled } from '../../../core/steps/engine';
import { FormMarks } from '../../../core/in-page/form-marks';
import type { Guide, Step } from '../../../core/guides/types';
import { setBody } from '../locate/dom';

const URL_KEY = 'connect.caf.fr/connexionappli/dist/#/login';

function field(id: string): HTMLInputElement {
  const el = document.getElementById(id);
  if (!(el instanceof HTMLInputElement)) throw new Error(`no input #${id}`);
  return el;
}

/** Types as a browser does: the value changes and an input event fires (never read back). */
function type(el: HTMLInputElement, text: string) {
  el.focus();
  el.value = text;
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

let marks: FormMarks;
let looks = 0;
beforeEach(() => {
  setBody(`
    <form>
      <label for="nir">Numéro de sécurité sociale</label>
      <input id="nir" placeholder="13 chiffres">
      <label for="mdp">Mot de passe</label>
      <input id="mdp" type="password" required>
      <label for="nom">Nom</label>
      <input id="nom">
      <button id="ok" type="button"><span>Se connecter</span></button>
      <button id="autre" type="button">Annuler</button>
    </form>`);
  looks = 0;
  marks = new FormMarks(document, () => looks++);
  marks.start();
});
afterEach(() => marks.stop());

describe('fieldFilled', () => {
  it('a field with a placeholder: filled once it no longer shows it, and left', () => {
    const nir = field('nir');
    expect(fieldFilled(nir, marks)).toBe(false);
    type(nir, '1850575123456');
    // Still in the field: the person may not have finished.
    expect(fieldFilled(nir, marks)).toBe(false);
    nir.blur();
    expect(fieldFilled(nir, marks)).toBe(true);
  });

  it('a required field: filled once :valid, and left', () => {
    const mdp = field('mdp');
    mdp.focus();
    mdp.blur();
    expect(fieldFilled(mdp, marks)).toBe(false);
    type(mdp, 'secret');
    mdp.blur();
    expect(fieldFilled(mdp, marks)).toBe(true);
  });

  it('a field with neither: filled once the person typed in it, and left', () => {
    const nom = field('nom');
    nom.value = 'set by the page';
    expect(fieldFilled(nom, marks)).toBe(false);
    type(nom, 'Camille');
    expect(fieldFilled(nom, marks)).toBe(false);
    nom.blur();
    expect(fieldFilled(nom, marks)).toBe(true);
    expect(fieldFilled(nom)).toBe(false);
  });

  it('never reads what is typed', () => {
    const nir = field('nir');
    type(nir, '1850575123456');
    nir.blur();
    // Reads by our code, not by the browser matching :placeholder-shown for us.
    let reads = 0;
    const proto = HTMLInputElement.prototype;
    const desc = Object.getOwnPropertyDescriptor(proto, 'value')!;
    Object.defineProperty(nir, 'value', {
      get() {
        const caller = new Error().stack?.split('\n')[2] ?? '';
        if (caller.includes('/core/')) reads++;
        return desc.get!.call(this);
      },
      set(v: string) {
        desc.set!.call(this, v);
      },
    });
    expect(fieldFilled(nir, marks)).toBe(true);
    const probe = domProbe(document, URL_KEY, marks);
    expect(probe.filled!([{ label: 'Numéro de sécurité sociale' }])).toBe(true);
    expect(reads).toBe(0);
  });
});

describe('FormMarks', () => {
  it('notes presses inside a button, until a new step begins', () => {
    const ok = document.getElementById('ok')!;
    ok.querySelector('span')!.click();
    expect(looks).toBe(1);
    expect(marks.pressed(ok)).toBe(true);
    expect(marks.pressed(document.getElementById('autre')!)).toBe(false);
    marks.newStep();
    expect(marks.pressed(ok)).toBe(false);
  });

  it('asks for a look when focus leaves a field, not while typing', () => {
    const nom = field('nom');
    type(nom, 'C');
    type(nom, 'Ca');
    expect(looks).toBe(0);
    nom.blur();
    expect(looks).toBe(1);
  });

  it('stops listening when stopped', () => {
    marks.stop();
    document.getElementById('ok')!.click();
    expect(looks).toBe(0);
  });
});

describe('steps on one page, on a live form', () => {
  const step = (s: Partial<Step> & { id: string }): Step => ({
    title: s.id,
    text: s.id,
    action: 'fill',
    ...s,
  });
  const g: Pick<Guide, 'steps'> = {
    steps: [
      step({ id: 'numero', target: [{ label: 'Numéro de sécurité sociale' }] }),
      step({ id: 'mdp', target: [{ label: 'Mot de passe' }] }),
      step({
        id: 'valider',
        action: 'click',
        target: [{ role: 'button', name: 'Se connecter' }],
        done: { url: ['wwwd.caf.fr/*'] },
      }),
      step({ id: 'fin', action: 'read', on: { url: ['wwwd.caf.fr/*'] } }),
    ],
  };
  const look = (index: number) => evaluate(g, index, domProbe(document, URL_KEY, marks)).index;

  it('advances field after field as each is filled in and left', () => {
    expect(look(0)).toBe(0);
    // The password first: the number step still waits for its own field.
    type(field('mdp'), 'secret');
    field('mdp').blur();
    expect(look(0)).toBe(0);
    type(field('nir'), '1850575123456');
    expect(look(0)).toBe(0);
    field('nir').blur();
    expect(look(0)).toBe(1);
    expect(look(1)).toBe(2);
    expect(look(2)).toBe(2);
  });
});
