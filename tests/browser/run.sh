#!/usr/bin/env bash
# Runs the browser test against a freshly built skillgauge-server on a free loopback port
# with a throwaway SQLite database. Installs Debian's chromium and playwright-core first
# when they are missing. Usage (from anywhere): bash tests/browser/run.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"

if ! command -v "${CHROMIUM:-/usr/bin/chromium}" >/dev/null 2>&1; then
  echo "browser test: installing chromium" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
if [ ! -d "$here/node_modules/playwright-core" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi

cargo build --quiet --features server --bin skillgauge-server

work="$(mktemp -d)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

./target/debug/skillgauge-server --listen 127.0.0.1:0 --database "sqlite://$work/browser.db" \
  >"$work/stdout" 2>"$work/stderr" &
server_pid=$!
url=""
for _ in $(seq 1 300); do
  url="$(sed -n 's/^listening on //p' "$work/stdout" | head -n 1)"
  [ -n "$url" ] && break
  if ! kill -0 "$server_pid" 2>/dev/null; then break; fi
  sleep 0.1
done
if [ -z "$url" ]; then
  echo "browser test: the server did not start" >&2
  cat "$work/stderr" >&2
  exit 1
fi

SKILLGAUGE_URL="$url" node "$here/questionnaire.mjs"
