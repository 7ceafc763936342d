import { describe, expect, it } from 'vitest';
import {
  addContactToFile,
  checkContact,
  CONTACT_KEY,
  contactInFile,
  deleteContact,
  parseContact,
  readContact,
  saveContact,
  telHref,
} from '../../../core/progress/contact';
import { memoryStore } from '../../support/memory-store';

describe('the aidant’s contact', () => {
  it('takes a name and a French or international number, tidied', () => {
    expect(checkContact({ name: '  Samia   B. ', phone: ' 06 12 34 56 78 ' })).toEqual({
      ok: true,
      contact: { name: 'Samia B.', phone: '06 12 34 56 78' },
    });
    expect(checkContact({ name: 'Jo', phone: '+33 6 12.34.56.78' }).ok).toBe(true);
  });

  it('says why a contact cannot be saved', () => {
    expect(checkContact({ name: ' ', phone: '0612345678' })).toEqual({
      ok: false,
      kind: 'name-empty',
    });
    expect(checkContact({ name: 'x'.repeat(61), phone: '0612345678' })).toMatchObject({
      kind: 'name-long',
    });
    for (const phone of ['demain', '12', '06 12 34 56 78 90 12 34', 'appelle-moi 0612'])
      expect(checkContact({ name: 'Samia', phone })).toMatchObject({ kind: 'phone-bad' });
  });

  it('calls the digits, with the + of an international number', () => {
    expect(telHref('06 12 34 56 78')).toBe('tel:0612345678');
    expect(telHref('+33 (0)6 12-34')).toBe('tel:+33061234');
  });

  it('is kept, read back and deleted under its own key; a damaged one counts as none', async () => {
    const store = memoryStore();
    expect(await readContact(store)).toBeNull();
    await saveContact(store, { name: 'Samia', phone: '0612345678' });
    expect(store.data.get(CONTACT_KEY)).toEqual({ name: 'Samia', phone: '0612345678' });
    expect(await readContact(store)).toEqual({ name: 'Samia', phone: '0612345678' });
    await deleteContact(store);
    expect(store.data.has(CONTACT_KEY)).toBe(false);
    await store.set(CONTACT_KEY, { name: 'Samia', phone: 42 });
    expect(await readContact(store)).toBeNull();
    expect(parseContact('Samia 0612345678')).toBeNull();
  });

  it('goes into the data file only when added, and comes back out of it', () => {
    const file = JSON.stringify({ format: 'pas-a-pas-export', version: 2, sessions: [] });
    expect(contactInFile(file)).toBeNull();
    const withIt = addContactToFile(file, { name: 'Samia', phone: '0612345678' });
    expect(JSON.parse(withIt)).toMatchObject({ format: 'pas-a-pas-export', sessions: [] });
    expect(contactInFile(withIt)).toEqual({ name: 'Samia', phone: '0612345678' });
    expect(contactInFile('not json')).toBeNull();
  });
});
