// Prints one closing line for the whole run: "N passed, N failed" over vitest, Playwright and
// the Firefox smoke test (each runner also printed its own report above).
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
const parts = [];

if (existsSync('artifacts/vitest.json')) {
  const v = JSON.parse(readFileSync('artifacts/vitest.json', 'utf8'));
  passed += v.numPassedTests;
  failed += v.numFailedTests;
  skipped += v.numPendingTests + (v.numTodoTests ?? 0);
  parts.push(`unit ${v.numPassedTests}/${v.numTotalTests}`);
}
if (existsSync('artifacts/playwright.json')) {
  const p = JSON.parse(readFileSync('artifacts/playwright.json', 'utf8'));
  const s = p.stats;
  passed += s.expected + s.flaky;
  failed += s.unexpected;
  skipped += s.skipped;
  parts.push(`e2e ${s.expected + s.flaky}/${s.expected + s.flaky + s.unexpected + s.skipped}`);
}
if (existsSync('artifacts/firefox-smoke.json')) {
  const f = JSON.parse(readFileSync('artifacts/firefox-smoke.json', 'utf8'));
  passed += f.passed;
  failed += f.failed;
  parts.push(`firefox ${f.passed}/${f.passed + f.failed}`);
}
console.log(`\n${parts.join(', ')}`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed ? 1 : 0);
