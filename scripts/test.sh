#!/usr/bin/env bash
# `npm test`: brings up what the tests need (PostgreSQL, a real Kafka broker), then lint,
# type-check, unit, integration and e2e tests, then the browser suite of the admin web app. Exits non-zero on the first failure.
set -euo pipefail
# --forceExit: a client left open by a failing suite must fail the run, not hang it.
cd "$(dirname "$0")/.."

bash infra/infra.sh up
npm run --silent build
node dist/scripts/migrate.js
npm run --silent lint
npm run --silent typecheck
npx jest --selectProjects unit
npx jest --selectProjects integration --runInBand --forceExit
npx jest --selectProjects e2e --runInBand --forceExit

# The browser suite drives Debian's Chromium, never a downloaded one: install it when it is missing.
# The suite prints the browser's version and stops at once on a major mismatch with Playwright's.
if [ ! -x /usr/bin/chromium ]; then
  sudo=$([ "$(id -u)" = 0 ] || echo sudo)
  $sudo apt-get update
  $sudo apt-get install -y --no-install-recommends chromium fonts-liberation fonts-noto-core
fi
WEB_E2E_PORT=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})") \
  npx playwright test
