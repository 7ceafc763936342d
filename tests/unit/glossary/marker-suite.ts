/**
 * Marker tests, run in both happy-dom and jsdom (the content script runs in real browsers;
 * two DOM implementations catch reliance on one engine's quirks).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectTextNodes, GlossaryMarker, type Mark } from '../../../core/glossary/marker';
import { compileGlossary, type GlossaryMatcher } from '../../../core/glossary/matcher';

const matcher = compileGlossary([
  { id: 'allocataire', term: 'allocataire', forms: ['allocataires'], acronyms: [] },
  { id: 'rfr', term: 'revenu fiscal de référence', forms: [], acronyms: ['RFR'] },
  { id: 'tiers-payant', term: 'tiers payant', forms: [], acronyms: [] },
  { id: 'caf', term: 'Caf', forms: [], acronyms: ['CAF'] },
]);

const PAGE = `
  <header><h1>Espace allocataire</h1></header>
  <main>
    <p>Votre <strong>revenu fiscal de <em>référence</em></strong> et votre RFR.</p>
    <p>Le <a href="#">tiers-payant</a> et la <span>Caf</span>.</p>
    <script>var allocataire = "RFR";</script>
    <style>.allocataire { color: red }</style>
    <noscript>allocataire</noscript>
    <template><p>allocataire</p></template>
    <textarea>allocataire tapé</textarea>
    <input value="allocataire">
    <select><option>allocataire</option></select>
    <div contenteditable="true"><p>allocataire en cours d’écriture</p></div>
    <div contenteditable="false"><p>Un allocataire lisible</p></div>
    <div hidden>allocataire caché</div>
    <div aria-hidden="true"><span>allocataire décoratif</span></div>
    <svg><text>allocataire</text></svg>
    <pas-a-pas-ui><p>allocataire dans notre interface</p></pas-a-pas-ui>
  </main>`;

/** Test markup as nodes (parsed, never assigned as HTML to the live page). */
function nodes(html: string): Node[] {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  return [...parsed.body.childNodes].map((n) => document.importNode(n, true));
}

function setBody(html: string): void {
  document.body.replaceChildren(...nodes(html));
}

interface Harness {
  marker: GlossaryMarker;
  calls: Mark[][];
  queue: (() => void)[];
  /** Runs scheduled chunks until none is left; returns how many ran. */
  drain(): number;
}

/**
 * A marker whose chunks wait in `queue` (manual) or run on the next task (default, so that
 * `await marker.scanAll()` just works).
 */
function harness(
  opts: { budgetMs?: number; now?: () => number; manual?: boolean; matcher?: GlossaryMatcher } = {},
): Harness {
  // Each call is recorded as the full list of ranges after it; the change itself is checked
  // against the list before it, so a wrong change shows up.
  const calls: Mark[][] = [];
  const queue: (() => void)[] = [];
  const { manual, ...rest } = opts;
  const marker: GlossaryMarker = new GlossaryMarker({
    doc: document,
    matcher,
    onChange: ({ added, removed }) => {
      const next = new Set(calls.at(-1) ?? []);
      for (const r of added) next.add(r);
      for (const r of removed) {
        expect(next.has(r)).toBe(true);
        next.delete(r);
      }
      const now = marker.marks();
      expect(new Set(now)).toEqual(next);
      calls.push(now);
    },
    scheduleChunk: (fn) => (manual ? queue.push(fn) : setTimeout(fn, 0)),
    skip: ['pas-a-pas-ui'],
    ...rest,
  });
  const drain = (): number => {
    let n = 0;
    while (queue.length) {
      (queue.shift() as () => void)();
      n++;
    }
    return n;
  };
  return { marker, calls, queue, drain };
}

function texts(marks: Mark[]): string[] {
  return marks.map((m) => `${m.termId}=${m.node.data.slice(m.start, m.end)}`);
}

