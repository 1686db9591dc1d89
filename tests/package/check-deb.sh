#!/bin/sh
# Builds the .deb from a finished build tree (CPack, as `cpack` in README does) and checks
# what a user gets: the programs, the desktop integration, valid metadata, a man page in
# step with --help, the systemd user units, and Depends that name the libraries the
# programs link plus the plugins Qt and QtKeychain load at run time (which dpkg-shlibdeps
# cannot see).
#   check-deb.sh BUILD_DIR SOURCE_DIR
set -eu
build=$1
source=$2
out=$(mktemp -d /tmp/twinbox-deb.XXXXXX)
trap 'rm -rf "$out"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

cpack --config "$build/CPackConfig.cmake" -B "$out" -G DEB >"$out/cpack.log" 2>&1 ||
  { cat "$out/cpack.log" >&2; fail "cpack"; }
deb=$(ls "$out"/twinbox_*.deb 2>/dev/null | head -n 1)
[ -n "$deb" ] || fail "no twinbox_*.deb in $out"
echo "built $(basename "$deb")"

contents=$(dpkg-deb -c "$deb" | awk '{print $6}')
for path in \
  ./usr/bin/twinbox ./usr/bin/twinbox-cli \
  ./usr/share/applications/org.twinbox.Twinbox.desktop \
  ./usr/share/metainfo/org.twinbox.Twinbox.metainfo.xml \
  ./usr/share/icons/hicolor/scalable/apps/twinbox.svg \
  ./usr/share/icons/hicolor/16x16/apps/twinbox.png \
  ./usr/share/icons/hicolor/48x48/apps/twinbox.png \
  ./usr/share/icons/hicolor/256x256/apps/twinbox.png \
  ./usr/share/man/man1/twinbox-cli.1 \
  ./usr/lib/systemd/user/twinbox.service \
  ./usr/lib/systemd/user/twinbox@.service; do
  echo "$contents" | grep -qx "$path" || fail "$path missing from the package"
done
echo "$contents" | grep -q '^\./usr/local/' && fail "files under /usr/local"

depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for package in libqt6core6 libqt6network6 libqt6sql6 libqt6widgets6 libqt6keychain1 \
  libqt6sql6-sqlite libqt6svg6 qt6-qpa-plugins libsecret-1-0; do
  echo "$depends" | tr ',' '\n' | sed 's/^ *//; s/ .*//' | grep -qx "$package" ||
    fail "Depends lacks $package"
done
[ "$(dpkg-deb -f "$deb" Version)" = "$(sed -n 's/^ *VERSION \([0-9.]*\).*/\1/p' "$source/CMakeLists.txt")" ] ||
  fail "the package version is not the project's"
[ -n "$(dpkg-deb -f "$deb" Maintainer)" ] || fail "no Maintainer"
# twinbox-cli --demo runs Dovecot's imap; the package only suggests it.
[ "$(dpkg-deb -f "$deb" Suggests)" = "dovecot-imapd" ] || fail "Suggests is not dovecot-imapd"

# The installed tree itself: metadata valid, binaries without a build-tree RPATH.
dpkg-deb -x "$deb" "$out/root"
desktop-file-validate "$out/root/usr/share/applications/org.twinbox.Twinbox.desktop"
appstreamcli validate --no-net "$out/root/usr/share/metainfo/org.twinbox.Twinbox.metainfo.xml"
for program in twinbox twinbox-cli; do
  readelf -d "$out/root/usr/bin/$program" | grep -Eq 'RPATH|RUNPATH' && fail "$program has an RPATH"
done
"$out/root/usr/bin/twinbox-cli" --version | grep -q '^twinbox-cli ' || fail "twinbox-cli --version"

# QtKeychain (with Qt D-Bus and its libraries) is a module loaded when a password is first
# asked for, not a library every start of the programs pays for.
module=$(echo "$contents" | grep -x '\./usr/lib/.*twinbox/libtwinbox_keychain\.so') ||
  fail "the keychain module is missing from the package"
for program in twinbox twinbox-cli; do
  readelf -d "$out/root/usr/bin/$program" | grep -q 'libqt6keychain' &&
    fail "$program links QtKeychain at start-up"
done
readelf -d "$out/root/$module" | grep -q 'libqt6keychain' || fail "$module does not link QtKeychain"
# The installed program finds it: without a session bus, QtKeychain itself says why it
# cannot answer, instead of Twinbox saying that its module is missing.
printf 'database = %s/state.db\n[local]\nhost = 127.0.0.1\nusername = a\n[remote]\nhost = 127.0.0.1\nusername = b\n' \
  "$out" >"$out/no-password.conf"
# (No session bus at all: libdbus would also find one under XDG_RUNTIME_DIR; and the
# messages in English, whatever the locale.)
answer=$(env -u DBUS_SESSION_BUS_ADDRESS -u DISPLAY -u XDG_RUNTIME_DIR LC_ALL=C.UTF-8 LANGUAGE= \
  "$out/root/usr/bin/twinbox-cli" --config="$out/no-password.conf" 2>&1) &&
  fail "twinbox-cli ran without a password"
echo "$answer" | grep -q 'the keychain cannot be used' &&
  fail "the installed twinbox-cli cannot load its keychain module: $answer"
echo "$answer" | grep -q 'the keychain is not available' || fail "no keychain error: $answer"

# The man page documents exactly the options --help lists.
help_options=$("$out/root/usr/bin/twinbox-cli" --help | grep -o -- '--[a-z]*' | sort -u)
man_options=$(sed -n '/^\.SH OPTIONS/,/^\.SH /p' "$out/root/usr/share/man/man1/twinbox-cli.1" |
  sed 's/\\-/-/g' | grep -o -- '--[a-z]*' | sort -u)
[ "$help_options" = "$man_options" ] ||
  fail "man page options differ from --help: $(printf '%s\n' "$help_options" "$man_options" | sort | uniq -u | tr '\n' ' ')"
groff -man -Tutf8 -ww "$out/root/usr/share/man/man1/twinbox-cli.1" >/dev/null 2>"$out/groff.log"
[ ! -s "$out/groff.log" ] || { cat "$out/groff.log" >&2; fail "man page warnings"; }

# The units start the installed program in watch mode.
grep -qx 'ExecStart=/usr/bin/twinbox-cli --watch=60' "$out/root/usr/lib/systemd/user/twinbox.service" ||
  fail "twinbox.service ExecStart"
grep -qx 'ExecStart=/usr/bin/twinbox-cli --config=%i --watch=60' \
  "$out/root/usr/lib/systemd/user/twinbox@.service" || fail "twinbox@.service ExecStart"
echo "package checks passed"
