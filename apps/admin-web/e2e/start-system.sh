#!/usr/bin/env bash
# The whole system for the browser suite, as `npm start` runs it (API serving the built web app,
# outbox relay, projectors), from the build, on a fresh schema of the test database and topics of
# its own; the schema is dropped when Playwright stops it. Needs `npm run build` first.
set -euo pipefail
cd "$(dirname "$0")/../../.."

id="web_$(date +%s)_$RANDOM"
base="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/newsroom_test}"
export DATABASE_URL="$base" DATABASE_SCHEMA="$id" KAFKA_TOPIC_PREFIX="$id." PORT="${WEB_E2E_PORT:?}"
export NODE_ENV=test LOG_LEVEL="${WEB_E2E_LOG_LEVEL:-warn}" RELAY_METRICS_PORT=0 SCHEDULER_INTERVAL_MS=1000

psql -q "$base" -c "CREATE SCHEMA \"$id\"" >/dev/null
node dist/scripts/migrate.js >/dev/null
node dist/scripts/start-all.js &
system=$!
drop() {
  kill -TERM "$system" 2>/dev/null || true
  wait "$system" 2>/dev/null || true
  psql -q "$base" -c "DROP SCHEMA IF EXISTS \"$id\" CASCADE" >/dev/null 2>&1 || true
}
trap drop EXIT
trap 'exit 0' TERM INT
wait "$system"
