#!/bin/sh
# Install the Debian packages docmgr needs (tesseract with Vietnamese and English data, fonts, the
# libraries Qt's xcb plugin loads). Quick when everything is there: it only asks dpkg.
# Usage: scripts/system-packages.sh PACKAGE...
set -eu
if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "docmgr: not a Debian-like system; install tesseract (with the 'vie' and 'eng' data) yourself." >&2
    exit 0
fi
missing=""
for pkg in "$@"; do
    status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
    case "$status" in
        *"install ok installed"*) ;;
        *) missing="$missing $pkg" ;;
    esac
done
[ -z "$missing" ] && exit 0
echo "docmgr: installing Debian packages:$missing" >&2
if [ "$(id -u)" -eq 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
else
    echo "docmgr: need root (or sudo) to install:$missing" >&2
    exit 1
fi
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
# shellcheck disable=SC2086
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
