// What a site's page remembers through the background: « Plus tard » for the day, the step bar.
import { describe, expect, it } from 'vitest';
import { createBackground } from '../../../core/background/handlers';
import { localDay, PagePrefsStore } from '../../../core/background/page-prefs';
import { createRouter } from '../../../core/messaging/router';
import { memoryStore } from '../../support/memory-store';
import type { PagePrefs } from '../../../core/messaging/responses';

/** page:seen gives the prefs along; page:prefs gives them alone. */
type Answer = { ok: boolean; value: PagePrefs & { prefs: PagePrefs }; error?: string };

const CAF = 'https://www.caf.fr/';
const AMELI = 'https://www.ameli.fr/assure';

function background(day: { today: string }) {
  const local = memoryStore();
  const bg = createBackground({
    guides: [],
    glossary: [],
    session: memoryStore(),
    local,
    allowPractice: false,
    push: async () => undefined,
    broadcast: async () => undefined,
    openPanel: async () => true,
    today: () => day.today,
  });
  const route = createRouter(bg.handlers, {
    extensionId: 'ext',
    extensionOrigin: 'chrome-extension://ext/',
    isSiteUrl: (url) =>
      url.startsWith('https://www.caf.fr') || url.startsWith('https://www.ameli.fr'),
  });
  const from = (url: string) => ({ id: 'ext', url, frameId: 0, tab: { id: 3, url } });
  const send = (type: string, data: unknown, url = CAF) =>
    route({ pap: 1, type, data }, from(url)) as Promise<Answer>;
  return { send, local };
}

describe('page:prefs', () => {
  it('« Plus tard » holds on that site for the rest of the day, not the next day', async () => {
    const day = { today: '2026-12-06' };
    const x = background(day);
    expect((await x.send('page:seen', { href: CAF })).value.prefs.later).toBe(false);
    expect((await x.send('page:prefs', { later: true })).value).toMatchObject({ later: true });
    expect((await x.send('page:seen', { href: `${CAF}aides` })).value.prefs.later).toBe(true);
    // Another site still gets its offer.
    expect((await x.send('page:seen', { href: AMELI }, AMELI)).value.prefs.later).toBe(false);
    day.today = '2026-12-07';
    expect((await x.send('page:seen', { href: CAF })).value.prefs.later).toBe(false);
  });

  it('keeps the step bar folded or moved for the site, and only the fields given change', async () => {
    const x = background({ today: '2026-12-06' });
    await x.send('page:prefs', { barFolded: true });
    await x.send('page:prefs', { barTop: true });
    expect((await x.send('page:seen', { href: CAF })).value.prefs).toEqual({
      later: false,
      barFolded: true,
      barTop: true,
    });
    // Kept by site id and day only: no address.
    expect(JSON.stringify(x.local.data.get('pagePrefs'))).not.toContain('caf.fr');
  });

  it('is refused from an extension page or a foreign site, and checked for its shape', async () => {
    const x = background({ today: '2026-12-06' });
    expect((await x.send('page:prefs', { later: true }, 'https://evil.example/')).error).toMatch(
      /refused/,
    );
    expect((await x.send('page:prefs', { later: 'yes' })).error).toBe('invalid page:prefs');
  });

  it('forgets what it stored when it does not fit, calmly', async () => {
    const local = memoryStore();
    local.data.set('pagePrefs', { caf: { laterDay: 42 } });
    const store = new PagePrefsStore(local, () => '2026-12-06');
    expect(await store.get('caf')).toEqual({ later: false, barFolded: false, barTop: false });
    expect(await store.get('nowhere')).toEqual({ later: false, barFolded: false, barTop: false });
  });

  it('counts the day in the computer’s own calendar', () => {
    expect(localDay(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});
