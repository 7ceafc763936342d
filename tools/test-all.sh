#!/usr/bin/env bash
# Every check of the project, in the order a failure is cheapest to see.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
mkdir -p artifacts

step() { printf '\n\033[1m== %s\033[0m\n' "$1"; }

# setup.sh above installed Chromium: the targets are checked on the practice pages, or this fails.
step "Guides, glossary, plain language and targets on the practice pages (npm run guides:check -- --strict)"
npx tsx tools/guides/cli.ts guides --targets --strict

step "Types (tsc)"
npx wxt prepare >/dev/null
npx tsc --noEmit

step "Lint, boundaries and format (eslint, dependency-cruiser, prettier)"
npx eslint .
npx depcruise entrypoints core components hooks tools --config .dependency-cruiser.cjs
npx prettier --check . >/dev/null && echo "prettier: ok"

step "Unit tests (vitest)"
npx vitest run --reporter=default --reporter=json --outputFile=artifacts/vitest.json

step "Builds: Chrome, Firefox, store"
npx wxt build
npx wxt build -b firefox
node tools/check-builds.mjs

step "Firefox lint (web-ext lint)"
npx web-ext lint --source-dir .output/firefox-mv3 --self-hosted --output json > artifacts/web-ext-lint.json || true
node tools/web-ext-summary.mjs artifacts/web-ext-lint.json

step "End-to-end in Chromium (Playwright, built extension)"
PLAYWRIGHT_JSON_OUTPUT_NAME=artifacts/playwright.json npx playwright test --reporter=list,json

step "Firefox smoke test (firefox-esr)"
node tests/firefox/smoke.mjs

node tools/summary.mjs
