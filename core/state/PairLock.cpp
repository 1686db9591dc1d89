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
    struct flock lock
    {
    };
    lock.l_type = F_WRLCK;
    lock.l_whence = SEEK_SET;
    if (::fcntl(fd, F_SETLK, &lock) != 0) {
        struct flock holder
        {
        };
        holder.l_type = F_WRLCK;
        holder.l_whence = SEEK_SET;
        const bool known = ::fcntl(fd, F_GETLK, &holder) == 0 && holder.l_type != F_UNLCK;
        ::close(fd);
        *error = known ? tr("already syncing (pid %1)").arg(holder.l_pid) : tr("already syncing");
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
