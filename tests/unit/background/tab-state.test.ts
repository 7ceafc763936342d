import { describe, expect, it } from 'vitest';
import { EMPTY_TAB, TabStates, type TabState } from '../../../core/background/tab-state';
import { memoryStore } from '../../support/memory-store';

const TAB = 3;
const RUNNING: TabState = {
  siteId: 'caf',
  suggested: ['caf-declaration-trimestrielle'],
  terms: ['rsa'],
  active: {
    guideId: 'caf-declaration-trimestrielle',
    stepIndex: 2,
    finished: false,
    mode: 'aidant',
    sessionId: 4,
    targetFound: null,
    seq: 1_700_000_000_000,
  },
};

describe('tab states in storage.session', () => {
  it('reads back what was written', async () => {
    const tabs = new TabStates(memoryStore());
    await tabs.update(TAB, () => RUNNING);
    expect(await tabs.get(TAB)).toEqual(RUNNING);
    expect(await tabs.get(TAB + 1)).toEqual(EMPTY_TAB);
  });

  it.each([
    ['not an object', 'tab state'],
    ['null', null],
    ['an unknown site', { ...RUNNING, siteId: 'example' }],
    ['a list where ids go', { ...RUNNING, suggested: 'caf-declaration-trimestrielle' }],
    ['a guide without its step', { ...RUNNING, active: { ...RUNNING.active, stepIndex: -1 } }],
    ['a mode that does not exist', { ...RUNNING, active: { ...RUNNING.active, mode: 'robot' } }],
    ['a half-written guide', { ...RUNNING, active: { guideId: 'caf-declaration-trimestrielle' } }],
  ])('drops a corrupt state (%s) for the empty one, and goes on', async (_what, stored) => {
    const store = memoryStore();
    store.data.set(`tab:${TAB}`, stored);
    const tabs = new TabStates(store);
    expect(await tabs.get(TAB)).toEqual(EMPTY_TAB);
    // The next change starts from the empty state and is kept.
    const next = await tabs.update(TAB, (s) => ({ ...s, siteId: 'ameli' }));
    expect(next).toEqual({ ...EMPTY_TAB, siteId: 'ameli' });
    expect(await tabs.get(TAB)).toEqual(next);
  });

  it('forgets the page address an older build stored', async () => {
    const store = memoryStore();
    store.data.set(`tab:${TAB}`, { ...RUNNING, page: 'wwwd.caf.fr/dossier/4417235' });
    const tabs = new TabStates(store);
    expect(await tabs.get(TAB)).toEqual(RUNNING);
    await tabs.update(TAB, (s) => s);
    expect(JSON.stringify(store.data.get(`tab:${TAB}`))).not.toContain('4417235');
  });
});
