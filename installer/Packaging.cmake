# CPack configuration for the Debian package: `cpack -G DEB` in a release build tree gives
# twinbox_<version>_<arch>.deb (tests/package/check-deb.sh checks it).
set(CPACK_PACKAGE_NAME "twinbox")
set(CPACK_PACKAGE_VENDOR "Twinbox")
set(CPACK_PACKAGE_CONTACT "Twinbox developers <twinbox@twinbox.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/COPYING")
# Linux: a .deb. Windows: an NSIS installer with a Start menu entry. macOS: a disk image to
# drag the bundle from. Only the .deb is built and tested here (README says so).
if(WIN32)
    set(CPACK_GENERATOR "NSIS")
    set(CPACK_PACKAGE_INSTALL_DIRECTORY "Twinbox")
    set(CPACK_NSIS_DISPLAY_NAME "Twinbox")
    set(CPACK_PACKAGE_EXECUTABLES "twinbox;Twinbox")
elseif(APPLE)
    set(CPACK_GENERATOR "DragNDrop")
else()
    set(CPACK_GENERATOR "DEB")
endif()
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SECTION "mail")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://twinbox.invalid")
set(CPACK_PACKAGE_DESCRIPTION "Twinbox keeps two IMAP accounts identical in both directions:
messages, flags, mailboxes and subscriptions, with the stateful QRESYNC algorithm
(RFC 7162). A desktop application with a tray icon and passwords in the keychain, and
twinbox-cli, a drop-in replacement for interimap that adopts its state.")
set(CPACK_STRIP_FILES ON)
# Plugins loaded with dlopen() are invisible to dpkg-shlibdeps.
# QtKeychain dlopen()s libsecret, which talks to a Secret Service (gnome-keyring, KWallet).
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, libqt6svg6, qt6-qpa-plugins, libsecret-1-0")
# Qt's own translations: the wizard's buttons and the TLS error texts in the user's language.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring | kwalletmanager, qt6-translations-l10n")
# `twinbox-cli --demo` runs Dovecot's imap over stdio tunnels; nothing else needs it.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "dovecot-imapd")
include(CPack)
