import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { locatorSnippet, suggestLocator, yamlScalar } from '../../../core/authoring/locator';
import { setBody } from '../locate/dom';

function byId(id: string): Element {
  const el = document.getElementById(id);
  if (!el) throw new Error(`no #${id}`);
  return el;
}

describe('suggestLocator', () => {
  it('names a button by its role and name, found once', () => {
    setBody(`<p>Bienvenue</p><button id="go"><span>Se connecter</span></button>`);
    const s = suggestLocator(document, byId('go').firstElementChild!);
    expect(s.element).toBe(byId('go'));
    expect(s.best).toMatchObject({ locator: { role: 'button', name: 'Se connecter' }, count: 1 });
    expect(locatorSnippet(s.best)).toBe(
      'target: { role: button, name: Se connecter }  # 1 élément sur cette page',
    );
  });

  it('names a field by its label words, never by what was typed', () => {
    setBody(`<label>Mot de passe <input id="pw" type="password"></label>
      <label for="n">Numéro fiscal</label><input id="n" value="1234567890123">`);
    (byId('pw') as HTMLInputElement).value = 'Secret-123';
    const pw = suggestLocator(document, byId('pw'));
    expect(pw.best.locator).toEqual({ label: 'Mot de passe' });
    expect(pw.best.count).toBe(1);
    expect(JSON.stringify(pw)).not.toContain('Secret-123');
    // Clicking the label means its field.
    const n = suggestLocator(document, document.querySelector('label[for="n"]')!);
    expect(n.element).toBe(byId('n'));
    expect(n.best.locator).toEqual({ role: 'textbox', name: 'Numéro fiscal' });
    expect(JSON.stringify(n.candidates)).not.toContain('1234567890123');
  });

  it('proposes a more precise locator when the name is not unique', () => {
    setBody(`<section id="a"><button>Modifier</button></section>
      <section id="b"><button>Modifier</button></section>`);
    const second = document.querySelectorAll('button')[1]!;
    const s = suggestLocator(document, second);
    expect(s.candidates[0]).toMatchObject({
      locator: { role: 'button', name: 'Modifier' },
      count: 2,
    });
    expect(s.best.count).toBe(1);
    expect(s.best.locator).toEqual({ css: '#b > button' });
    expect(locatorSnippet(s.candidates[0]!)).toContain('2 éléments sur cette page : à préciser');
  });

  it('rings the question, not one of its answers', () => {
    setBody(`<fieldset><legend>Avez-vous travaillé ?</legend>
      <label><input type="radio" name="t" id="oui"> Oui</label>
      <label><input type="radio" name="t"> Non</label></fieldset>`);
    const s = suggestLocator(document, byId('oui'));
    expect(s.element.localName).toBe('fieldset');
    expect(s.best.locator).toEqual({ role: 'group', name: 'Avez-vous travaillé ?' });
  });
});

describe('yamlScalar', () => {
  it.each([
    'Se connecter',
    'Oui',
    'true',
    '12',
    'Étape : 2',
    '« Valider »',
    ' x',
    '#b > button',
    '-a',
  ])('reads back %j', (s) => {
    expect(parseYaml(`v: ${yamlScalar(s)}`)).toEqual({ v: s });
  });
});
