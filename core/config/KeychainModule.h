#pragma once

#include <QString>

#include <functional>

namespace twinbox::config {

// What SecretStore asks of QtKeychain, through the module that alone links it
// (core/keychain): QtKeychain brings Qt D-Bus and, through libdbus, eight more libraries,
// whose loading a sync that never reads the keychain would pay at every start.
struct KeychainRequest
{
    enum class Operation { Read, Write, Remove };
    Operation operation = Operation::Read;
    QString service;
    QString key;
    QString secret; // Write only
};

struct KeychainReply
{
    enum class Status { Ok, NotFound, Failed };
    Status status = Status::Failed;
    QString secret; // a Read that succeeded
    QString error;  // QtKeychain's own words for a failure
};

using KeychainDone = std::function<void(const KeychainReply &)>;

// The module's one entry point: starts the job; `done` is called once, from the event loop.
using KeychainStart = void (*)(const KeychainRequest &, const KeychainDone &);
inline constexpr char keychainStartSymbol[] = "twinbox_keychain_start";

} // namespace twinbox::config
