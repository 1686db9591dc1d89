#pragma once

#include <QByteArray>
#include <QList>

#include <cstdint>
#include <optional>

namespace twinbox::imap {

// A set of UIDs or message sequence numbers (RFC 3501 §9 "sequence-set"), kept as sorted,
// disjoint, non-adjacent ranges so that it always prints in its most compact form.
class SequenceSet
{
public:
    struct Range
    {
        std::uint32_t first;
        std::uint32_t last;
        bool operator==(const Range &) const = default;
    };

    SequenceSet() = default;
    static SequenceSet fromList(const QList<std::uint32_t> &numbers);
    static SequenceSet fromRange(std::uint32_t first, std::uint32_t last);
    // Strict parser for what servers send: numbers ≥ 1, ranges in either order (RFC 3501
    // allows "5:3"), no "*". nullopt on anything else.
    static std::optional<SequenceSet> parse(QByteArrayView text);

    void add(std::uint32_t number);
    void add(std::uint32_t first, std::uint32_t last);
    void add(const SequenceSet &other);
    void remove(std::uint32_t number);

    bool contains(std::uint32_t number) const;
    bool isEmpty() const { return m_ranges.isEmpty(); }
    std::uint64_t count() const;
    std::optional<std::uint32_t> max() const;
    const QList<Range> &ranges() const { return m_ranges; }
    QList<std::uint32_t> toList() const;

    // "1:3,7,9:12"
    QByteArray toByteArray() const;
    // Splits into consecutive sets whose printed form is at most maxLength bytes, so that a
    // command line stays within what servers accept (8 KB is the safe common limit).
    QList<SequenceSet> split(qsizetype maxLength) const;

    bool operator==(const SequenceSet &) const = default;

private:
    QList<Range> m_ranges;
};

} // namespace twinbox::imap
