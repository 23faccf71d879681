#!/usr/bin/env bash
# `npm test`: brings up what the tests need (PostgreSQL, a real Kafka broker), then lint,
# type-check, unit, integration and e2e tests. Exits non-zero on the first failure.
set -euo pipefail
# --forceExit: a client left open by a failing suite must fail the run, not hang it.
cd "$(dirname "$0")/.."

bash infra/infra.sh up
npm run --silent build
node dist/scripts/migrate.js
npm run --silent lint
npx tsc --noEmit -p tsconfig.json
npx jest --selectProjects unit
npx jest --selectProjects integration --runInBand --forceExit
npx jest --selectProjects e2e --runInBand --forceExit
