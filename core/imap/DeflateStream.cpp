#include "DeflateStream.h"

namespace twinbox::imap {

namespace {
constexpr int rawDeflate = -15; // RFC 4978 §4: no zlib or gzip header
constexpr qsizetype chunk = 64 * 1024;
} // namespace

DeflateStream::DeflateStream()
{
    m_valid = deflateInit2(&m_deflate, Z_DEFAULT_COMPRESSION, Z_DEFLATED, rawDeflate, 8,
                           Z_DEFAULT_STRATEGY) == Z_OK &&
              inflateInit2(&m_inflate, rawDeflate) == Z_OK;
}

DeflateStream::~DeflateStream()
{
    deflateEnd(&m_deflate);
    inflateEnd(&m_inflate);
}

QByteArray DeflateStream::compress(QByteArrayView data)
{
    QByteArray out;
    m_deflate.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.data()));
    m_deflate.avail_in = uInt(data.size());
    do {
        const qsizetype used = out.size();
        out.resize(used + chunk);
        m_deflate.next_out = reinterpret_cast<Bytef *>(out.data() + used);
        m_deflate.avail_out = uInt(chunk);
        deflate(&m_deflate, Z_SYNC_FLUSH);
        out.resize(out.size() - qsizetype(m_deflate.avail_out));
    } while (m_deflate.avail_out == 0);
    return out;
}

qsizetype DeflateStream::decompress(QByteArrayView input, QByteArray *out, qsizetype maxOutput)
{
    m_inflate.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(input.data()));
    m_inflate.avail_in = uInt(input.size());
    out->resize(maxOutput);
    m_inflate.next_out = reinterpret_cast<Bytef *>(out->data());
    m_inflate.avail_out = uInt(maxOutput);
    const int status = inflate(&m_inflate, Z_SYNC_FLUSH);
    out->resize(maxOutput - qsizetype(m_inflate.avail_out));
    // Z_BUF_ERROR: no progress possible with this input and room, which is not an error.
    if (status != Z_OK && status != Z_BUF_ERROR)
        return -1; // corrupt data, or a stream end that RFC 4978 does not allow
    return input.size() - qsizetype(m_inflate.avail_in);
}

} // namespace twinbox::imap
