#!/usr/bin/env bash
# Installs a built .deb into a fresh Debian 12 chroot (mmdebstrap, nothing but apt) and
# checks that it runs there: twinbox-cli --version, a demo sync (with the suggested
# dovecot-imapd), and the window of twinbox under Xvfb.
# Needs root, mmdebstrap and the Debian archive; takes a few minutes (not part of CI).
#   installer/test-install-chroot.sh path/to/twinbox_<version>_<arch>.deb
set -euo pipefail
deb=$(realpath "$1")
root=$(mktemp -d /tmp/twinbox-chroot.XXXXXX)
cleanup() {
  for mount in "$root/proc" "$root/dev"; do mountpoint -q "$mount" && umount -l "$mount"; done
  rm -rf "$root"
}
trap cleanup EXIT

mmdebstrap --variant=apt --include=xvfb,xauth,x11-utils bookworm "$root"
cp "$deb" "$root/tmp/"
mount -t proc proc "$root/proc"
mount --rbind /dev "$root/dev"
cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
chroot "$root" apt-get update -q # mmdebstrap leaves no package lists behind
chroot "$root" sh -c "apt-get install -y -q /tmp/$(basename "$deb")"
chroot "$root" twinbox-cli --version
chroot "$root" apt-get install -y -q dovecot-imapd # Suggests: the demo's IMAP server
chroot "$root" twinbox-cli --demo
# The window must be there (xwininfo finds its title), and the program must end cleanly.
chroot "$root" sh -c 'export XDG_RUNTIME_DIR=$(mktemp -d); xvfb-run -a sh -c "
  TWINBOX_QUIT_AFTER_MS=5000 twinbox & program=\$!
  sleep 3; xwininfo -root -tree | grep -q \"Twinbox\"; shown=\$?
  wait \$program && exit \$shown"'
echo "installed and ran in a clean bookworm chroot"
