#!/usr/bin/env bash
# Makes sure the system programs the tests need are present: Chromium (browser tests) and
# PostgreSQL (collector sink tests). Installs them from Debian's apt when running as root;
# otherwise says what to install. Prints nothing when all is there.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || missing+=(chromium)
if ! command -v initdb >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  missing+=(postgresql)
fi
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "[touchpoint] installing ${missing[*]} from apt (needed by the tests)…" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq "${missing[@]}" >&2
else
  echo "[touchpoint] the tests need: ${missing[*]}. Install them, e.g. 'sudo apt-get install ${missing[*]}'," >&2
  echo "             or set TOUCHPOINT_CHROMIUM / TOUCHPOINT_TEST_PG_URL to ones you have." >&2
  exit 1
fi
