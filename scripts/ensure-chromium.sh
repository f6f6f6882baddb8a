#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (no browser download is possible here). Installs it when missing.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$CHROMIUM" ] && exit 0
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
  echo "The browser tests need Chromium at $CHROMIUM: install Debian's chromium package (or set CHROMIUM_PATH)." >&2
  exit 1
fi
echo "Installing Debian's chromium for the browser tests (once)…" >&2
apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
if [ ! -x "$CHROMIUM" ]; then
  echo "chromium is installed but not at $CHROMIUM: set CHROMIUM_PATH to its executable." >&2
  exit 1
fi
