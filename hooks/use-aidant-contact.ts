import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import {
  CONTACT_KEY,
  deleteContact,
  parseContact,
  readContact,
  saveContact,
  type AidantContact,
  type ContactStore,
} from '../core/progress/contact';

/** The extension's local storage, where the aidant's contact is kept (never in a page). */
export const localContactStore: ContactStore = {
  get: async (key) => (await browser.storage.local.get(key))[key],
  set: (key, value) => browser.storage.local.set({ [key]: value }),
  remove: (key) => browser.storage.local.remove(key),
};

/**
 * The aidant's contact, as saved in the settings: read once, then kept up to date when it is
 * saved or deleted from another extension page. `undefined` until read.
 */
export function useAidantContact(store: ContactStore = localContactStore) {
  const [contact, setContact] = useState<AidantContact | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    readContact(store)
      .then((c) => live && setContact(c))
      .catch(() => live && setContact(null));
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && CONTACT_KEY in changes) {
        setContact(parseContact(changes[CONTACT_KEY]!.newValue));
      }
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, [store]);
  const save = useCallback(
    async (c: AidantContact) => {
      await saveContact(store, c);
      setContact(c);
    },
    [store],
  );
  const remove = useCallback(async () => {
    await deleteContact(store);
    setContact(null);
  }, [store]);
  return { contact, save, remove };
}
