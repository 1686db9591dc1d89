// libFuzzer target: arbitrary server bytes through the framer and the parser, cut into
// chunks at fuzzer-chosen points, with a body sink that parses the partial FETCH as the
// connection does. Any crash, hang, sanitizer report or unbounded allocation is a finding.
#include "imap/ResponseFramer.h"
#include "imap/ResponseParser.h"

#include <cstddef>
#include <cstdint>

using namespace twinbox::imap;

namespace {

struct PartialFetchSink : BodySink
{
    qint64 remaining = 0;
    void bodyBegin(const ResponseFrame &partial, qint64 size) override
    {
        ProtocolError error;
        ResponseParser::parsePartialFetch(partial, &error);
        remaining = size;
    }
    void bodyData(QByteArrayView chunk) override
    {
        remaining -= chunk.size();
        if (remaining < 0)
            __builtin_trap(); // the framer delivered more than it announced
    }
    void bodyEnd() override
    {
        if (remaining != 0)
            __builtin_trap();
    }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    // First byte: chunk size for feeding, so that every cut point gets exercised.
    const qsizetype chunk = 1 + data[0] % 64;
    const QByteArrayView input(reinterpret_cast<const char *>(data) + 1, qsizetype(size) - 1);
    FramerLimits limits;
    limits.maxLineLength = 4096;
    limits.maxLiteralSize = 4096;
    limits.maxBodySize = 1 << 20;
    limits.maxResponseSize = 1 << 16;
    ResponseFramer framer(limits);
    PartialFetchSink sink;
    if (data[0] & 0x80)
        framer.setBodySink(&sink);
    for (qsizetype offset = 0; offset < input.size(); offset += chunk) {
        const bool ok = framer.feed(input.sliced(offset, std::min(chunk, input.size() - offset)),
                                    [](ResponseFrame &&frame) {
                                        ProtocolError error;
                                        ResponseParser::parse(frame, &error);
                                    });
        if (!ok)
            break;
    }
    return 0;
}
