#!/usr/bin/env bash
# Install Debian's headless-capable Chromium for the browser tests of `temoin serve`.
# Idempotent: does nothing when /usr/bin/chromium exists; never downloads a browser
# build of its own (no `playwright install`). Exits 0 when apt is not usable, so the
# browser tests then skip with a message instead of failing the install.
set -euo pipefail

CHROMIUM=${CHROMIUM:-/usr/bin/chromium}

if [ -x "$CHROMIUM" ]; then
    echo "chromium: $CHROMIUM is already installed"
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "chromium: apt-get not found; install Chromium by hand (the browser tests will skip)" >&2
    exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        SUDO="sudo -n"
    else
        echo "chromium: not root and no password-less sudo; run: apt-get install -y chromium" >&2
        exit 0
    fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
echo "chromium: installed $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")"
