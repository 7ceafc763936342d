import { describe, expect, it } from 'vitest';
import { pageStrings } from '../../../core/in-page/strings';
import { pageTable } from '../../../core/background/page-strings';
import { requests } from '../../../core/messaging/protocol';
import fr from '../../../locales/fr/page.json';
import ar from '../../../locales/ar/page.json';

describe('in-page strings', () => {
  it('bundles French only: another language shows French until its words arrive', () => {
    const waiting = pageStrings('ar');
    expect(waiting.lang).toBe('ar');
    expect(waiting.dir).toBe('rtl');
    expect(waiting('offerWho')).toBe(fr.offerWho);
    const t = pageStrings('ar', pageTable('ar'));
    expect(t('offerWho')).toBe(ar.offerWho);
  });

  it('falls back to French key by key, and to French for an unknown language', () => {
    const t = pageStrings('en', { brand: 'Step by step' });
    expect(t('brand')).toBe('Step by step');
    expect(t('offerWho')).toBe(fr.offerWho);
    expect(pageStrings('xx', pageTable('en')).lang).toBe('fr');
  });

  it('the background hands the words only to the page script, for a known language', () => {
    const spec = requests['page:strings'];
    expect(spec.from).toBe('content');
    expect(spec.data.safeParse({ language: 'en' }).success).toBe(true);
    expect(spec.data.safeParse({ language: 'de' }).success).toBe(false);
  });
});
