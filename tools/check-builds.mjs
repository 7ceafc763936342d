// Checks what the builds promise: minimal permissions, the practice hosts only outside store
// builds, a fixed id only on unpacked Chrome builds, the content script's size budget, and no
// unguarded call to a JavaScript API newer than the oldest browser the manifest accepts.
// Builds the store variants first (they go to .output/*-store).
import { execSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { auditApis } from './api-audit.mjs';

const SITES = [
  'https://*.caf.fr/*',
  'https://*.ameli.fr/*',
  'https://*.francetravail.fr/*',
  'https://*.pole-emploi.fr/*',
  'https://*.impots.gouv.fr/*',
  'https://*.franceconnect.gouv.fr/*',
];
const PRACTICE = ['http://localhost/*', 'http://127.0.0.1/*'];
const BUDGET_KB = 40;
/** Chrome 109 is the last one for Windows 7 and 8.1 (see MIN_CHROME in wxt.config.ts). */
const MIN_CHROME = '109';
const MIN_FIREFOX = '142.0';

let failures = 0;
function check(ok, what) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures++;
}
const same = (a, b) => JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());
const manifest = (dir) =>
  JSON.parse(readFileSync(path.join('.output', dir, 'manifest.json'), 'utf8'));

execSync('npx wxt build --mode store', { stdio: 'ignore' });
execSync('npx wxt build -b firefox --mode store', { stdio: 'ignore' });

for (const [dir, store, firefox] of [
  ['chrome-mv3', false, false],
  ['firefox-mv3', false, true],
  ['chrome-mv3-store', true, false],
  ['firefox-mv3-store', true, true],
]) {
  const m = manifest(dir);
  const hosts = store ? SITES : [...SITES, ...PRACTICE];
  check(m.manifest_version === 3, `${dir}: manifest version 3`);
  check(
    same(m.host_permissions, hosts),
    `${dir}: host permissions are the ${store ? 'sites only' : 'sites + practice hosts'}`,
  );
  check(same(m.content_scripts[0].matches, hosts), `${dir}: content script matches the same hosts`);
  const perms = firefox ? ['storage', 'scripting'] : ['storage', 'sidePanel', 'scripting'];
  check(same(m.permissions, perms), `${dir}: permissions ${perms.join(', ')}`);
  check(!m.optional_permissions && !m.optional_host_permissions, `${dir}: no optional permissions`);
  check(!JSON.stringify(m).includes('<all_urls>'), `${dir}: no <all_urls>`);
  if (store)
    check(!/localhost|127\.0\.0\.1/.test(JSON.stringify(m)), `${dir}: no practice host anywhere`);
  const min = firefox
    ? { firefox: parseFloat(m.browser_specific_settings?.gecko?.strict_min_version) }
    : { chrome: parseFloat(m.minimum_chrome_version) };
  if (firefox) {
    check(
      m.browser_specific_settings?.gecko?.strict_min_version === MIN_FIREFOX,
      `${dir}: Firefox ${MIN_FIREFOX} or later`,
    );
    check(m.browser_specific_settings?.gecko?.id === 'pas-a-pas@pas-a-pas.org', `${dir}: gecko id`);
    check(!!m.sidebar_action, `${dir}: sidebar`);
  } else {
    check(m.minimum_chrome_version === MIN_CHROME, `${dir}: Chrome ${MIN_CHROME} or later`);
    check(!!m.side_panel, `${dir}: side panel`);
    check(
      store ? !m.key : !!m.key,
      `${dir}: ${store ? 'no key (the store signs it)' : 'fixed key for a stable id'}`,
    );
  }
  // The guide opens from the keyboard: Chrome's action opens the side panel, Firefox's sidebar
  // command its sidebar (see SHORTCUT in wxt.config.ts).
  const command = firefox ? '_execute_sidebar_action' : '_execute_action';
  check(
    !!m.commands?.[command]?.suggested_key?.default && Object.keys(m.commands).length === 1,
    `${dir}: shortcut ${command} (${m.commands?.[command]?.suggested_key?.default})`,
  );
  // Our icon in every size, on the toolbar button too, each file a PNG of that size.
  const sizes = Object.entries(m.icons ?? {});
  check(
    JSON.stringify(sizes.map(([s]) => s)) === '["16","32","48","128"]' &&
      JSON.stringify(m.action?.default_icon) === JSON.stringify(m.icons) &&
      sizes.every(([s, file]) => {
        const png = readFileSync(path.join('.output', dir, file));
        return png.readUInt32BE(16) === Number(s) && png.readUInt32BE(20) === Number(s);
      }),
    `${dir}: icons 16, 32, 48, 128 on the extension and its toolbar button`,
  );
  const scripts = path.join('.output', dir, 'content-scripts');
  for (const file of readdirSync(scripts).filter((f) => f.endsWith('.js'))) {
    const code = readFileSync(path.join(scripts, file));
    const gz = gzipSync(code, { level: 9 }).length / 1024;
    check(
      gz <= BUDGET_KB,
      `${dir}: content script ${file} ${gz.toFixed(1)} KB gzipped (budget ${BUDGET_KB} KB)`,
    );
  }
  const all = readdirSync(path.join('.output', dir), { recursive: true }).filter((f) =>
    String(f).endsWith('.js'),
  );
  const remote = all.filter((f) =>
    /https?:\/\/[^"'`\s]*\.js["'`]/.test(
      readFileSync(path.join('.output', dir, String(f)), 'utf8'),
    ),
  );
  check(remote.length === 0, `${dir}: no remote script addresses`);
  const oldest = firefox ? `Firefox ${min.firefox}` : `Chrome ${min.chrome}`;
  const newer = all.flatMap((f) =>
    auditApis(readFileSync(path.join('.output', dir, String(f)), 'utf8'), min).map(
      (hit) => `${f}: ${hit.api} (${hit.since}) in …${hit.context}…`,
    ),
  );
  check(newer.length === 0, `${dir}: no unguarded API newer than ${oldest} (${all.length} files)`);
  for (const line of newer) console.log(`       ${line}`);
}

if (failures) {
  console.error(`${failures} build check(s) failed`);
  process.exit(1);
}
console.log('all build checks passed');
