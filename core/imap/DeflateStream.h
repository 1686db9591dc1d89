#pragma once

#include <QByteArray>

#include <zlib.h>

namespace twinbox::imap {

// The two directions of COMPRESS=DEFLATE (RFC 4978): raw deflate streams (no zlib header,
// window bits -15). Each compressed write ends with a sync flush so the server can act on a
// command at once (§4).
class DeflateStream
{
public:
    DeflateStream();
    ~DeflateStream();
    DeflateStream(const DeflateStream &) = delete;
    DeflateStream &operator=(const DeflateStream &) = delete;

    bool isValid() const { return m_valid; }
    QByteArray compress(QByteArrayView data);
    // False on a corrupt stream. At most maxOutput bytes are produced per call: a
    // decompression bomb stops there (the caller treats more as a protocol error).
    bool decompress(QByteArrayView data, QByteArray *out, qsizetype maxOutput = qsizetype(1) << 30);

private:
    z_stream m_deflate{};
    z_stream m_inflate{};
    bool m_valid = false;
};

} // namespace twinbox::imap
