// @vitest-environment-options {"url": "https://www.caf.fr/"}
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningGuide } from '../../../core/guides/model';
import { PageController, type PageOverlay } from '../../../core/in-page/controller';
import { createClient } from '../../../core/messaging/client';
import { setBody } from '../locate/dom';
import type { Envelope } from '../../../core/messaging/protocol';

const GUIDE: RunningGuide = {
  id: 'caf-essai',
  site: 'caf',
  title: 'Essai',
  steps: [
    {
      id: 'ouvrir',
      title: 'Ouvrez Mon Compte',
      text: 'Cliquez sur Mon Compte.',
      action: 'click',
      target: [{ role: 'button', name: 'Mon Compte' }, { css: '#compte' }],
    },
    { id: 'fin', title: 'Fin', text: 'Fini.', action: 'read' },
  ],
};

const controllers: PageController[] = [];
afterEach(() => {
  for (const c of controllers.splice(0)) c.stop();
  document.body.replaceChildren();
});

function reportsFor(html: string) {
  setBody(html);
  const sent: unknown[] = [];
  const send = createClient(async (m) => {
    if (m.type === 'step:found') sent.push(m.data);
    return { ok: true, value: null };
  });
  const noop = () => undefined;
  const overlay: PageOverlay = {
    showOffer: noop,
    showStepBar: noop,
    showNotFound: noop,
    removeCard: noop,
    highlight: noop,
    clearHighlight: noop,
    setBarPrefs: noop,
  };
  const controller = new PageController({
    doc: document,
    send,
    overlay,
    allowPractice: false,
    setTimeout: (fn, ms) => window.setTimeout(fn, ms),
    clearTimeout: (id) => window.clearTimeout(id),
    onSettings: noop,
  });
  controllers.push(controller);
  const push: Envelope = {
    pap: 1,
    type: 'state:changed',
    data: {
      state: { guide: GUIDE, stepIndex: 0, finished: false, seq: 1 },
      glossary: false,
      language: 'fr',
      textSize: 100,
    },
  };
  controller.receive(push);
  return new Promise<unknown[]>((r) => setTimeout(() => r(sent), 0));
}

describe('the page tells when a target was found by a fallback locator only', () => {
  it('says so when the first locator misses', async () => {
    expect(await reportsFor('<button id="compte">Mon espace</button>')).toEqual([
      { guideId: 'caf-essai', stepIndex: 0, found: true, fallback: true },
    ]);
  });

  it('says nothing more when the first locator finds it', async () => {
    expect(await reportsFor('<button id="compte">Mon Compte</button>')).toEqual([
      { guideId: 'caf-essai', stepIndex: 0, found: true },
    ]);
  });
});
