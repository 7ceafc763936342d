import type { Locator } from '../../../core/guides/types';

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

/** What each kind of locator must find on the big page (null: nothing). */
export const BIG_PAGE_CASES: { name: string; locators: Locator[]; finds: string | null }[] = [
  {
    name: 'role+name',
    locators: [{ role: 'button', name: 'Valider ma déclaration' }],
    finds: '#target',
  },
  { name: 'text', locators: [{ text: 'Valider ma declaration' }], finds: '#target' },
  { name: 'label', locators: [{ label: 'Champ 39' }], finds: '#f39' },
  { name: 'placeholder', locators: [{ placeholder: 'Valeur 39' }], finds: '#f39' },
  { name: 'css', locators: [{ css: 'form button[type=submit]' }], finds: '#target' },
  {
    name: 'link late in the menu',
    locators: [{ role: 'link', name: 'Rubrique menu 149' }],
    finds: 'header a[href="/menu/149"]',
  },
  {
    name: 'miss (three kinds)',
    locators: [{ role: 'button', name: 'Absent' }, { text: 'Absent' }, { label: 'Absent' }],
    finds: null,
  },
];
