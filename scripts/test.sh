#!/usr/bin/env bash
# The one gate: system deps, build, type check, format check, size budgets, then every test
# (unit in Node and happy-dom, real Chromium, real PostgreSQL). `pnpm test` runs this.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-system-deps.sh
# Not `pnpm -s`: in a recursive run it also hides the failing package's own output, so a type or build
# error failed the gate without saying where.
echo "== build"
pnpm build
echo "== type check"
pnpm typecheck
echo "== format check"
pnpm -s format:check
echo "== size budgets"
node scripts/size.mjs --check

if [ -z "${TOUCHPOINT_TEST_PG_URL:-}" ]; then
  eval "$(bash scripts/postgres-test-cluster.sh start)"
  trap 'bash scripts/postgres-test-cluster.sh stop "$TOUCHPOINT_TEST_PG_DIR"' EXIT
fi
export TOUCHPOINT_TEST_PG_URL

echo "== tests"
mkdir -p .tmp
status=0
pnpm -s exec vitest run --reporter=default --reporter=json --outputFile.json=.tmp/vitest.json "$@" || status=$?
node scripts/test-summary.mjs .tmp/vitest.json
exit $status
