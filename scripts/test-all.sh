#!/usr/bin/env bash
# The README's test command: every check the project has, in the order a failure is cheapest to see.
# Used by `npm test` and by .ci/run. Exits non-zero on the first failing step.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
started=$(date +%s)

step "browser for the e2e tests"
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "Debian's Chromium is missing: installing it (apt-get install chromium)…"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "The e2e tests need Debian's Chromium at /usr/bin/chromium." >&2
    echo "Install it as root:  apt-get update && apt-get install -y chromium" >&2
    exit 1
  fi
fi
/usr/bin/chromium --version 2>/dev/null | head -1

step "PostgreSQL for the indexer's tests"
source scripts/lib/test-postgres.sh

step "lint and format (biome)"
npx biome check .

step "contracts compile and the generated ABIs are fresh"
npx tsx scripts/compile.ts --check

step "types (tsc --noEmit)"
npx tsc --noEmit

step "unit, property, contract, differential, model and indexer tests (vitest; PGlite and PostgreSQL)"
npx vitest run

step "production build (next build)"
NEXT_DIST_DIR=.next-e2e npx next build

step "end-to-end tests (Playwright on Chromium)"
npx playwright test

printf '\nAll checks passed in %ss.\n' "$(( $(date +%s) - started ))"
