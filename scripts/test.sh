#!/usr/bin/env bash
# The one gate: system deps, build, type check, format check, size budgets, then every test
# (unit in Node and happy-dom, real Chromium, real PostgreSQL). `pnpm test` runs this.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-system-deps.sh
echo "== build"
pnpm -s build
echo "== type check"
pnpm -s typecheck
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
