#!/usr/bin/env bash
# Makes a fresh machine ready: the npm packages, and Debian's Chromium and Firefox ESR for the
# browser tests and the demo (Playwright's own browser downloads are not used), poppler-utils
# for the memo's print test, and xvfb + xauth for the side panel test (headed Chromium on a
# virtual screen when the machine has none).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x node_modules/.bin/wxt ]; then
  echo "Installing npm packages (npm ci)…"
  npm ci --no-audit --no-fund
fi

missing=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=(chromium)
[ -x "${FIREFOX_PATH:-/usr/bin/firefox-esr}" ] || missing+=(firefox-esr)
# pdftoppm turns the printed memo into a picture in the e2e tests.
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
command -v Xvfb >/dev/null 2>&1 || missing+=(xvfb)
command -v xauth >/dev/null 2>&1 || missing+=(xauth)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing ${missing[*]} (Debian packages)…"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "Missing: ${missing[*]}. Install them, e.g.: sudo apt-get install ${missing[*]}" >&2
    echo "(or set CHROMIUM_PATH / FIREFOX_PATH to their executables)" >&2
    exit 1
  fi
fi
