#!/usr/bin/env bash
# Installs what the browser tests need and npm cannot provide: Debian's Chromium (driven by
# playwright-core; Playwright's own browser download does not work here). Safe to run repeatedly.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
/usr/bin/chromium --version
