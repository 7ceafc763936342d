// Draws the toolbar and store icons (public/icon/*.png) from the SVG sources in assets/, with
// the test Chromium: no network, no image tool to install. Run it after changing an SVG:
//   node tools/icons.mjs
// The PNGs are committed, so a build never needs a browser.
import { chromium } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'public/icon');
mkdirSync(out, { recursive: true });
const svg = (name) => readFileSync(path.join(root, 'assets', name), 'utf8');
// 16 px has its own drawing on the pixel grid; the others scale the main one.
const sizes = [
  [16, 'icon-16.svg'],
  [32, 'icon.svg'],
  [48, 'icon.svg'],
  [128, 'icon.svg'],
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const [size, file] of sizes) {
    const src = `data:image/svg+xml;base64,${Buffer.from(svg(file)).toString('base64')}`;
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}</style><img src="${src}" width="${size}" height="${size}">`,
    );
    await page.locator('img').evaluate((img) => img.decode());
    await page.screenshot({ path: path.join(out, `${size}.png`), omitBackground: true });
    console.log(`public/icon/${size}.png`);
  }
} finally {
  await browser.close();
}
