// Reads web-ext lint's JSON report: prints every error and the warning count, fails on errors.
import { readFileSync } from 'node:fs';

const report = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const { errors = [], warnings = [], notices = [] } = report;
for (const e of errors) console.log(`error ${e.code}: ${e.message} (${e.file ?? ''})`);
for (const w of warnings) console.log(`warning ${w.code}: ${w.file ?? ''}`);
console.log(
  `web-ext lint: ${errors.length} errors, ${warnings.length} warnings, ${notices.length} notices`,
);
process.exit(errors.length ? 1 : 0);
