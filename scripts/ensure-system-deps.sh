#!/bin/sh
# Installs the Debian packages the test suite needs when they are missing:
# PostgreSQL (the store contract suite starts a throwaway cluster of its own; backups use its
# pg_dump and pg_restore). Set DATABASE_URL to use an existing server instead.
# poppler-utils (pdftoppm, pdftotext: the manifest PDF test renders a page and reads its text).
# chromium (the browser tests of the web UI drive Debian's Chromium, never a downloaded one).
set -eu

need=""
if [ -z "${DATABASE_URL:-}" ] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  need="$need postgresql"
fi
if ! command -v pdftoppm >/dev/null 2>&1 || ! command -v pdftotext >/dev/null 2>&1; then
  need="$need poppler-utils"
fi
if [ ! -x /usr/bin/chromium ]; then
  need="$need chromium"
fi

if [ -n "$need" ]; then
  echo "Installing Debian packages:$need" >&2
  SUDO=""
  if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $need >/dev/null
fi
