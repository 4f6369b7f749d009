#!/usr/bin/env bash
# Installs Debian's chromium for the browser test (test/browser/), driven by playwright-core. Never downloads a
# browser build of its own: only the distribution package. Does nothing when /usr/bin/chromium is already there.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
echo "ensure-chromium: /usr/bin/chromium is missing; installing Debian's chromium package (apt-get)…"
if [ "$(id -u)" -ne 0 ]; then
  echo "ensure-chromium: cannot install chromium: this needs root (apt-get). Run as root, or: sudo apt-get install chromium" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: cannot install chromium: apt-get not found (not a Debian/Ubuntu system). Install chromium at /usr/bin/chromium yourself." >&2
  exit 1
fi
if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }; then
  echo "ensure-chromium: apt-get could not install chromium (no network or no such package?). The browser test needs /usr/bin/chromium." >&2
  exit 1
fi
if [ ! -x /usr/bin/chromium ]; then
  echo "ensure-chromium: the chromium package was installed but /usr/bin/chromium is still missing." >&2
  exit 1
fi
echo "ensure-chromium: $(/usr/bin/chromium --version 2>/dev/null || echo chromium) installed."
