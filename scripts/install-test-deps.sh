#!/usr/bin/env bash
# Installs what the browser tests need and npm cannot provide: Debian's Chromium (driven by
# playwright-core; Playwright's own browser download does not work here) and a CJK font, so the
# screenshots of the Chinese UI show text rather than empty boxes. Safe to run repeatedly.
set -euo pipefail
missing=()
if ! command -v chromium >/dev/null 2>&1 && [ ! -x /usr/bin/chromium ]; then missing+=(chromium); fi
if [ ! -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ]; then missing+=(fonts-wqy-microhei); fi
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
/usr/bin/chromium --version
