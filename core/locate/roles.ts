/**
 * Roles as the browser computes them: the first valid token of an explicit `role` wins over the
 * tag, and the tag's own role follows ARIA in HTML (links need an href, inputs go by type, a
 * section or a form is a landmark only when it has a name, a header inside an article is not
 * the page's banner…). Plain DOM reads only, so it also works on documents without a window.
 */

/** WAI-ARIA 1.2 roles: guide files may only name these, and only these count in `role`. */
// prettier-ignore
export const ARIA_ROLES = [
  'alert', 'alertdialog', 'application', 'article', 'banner', 'blockquote', 'button', 'caption',
  'cell', 'checkbox', 'code', 'columnheader', 'combobox', 'complementary', 'contentinfo',
  'definition', 'deletion', 'dialog', 'document', 'emphasis', 'feed', 'figure', 'form',
  'generic', 'grid', 'gridcell', 'group', 'heading', 'img', 'insertion', 'link', 'list',
  'listbox', 'listitem', 'log', 'main', 'mark', 'marquee', 'math', 'menu', 'menubar', 'menuitem',
  'menuitemcheckbox', 'menuitemradio', 'meter', 'navigation', 'none', 'note', 'option',
  'paragraph', 'presentation', 'progressbar', 'radio', 'radiogroup', 'region', 'row',
  'rowgroup', 'rowheader', 'scrollbar', 'search', 'searchbox', 'separator', 'slider',
  'spinbutton', 'status', 'strong', 'subscript', 'superscript', 'switch', 'tab', 'table',
  'tablist', 'tabpanel', 'term', 'textbox', 'time', 'timer', 'toolbar', 'tooltip', 'tree',
  'treegrid', 'treeitem',
] as const;

const KNOWN = new Set<string>(ARIA_ROLES);

/** Tags whose role never depends on anything else (ARIA in HTML), by role. */
const BY_TAG: Record<string, string> = {
  article: 'article',
  blockquote: 'blockquote',
  button: 'button summary',
  caption: 'caption',
  code: 'code',
  complementary: 'aside',
  definition: 'dd',
  deletion: 'del s',
  dialog: 'dialog',
  document: 'html',
  emphasis: 'em',
  figure: 'figure',
  generic: 'div span b i u small bdi bdo data pre q samp',
  group: 'fieldset details optgroup address hgroup',
  heading: 'h1 h2 h3 h4 h5 h6',
  insertion: 'ins',
  list: 'ul ol menu',
  listbox: 'datalist',
  listitem: 'li',
  main: 'main',
  mark: 'mark',
  math: 'math',
  meter: 'meter',
  navigation: 'nav',
  option: 'option',
  paragraph: 'p',
  progressbar: 'progress',
  row: 'tr',
  rowgroup: 'thead tbody tfoot',
  search: 'search',
  separator: 'hr',
  status: 'output',
  strong: 'strong',
  subscript: 'sub',
  superscript: 'sup',
  table: 'table',
  term: 'dt dfn',
  textbox: 'textarea',
  time: 'time',
};

/** Tags whose role depends on attributes or context (see `implicitRole`), by possible role. */
const BY_CONTEXT: Record<string, string> = {
  link: 'a[href],area[href]',
  generic: 'a,area,section,form,header,footer',
  button: 'input',
  checkbox: 'input',
  radio: 'input',
  slider: 'input',
  spinbutton: 'input',
  textbox: 'input',
  searchbox: 'input',
  combobox: 'input,select',
  listbox: 'select',
  img: 'img',
  none: 'img',
  region: 'section',
  form: 'form',
  banner: 'header',
  contentinfo: 'footer',
  columnheader: 'th',
  rowheader: 'th',
  cell: 'td',
  gridcell: 'td',
};

const TAG_ROLE = new Map<string, string>();
for (const role of Object.keys(BY_TAG)) {
  for (const tag of (BY_TAG[role] ?? '').split(' ')) TAG_ROLE.set(tag, role);
}

const INPUT_ROLES: Record<string, string> = {
  button: 'button',
  image: 'button',
  reset: 'button',
  submit: 'button',
  checkbox: 'checkbox',
  radio: 'radio',
  range: 'slider',
  number: 'spinbutton',
  email: 'textbox',
  tel: 'textbox',
  text: 'textbox',
  url: 'textbox',
  search: 'searchbox',
};
/** Input types the browser knows without giving them a role (anything else is a text field). */
const INPUT_NO_ROLE = ' password date datetime-local month week time color file hidden ';

/** Landmarks that stop being the page's header or footer inside these. */
const SECTIONING = 'article,aside,main,nav,section';

