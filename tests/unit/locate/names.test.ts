// @vitest-environment jsdom
import { computeAccessibleName } from 'dom-accessibility-api';
import { beforeEach, describe, expect, it } from 'vitest';
import { locate, locateAll } from '../../../core/locate/locate';
import { nameOf } from '../../../core/locate/names';
import { setBody } from './dom';

function byId(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`no #${id}`);
  return el;
}

/** Stand-in for the design system's stylesheet: only what changes how text reads. */
const DSFR_CSS = `
  .fr-hint-text, .fr-connect__login, .fr-connect__brand, .fr-message { display: block }
  .fr-connect { display: inline-flex; flex-direction: column }`;

function page(html: string, css = DSFR_CSS) {
  const style = document.createElement('style');
  style.textContent = css;
  document.head.replaceChildren(style);
  setBody(html);
}

beforeEach(() => {
  document.head.replaceChildren();
  document.body.replaceChildren();
});

describe('labels with a hint (DSFR input)', () => {
  // After the design system's text input: the hint sits inside the label, on its own line.
  const INPUT = `
    <div class="fr-input-group">
      <label class="fr-label" for="spi">Numéro fiscal
        <span class="fr-hint-text">Format attendu : 13 chiffres</span>
      </label>
      <input class="fr-input" type="text" id="spi" name="spi" aria-describedby="spi-messages">
      <div class="fr-messages-group" id="spi-messages" aria-live="polite"></div>
    </div>
    <div class="fr-input-group">
      <label class="fr-label" for="pwd">Mot de passe<span class="fr-hint-text" id="pwd-hint">12 caractères au moins</span></label>
      <input class="fr-input" type="password" id="pwd" aria-describedby="pwd-hint">
    </div>`;

  it('finds the field by the label’s main text, and by its full text', () => {
    page(INPUT);
    expect(locate(document, [{ label: 'Numéro fiscal' }])).toBe(byId('spi'));
    expect(locate(document, [{ label: 'Numéro fiscal Format attendu : 13 chiffres' }])).toBe(
      byId('spi'),
    );
    expect(locate(document, [{ role: 'textbox', name: 'Numero fiscal' }])).toBe(byId('spi'));
    // No space in the markup between the label and its hint: the hint is its own line.
    expect(locate(document, [{ label: 'Mot de passe' }])).toBe(byId('pwd'));
    expect(locate(document, [{ label: 'Mot de passe 12 caractères au moins' }])).toBe(byId('pwd'));
  });

  it('does not find the field by its hint alone', () => {
    page(INPUT);
    expect(locate(document, [{ label: 'Format attendu : 13 chiffres' }])).toBeNull();
    expect(nameOf(byId('spi'))).toBe('Numéro fiscal Format attendu : 13 chiffres');
  });
});

describe('names from aria-labelledby, aria-describedby and aria-label', () => {
  it('reads a question by its legend, without its hint or its error message', () => {
    page(`
      <fieldset id="q" class="fr-fieldset" aria-labelledby="q-legend q-messages">
        <legend id="q-legend" class="fr-fieldset__legend">Votre situation
          <span class="fr-hint-text">Une seule réponse</span></legend>
        <div class="fr-fieldset__element"><div class="fr-radio-group">
          <input type="radio" id="q-1" name="q"><label class="fr-label" for="q-1">Salarié</label>
        </div></div>
        <div class="fr-messages-group" id="q-messages" aria-live="assertive">
          <p class="fr-message fr-message--error">Choisissez une réponse</p>
        </div>
      </fieldset>`);
    expect(nameOf(byId('q'))).toBe('Votre situation Une seule réponse Choisissez une réponse');
    expect(locate(document, [{ role: 'group', name: 'Votre situation' }])).toBe(byId('q'));
    expect(
      locate(document, [
        { role: 'group', name: 'Votre situation Une seule réponse Choisissez une réponse' },
      ]),
    ).toBe(byId('q'));
  });

  it('joins aria-labelledby parts, and still knows the element by its own words', () => {
    page(`
      <h3 id="doc">Attestation de paiement</h3>
      <a id="dl" href="/att.pdf" aria-labelledby="dl doc">Télécharger</a>
      <span id="n1">Date</span><span id="n2" aria-label="de naissance"></span>
      <input id="dn" aria-labelledby="n1 n2">
      <input id="hint-only" aria-describedby="h"><p id="h">Exemple : 01/02/1960</p>`);
    expect(nameOf(byId('dl'))).toBe('Télécharger Attestation de paiement');
    expect(locate(document, [{ role: 'link', name: 'Télécharger Attestation de paiement' }])).toBe(
      byId('dl'),
    );
    expect(locate(document, [{ role: 'link', name: 'Télécharger' }])).toBe(byId('dl'));
    expect(locate(document, [{ label: 'Date de naissance' }])).toBe(byId('dn'));
    // A description is not a name.
    expect(locate(document, [{ label: 'Exemple : 01/02/1960' }])).toBeNull();
  });

  it('finds the FranceConnect consent box by the words on screen, not only by aria-label', () => {
    // After core-fcp's consent page: aria-label="consent" stands in for the visible label.
    page(`
      <div class="fr-checkbox-group">
        <input type="checkbox" id="consent" name="consent" aria-label="consent">
        <label class="fr-label" for="consent">J’accepte que FranceConnect transmette mes données au service pour me connecter</label>
      </div>`);
    const words = 'J’accepte que FranceConnect transmette mes données au service pour me connecter';
    expect(nameOf(byId('consent'))).toBe('consent');
    expect(locate(document, [{ role: 'checkbox', name: words }])).toBe(byId('consent'));
    expect(locate(document, [{ label: words }])).toBe(byId('consent'));
    expect(locate(document, [{ role: 'checkbox', name: 'consent' }])).toBe(byId('consent'));
  });

  it('finds a link whose aria-label adds words to what it shows', () => {
    page(
      `<a id="l" href="https://franceconnect.gouv.fr/" aria-label="Qu’est-ce que FranceConnect ? - nouvelle fenêtre">Qu’est-ce que FranceConnect ?</a>`,
    );
    expect(locate(document, [{ role: 'link', name: 'Qu’est-ce que FranceConnect ?' }])).toBe(
      byId('l'),
    );
  });
});

