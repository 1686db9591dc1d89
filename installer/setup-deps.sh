#!/usr/bin/env bash
# Installs every system package that building, testing and demonstrating Twinbox needs,
# on Debian 12 (bookworm) or Ubuntu 24.04. Idempotent: packages already present are skipped,
# so a second run only checks. Uses sudo when not run as root.
set -euo pipefail

packages=(
  # build
  build-essential cmake ninja-build pkg-config file dpkg-dev clang-format
  qt6-base-dev qt6-tools-dev qt6-l10n-tools qt6-tools-dev-tools
  qcoro-qt6-dev qtkeychain-qt6-dev zlib1g-dev libssl-dev libsqlite3-dev
  # /etc/services, so that a config's "port = imaps" resolves as in interimap
  netbase
  # run-time plugins that are loaded with dlopen and so never pulled in by the -dev packages
  libqt6sql6-sqlite libqt6svg6 qt6-qpa-plugins libsecret-1-0
  # Qt's own words in French and German (wizard buttons, TLS errors), read at run time
  qt6-translations-l10n
  # tests: real IMAP servers, certificates, keychain, headless X and a tray host
  dovecot-imapd openssl dbus gnome-keyring xvfb xauth trayer imagemagick procps
  # packaging: PNG icons from the SVG, the .desktop and AppStream validators, man page check
  librsvg2-bin desktop-file-utils appstream groff-base
  # sanitizers and fuzzing (clang's libFuzzer runtime)
  clang libclang-rt-14-dev
  # the reference implementation, for compatibility tests and the benchmark
  interimap
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${db:Status-Status}\n' "$p" 2>/dev/null | grep -qx installed; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup-deps: all ${#packages[@]} packages already installed"
  exit 0
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "setup-deps: not root and no sudo; install: ${missing[*]}" >&2; exit 1; }
  sudo=(sudo)
fi

echo "setup-deps: installing ${#missing[@]} package(s): ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -q
# policy-rc.d keeps the package scripts from starting the system-wide Dovecot: the tests run
# their own instances on free ports and need nothing listening on 143/993.
policy=/usr/sbin/policy-rc.d
created_policy=0
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' | "${sudo[@]}" tee "$policy" >/dev/null
  "${sudo[@]}" chmod 755 "$policy"
  created_policy=1
fi
trap '[ $created_policy -eq 1 ] && "${sudo[@]}" rm -f "$policy"' EXIT
"${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
echo "setup-deps: done"
