#pragma once

#include <QCoroTask>

#include <array>
#include <exception>

namespace twinbox::sync {

// Awaits two tasks that run at the same time, one per server. Both are awaited even when the
// first fails: a task left running would go on using the sessions (or the watch) its caller
// may destroy as soon as the error reaches it. The first failure is rethrown once both ended.
template <typename T>
QCoro::Task<std::array<T, 2>> awaitBoth(QCoro::Task<T> &first, QCoro::Task<T> &second)
{
    std::array<T, 2> results{};
    std::exception_ptr failure;
    try {
        results[0] = co_await first;
    } catch (...) {
        failure = std::current_exception();
    }
    try {
        results[1] = co_await second;
    } catch (...) {
        if (!failure)
            failure = std::current_exception();
    }
    if (failure)
        std::rethrow_exception(failure);
    co_return results;
}

// awaitBoth, for a caller that failed itself while the tasks ran (`earlier`, caught between
// starting them and awaiting them): once both ended, its failure is rethrown before theirs.
template <typename T>
QCoro::Task<std::array<T, 2>> awaitBothAfter(const std::exception_ptr &earlierIn,
                                             QCoro::Task<T> &first, QCoro::Task<T> &second)
{
    const std::exception_ptr earlier = earlierIn; // copied before the first co_await
    std::array<T, 2> results{};
    std::exception_ptr failure;
    try {
        results = co_await awaitBoth(first, second);
    } catch (...) {
        failure = std::current_exception();
    }
    if (earlier)
        std::rethrow_exception(earlier);
    if (failure)
        std::rethrow_exception(failure);
    co_return results;
}

inline QCoro::Task<void> awaitBoth(QCoro::Task<void> &first, QCoro::Task<void> &second)
{
    std::exception_ptr failure;
    try {
        co_await first;
    } catch (...) {
        failure = std::current_exception();
    }
    try {
        co_await second;
    } catch (...) {
        if (!failure)
            failure = std::current_exception();
    }
    if (failure)
        std::rethrow_exception(failure);
}

} // namespace twinbox::sync
