// The extension's service worker exposes `chrome`; tests evaluate code there.
import type { WxtBrowser } from 'wxt/browser';

declare global {
  const chrome: WxtBrowser;
}
