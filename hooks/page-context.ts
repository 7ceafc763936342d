import { createContext, useContext } from 'react';
import type { Guide } from '../core/guides/model';
import type { Settings } from '../core/messaging/responses';

export interface PageContextValue {
  /** The person's settings; null until read. */
  settings: Settings | null;
  /** Changes some settings and gives back all of them. */
  updateSettings(change: Partial<Settings>): Promise<Settings>;
  /** The bundled guides, in the person's language. */
  guides: Guide[];
}

/**
 * What every extension page shares, provided once by the page frame (components/page-shell):
 * the settings, kept up to date when they change anywhere, and the guides localised once.
 */
export const PageContext = createContext<PageContextValue>({
  settings: null,
  updateSettings: () => Promise.reject(new Error('no page frame')),
  guides: [],
});

/** The settings, and how to change them. */
export function useSettings() {
  const { settings, updateSettings } = useContext(PageContext);
  return { settings, updateSettings };
}

/** The guides, in the person's language (the only place the extension pages localise them). */
export function useGuides(): Guide[] {
  return useContext(PageContext).guides;
}
