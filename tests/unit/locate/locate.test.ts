// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { locate, locateAll } from '../../../core/locate/locate';
import type { Locator } from '../../../core/guides/types';
import { parse, setBody } from './dom';

function page(html: string): Document {
  document.head.replaceChildren();
  setBody(html);
  return document;
}

function byId(id: string): Element {
  const el = document.getElementById(id);
  if (!el) throw new Error(`no #${id}`);
  return el;
}

function ids(els: Element[]): string[] {
  return els.map((e) => e.id);
}

beforeEach(() => {
  document.body.replaceChildren();
});

describe('{role, name}', () => {
  it('finds implicit roles by accessible name', () => {
    page(`
      <a id="home" href="/">Accueil</a>
      <a id="noref">Mon Compte</a>
      <a id="account" href="/moncompte"><span aria-hidden="true">→</span> Mon Compte</a>
      <button id="ok">Valider</button>
      <input id="submit" type="submit" value="Envoyer">
      <h2 id="title">Mes démarches</h2>`);
    expect(locate(document, [{ role: 'link', name: 'Mon Compte' }])).toBe(byId('account'));
    expect(locate(document, [{ role: 'button', name: 'valider' }])).toBe(byId('ok'));
    expect(locate(document, [{ role: 'button', name: 'Envoyer' }])).toBe(byId('submit'));
    expect(locate(document, [{ role: 'heading', name: 'Mes demarches' }])).toBe(byId('title'));
    expect(locate(document, [{ role: 'link' }])).toBe(byId('home'));
  });

  it('uses explicit roles, and an explicit role replaces the implicit one', () => {
    page(`
      <button id="tab" role="tab">Mes paiements</button>
      <div id="fake" role="button" tabindex="0">Mes paiements</div>
      <span id="sw" role="switch" aria-checked="false" aria-label="Recevoir les courriels"></span>`);
    expect(locate(document, [{ role: 'button', name: 'Mes paiements' }])).toBe(byId('fake'));
    expect(locate(document, [{ role: 'tab', name: 'Mes paiements' }])).toBe(byId('tab'));
    expect(locate(document, [{ role: 'switch', name: 'Recevoir les courriels' }])).toBe(byId('sw'));
  });

  it('finds radio buttons, checkboxes, comboboxes and text boxes', () => {
    page(`
      <fieldset><legend>Avez-vous travaillé ?</legend>
        <label><input id="oui" type="radio" name="t"> Oui</label>
        <label><input id="non" type="radio" name="t"> Non</label>
      </fieldset>
      <label><input id="cgu" type="checkbox"> J’accepte les conditions</label>
      <label for="pays">Pays</label><select id="pays"><option>France</option></select>
      <label for="nom">Nom</label><input id="nom">`);
    expect(locate(document, [{ role: 'radio', name: 'Non' }])).toBe(byId('non'));
    expect(locate(document, [{ role: 'checkbox', name: "J'accepte les conditions" }])).toBe(
      byId('cgu'),
    );
    expect(locate(document, [{ role: 'combobox', name: 'Pays' }])).toBe(byId('pays'));
    expect(locate(document, [{ role: 'textbox', name: 'Nom' }])).toBe(byId('nom'));
  });

  it('treats role names case-insensitively and falls back to a full scan for rare roles', () => {
    // A note takes its name from the author only, not from its content.
    page(`
      <div id="n0" role="note">Attention</div>
      <div id="n" role="note" aria-label="Attention">Lisez bien</div>
      <div id="t" role="Tooltip">Aide</div>`);
    expect(locate(document, [{ role: 'note', name: 'Attention' }])).toBe(byId('n'));
    expect(locate(document, [{ role: 'TOOLTIP' }])).toBe(byId('t'));
  });

  it('skips a hidden duplicate placed before the visible one', () => {
    page(`
      <style>.mobile { display: none }</style>
      <nav class="mobile"><ul><li><a id="m1" href="/c">Mon Compte</a></li></ul></nav>
      <button id="b-hidden" hidden>Valider</button>
      <div aria-hidden="true"><button id="b-aria">Valider</button></div>
      <div style="display:none"><button id="b-none">Valider</button></div>
      <div style="visibility:hidden"><button id="b-vis">Valider</button></div>
      <div inert><button id="b-inert">Valider</button></div>
      <a id="m2" href="/c">Mon Compte</a>
      <button id="b-ok">Valider</button>`);
    expect(locate(document, [{ role: 'link', name: 'Mon Compte' }])).toBe(byId('m2'));
    expect(locate(document, [{ role: 'button', name: 'Valider' }])).toBe(byId('b-ok'));
    expect(ids(locateAll(document, { role: 'button', name: 'Valider' }))).toEqual(['b-ok']);
  });

  it('never runs a /regex/ name: it is compared as written, slashes included', () => {
    page(`
      <button id="a">Étape suivante</button>
      <button id="b">Continuer vers l’étape 3</button>
      <button id="c">/Étape/</button>`);
    expect(locate(document, [{ role: 'button', name: '/étape \\d/' }])).toBeNull();
    expect(ids(locateAll(document, { role: 'button', name: '/etape/' }))).toEqual(['c']);
  });

  it('finds names that come from attributes and references, not from the text', () => {
    page(`
      <a id="logo" href="/"><img src="logo.png" alt="Accueil CAF"></a>
      <button id="icon" title="Fermer la fenêtre"><svg aria-hidden="true"></svg></button>
      <span id="t1" aria-label="Mon espace"></span><span id="t2">personnel</span>
      <a id="ref" href="/espace" aria-labelledby="t1 t2">Aller</a>
      <input id="img" type="image" src="ok.png" alt="Envoyer le formulaire">`);
    expect(locate(document, [{ role: 'link', name: 'Accueil CAF' }])).toBe(byId('logo'));
    expect(locate(document, [{ role: 'button', name: 'Fermer la fenêtre' }])).toBe(byId('icon'));
    expect(locate(document, [{ role: 'link', name: 'Mon espace personnel' }])).toBe(byId('ref'));
    expect(locate(document, [{ role: 'button', name: 'Envoyer le formulaire' }])).toBe(byId('img'));
  });

  it('requires the whole name for plain text', () => {
    page(`<button id="a">Valider et continuer</button><button id="b">Valider</button>`);
    expect(locate(document, [{ role: 'button', name: 'Valider' }])).toBe(byId('b'));
  });
});

