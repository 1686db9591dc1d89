#!/bin/sh
# Runs a program with a private, unlocked gnome-keyring on a private D-Bus session bus, so
# keychain tests never touch the user's real keyring and need no prompt.
# usage: with-keyring.sh PROGRAM [ARGS...]
set -e
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export HOME="$tmp/home" XDG_DATA_HOME="$tmp/home/.local/share" XDG_RUNTIME_DIR="$tmp/run"
mkdir -p "$HOME" && mkdir -m 700 "$XDG_RUNTIME_DIR"
unset DISPLAY WAYLAND_DISPLAY
exec dbus-run-session -- sh -c 'echo -n test-keyring | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$@"' sh "$@"