/** ARIA attributes that keep an element in the accessibility tree despite role none. */
const GLOBAL_ARIA = ['aria-label', 'aria-labelledby', 'aria-describedby', 'aria-live'];

function closestOf(el: Element, selector: string): Element | null {
  const parent = el.parentElement;
  return parent ? parent.closest(selector) : null;
}

function hasName(el: Element): boolean {
  for (const a of ['aria-label', 'aria-labelledby', 'title']) {
    if ((el.getAttribute(a) ?? '').trim()) return true;
  }
  return false;
}

function inputRole(el: Element): string {
  const type = (el.getAttribute('type') ?? '').trim().toLowerCase();
  const role = INPUT_ROLES[type];
  if (role !== undefined) {
    return (role === 'textbox' || role === 'searchbox') && el.hasAttribute('list')
      ? 'combobox'
      : role;
  }
  if (type && INPUT_NO_ROLE.includes(` ${type} `)) return '';
  return el.hasAttribute('list') ? 'combobox' : 'textbox';
}

function stayInTree(el: Element): boolean {
  if (el.hasAttribute('tabindex')) return true;
  if (GLOBAL_ARIA.some((a) => el.hasAttribute(a))) return true;
  const tag = el.localName;
  return (
    ((tag === 'a' || tag === 'area') && el.hasAttribute('href')) ||
    ((tag === 'button' || tag === 'input' || tag === 'select' || tag === 'textarea') &&
      !el.hasAttribute('disabled'))
  );
}

/** The role an element has from its tag, attributes and place (no `role` attribute). */
/**
 * Roles of one answer among others (a radio button, a box to tick, an option of a list). A
 * step never rings an answer: the person chooses, so the ring goes around the whole question.
 * guides:check refuses them as targets; the picker points to the question instead.
 */
export const ANSWER_ROLES: readonly string[] = [
  'radio',
  'checkbox',
  'option',
  'menuitemradio',
  'menuitemcheckbox',
];

export function implicitRole(el: Element): string {
  const tag = el.localName;
  switch (tag) {
    case 'a':
    case 'area':
      return el.hasAttribute('href') ? 'link' : 'generic';
    case 'input':
      return inputRole(el);
    case 'img':
      return el.getAttribute('alt') === '' && !stayInTree(el) ? 'none' : 'img';
    case 'select': {
      const size = Number(el.getAttribute('size') ?? '');
      return el.hasAttribute('multiple') || size > 1 ? 'listbox' : 'combobox';
    }
    case 'section':
      return hasName(el) ? 'region' : 'generic';
    case 'form':
      return hasName(el) ? 'form' : 'generic';
    case 'header':
      return closestOf(el, SECTIONING) ? 'generic' : 'banner';
    case 'footer':
      return closestOf(el, SECTIONING) ? 'generic' : 'contentinfo';
    case 'aside':
      return 'complementary';
    case 'th': {
      const scope = (el.getAttribute('scope') ?? '').toLowerCase();
      return scope === 'row' || scope === 'rowgroup' ? 'rowheader' : 'columnheader';
    }
    case 'td':
      return closestOf(el, 'table')?.matches('[role~="grid" i],[role~="treegrid" i]')
        ? 'gridcell'
        : 'cell';
    default:
      return TAG_ROLE.get(tag) ?? '';
  }
}

/** `presentation` and `none` are one role; this module says `none`. */
export function canonicalRole(role: string): string {
  const r = role.trim().toLowerCase();
  return r === 'presentation' ? 'none' : r;
}

/**
 * The element's role, lower case ('' when it has none): the first role token the browser
 * knows, else the implicit role. `none` is ignored on an element that can take focus or has
 * global ARIA attributes, as browsers do.
 */
export function roleOf(el: Element): string {
  const explicit = el.getAttribute('role');
  if (explicit) {
    for (const token of explicit.trim().toLowerCase().split(/\s+/)) {
      if (!KNOWN.has(token)) continue;
      const role = canonicalRole(token);
      if (role === 'none' && stayInTree(el)) break;
      return role;
    }
  }
  return implicitRole(el);
}

/**
 * A selector that every element with one of these roles matches (and more): the roles' tags
 * and any explicit role; `roleOf` decides among them. A bare `[role]` is much cheaper than
 * `[role~="…" i]` in some engines (jsdom), and the role is checked anyway.
 */
export function roleSelector(roles: readonly string[]): string {
  const parts = ['[role]'];
  for (const raw of roles) {
    const role = canonicalRole(raw);
    const tags = BY_TAG[role];
    if (tags) parts.push(tags.split(' ').join(','));
    const more = BY_CONTEXT[role];
    if (more) parts.push(more);
  }
  return parts.join(',');
}
