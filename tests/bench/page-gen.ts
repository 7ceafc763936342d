/**
 * A deterministic, realistic French administrative page for the glossary benchmark: header
 * menus, breadcrumbs, sections of paragraphs with links and emphasis, lists, payment tables,
 * questions and answers, a form, a footer full of links; glossary terms sprinkled at the rate
 * they appear on the real sites (a few per paragraph at most), and plenty of ordinary words.
 * The markup is indented like served HTML, so about half of the text nodes are white space,
 * as on real pages.
 */

/** Small seeded generator (mulberry32): the same page on every run and every machine. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Child = Elem | string;
interface Elem {
  tag: string;
  attrs?: Record<string, string>;
  children: Child[];
}

const VOID = new Set(['input', 'br', 'img', 'meta', 'link']);
/** Elements laid out as blocks: their children are put on indented lines, as served HTML is. */
const BLOCK = new Set([
  'header',
  'nav',
  'main',
  'footer',
  'section',
  'article',
  'aside',
  'div',
  'ul',
  'ol',
  'table',
  'thead',
  'tbody',
  'tr',
  'form',
  'details',
  'fieldset',
  'dl',
]);

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escAttr(s: string): string {
  return esc(s).replace(/"/g, '&quot;');
}

export interface GeneratedPage {
  /** The whole document, served as is. */
  html: string;
  /** Text nodes the browser will create under <body> (white space included). */
  textNodes: number;
  /** Glossary forms written into the text (an upper bound for what a matcher should find). */
  termsWritten: number;
}

export interface GlossaryForms {
  /** Forms matched ignoring case and accents (term, forms). */
  words: string[];
  /** Acronyms, matched only as written. */
  acronyms: string[];
}

const SUBJECTS = [
  'Votre dossier',
  'Cette démarche',
  'Le service en ligne',
  'Votre conseiller',
  'Le montant',
  'La demande',
  'Ce document',
  'Votre situation',
  'Le formulaire',
  'Votre espace personnel',
  'La date limite',
  'Le courrier',
  'Votre paiement',
  'Cette information',
];
const VERBS = [
  'est disponible',
  'doit être complété',
  'peut changer',
  'sera envoyé',
  'reste valable',
  'est calculé',
  'apparaît',
  'est mis à jour',
  'vous permet de continuer',
  'dépend de votre situation',
  'est vérifié',
  'est indiqué',
];
const PLACES = [
  'dans votre espace personnel',
  'sur votre courrier',
  'en bas de la page',
  'dans la rubrique Mes démarches',
  'chaque mois',
  'avant la fin du trimestre',
  'sous quelques jours',
  'après votre connexion',
  'dans votre messagerie',
  'sur votre téléphone',
  'au guichet de votre agence',
  'par courrier postal',
];
const FILLERS = [
  'Pour en savoir plus, consultez la page dédiée.',
  'Vous pouvez aussi nous écrire depuis votre messagerie.',
  'Les horaires d’ouverture sont indiqués sur la carte des agences.',
  'Gardez ce document : il peut vous être demandé plus tard.',
  'En cas de difficulté, un conseiller vous répond du lundi au vendredi.',
  'Vérifiez les informations ci-dessous puis validez.',
  'Cette étape prend environ cinq minutes.',
  'Munissez-vous de vos derniers bulletins de salaire.',
  'Les champs marqués d’un astérisque sont obligatoires.',
  'Le délai de traitement varie selon les périodes de l’année.',
  'Nous vous conseillons de faire cette démarche en ligne.',
  'Un courriel de confirmation vous sera envoyé.',
];
const LINK_WORDS = [
  'Accueil',
  'Mes démarches',
  'Nous contacter',
  'Plan du site',
  'Accessibilité : partiellement conforme',
  'Mentions légales',
  'Données personnelles',
  'Gestion des cookies',
  'Aide en ligne',
  'Questions fréquentes',
  'Trouver mon agence',
  'Actualités',
  'Simulateurs',
  'Formulaires',
  'Télécharger le guide',
  'Voir le détail',
  'Modifier',
  'En savoir plus',
];
const MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];
const ELISIONS: [RegExp, string][] = [
  [/^[aeiouéèêh]/i, 'l’'],
  [/^[aeiouéèêh]/i, 'd’'],
];

