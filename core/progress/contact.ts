/**
 * The aidant's name and phone number, saved by the person to call them when stuck. It is not a
 * note: it has its own field, lives only in the extension's local storage (never in a page, never
 * sent), is shown only in the side panel, can be deleted, and goes into the data file only when
 * the person asks for it.
 */
import * as z from 'zod/mini';

/** The storage area it is kept in: browser.storage.local in the extension, a Map in tests. */
export interface ContactStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
}

/** Its key in the extension's local storage. */
export const CONTACT_KEY = 'aidantContact';

export const MAX_CONTACT_NAME = 60;

export interface AidantContact {
  name: string;
  phone: string;
}

export type ContactProblem = 'name-empty' | 'name-long' | 'phone-bad';

const stored = z.object({ name: z.string(), phone: z.string() });

/** French numbers and international ones: 3 to 15 digits, with spaces, dots, dashes or a +. */
const PHONE = /^\+?[\d\s.()-]+$/;

function digits(phone: string): string {
  return phone.replace(/\D/g, '');
}

/** The contact as it will be saved, or why it cannot be. */
export function checkContact(input: {
  name: string;
  phone: string;
}): { ok: true; contact: AidantContact } | { ok: false; kind: ContactProblem } {
  const name = input.name.trim().replace(/\s+/g, ' ');
  const phone = input.phone.trim().replace(/\s+/g, ' ');
  if (!name) return { ok: false, kind: 'name-empty' };
  if (name.length > MAX_CONTACT_NAME) return { ok: false, kind: 'name-long' };
  const n = digits(phone).length;
  if (!PHONE.test(phone) || n < 3 || n > 15) return { ok: false, kind: 'phone-bad' };
  return { ok: true, contact: { name, phone } };
}

/** The `tel:` address of a number: its digits, and the + of an international one. */
export function telHref(phone: string): string {
  return `tel:${phone.trim().startsWith('+') ? '+' : ''}${digits(phone)}`;
}

/** Reads a stored or imported contact; anything that does not check out counts as none. */
export function parseContact(value: unknown): AidantContact | null {
  const read = z.safeParse(stored, value);
  if (!read.success) return null;
  const checked = checkContact(read.data);
  return checked.ok ? checked.contact : null;
}

export async function readContact(store: ContactStore): Promise<AidantContact | null> {
  return parseContact(await store.get(CONTACT_KEY));
}

export async function saveContact(store: ContactStore, contact: AidantContact): Promise<void> {
  await store.set(CONTACT_KEY, { name: contact.name, phone: contact.phone });
}

export async function deleteContact(store: ContactStore): Promise<void> {
  await store.remove(CONTACT_KEY);
}

/** The data file with the contact in it, when the person chose to keep it in the file. */
export function addContactToFile(text: string, contact: AidantContact): string {
  const file = JSON.parse(text) as Record<string, unknown>;
  return JSON.stringify({ ...file, [CONTACT_KEY]: contact }, null, 2) + '\n';
}

/** The contact a data file carries, if the person put one in it. */
export function contactInFile(text: string): AidantContact | null {
  try {
    const file: unknown = JSON.parse(text);
    return file && typeof file === 'object'
      ? parseContact((file as Record<string, unknown>)[CONTACT_KEY])
      : null;
  } catch {
    return null;
  }
}