describe('{label}', () => {
  it('finds fields by <label for>, nested label, aria-labelledby and aria-label', () => {
    page(`
      <label for="nf">Numéro fiscal</label><input id="nf">
      <label>Mot de passe <input id="mdp" type="password"></label>
      <span id="d1">Date</span><span id="d2">de naissance</span>
      <input id="dn" aria-labelledby="d1 d2">
      <textarea id="msg" aria-label="Votre message"></textarea>
      <label for="mois">Mois</label><select id="mois"><option>Janvier</option></select>
      <div id="ce" contenteditable="true" aria-label="Commentaire"></div>`);
    expect(locate(document, [{ label: 'Numero fiscal' }])).toBe(byId('nf'));
    expect(locate(document, [{ label: 'mot de passe' }])).toBe(byId('mdp'));
    expect(locate(document, [{ label: 'Date de naissance' }])).toBe(byId('dn'));
    expect(locate(document, [{ label: 'Votre message' }])).toBe(byId('msg'));
    expect(locate(document, [{ label: 'Mois' }])).toBe(byId('mois'));
    expect(locate(document, [{ label: 'Commentaire' }])).toBe(byId('ce'));
  });

  it('does not return the label itself or a hidden field', () => {
    page(`
      <label id="l" for="h">Identifiant</label><input id="h" type="hidden">
      <div hidden><label>Identifiant <input id="old"></label></div>
      <label>Identifiant <input id="new"></label>`);
    expect(locate(document, [{ label: 'Identifiant' }])).toBe(byId('new'));
    expect(ids(locateAll(document, { label: 'Identifiant' }))).toEqual(['new']);
  });

  it('matches apostrophes and non-breaking spaces in labels', () => {
    page(`<label for="n">N° d’allocataire\u00a0:</label><input id="n">`);
    expect(locate(document, [{ label: "N° d'allocataire :" }])).toBe(byId('n'));
  });
});

