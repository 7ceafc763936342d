// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { domProbe } from '../../../core/steps/engine';
import { setBody } from '../locate/dom';

describe('domProbe', () => {
  it('counts an element that is there but cannot be used yet as present', () => {
    // The ring waits for such an element; a condition only asks whether it is on the page.
    setBody(`
      <button disabled>Continuer sur caf.fr</button>
      <main><a href="/x">Mes paiements</a></main>
      <div role="dialog" aria-modal="true" aria-label="Cookies"><button>Tout accepter</button></div>`);
    const probe = domProbe(document, 'franceconnect.gouv.fr/consent');
    expect(probe.present([{ role: 'button', name: 'Continuer sur caf.fr' }])).toBe(true);
    expect(probe.present([{ role: 'link', name: 'Mes paiements' }])).toBe(true);
    expect(probe.present([{ role: 'link', name: 'Absent' }])).toBe(false);
  });
});