/** `ranges`: what the marker must make in this DOM (static where the DOM has StaticRange). */
export function markerSuite(env: string): void {
  describe(`glossary marker (${env})`, () => {
    beforeEach(() => {
      setBody(PAGE);
    });
    afterEach(() => {
      setBody('');
    });

    it('collects page text only', () => {
      const all = collectTextNodes(document.body, { skip: 'pas-a-pas-ui' })
        .map((t) => t.data.trim())
        .filter(Boolean);
      expect(all).toEqual([
        'Espace allocataire',
        'Votre',
        'revenu fiscal de',
        'référence',
        'et votre RFR.',
        'Le',
        'tiers-payant',
        'et la',
        'Caf',
        '.',
        'Un allocataire lisible',
      ]);
      // Our own UI is page text unless named.
      expect(collectTextNodes(document.body).some((t) => t.data.includes('notre interface'))).toBe(
        true,
      );
      // A skipped root gives nothing.
      expect(collectTextNodes(document.querySelector('textarea') as Element)).toEqual([]);
    });

    it('marks terms with ranges and leaves the DOM untouched', async () => {
      const before = document.body.innerHTML;
      const nodesBefore = collectTextNodes(document.body);
      const h = harness();
      await h.marker.scanAll();
      const last = h.calls.at(-1) as Mark[];
      // A term split by <em> is not one text node: it is not marked, and nothing is split.
      expect(texts(last)).toEqual([
        'allocataire=allocataire',
        'rfr=RFR',
        'tiers-payant=tiers-payant',
        'caf=Caf',
        'allocataire=allocataire',
      ]);
      expect(document.body.innerHTML).toBe(before);
      const nodesAfter = collectTextNodes(document.body);
      expect(nodesAfter.length).toBe(nodesBefore.length);
      nodesAfter.forEach((n, i) => expect(n).toBe(nodesBefore[i]));
      expect(h.marker.termsOnPage()).toEqual(['allocataire', 'rfr', 'tiers-payant', 'caf']);
    });

    it('knows the terms a tap would act on, and marks them so (not drawn, not explained)', async () => {
      setBody(`
        <p>Un allocataire dans le texte.</p>
        <p><a href="/x"><em>Espace allocataire</em></a> et <a name="ici">un allocataire</a>.</p>
        <p><label><input type="checkbox"> Je suis allocataire</label></p>
        <details><summary>Qui est allocataire ?</summary><p>Tout allocataire de la Caf.</p></details>
        <div role="button">Devenir allocataire</div>
        <div role="menuitemradio">Menu allocataire</div>
        <div role="tab"><span>Onglet allocataire</span></div>
        <div role="note">Note allocataire</div>
        <div hidden><a href="/y">allocataire caché</a></div>`);
      const h = harness();
      await h.marker.scanAll();
      const marks = h.calls.at(-1) as Mark[];
      const byText = (m: Mark) => `${m.node.data.trim()}${m.inert ? ' (tap)' : ''}`;
      expect(marks.map(byText)).toEqual([
        'Un allocataire dans le texte.',
        'Espace allocataire (tap)',
        'un allocataire', // a link with no address is not followed
        'Je suis allocataire (tap)',
        'Qui est allocataire ? (tap)',
        'Tout allocataire de la Caf.', // allocataire
        'Tout allocataire de la Caf.', // Caf
        'Devenir allocataire (tap)',
        'Menu allocataire (tap)',
        'Onglet allocataire (tap)',
        'Note allocataire',
      ]);
    });

    it('judges an added subtree and an added text by where they land', async () => {
      setBody('<p><a href="/x" id="l"><span id="s">Le</span></a></p><p id="p">Le</p>');
      const h = harness();
      await h.marker.scanAll();
      expect(h.calls).toEqual([]);
      const inLink = document.createElement('b');
      inLink.append('Espace allocataire');
      document.getElementById('s')?.append(inLink);
      const text = document.createTextNode(' et la Caf');
      document.getElementById('l')?.append(text);
      const plain = document.createElement('i');
      plain.append('Un allocataire');
      document.getElementById('p')?.append(plain);
      h.marker.scanNodes([inLink, text, plain]);
      await h.marker.whenIdle();
      const marks = h.calls.at(-1) as Mark[];
      expect(marks.map((m) => `${m.termId}${m.inert ? ' (tap)' : ''}`)).toEqual([
        'allocataire (tap)',
        'caf (tap)',
        'allocataire',
      ]);
      // The link loses its address: the same texts become plain text to explain.
      document.getElementById('l')?.removeAttribute('href');
      h.marker.scanNodes([document.getElementById('l') as Element]);
      await h.marker.whenIdle();
      expect((h.calls.at(-1) as Mark[]).every((m) => !m.inert)).toBe(true);
    });

    it('never holds a text twice when the page moves it during the first scan', () => {
      const many = Array.from({ length: 60 }, (_, i) => `<p>Texte ${i}, allocataire.</p>`);
      setBody(`<div id="a">${many.join('')}</div><div id="b"></div>`);
      let clock = 0;
      const h = harness({ manual: true, budgetMs: 1, now: () => clock++ });
      void h.marker.scanAll();
      // The first chunk ran part of the walk; the page now moves an already read paragraph
      // after the part not yet read.
      const read = document.querySelector('#a p') as HTMLParagraphElement;
      expect(h.marker.marks().some((m) => read.contains(m.node))).toBe(true);
      document.getElementById('b')?.append(read);
      h.marker.scanNodes([read]);
      h.drain();
      const marks = h.marker.marks();
      expect(marks).toHaveLength(60);
      expect(new Set(marks.map((m) => m.node)).size).toBe(60);
    });

    it('finds a term inside nested inline markup', async () => {
      setBody(
        '<div><ul><li><p><b><i>Le revenu fiscal de référence (RFR)</i></b></p></li></ul></div>',
      );
      const h = harness();
      await h.marker.scanAll();
      expect(texts(h.calls.at(-1) as Mark[])).toEqual([
        'rfr=revenu fiscal de référence',
        'rfr=RFR',
      ]);
    });

    it('rescans added, changed and removed nodes', async () => {
      const h = harness();
      await h.marker.scanAll();
      const n0 = (h.calls.at(-1) as Mark[]).length;

      const added = document.createElement('section');
      added.replaceChildren(...nodes('<p>Nouvel allocataire</p><p>La CAF répond.</p>'));
      document.querySelector('main')?.appendChild(added);
      h.marker.scanNodes([added]);
      await h.marker.whenIdle();
      expect(texts(h.calls.at(-1) as Mark[]).slice(n0)).toEqual([
        'allocataire=allocataire',
        'caf=CAF',
      ]);

      // characterData: the same node gets new text.
      const p = added.querySelector('p') as HTMLParagraphElement;
      (p.firstChild as Text).data = 'Le tiers payant, puis les allocataires';
      h.marker.scanNodes([p.firstChild as Text]);
      await h.marker.whenIdle();
      const now = texts(h.calls.at(-1) as Mark[]).slice(n0);
      expect(now).toHaveLength(3);
      expect(new Set(now)).toEqual(
        new Set(['tiers-payant=tiers payant', 'allocataire=allocataires', 'caf=CAF']),
      );

      // Removal: its ranges go away.
      added.remove();
      h.marker.scanNodes([added]);
      await h.marker.whenIdle();
      expect((h.calls.at(-1) as Mark[]).length).toBe(n0);
      expect(h.marker.termsOnPage()).toEqual(['allocataire', 'rfr', 'tiers-payant', 'caf']);
    });

    it('a second full scan drops the terms that left the page text', async () => {
      const h = harness();
      await h.marker.scanAll();
      expect(h.marker.termsOnPage()).toContain('tiers-payant');
      // Changed without telling the marker (as after a route change): a new scan sees it.
      const a = document.querySelector('a') as HTMLAnchorElement;
      (a.firstChild as Text).data = 'le remboursement';
      await h.marker.scanAll();
      expect(h.marker.termsOnPage()).not.toContain('tiers-payant');
      expect(texts(h.calls.at(-1) as Mark[])).not.toContain('tiers-payant=tiers-payant');
    });

    it('ignores text added into skipped places', async () => {
      const h = harness();
      await h.marker.scanAll();
      const calls = h.calls.length;
      const ta = document.querySelector('textarea') as HTMLTextAreaElement;
      const t = document.createTextNode(' tiers payant');
      ta.appendChild(t);
      const ui = document.querySelector('pas-a-pas-ui') as Element;
      const p = document.createElement('p');
      p.textContent = 'tiers payant';
      ui.appendChild(p);
      h.marker.scanNodes([t, p]);
      await h.marker.whenIdle();
      expect(h.calls.length).toBe(calls);
      expect(h.marker.termsOnPage().filter((x) => x === 'tiers-payant')).toHaveLength(1);
    });

    it('drops terms of an element that becomes hidden', async () => {
      const h = harness();
      await h.marker.scanAll();
      const header = document.querySelector('header') as Element;
      header.setAttribute('aria-hidden', 'true');
      h.marker.scanNodes([header]);
      await h.marker.whenIdle();
      const last = h.calls.at(-1) as Mark[];
      expect(texts(last).filter((t) => t === 'allocataire=allocataire')).toHaveLength(1);
      expect(last.every((m) => !header.contains(m.node))).toBe(true);
    });

    it('works in chunks of at most budgetMs, yielding between them', async () => {
      setBody(Array.from({ length: 100 }, (_, i) => `<p>Ligne ${i} : allocataire</p>`).join(''));
      // A clock that moves 1 ms for each text the matcher reads.
      let scanned = 0;
      const counting = {
        termIds: matcher.termIds,
        findAll: (text: string) => {
          scanned++;
          return matcher.findAll(text);
        },
      };
      const h = harness({ budgetMs: 8, now: () => scanned, manual: true, matcher: counting });
      let done = false;
      const p = h.marker.scanAll().then(() => (done = true));
      // First chunk ran at once; the rest waits for the scheduler.
      expect(h.queue.length).toBe(1);
      await Promise.resolve();
      expect(done).toBe(false);
      const perChunk = [scanned];
      while (h.queue.length && perChunk.length < 100) {
        const before = scanned;
        (h.queue.shift() as () => void)();
        perChunk.push(scanned - before);
      }
      await p;
      expect(done).toBe(true);
      expect(scanned).toBe(100);
      // Over budget by a few texts at most: the clock is read every few texts.
      expect(Math.max(...perChunk)).toBeLessThanOrEqual(8 + 8);
      expect(perChunk.length).toBeGreaterThan(5);
      expect((h.calls.at(-1) as Mark[]).length).toBe(100);
      // Results arrive progressively, not only at the end.
      expect(h.calls.length).toBeGreaterThan(1);
    });

    it('hit-tests with the caret API and the range boxes', async () => {
      setBody('<p>Le tiers payant ici</p>');
      const h = harness();
      await h.marker.scanAll();
      const text = (document.querySelector('p') as Element).firstChild as Text;
      const mark = (h.calls.at(-1) as Mark[])[0] as Mark;
      const box = {
        left: 30,
        right: 100,
        top: 10,
        bottom: 30,
        width: 70,
        height: 20,
        x: 30,
        y: 10,
      };
      const rect = { ...box, toJSON: () => box } as DOMRect;
      // Boxes are read from a live Range over the same text.
      const rangeProto = Object.getPrototypeOf(document.createRange()) as {
        getClientRects?: unknown;
      };
      const original = rangeProto.getClientRects;
      const docAny = document as unknown as Record<string, unknown>;
      rangeProto.getClientRects = function (this: Range) {
        const same =
          this.startContainer === mark.node &&
          this.startOffset === mark.start &&
          this.endOffset === mark.end;
        return same ? [rect] : [];
      };
      try {
        // No caret API: boxes of every range are tested.
        const savedPos = docAny.caretPositionFromPoint;
        const savedRange = docAny.caretRangeFromPoint;
        docAny.caretPositionFromPoint = undefined;
        docAny.caretRangeFromPoint = undefined;
        expect(h.marker.hitTest(50, 20)).toEqual({ termId: 'tiers-payant', rect });
        expect(h.marker.hitTest(150, 20)).toBeNull();

        // Caret API: only the text node under the point is looked at.
        docAny.caretPositionFromPoint = (x: number) => ({
          offsetNode: text,
          offset: x < 100 ? 5 : 18,
        });
        expect(h.marker.hitTest(50, 20)).toEqual({ termId: 'tiers-payant', rect });
        expect(h.marker.hitTest(150, 20)).toBeNull();
        docAny.caretPositionFromPoint = savedPos;
        docAny.caretRangeFromPoint = savedRange;
      } finally {
        rangeProto.getClientRects = original;
      }
    });

    it('stops on disconnect', async () => {
      setBody(Array.from({ length: 20 }, () => '<p>allocataire</p>').join(''));
      let clock = 0;
      const h = harness({ budgetMs: 2, now: () => (clock += 1), manual: true });
      const p = h.marker.scanAll();
      h.marker.disconnect();
      h.drain();
      await p; // resolves, does not hang
      expect(h.marker.termsOnPage()).toEqual([]);
      const calls = h.calls.length;
      h.marker.scanNodes([document.body]);
      h.drain();
      expect(h.calls.length).toBe(calls);
    });
  });
}
