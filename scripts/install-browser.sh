#!/usr/bin/env bash
# Install what the browser tests (tests/browser) need: Debian's chromium and a CJK font.
# Idempotent and quick when already installed. Playwright's own browser downloads are
# never used: the tests drive /usr/bin/chromium through Playwright's Python package.
set -euo pipefail

PACKAGES=(chromium fonts-noto-cjk)

installed() {
    local status
    status=$(dpkg-query -W -f='${Status}\n' "${PACKAGES[@]}" 2>/dev/null || true)
    [ "$(printf '%s\n' "$status" | grep -c "install ok installed" || true)" -eq "${#PACKAGES[@]}" ]
}

if installed && [ -x /usr/bin/chromium ]; then
    echo "install-browser: chromium and fonts-noto-cjk already installed"
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO="sudo"
    else
        echo "install-browser: need root (or sudo) to apt-get install ${PACKAGES[*]}" >&2
        exit 1
    fi
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${PACKAGES[@]}" >/dev/null
echo "install-browser: installed ${PACKAGES[*]} ($(/usr/bin/chromium --version 2>/dev/null | tail -1))"
