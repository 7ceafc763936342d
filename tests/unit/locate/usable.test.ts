// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { findTarget, locate, locateAll } from '../../../core/locate/locate';
import { setBody } from './dom';

function byId(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`no #${id}`);
  return el;
}

beforeEach(() => {
  document.head.replaceChildren();
  document.body.replaceChildren();
});

/** After core-fcp's consent page when the service asks for consent. */
const CONSENT = `
  <main role="main" id="main-content" class="fr-container">
    <form method="post" action="/api/v2/login" data-testid="consent-form">
      <div class="fr-checkbox-group">
        <input type="checkbox" id="consent" name="consent" aria-label="consent">
        <label class="fr-label" for="consent">J’accepte que FranceConnect transmette mes données au service pour me connecter</label>
        <p id="checkbox-error-desc-error" class="fr-error-text" hidden>Veuillez cocher la case pour accepter le transfert des données</p>
      </div>
      <input type="hidden" name="accept" value="1">
      <button id="continue" type="submit" class="fr-btn fr-btn--lg" aria-disabled="true" disabled>Continuer sur caf.fr</button>
    </form>
  </main>`;

describe('a disabled target is reported, never returned for ringing', () => {
  it('waits on the consent page until the box is ticked', () => {
    setBody(CONSENT);
    const target = [{ role: 'button', name: { start: 'Continuer sur' } }];
    expect(findTarget(document, target)).toEqual({ status: 'disabled', element: byId('continue') });
    expect(locate(document, target)).toBeNull();
    // What the page's script does once the person has ticked the box.
    (byId('consent') as HTMLInputElement).checked = true;
    byId('continue').removeAttribute('disabled');
    byId('continue').setAttribute('aria-disabled', 'false');
    expect(findTarget(document, target)).toEqual({ status: 'ready', element: byId('continue') });
    expect(locate(document, target)).toBe(byId('continue'));
  });

  it('knows every way a control is disabled', () => {
    setBody(`
      <button id="attr" disabled>Valider</button>
      <a id="aria" href="/x" aria-disabled="true">Valider</a>
      <div aria-disabled="true"><button id="inside-aria">Valider</button></div>
      <fieldset disabled>
        <legend><button id="in-legend">Aide</button></legend>
        <input type="radio" id="in-fieldset" name="r"><label id="lab" for="in-fieldset">Oui</label>
        <button id="in-fieldset-btn">Envoyer</button>
      </fieldset>
      <select><optgroup disabled label="Anciens"><option id="opt">2019</option></optgroup></select>
      <button id="text-btn" disabled><span><span>Suivant</span></span></button>`);
    const status = (id: string) => findTarget(document, [{ css: `#${id}` }]).status;
    for (const id of ['attr', 'aria', 'inside-aria', 'in-fieldset', 'in-fieldset-btn', 'lab']) {
      expect([id, status(id)]).toEqual([id, 'disabled']);
    }
    expect(status('in-legend')).toBe('ready');
    expect(findTarget(document, [{ text: 'Oui' }])).toEqual({
      status: 'disabled',
      element: byId('lab'),
    });
    expect(findTarget(document, [{ text: 'Suivant' }])).toEqual({
      status: 'disabled',
      element: byId('text-btn'),
    });
    expect(findTarget(document, [{ role: 'option', name: '2019' }]).status).not.toBe('ready');
  });

  it('prefers a usable match, in document order and then in list order', () => {
    setBody(`
      <button id="old" disabled>Continuer</button>
      <button id="new">Continuer</button>
      <button id="send" disabled>Envoyer</button>
      <a id="link" href="/suite">Suite</a>`);
    expect(locate(document, [{ role: 'button', name: 'Continuer' }])).toBe(byId('new'));
    expect(
      findTarget(document, [
        { role: 'button', name: 'Envoyer' },
        { role: 'link', name: 'Suite' },
      ]),
    ).toEqual({ status: 'ready', element: byId('link') });
    expect(
      findTarget(document, [
        { role: 'button', name: 'Envoyer' },
        { role: 'link', name: 'Absent' },
      ]),
    ).toEqual({ status: 'disabled', element: byId('send') });
    expect(findTarget(document, [{ role: 'link', name: 'Absent' }])).toEqual({
      status: 'missing',
      element: null,
    });
    // Author tools still see every visible match.
    expect(locateAll(document, { role: 'button' }).map((e) => e.id)).toEqual([
      'old',
      'new',
      'send',
    ]);
  });
});

describe('a target behind an open modal dialog is reported, never returned for ringing', () => {
  /** After the design system's modal: aria-modal is written on the dialog, open or not. */
  const MODAL = (open: boolean) => `
    <main><button id="page-btn" type="button">Se connecter</button></main>
    <dialog id="modal" class="fr-modal" aria-labelledby="modal-title" aria-modal="true" ${open ? 'open' : ''}>
      <div class="fr-modal__body">
        <div class="fr-modal__header"><button id="close" class="fr-btn--close fr-btn" type="button">Fermer</button></div>
        <div class="fr-modal__content"><h1 id="modal-title" class="fr-modal__title">Information</h1>
          <button id="inside" type="button">Se connecter</button></div>
      </div>
    </dialog>`;

  it('rings inside the dialog, not behind it', () => {
    setBody(MODAL(true));
    expect(findTarget(document, [{ css: '#page-btn' }])).toEqual({
      status: 'covered',
      element: byId('page-btn'),
    });
    expect(locate(document, [{ role: 'button', name: 'Se connecter' }])).toBe(byId('inside'));
    expect(locate(document, [{ role: 'button', name: 'Fermer' }])).toBe(byId('close'));
  });

  it('ignores a closed dialog that carries aria-modal', () => {
    setBody(MODAL(false));
    expect(locate(document, [{ role: 'button', name: 'Se connecter' }])).toBe(byId('page-btn'));
  });

  it('also knows a modal made of a div, and inert content', () => {
    setBody(`
      <div id="page"><a id="l" href="/x">Mes paiements</a></div>
      <div role="dialog" aria-modal="true" aria-label="Cookies"><button id="ok">Tout accepter</button></div>`);
    expect(findTarget(document, [{ role: 'link', name: 'Mes paiements' }]).status).toBe('covered');
    expect(locate(document, [{ role: 'button', name: 'Tout accepter' }])).toBe(byId('ok'));
    setBody(`<div inert><a id="l" href="/x">Mes paiements</a></div>`);
    expect(findTarget(document, [{ role: 'link', name: 'Mes paiements' }]).status).toBe('missing');
    setBody(
      `<div role="dialog" aria-modal="true" hidden><button>x</button></div><a id="l" href="/x">Mes paiements</a>`,
    );
    expect(locate(document, [{ role: 'link', name: 'Mes paiements' }])).toBe(byId('l'));
  });
});