export function generatePage(
  glossary: GlossaryForms,
  opts: { seed?: number; targetTextNodes?: number } = {},
): GeneratedPage {
  const rand = seeded(opts.seed ?? 20240611);
  const target = opts.targetTextNodes ?? 5000;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  let termsWritten = 0;

  /** A glossary form as a writer would put it in a sentence. */
  const term = (): string => {
    termsWritten++;
    if (rand() < 0.12 && glossary.acronyms.length) return pick(glossary.acronyms);
    const form = pick(glossary.words);
    const elide = rand() < 0.2 ? ELISIONS.find(([re]) => re.test(form)) : undefined;
    return elide ? `${elide[1]}${form}` : form;
  };
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

  /** One sentence; about one in four carries a glossary term. */
  const sentence = (): string => {
    const r = rand();
    if (r < 0.25) return `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(PLACES)}.`;
    if (r < 0.45) return pick(FILLERS);
    if (r < 0.7) return `${pick(SUBJECTS)} concernant ${term()} ${pick(VERBS)} ${pick(PLACES)}.`;
    if (r < 0.85) return `${cap(term())} : ${pick(SUBJECTS).toLowerCase()} ${pick(VERBS)}.`;
    return `Le ${rand() < 0.5 ? '5' : '15'} ${pick(MONTHS)}, ${pick(SUBJECTS).toLowerCase()} ${pick(VERBS)} ${pick(PLACES)}.`;
  };

  const el = (tag: string, children: Child[] = [], attrs?: Record<string, string>): Elem => ({
    tag,
    attrs,
    children,
  });
  const link = (text: string): Elem =>
    el('a', [text], { href: `https://www.example.gouv.fr/${Math.floor(rand() * 1e6)}` });

  /** A paragraph: sentences, sometimes split by a link, <strong> or <em> (more text nodes). */
  const paragraph = (): Elem => {
    const kids: Child[] = [];
    const n = 1 + Math.floor(rand() * 3);
    for (let i = 0; i < n; i++) {
      const s = sentence();
      const r = rand();
      if (r < 0.25) kids.push(`${s} `, link(pick(LINK_WORDS)), '.');
      else if (r < 0.4)
        kids.push(`${s} `, el('strong', [rand() < 0.5 ? term() : pick(PLACES)]), ' ');
      else if (r < 0.5) kids.push(el('em', [s]), ' ');
      else kids.push(`${s} `);
    }
    return el('p', kids);
  };

  const list = (): Elem =>
    el(
      rand() < 0.7 ? 'ul' : 'ol',
      Array.from({ length: 3 + Math.floor(rand() * 5) }, () =>
        el(
          'li',
          rand() < 0.4 ? [link(rand() < 0.3 ? cap(term()) : pick(LINK_WORDS))] : [sentence()],
        ),
      ),
    );

  const table = (): Elem => {
    const head = el('thead', [
      el(
        'tr',
        ['Date', 'Aide', 'Montant', 'État'].map((h) => el('th', [h], { scope: 'col' })),
      ),
    ]);
    const rows = Array.from({ length: 6 + Math.floor(rand() * 8) }, () =>
      el('tr', [
        el('td', [`${1 + Math.floor(rand() * 28)} ${pick(MONTHS)} 2025`]),
        el('td', [rand() < 0.5 ? cap(term()) : pick(SUBJECTS)]),
        el('td', [`${(rand() * 900).toFixed(2).replace('.', ',')} €`]),
        el('td', [rand() < 0.8 ? 'Payé' : 'En cours']),
      ]),
    );
    return el('table', [
      el('caption', [`Vos paiements de ${pick(MONTHS)}`]),
      head,
      el('tbody', rows),
    ]);
  };

  const faq = (): Elem =>
    el('details', [
      el('summary', [`Qu’est-ce que ${rand() < 0.7 ? term() : 'cette démarche'} ?`]),
      paragraph(),
    ]);

  const form = (): Elem =>
    el('form', [
      el('fieldset', [
        el('legend', ['Vos informations']),
        el('label', ['Numéro ', el('abbr', ['fiscal'], { title: 'numéro fiscal' })], { for: 'f1' }),
        el('input', [], { id: 'f1', type: 'text', value: 'revenu fiscal de référence' }),
        el('textarea', ['allocataire, tapé par la personne'], { 'aria-label': 'Message' }),
        el('button', ['Valider'], { type: 'submit' }),
      ]),
    ]);

  const section = (i: number): Elem => {
    const kids: Child[] = [el('h2', [`${cap(pick(SUBJECTS).toLowerCase())} (${i + 1})`])];
    const blocks = 3 + Math.floor(rand() * 5);
    for (let b = 0; b < blocks; b++) {
      const r = rand();
      if (r < 0.5) kids.push(paragraph());
      else if (r < 0.7) kids.push(list());
      else if (r < 0.8) kids.push(table());
      else if (r < 0.93) kids.push(faq());
      else kids.push(el('h3', [cap(term())]), paragraph());
    }
    if (i % 9 === 4) kids.push(form());
    if (i % 11 === 7) kids.push(el('div', [paragraph()], { hidden: '' }));
    return el('section', kids, { 'aria-labelledby': `s${i}` });
  };

  const nav = (label: string, n: number): Elem =>
    el(
      'nav',
      [
        el(
          'ul',
          Array.from({ length: n }, () => el('li', [link(pick(LINK_WORDS))])),
        ),
      ],
      { 'aria-label': label },
    );

  const header = el('header', [
    el('a', ['Aller au contenu'], { href: '#contenu', class: 'skip' }),
    nav('Menu principal', 12),
    el(
      'ol',
      ['Accueil', 'Mes démarches', 'Ma situation'].map((t) => el('li', [link(t)])),
      { class: 'breadcrumb' },
    ),
  ]);
  const footer = el('footer', [nav('Plan du site', 40), el('p', ['© République française'])]);
  const main = el('main', [el('h1', ['Mes démarches en ligne'])], { id: 'contenu' });
  const body = el('body', [header, main, footer]);

  // Grow the main content until the page holds about `target` text nodes.
  for (let i = 0; countText(body) < target; i++) main.children.push(section(i));

  const style = `body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:auto;padding:1rem}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .5rem}
::highlight(pap-glossary){background-color:rgba(255,214,0,.14);text-decoration:underline dotted #1b2a6b}`;
  const html = `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>Mes démarches en ligne</title>
<style>${style}</style>
<script src="/mark.min.js"></script>
<script src="/bench.js" defer></script>
</head>
${serialise(body, '')}
</html>
`;
  return { html, textNodes: countText(body), termsWritten };
}