describe('{text}', () => {
  it('finds the deepest element whose whole text matches', () => {
    page(`
      <main id="main">
        <section id="s"><div id="d"><p id="p">Vos   informations  </p></div></section>
      </main>`);
    expect(locate(document, [{ text: 'Vos informations' }])).toBe(byId('p'));
  });

  it('matches text split across child elements on the parent', () => {
    page(`<p id="p">Déclarer <b>mes ressources</b></p><p id="q">Mon<i>Compte</i></p>`);
    expect(locate(document, [{ text: 'Declarer mes ressources' }])).toBe(byId('p'));
    expect(locate(document, [{ text: 'MonCompte' }])).toBe(byId('q'));
    expect(locate(document, [{ text: 'Mon Compte' }])).toBeNull();
  });

  it('counts a <br> as a space', () => {
    page(`<p id="p">Mes<br>attestations</p>`);
    expect(locate(document, [{ text: 'Mes attestations' }])).toBe(byId('p'));
  });

  it('ignores script, style and template text', () => {
    page(`
      <div id="a">Valider<script>var x = 1;</script><style>.x{}</style><template>t</template></div>`);
    expect(locate(document, [{ text: 'Valider' }])).toBe(byId('a'));
    expect(locate(document, [{ text: 'var x = 1;' }])).toBeNull();
  });

  it('returns the clickable ancestor within three levels', () => {
    page(`
      <a id="link" href="/att"><span><span><span id="deep">Mes attestations</span></span></span></a>
      <button id="btn"><span id="inner">Valider</span></button>
      <label id="lab"><input type="radio" name="r"> <span>Oui</span></label>
      <div role="tab" id="tab"><span>Paiements</span></div>
      <a id="far" href="/x"><div><div><div><span id="too-deep">Très loin</span></div></div></div></a>`);
    expect(locate(document, [{ text: 'Mes attestations' }])).toBe(byId('link'));
    expect(locate(document, [{ text: 'Valider' }])).toBe(byId('btn'));
    expect(locate(document, [{ text: 'Oui' }])).toBe(byId('lab'));
    expect(locate(document, [{ text: 'Paiements' }])).toBe(byId('tab'));
    expect(locate(document, [{ text: 'Très loin' }])).toBe(byId('too-deep'));
  });

  it('takes the first in document order when a heading and a button say the same', () => {
    page(`<h2 id="h">Valider</h2><p>Texte</p><button id="b">Valider</button>`);
    expect(locate(document, [{ text: 'Valider' }])).toBe(byId('h'));
    expect(locate(document, [{ role: 'button', name: 'Valider' }])).toBe(byId('b'));
    expect(ids(locateAll(document, { text: 'Valider' }))).toEqual(['h', 'b']);
  });

  it('skips hidden copies of the text', () => {
    page(`
      <div style="display:none"><a id="x" href="/">Mes attestations</a></div>
      <a id="y" href="/" hidden>Mes attestations</a>
      <div aria-hidden="true"><span id="z">Mes attestations</span></div>
      <a id="ok" href="/">Mes attestations</a>`);
    expect(locate(document, [{ text: 'Mes attestations' }])).toBe(byId('ok'));
  });

  it('does not let a hidden child give its text to a visible parent', () => {
    page(`
      <div id="wrap"><span id="hid" style="display:none">Valider</span></div>
      <div id="mixed"><span hidden>Ancien libellé</span>Valider</div>`);
    // The wrapper shows nothing; the second div shows exactly "Valider".
    expect(locate(document, [{ text: 'Valider' }])).toBe(byId('mixed'));
  });

  it('tolerates accents, case, apostrophes and non-breaking spaces', () => {
    page(`<a id="a" href="/">DÉCLARER\u00a0mes\u202fressources</a><p id="b">L’avis d’impôt</p>`);
    expect(locate(document, [{ text: '« Déclarer mes ressources »'.slice(2, -2) }])).toBe(
      byId('a'),
    );
    expect(locate(document, [{ text: 'declarer mes ressources' }])).toBe(byId('a'));
    expect(locate(document, [{ text: "l'avis d'impot" }])).toBe(byId('b'));
  });

  it('never runs a /regex/ text, label or placeholder', () => {
    page(`<div id="d"><p id="p">Votre dossier n° <b id="n">12345</b> est prêt</p></div>
      <label>Code <input id="f" placeholder="12345"></label>`);
    expect(locate(document, [{ text: '/dossier n° \\d+/' }])).toBeNull();
    expect(locate(document, [{ text: '/^\\d{5}$/' }])).toBeNull();
    expect(locate(document, [{ label: '/^code/i' }])).toBeNull();
    expect(locate(document, [{ placeholder: '/\\d+/' }])).toBeNull();
  });

  it('searches inside an element root, including the root itself', () => {
    page(`<p>Valider</p><section id="s"><p id="in">Valider</p></section><b id="solo">Seul</b>`);
    expect(locate(byId('s'), [{ text: 'Valider' }])).toBe(byId('in'));
    expect(locate(byId('solo'), [{ text: 'Seul' }])).toBe(byId('solo'));
  });
});

