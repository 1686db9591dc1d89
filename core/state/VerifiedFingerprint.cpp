#include "VerifiedFingerprint.h"

#include "StateDatabase.h"

#include <QFile>
#include <QFileInfo>

#include <array>
#include <cerrno>
#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>

namespace twinbox::state {

namespace {

// The size of the file, its CRC-32 in *crc; -1 when it cannot be read to the end (then
// nothing is vouched for).
std::int64_t sumFile(const QString &path, std::uint32_t *crc)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    std::array<unsigned char, 64 * 1024> buffer;
    uLong sum = ::crc32_z(0, nullptr, 0);
    std::int64_t size = 0;
    for (;;) {
        const ssize_t length = ::read(fd, buffer.data(), buffer.size());
        if (length < 0 && errno == EINTR)
            continue;
        if (length < 0) {
            size = -1;
            break;
        }
        if (length == 0)
            break;
        sum = ::crc32_z(sum, buffer.data(), size_t(length));
        size += length;
    }
    ::close(fd);
    *crc = std::uint32_t(sum);
    return size;
}

} // namespace

std::optional<VerifiedFingerprint> VerifiedFingerprint::of(const QString &databasePath)
{
    // Pages beside the file are part of the database too, and not summed here.
    for (const QString &suffix : {QStringLiteral("-wal"), QStringLiteral("-journal")}) {
        if (QFileInfo(StateDatabase::companionPath(databasePath, suffix)).size() > 0)
            return std::nullopt;
    }
    VerifiedFingerprint fingerprint;
    fingerprint.m_size = sumFile(databasePath, &fingerprint.m_crc);
    if (fingerprint.m_size <= 0)
        return std::nullopt;
    return fingerprint;
}

QString VerifiedFingerprint::recordPathFor(const QString &databasePath)
{
    return databasePath + QStringLiteral(".verified");
}

QByteArray VerifiedFingerprint::recordText() const
{
    return QByteArrayLiteral("twinbox-verified 1 ") + QByteArray::number(qint64(m_size)) + ' ' +
           QByteArray::number(m_crc, 16) + '\n';
}

bool VerifiedFingerprint::isRecorded(const QString &databasePath) const
{
    QFile file(recordPathFor(databasePath));
    if (!file.open(QIODevice::ReadOnly))
        return false;
    // A record is a few dozen bytes; anything longer, or shorter, matches nothing.
    return file.read(256) == recordText();
}

void VerifiedFingerprint::record(const QString &databasePath) const
{
    const QByteArray text = recordText();
    // Private like the database, never through a symbolic link planted in its place, and not
    // synced: it is a hint that saves time, not a record anything depends on.
    const int fd = ::open(QFile::encodeName(recordPathFor(databasePath)).constData(),
                          O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0)
        return; // the next run checks again
    // A short write leaves a record that matches nothing: the next run checks again.
    [[maybe_unused]] const ssize_t written = ::write(fd, text.constData(), size_t(text.size()));
    ::close(fd);
}

} // namespace twinbox::state