/** Block children on their own indented lines: the white space text nodes of served HTML. */
function layout(e: Elem, indent: string): Child[] {
  if (!BLOCK.has(e.tag) && e.tag !== 'body') return e.children;
  const out: Child[] = [];
  for (const c of e.children) out.push(`\n${indent}  `, c);
  if (e.children.length) out.push(`\n${indent}`);
  return out;
}

function serialise(e: Elem, indent: string): string {
  const attrs = Object.entries(e.attrs ?? {})
    .map(([k, v]) => (v === '' ? ` ${k}` : ` ${k}="${escAttr(v)}"`))
    .join('');
  if (VOID.has(e.tag)) return `<${e.tag}${attrs}>`;
  const inner = layout(e, indent)
    .map((c) => (typeof c === 'string' ? esc(c) : serialise(c, `${indent}  `)))
    .join('');
  return `<${e.tag}${attrs}>${inner}</${e.tag}>`;
}

function countText(e: Elem): number {
  if (VOID.has(e.tag)) return 0;
  let n = 0;
  let prevText = false;
  for (const c of layout(e, '')) {
    if (typeof c === 'string') {
      // Adjacent strings become one text node.
      if (!prevText && c.length) n++;
      prevText = c.length > 0 || prevText;
    } else {
      n += countText(c);
      prevText = false;
    }
  }
  return n;
}
