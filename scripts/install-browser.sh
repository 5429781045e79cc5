#!/usr/bin/env bash
# Install the headless browser the browser tests need (Debian's chromium).
# Idempotent and quick when already installed. Never downloads Playwright's own browsers:
# the tests drive /usr/bin/chromium through Playwright's Python package.
set -euo pipefail

if command -v chromium >/dev/null 2>&1 && chromium --version >/dev/null 2>&1; then
    echo "install-browser: $(chromium --version) already installed"
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
        echo "install-browser: need root (or sudo) to apt-get install chromium" >&2; exit 1
    fi
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk >/dev/null
echo "install-browser: $(chromium --version) installed"
