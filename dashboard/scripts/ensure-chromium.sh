#!/bin/sh
# The end-to-end tests drive Debian's chromium package (Playwright's own browser download is switched off).
# Installs it when it is missing; installing needs root, as on the project's machines and CI.
set -eu
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
  exit 0
fi
if [ "$(id -u)" != "0" ]; then
  echo "chromium is missing at $CHROMIUM; install Debian's chromium package (apt-get install -y chromium) as root" >&2
  exit 1
fi
echo "installing chromium..." >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium >/dev/null
test -x "$CHROMIUM"
