#include "SequenceSet.h"

#include <algorithm>

namespace twinbox::imap {

SequenceSet SequenceSet::fromList(const QList<std::uint32_t> &numbers)
{
    QList<std::uint32_t> sorted = numbers;
    std::sort(sorted.begin(), sorted.end());
    SequenceSet set;
    for (const std::uint32_t number : sorted) {
        if (!set.m_ranges.isEmpty() && set.m_ranges.last().last != UINT32_MAX &&
            number <= set.m_ranges.last().last + 1) {
            set.m_ranges.last().last = std::max(set.m_ranges.last().last, number);
        } else {
            set.m_ranges.append({number, number});
        }
    }
    return set;
}

SequenceSet SequenceSet::fromRange(std::uint32_t first, std::uint32_t last)
{
    SequenceSet set;
    set.add(first, last);
    return set;
}

std::optional<SequenceSet> SequenceSet::parse(QByteArrayView text)
{
    auto number = [](QByteArrayView digits) -> std::optional<std::uint32_t> {
        if (digits.isEmpty() || digits.size() > 10 || digits.front() == '0')
            return std::nullopt;
        std::uint64_t value = 0;
        for (const char c : digits) {
            if (c < '0' || c > '9')
                return std::nullopt;
            value = value * 10 + std::uint64_t(c - '0');
        }
        if (value > UINT32_MAX)
            return std::nullopt;
        return std::uint32_t(value);
    };
    if (text.isEmpty())
        return std::nullopt;
    SequenceSet set;
    qsizetype start = 0;
    while (start <= text.size()) {
        qsizetype end = text.indexOf(',', start);
        if (end < 0)
            end = text.size();
        const QByteArrayView item = text.sliced(start, end - start);
        const qsizetype colon = item.indexOf(':');
        if (colon < 0) {
            const auto value = number(item);
            if (!value)
                return std::nullopt;
            set.add(*value);
        } else {
            const auto a = number(item.first(colon));
            const auto b = number(item.sliced(colon + 1));
            if (!a || !b)
                return std::nullopt;
            set.add(std::min(*a, *b), std::max(*a, *b));
        }
        start = end + 1;
    }
    return set;
}

void SequenceSet::add(std::uint32_t number)
{
    add(number, number);
}

void SequenceSet::add(std::uint32_t first, std::uint32_t last)
{
    if (first > last)
        std::swap(first, last);
    // Find the ranges that overlap or touch [first, last] and merge them into one.
    auto touches = [&](const Range &r) {
        return !(std::uint64_t(r.last) + 1 < first || std::uint64_t(last) + 1 < r.first);
    };
    qsizetype i = 0;
    while (i < m_ranges.size() && std::uint64_t(m_ranges[i].last) + 1 < first)
        ++i;
    Range merged{first, last};
    qsizetype j = i;
    while (j < m_ranges.size() && touches(m_ranges[j])) {
        merged.first = std::min(merged.first, m_ranges[j].first);
        merged.last = std::max(merged.last, m_ranges[j].last);
        ++j;
    }
    m_ranges.remove(i, j - i);
    m_ranges.insert(i, merged);
}

void SequenceSet::add(const SequenceSet &other)
{
    for (const Range &r : other.m_ranges)
        add(r.first, r.last);
}

void SequenceSet::remove(std::uint32_t number)
{
    for (qsizetype i = 0; i < m_ranges.size(); ++i) {
        Range &r = m_ranges[i];
        if (number < r.first || number > r.last)
            continue;
        if (r.first == r.last) {
            m_ranges.removeAt(i);
        } else if (number == r.first) {
            ++r.first;
        } else if (number == r.last) {
            --r.last;
        } else {
            const Range tail{number + 1, r.last};
            r.last = number - 1;
            m_ranges.insert(i + 1, tail);
        }
        return;
    }
}

bool SequenceSet::contains(std::uint32_t number) const
{
    auto it = std::lower_bound(m_ranges.begin(), m_ranges.end(), number,
                               [](const Range &r, std::uint32_t n) { return r.last < n; });
    return it != m_ranges.end() && it->first <= number;
}

std::uint64_t SequenceSet::count() const
{
    std::uint64_t total = 0;
    for (const Range &r : m_ranges)
        total += std::uint64_t(r.last) - r.first + 1;
    return total;
}

std::optional<std::uint32_t> SequenceSet::max() const
{
    if (m_ranges.isEmpty())
        return std::nullopt;
    return m_ranges.last().last;
}

QList<std::uint32_t> SequenceSet::toList() const
{
    QList<std::uint32_t> numbers;
    for (const Range &r : m_ranges) {
        for (std::uint64_t n = r.first; n <= r.last; ++n)
            numbers.append(std::uint32_t(n));
    }
    return numbers;
}

namespace {

QByteArray rangeText(const SequenceSet::Range &r)
{
    if (r.first == r.last)
        return QByteArray::number(r.first);
    return QByteArray::number(r.first) + ':' + QByteArray::number(r.last);
}

} // namespace

QByteArray SequenceSet::toByteArray() const
{
    QByteArray text;
    for (const Range &r : m_ranges) {
        if (!text.isEmpty())
            text += ',';
        text += rangeText(r);
    }
    return text;
}

QList<SequenceSet> SequenceSet::split(qsizetype maxLength) const
{
    QList<SequenceSet> parts;
    SequenceSet current;
    qsizetype length = 0;
    for (const Range &r : m_ranges) {
        const qsizetype itemLength = rangeText(r).size();
        if (!current.isEmpty() && length + 1 + itemLength > maxLength) {
            parts.append(current);
            current = {};
            length = 0;
        }
        length += (current.isEmpty() ? 0 : 1) + itemLength;
        current.m_ranges.append(r);
    }
    if (!current.isEmpty())
        parts.append(current);
    return parts;
}

} // namespace twinbox::imap