describe('text split across elements', () => {
  it('reads the fr-connect button as on screen, with or without spaces in the markup', () => {
    // A framework removes the line breaks between the two spans; each is a line of its own.
    page(`
      <div class="fr-connect-group">
        <button id="fc" class="fr-connect"><span class="fr-connect__login">S’identifier avec</span><span class="fr-connect__brand">FranceConnect</span></button>
      </div>
      <div class="fr-connect-group">
        <button id="fc2" class="fr-connect">
          <span class="fr-connect__login">S’identifier avec</span>
          <span class="fr-connect__brand">FranceConnect+</span>
        </button>
      </div>`);
    expect(nameOf(byId('fc'))).toBe('S’identifier avec FranceConnect');
    expect(locate(document, [{ role: 'button', name: "S'identifier avec FranceConnect" }])).toBe(
      byId('fc'),
    );
    expect(locate(document, [{ text: 'S’identifier avec FranceConnect' }])).toBe(byId('fc'));
    expect(locate(document, [{ text: 'S’identifier avec FranceConnect+' }])).toBe(byId('fc2'));
    expect(locate(document, [{ text: 'S’identifier avecFranceConnect' }])).toBeNull();
  });

  it('reads the FranceConnect provider buttons by their caption', () => {
    // After core-fcp's provider list: a submit button with role link around a figure.
    page(`
      <ul class="fr-grid-row">
        <li><form action="/api/v2/redirect-to-idp" method="POST">
          <button type="submit" role="link" id="idp-dgfip" class="fr-btn fr-btn--tertiary fc-btn--provider">
            <figure class="fr-content-media"><div class="fr-content-media__img"><img alt="" src="dgfip.svg"></div>
              <figcaption class="fr-content-media__caption">impots.gouv.fr<br></figcaption></figure>
          </button>
          <input type="hidden" name="providerUid" value="dgfip">
        </form></li>
        <li><form action="/api/v2/redirect-to-idp" method="POST">
          <button type="submit" role="link" id="idp-msa" class="fr-btn fr-btn--tertiary fc-btn--provider" disabled>
            <figure class="fr-content-media"><figcaption class="fr-content-media__caption">MSA<br>Indisponible</figcaption></figure>
          </button>
        </form></li>
      </ul>`);
    expect(locate(document, [{ role: 'link', name: 'impots.gouv.fr' }])).toBe(byId('idp-dgfip'));
    expect(locate(document, [{ role: ['button', 'link'], name: 'impots.gouv.fr' }])).toBe(
      byId('idp-dgfip'),
    );
    expect(locate(document, [{ text: 'impots.gouv.fr' }])).toBe(byId('idp-dgfip'));
    expect(nameOf(byId('idp-msa'))).toBe('MSA Indisponible');
  });
});

