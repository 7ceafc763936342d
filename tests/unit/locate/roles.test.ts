// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { locate, locateAll } from '../../../core/locate/locate';
import { implicitRole, roleOf } from '../../../core/locate/roles';
import { setBody } from './dom';

function byId(id: string): Element {
  const el = document.getElementById(id);
  if (!el) throw new Error(`no #${id}`);
  return el;
}

const ids = (els: Element[]) => els.map((e) => e.id);

beforeEach(() => {
  document.head.replaceChildren();
  document.body.replaceChildren();
});

describe('roles as the browser computes them', () => {
  it('lets an explicit role override the tag', () => {
    setBody(`
      <button id="bl" role="link">Mes paiements</button>
      <a id="ab" href="/x" role="button">Valider</a>
      <div id="dr" role="radio" aria-checked="false" tabindex="0">Oui</div>
      <span id="first" role="foo switch button">Recevoir</span>`);
    expect(roleOf(byId('bl'))).toBe('link');
    expect(roleOf(byId('ab'))).toBe('button');
    expect(roleOf(byId('dr'))).toBe('radio');
    // The first token the browser knows wins; an unknown one is skipped.
    expect(roleOf(byId('first'))).toBe('switch');
    expect(locate(document, [{ role: 'link', name: 'Mes paiements' }])).toBe(byId('bl'));
    expect(locate(document, [{ role: 'button', name: 'Mes paiements' }])).toBeNull();
    expect(locate(document, [{ role: 'button', name: 'Valider' }])).toBe(byId('ab'));
    expect(locate(document, [{ role: 'link', name: 'Valider' }])).toBeNull();
    expect(locate(document, [{ role: 'radio', name: 'Oui' }])).toBe(byId('dr'));
  });

  it('falls back to the tag when the explicit role is unknown, and ignores none on a control', () => {
    setBody(`
      <a id="bad" href="/x" role="lien">Accueil</a>
      <button id="none" role="none">Fermer</button>
      <img id="deco" src="x.png" alt="" role="presentation">
      <table id="layout" role="presentation"><tr><td>x</td></tr></table>`);
    expect(roleOf(byId('bad'))).toBe('link');
    expect(roleOf(byId('none'))).toBe('button');
    expect(roleOf(byId('deco'))).toBe('none');
    expect(roleOf(byId('layout'))).toBe('none');
    expect(locate(document, [{ role: 'presentation' }])).toBe(byId('deco'));
  });

  it('gives tags their implicit role as ARIA in HTML says', () => {
    setBody(`
      <a id="a" href="/">Lien</a><a id="a0">Ancre</a>
      <input id="text"><input id="email" type="email"><input id="pwd" type="password">
      <input id="search" type="search"><input id="list" list="dl"><datalist id="dl"></datalist>
      <input id="num" type="number"><input id="range" type="range">
      <input id="cb" type="checkbox"><input id="rd" type="radio">
      <input id="sub" type="submit"><input id="img" type="image" alt="OK"><input id="odd" type="nouveau">
      <select id="sel"><option>a</option></select><select id="multi" multiple></select>
      <select id="big" size="4"></select><textarea id="ta"></textarea>
      <fieldset id="fs"><legend>Q</legend></fieldset><details id="det"><summary id="sum">Plus</summary></details>
      <section id="sec"></section><section id="named" aria-label="Aide"></section>
      <form id="f"></form><form id="fn" aria-label="Connexion"></form>
      <header id="hd"></header><article><header id="hd2"></header><footer id="ft2"></footer></article>
      <footer id="ft"></footer><nav id="nav"></nav><main id="main"></main><aside id="as"></aside>
      <h3 id="h">Titre</h3><ul id="ul"><li id="li">x</li></ul><p id="p">x</p><hr id="hr">
      <table><tr><th id="th">a</th><th id="rh" scope="row">b</th><td id="td">c</td></tr></table>
      <table role="grid"><tr><td id="gc">c</td></tr></table>
      <img id="pic" src="x.png" alt="Logo"><dialog id="dlg"></dialog><progress id="pg"></progress>`);
    const expected: Record<string, string> = {
      a: 'link',
      a0: 'generic',
      text: 'textbox',
      email: 'textbox',
      pwd: '',
      search: 'searchbox',
      list: 'combobox',
      num: 'spinbutton',
      range: 'slider',
      cb: 'checkbox',
      rd: 'radio',
      sub: 'button',
      img: 'button',
      odd: 'textbox',
      sel: 'combobox',
      multi: 'listbox',
      big: 'listbox',
      ta: 'textbox',
      fs: 'group',
      det: 'group',
      sum: 'button',
      sec: 'generic',
      named: 'region',
      f: 'generic',
      fn: 'form',
      hd: 'banner',
      hd2: 'generic',
      ft2: 'generic',
      ft: 'contentinfo',
      nav: 'navigation',
      main: 'main',
      as: 'complementary',
      h: 'heading',
      ul: 'list',
      li: 'listitem',
      p: 'paragraph',
      hr: 'separator',
      th: 'columnheader',
      rh: 'rowheader',
      td: 'cell',
      gc: 'gridcell',
      pic: 'img',
      dlg: 'dialog',
      pg: 'progressbar',
    };
    for (const [id, role] of Object.entries(expected)) {
      expect([id, implicitRole(byId(id))]).toEqual([id, role]);
    }
  });

  it('finds a fieldset as a group by its legend', () => {
    setBody(`
      <fieldset id="q" class="fr-fieldset">
        <legend class="fr-fieldset__legend">Avez-vous travaillé ce mois-ci ?</legend>
        <div class="fr-radio-group"><input type="radio" id="o" name="t"><label for="o">Oui</label></div>
        <div class="fr-radio-group"><input type="radio" id="n" name="t"><label for="n">Non</label></div>
      </fieldset>`);
    expect(locate(document, [{ role: 'group', name: 'Avez-vous travaillé ce mois-ci ?' }])).toBe(
      byId('q'),
    );
  });
});

describe('several roles for one target', () => {
  it('accepts any of the roles, in document order', () => {
    // FranceConnect's provider buttons are <button role="link">; other pages use a real link.
    setBody(`
      <a id="l" href="/idp">impots.gouv.fr</a>
      <button id="b" type="submit" role="link">ameli.fr</button>
      <button id="c">impots.gouv.fr</button>`);
    expect(ids(locateAll(document, { role: ['button', 'link'], name: 'impots.gouv.fr' }))).toEqual([
      'l',
      'c',
    ]);
    expect(locate(document, [{ role: ['button', 'link'], name: 'ameli.fr' }])).toBe(byId('b'));
    expect(locate(document, [{ role: ['BUTTON'], name: 'impots.gouv.fr' }])).toBe(byId('c'));
    expect(locate(document, [{ role: [] }])).toBeNull();
  });
});
