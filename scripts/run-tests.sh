#!/usr/bin/env bash
# The whole suite: type-check, build, lint and the layering check (the start-up test runs the compiled hub), then jest on
# SQLite and again on MariaDB. Expects TEST_MYSQL_URL (scripts/test-services.sh provides it).
# Ends with `N passed, N failed, N skipped` (scripts/test-summary.ts); a skip without a declared
# reason fails the suite.
set -uo pipefail
cd "$(dirname "$0")/.."

npx tsc -p tsconfig.json || { echo "type-check failed"; exit 1; }
node dist/scripts/lint.js || exit 1
npm run --silent lint:layers || { echo "layering check failed (.dependency-cruiser.cjs)"; exit 1; }

# Every Backoffice reply the suite receives is kept for the conformance suite (npm run test:conformance).
export GOVPAY_RECORD_DIR=${GOVPAY_RECORD_DIR:-$PWD/.test-output/responses}
rm -rf "$GOVPAY_RECORD_DIR"

RESULTS=$(mktemp -d)
HUB_ERRORS=.test-output/hub-errors
rm -rf "$HUB_ERRORS"
status=0
for db in sqlite mysql; do
  echo "=== jest on $db ==="
  TEST_DB=$db npx jest --ci --json --outputFile="$RESULTS/$db.json" "$@" || status=1
done

node dist/scripts/test-summary.js "$RESULTS" || status=1
if [ $status -ne 0 ] && [ -n "$(ls -A "$HUB_ERRORS" 2>/dev/null)" ]; then
  echo "=== errors the test hubs logged (test/helpers/hub.ts) ==="
  tail -n 40 "$HUB_ERRORS"/*.log
fi
rm -rf "$RESULTS"
exit $status