describe('what a person types or chooses never becomes part of a name', () => {
  it('leaves out fields inside a label, whatever they hold', () => {
    page(`
      <label id="lab"><input type="checkbox" id="cb"> J’ai gagné <input id="amount" value="1234"> euros ce mois-ci</label>
      <span id="t1">Trier par</span>
      <select id="sort"><option>Date</option><option selected>Montant</option></select>
      <button id="go" aria-labelledby="t1 sort">OK</button>
      <span id="c1">Commentaire</span>
      <div id="ed" role="textbox" contenteditable="true">Mon message personnel</div>
      <button id="send" aria-labelledby="c1 ed">Envoyer</button>
      <label for="ville">Ville</label><input id="ville" list="villes">
      <datalist id="villes"><option>Paris</option></datalist>
      <label>Votre nom <textarea id="ta">Dupont</textarea></label>`);
    (byId('amount') as HTMLInputElement).value = '987';
    (byId('ville') as HTMLInputElement).value = 'Lyon';
    (byId('ta') as HTMLTextAreaElement).value = 'Martin';
    expect(nameOf(byId('cb'))).toBe('J’ai gagné euros ce mois-ci');
    expect(nameOf(byId('go'))).toBe('Trier par');
    expect(nameOf(byId('send'))).toBe('Commentaire');
    expect(nameOf(byId('ville'))).toBe('Ville');
    expect(nameOf(byId('ta'))).toBe('Votre nom');
    for (const name of ['J’ai gagné 987 euros ce mois-ci', 'J’ai gagné 1234 euros ce mois-ci']) {
      expect(locate(document, [{ role: 'checkbox', name }])).toBeNull();
    }
    expect(locate(document, [{ role: 'button', name: 'Trier par Montant' }])).toBeNull();
    expect(
      locate(document, [{ role: 'button', name: 'Commentaire Mon message personnel' }]),
    ).toBeNull();
    expect(locate(document, [{ role: 'combobox', name: 'Lyon' }])).toBeNull();
    expect(locate(document, [{ role: 'textbox', name: 'Dupont' }])).toBeNull();
    expect(locate(document, [{ label: 'Votre nom Martin' }])).toBeNull();
  });

  it('never finds the text typed in an editable area or a text area', () => {
    page(`
      <div id="ed" contenteditable="true"><p>Je voudrais un rendez-vous</p></div>
      <textarea id="ta">Je voudrais un rendez-vous</textarea>
      <p id="p">Je voudrais un rendez-vous</p>`);
    expect(locateAll(document, { text: 'Je voudrais un rendez-vous' }).map((e) => e.id)).toEqual([
      'p',
    ]);
  });

  it('does not name a field by a value written in the page', () => {
    // A form sent back by the server with the person's answer in it.
    page(`<input id="nom" value="Dupont" title="Nom de famille">`);
    expect(nameOf(byId('nom'))).toBe('Nom de famille');
    expect(locate(document, [{ role: 'textbox', name: 'Dupont' }])).toBeNull();
    expect(locate(document, [{ label: 'Dupont' }])).toBeNull();
  });
});

describe('the accessible name, as the reference implementation computes it', () => {
  it('agrees with dom-accessibility-api where no value is involved', () => {
    page(`
      <a id="c1" href="/"><img src="l.png" alt="Accueil CAF"></a>
      <button id="c2" aria-label="Fermer la fenêtre">×</button>
      <button id="c3" title="Imprimer"><svg aria-hidden="true"></svg></button>
      <label for="c4">Numéro de sécurité sociale</label><input id="c4">
      <label>Mot de passe <input id="c5" type="password"></label>
      <span id="r1">Date</span> <span id="r2">de naissance</span><input id="c6" aria-labelledby="r1 r2">
      <input id="c7" type="submit" value="Valider">
      <fieldset id="c8"><legend>Vos revenus <b>du trimestre</b></legend></fieldset>
      <table id="c9"><caption>Paiements</caption><tr><td>x</td></tr></table>
      <h2 id="c10">Mes <em>démarches</em> <span hidden>cachées</span></h2>
      <a id="c11" href="/x">Mon <span aria-hidden="true">→</span>Compte</a>
      <button id="c12"><img src="x.png" alt="">Envoyer</button>
      <input id="c13" type="image" src="ok.png" alt="Rechercher">
      <div id="c14" role="button" tabindex="0"><div>Continuer</div><div>sur caf.fr</div></div>`);
    for (let i = 1; i <= 14; i++) {
      const el = byId(`c${i}`);
      expect([el.id, nameOf(el)]).toEqual([el.id, computeAccessibleName(el)]);
    }
  });
});
