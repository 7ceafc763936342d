import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { defineConfig } from 'wxt';
import { PRACTICE_MATCH_PATTERNS, siteMatchPatterns } from './core/sites/registry';
import { papData } from './tools/guides/vite-plugin';

/**
 * Public key of the unpacked Chrome build: it fixes the extension id
 * (oimokpdpikpepbdcchndmflfkdcadjfj) wherever the folder is loaded from, so tests and
 * people loading it by hand see the same id. Store builds drop it (the store signs them).
 */
/** Gzipped size budget of the content script, checked by tools/check-builds.mjs. */
export const CONTENT_BUDGET_KB = 40;

/**
 * Oldest browsers we accept. Chrome 109 is the last one for Windows 7 and 8.1, which the people
 * this is for often still use. The builds' syntax is lowered for these versions, and
 * tools/check-builds.mjs refuses newer built-in APIs used without a guard.
 */
export const MIN_CHROME = 109;
export const MIN_FIREFOX = 142;

/** Drawn in assets/icon*.svg, rasterised by tools/icons.mjs into public/icon/. */
const ICONS = { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' };

/** The keys that open the guide (the person can change them in the browser's settings). */
export const SHORTCUT = 'Alt+Shift+G';

const CHROME_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAs+89AaOwv7PAjN6YuDo+iz8fKAvjfch3q3B+45GfwKP0rnaudZ75k+HSwd7NXI+bRkO0yHjVb/acTQfgHHSoDudmktt0aXtK+u0fND/zgfKqXOuD+iIhftdyYvEON/s+4xA7+kcxK6JqtME/wQGHWCulXa01vXgMRwE7oxs4ePgPfMFPmdVULJWbApS66O3Ov+bS7pcWdcjlq6nD5CybdmG+7J4ddraGOJp2j+iObSU4/AoaSkdDVv/vtbT21ricFfTJF4PQ5cYe8C3KAhkNeM5wB5c3RCXMpoYMyDtY2hDof6N7poMih2DYxcL9hUg9yAR+fg1qp5g+sRB8T7l9ZwIDAQAB';

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  vite: ({ browser }) => ({
    plugins: [papData()],
    build: { target: browser === 'firefox' ? `firefox${MIN_FIREFOX}` : `chrome${MIN_CHROME}` },
  }),
  hooks: {
    // The content script loads on every page of four big sites, often on old machines.
    'build:done': (wxt) => {
      const dir = path.join(wxt.config.outDir, 'content-scripts');
      if (!existsSync(dir)) return;
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.js'))) {
        const code = readFileSync(path.join(dir, file));
        const gz = gzipSync(code, { level: 9 }).length;
        const kb = (n: number) => (n / 1024).toFixed(1);
        wxt.logger.info(
          `content script ${file}: ${kb(code.length)} KB, ${kb(gz)} KB gzipped (budget ${CONTENT_BUDGET_KB} KB)`,
        );
      }
    },
    // Store builds: the content script runs on the real sites only, never on localhost.
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.mode !== 'store') return;
      const keep = (m: string) => !PRACTICE_MATCH_PATTERNS.includes(m);
      for (const script of manifest.content_scripts ?? [])
        script.matches = script.matches?.filter(keep);
      for (const res of manifest.web_accessible_resources ?? []) {
        if (typeof res === 'object' && 'matches' in res) res.matches = res.matches?.filter(keep);
      }
    },
  },
  imports: false,
  manifestVersion: 3,
  manifest: ({ browser, mode }) => {
    const store = mode === 'store';
    const hosts = [...siteMatchPatterns(), ...(store ? [] : PRACTICE_MATCH_PATTERNS)];
    return {
      name: '__MSG_extName__',
      description: '__MSG_extDescription__',
      default_locale: 'fr',
      host_permissions: hosts,
      // `scripting`: the authoring tools are injected into a tab only when the author asks.
      permissions:
        browser === 'firefox' ? ['storage', 'scripting'] : ['storage', 'sidePanel', 'scripting'],
      icons: ICONS,
      action: { default_title: '__MSG_actionTitle__', default_icon: ICONS },
      // A key opens the guide: Chrome's action opens the side panel (setPanelBehavior in
      // core/background/panel.ts), Firefox's sidebar command opens its sidebar.
      commands:
        browser === 'firefox'
          ? { _execute_sidebar_action: { suggested_key: { default: SHORTCUT } } }
          : { _execute_action: { suggested_key: { default: SHORTCUT } } },
      ...(browser === 'firefox'
        ? {
            browser_specific_settings: {
              gecko: {
                id: 'pas-a-pas@pas-a-pas.org',
                strict_min_version: `${MIN_FIREFOX}.0`,
                data_collection_permissions: { required: ['none'] },
              },
            },
          }
        : {
            minimum_chrome_version: String(MIN_CHROME),
            ...(store ? {} : { key: CHROME_PUBLIC_KEY }),
          }),
    };
  },
});
