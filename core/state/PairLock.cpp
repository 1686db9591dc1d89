#include "PairLock.h"

#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace twinbox::state {

PairLock::~PairLock()
{
    release();
}

QString PairLock::lockPathFor(const QString &databasePath)
{
    return databasePath + QStringLiteral(".lock");
}

bool PairLock::acquire(const QString &databasePath, QString *error)
{
    release();
    const QByteArray path = QFile::encodeName(lockPathFor(databasePath));
    const int fd = ::open(path.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
        *error = tr("cannot open the lock file %1: %2")
                     .arg(lockPathFor(databasePath), QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    // An open-file-description lock (F_OFD_SETLK): unlike a classic fcntl lock it is not
    // shared by the whole process, so a second PairLock in this process (the GUI's scheduled
    // sync and its "Sync now") is refused too, and closing another descriptor of the file
    // does not drop it.
    struct flock lock = {};
    lock.l_type = F_WRLCK;
    lock.l_whence = SEEK_SET;
    if (::fcntl(fd, F_OFD_SETLK, &lock) != 0) {
        const int cause = errno;
        QByteArray pid(32, '\0');
        const ssize_t length = ::pread(fd, pid.data(), size_t(pid.size() - 1), 0);
        ::close(fd);
        if (cause != EAGAIN && cause != EACCES) {
            *error =
                tr("cannot lock %1: %2")
                    .arg(lockPathFor(databasePath), QString::fromLocal8Bit(std::strerror(cause)));
            return false;
        }
        const qint64 holder = length > 0 ? pid.left(length).trimmed().toLongLong() : 0;
        *error = holder > 0 ? tr("already syncing (pid %1)").arg(holder) : tr("already syncing");
        return false;
    }
    // The pid inside is for people; the lock itself is what counts.
    const QByteArray pid = QByteArray::number(qint64(::getpid())) + '\n';
    if (::ftruncate(fd, 0) != 0 ||
        ::pwrite(fd, pid.constData(), size_t(pid.size()), 0) != pid.size()) {
        // Not fatal: the lock is held all the same.
    }
    m_fd = fd;
    return true;
}

void PairLock::release()
{
    if (m_fd >= 0) {
        ::close(m_fd); // closing drops the fcntl lock
        m_fd = -1;
    }
}

} // namespace twinbox::state
