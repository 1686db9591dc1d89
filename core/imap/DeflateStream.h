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
    // Inflates at most maxOutput bytes from the start of `input` into *out (replacing its
    // content) and returns how many input bytes it used; -1 on a corrupt stream. The caller
    // calls again with the rest: output is bounded per call, so a small compressed input that
    // expands enormously ("decompression bomb") is handled piece by piece.
    qsizetype decompress(QByteArrayView input, QByteArray *out, qsizetype maxOutput);

private:
    z_stream m_deflate{};
    z_stream m_inflate{};
    bool m_valid = false;
};

} // namespace twinbox::imap
