// libFuzzer target: the modified UTF-7 codec. Decoding is strict, so whatever it accepts is
// canonical and must encode back to the very same bytes; any UTF-16 text must survive
// encode → decode unchanged.
#include "imap/ModifiedUtf7.h"

#include <cstddef>
#include <cstdint>
#include <cstring>

using twinbox::imap::ModifiedUtf7;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    if (const auto decoded = ModifiedUtf7::decode(bytes)) {
        if (ModifiedUtf7::encode(*decoded) != bytes)
            __builtin_trap();
    }
    QString text(qsizetype(size / 2), Qt::Uninitialized); // copied: data need not be aligned
    std::memcpy(text.data(), data, std::size_t(text.size()) * sizeof(QChar));
    const auto roundTrip = ModifiedUtf7::decode(ModifiedUtf7::encode(text));
    // Lone surrogates cannot be represented; everything else must come back.
    bool wellFormed = true;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            ++i;
        else if (text.at(i).isSurrogate())
            wellFormed = false;
    }
    if (wellFormed && (!roundTrip || *roundTrip != text))
        __builtin_trap();
    return 0;
}
