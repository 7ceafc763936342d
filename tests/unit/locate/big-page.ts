import { expect } from 'vitest';
import { locate } from '../../../core/locate/locate';
import type { Locator } from '../../../core/guides/types';
import { setBody } from './dom';

/** A page shaped like a big administration portal: menus, a hidden mobile copy, tables, a form. */
export function bigPage(): string {
  const links = (prefix: string, n: number) =>
    Array.from(
      { length: n },
      (_, i) => `<li><a href="/${prefix}/${i}">Rubrique ${prefix} ${i}</a></li>`,
    ).join('');
  const rows = Array.from(
    { length: 300 },
    (_, i) =>
      `<tr><td>Ligne ${i}</td><td><span>${i * 3} €</span></td><td><button>Détail ${i}</button></td></tr>`,
  ).join('');
  const cards = Array.from(
    { length: 700 },
    (_, i) =>
      `<div class="card"><h3>Titre ${i}</h3><p>Un texte d’exemple <b>numéro ${i}</b> avec des mots.</p></div>`,
  ).join('');
  const fields = Array.from(
    { length: 40 },
    (_, i) =>
      `<div><label for="f${i}">Champ ${i}</label><input id="f${i}" placeholder="Valeur ${i}"></div>`,
  ).join('');
  return `
    <header><nav><ul>${links('menu', 150)}</ul></nav></header>
    <div style="display:none"><nav><ul>${links('mobile', 150)}</ul></nav></div>
    <main>${cards}<table><tbody>${rows}</tbody></table><form>${fields}
      <button type="submit" id="target">Valider ma déclaration</button></form></main>`;
}

/** Locates with every kind of locator on the big page, checks the answers, prints the times. */
export function timeLocators(engine: string) {
  setBody(bigPage());
  const count = document.getElementsByTagName('*').length;
  expect(count).toBeGreaterThan(5000);

  const cases: [string, Locator[], (found: Element | null) => void][] = [
    ['role+name', [{ role: 'button', name: 'Valider ma déclaration' }], isTarget],
    ['text', [{ text: 'Valider ma declaration' }], isTarget],
    ['label', [{ label: 'Champ 39' }], (f) => expect(f?.id).toBe('f39')],
    ['placeholder', [{ placeholder: 'Valeur 39' }], (f) => expect(f?.id).toBe('f39')],
    ['css', [{ css: 'form button[type=submit]' }], isTarget],
    [
      'link late in the menu',
      [{ role: 'link', name: 'Rubrique menu 149' }],
      (f) => expect(f?.getAttribute('href')).toBe('/menu/149'),
    ],
    [
      'miss (three kinds)',
      [{ role: 'button', name: 'Absent' }, { text: 'Absent' }, { label: 'Absent' }],
      (f) => expect(f).toBeNull(),
    ],
  ];
  for (const [name, locators, check] of cases) {
    const t0 = performance.now();
    const found = locate(document, locators);
    const ms = performance.now() - t0;
    console.log(`locate ${name} on ${count} elements: ${ms.toFixed(1)} ms (${engine})`);
    check(found);
  }
}

function isTarget(found: Element | null) {
  expect(found?.id).toBe('target');
}