describe('{placeholder}', () => {
  it('finds a field by its placeholder', () => {
    page(`
      <input id="a" placeholder="Rechercher">
      <input id="b" placeholder="Ex : 1 23 45 67 890 123">
      <div id="c" role="textbox" aria-placeholder="Votre question"></div>`);
    expect(locate(document, [{ placeholder: 'ex : 1 23 45 67 890 123' }])).toBe(byId('b'));
    expect(locate(document, [{ placeholder: 'Votre question' }])).toBe(byId('c'));
    expect(locate(document, [{ placeholder: 'Rech' }])).toBeNull();
  });
});

describe('{css}', () => {
  it('finds the first visible match', () => {
    page(`<button class="go" hidden id="a">A</button><button class="go" id="b">B</button>`);
    expect(locate(document, [{ css: 'button.go' }])).toBe(byId('b'));
  });

  it('returns null for an invalid selector instead of throwing', () => {
    page(`<button id="b">B</button>`);
    expect(() => locate(document, [{ css: 'button[' }])).not.toThrow();
    expect(locate(document, [{ css: 'button[' }])).toBeNull();
    expect(locate(document, [{ css: '##' }, { css: '#b' }])).toBe(byId('b'));
    expect(locateAll(document, { css: ':::' })).toEqual([]);
  });
});

describe('locator lists', () => {
  it('lets the first locator that finds something win, whatever the document order', () => {
    page(`
      <a id="first" href="/">Se connecter</a>
      <button id="second">Connexion</button>`);
    const list: Locator[] = [
      { role: 'button', name: 'Connexion' },
      { role: 'link', name: 'Se connecter' },
    ];
    expect(locate(document, list)).toBe(byId('second'));
  });

  it('falls back to the next locator when one finds nothing visible', () => {
    page(`
      <button id="ghost" hidden>Connexion</button>
      <a id="link" href="/">Se connecter</a>`);
    expect(
      locate(document, [
        { role: 'button', name: 'Connexion' },
        { css: '#nope' },
        { text: 'Se connecter' },
      ]),
    ).toBe(byId('link'));
    expect(locate(document, [{ role: 'button', name: 'Connexion' }])).toBeNull();
    expect(locate(document, [])).toBeNull();
  });

  it('never throws on odd input', () => {
    page(`<p>x</p>`);
    const odd = [{}, { role: 42 }, null, { role: '' }, { text: '' }] as unknown as Locator[];
    expect(() => locate(document, odd)).not.toThrow();
    expect(locate(document, odd.slice(0, 4))).toBeNull();
    const empty = document.implementation.createHTMLDocument('');
    expect(locate(empty, [{ text: 'x' }, { role: 'button' }, { label: 'x' }])).toBeNull();
  });

  it('works on a document without a window', () => {
    const doc = parse(
      `<div hidden><button>Valider</button></div><button id="b">Valider</button>` +
        `<label for="n">Nom</label><input id="n">`,
    );
    expect(doc.defaultView).toBeNull();
    expect(locate(doc, [{ role: 'button', name: 'Valider' }])?.id).toBe('b');
    expect(locate(doc, [{ text: 'Valider' }])?.id).toBe('b');
    expect(locate(doc, [{ label: 'Nom' }])?.id).toBe('n');
  });
});
