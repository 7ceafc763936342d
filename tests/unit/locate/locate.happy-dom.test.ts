// @vitest-environment happy-dom
// The same engine in the default test environment, which differs from jsdom (it has
// checkVisibility and getClientRects, and no user-agent rule for [hidden]).
import { describe, expect, it } from 'vitest';
import { findTarget, locate, locateAll } from '../../../core/locate/locate';
import { createVisibilityCheck } from '../../../core/locate/visible';
import { setBody } from './dom';

/** One element's visibility, with a check made for it alone. */
const isVisible = (el: Element) => createVisibilityCheck()(el);

function byId(id: string): Element {
  const el = document.getElementById(id);
  if (!el) throw new Error(`no #${id}`);
  return el;
}

describe('locate in happy-dom', () => {
  it('skips hidden duplicates of a button', () => {
    setBody(`
      <button id="a" hidden>Valider</button>
      <div style="display:none"><button id="b">Valider</button></div>
      <div aria-hidden="true"><button id="c">Valider</button></div>
      <button id="ok">Valider</button>`);
    expect(locate(document, [{ role: 'button', name: 'Valider' }])).toBe(byId('ok'));
    expect(locate(document, [{ text: 'Valider' }])).toBe(byId('ok'));
    expect(locateAll(document, { css: 'button' })).toEqual([byId('ok')]);
  });

  it('does not mistake the empty boxes of a layout-less engine for hidden elements', () => {
    setBody(`<a id="a" href="/">Mon Compte</a>`);
    expect(isVisible(byId('a'))).toBe(true);
    expect(locate(document, [{ role: 'link', name: 'mon compte' }])).toBe(byId('a'));
  });

  it('finds fields by label and placeholder', () => {
    setBody(`
      <label for="nf">Numéro fiscal</label><input id="nf">
      <span id="l1">Date</span> <span id="l2">de naissance</span><input id="dn" aria-labelledby="l1 l2">
      <input id="q" placeholder="Rechercher sur le site">`);
    expect(locate(document, [{ label: 'numero fiscal' }])).toBe(byId('nf'));
    expect(locate(document, [{ label: 'Date de naissance' }])).toBe(byId('dn'));
    expect(locate(document, [{ placeholder: 'rechercher sur le site' }])).toBe(byId('q'));
  });

  it('matches split text and returns its link', () => {
    setBody(`<a id="a" href="/"><span>Déclarer <b>mes ressources</b></span></a>`);
    expect(locate(document, [{ text: 'declarer mes ressources' }])).toBe(byId('a'));
  });

  it('returns null for an invalid selector', () => {
    setBody(`<p>x</p>`);
    expect(locate(document, [{ css: 'p[' }])).toBeNull();
  });

  it('finds a field by its label without the hint, and reports disabled controls', () => {
    // happy-dom's :disabled ignores fieldsets: the engine's own rules must cover them.
    setBody(`
      <label class="fr-label" for="spi">Numéro fiscal <span class="fr-hint-text">Format attendu : 13 chiffres</span></label>
      <input class="fr-input" id="spi">
      <fieldset disabled><legend>Votre choix</legend><button id="in">Envoyer</button></fieldset>
      <button id="wait" aria-disabled="true">Continuer sur caf.fr</button>`);
    expect(locate(document, [{ label: 'Numéro fiscal' }])).toBe(byId('spi'));
    expect(findTarget(document, [{ role: 'button', name: 'Envoyer' }])).toEqual({
      status: 'disabled',
      element: byId('in'),
    });
    expect(findTarget(document, [{ role: 'button', name: { start: 'Continuer sur' } }])).toEqual({
      status: 'disabled',
      element: byId('wait'),
    });
  });
});
