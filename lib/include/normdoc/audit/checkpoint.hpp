// SPDX-License-Identifier: MIT
#pragma once

#include <normdoc/store/database.hpp>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

// Anchors outside the database. The hash chain alone cannot stop someone with write access to
// the database file: they can delete the newest events and rewrite the head, or rewrite events
// and recompute every hash. A checkpoint records the head (event count, hash, time) signed with
// the office's Ed25519 key, which is kept outside the database; a copy held by the supervising
// body cannot be re-signed after the fact. `audit verify` compares the chain with every
// checkpoint it is given.
namespace normdoc::audit {

struct Checkpoint
{
  std::int64_t events = 0; // the chain's length when it was made
  std::string hash;        // the hash of event `events` (the head then)
  std::string at;          // UTC, ISO 8601
  std::string office;
  std::string public_key; // hex of the raw Ed25519 key that signed it
  std::string signature;  // hex of the Ed25519 signature over message()
  std::string message() const;
};

// Creates an Ed25519 key pair: the private key (PEM, mode 0600) at `private_key`, the public
// key (PEM) beside it with ".pub" appended. Refuses to overwrite. Returns the public key in hex.
std::string create_key_pair(const std::filesystem::path& private_key);

// The public key beside `private_key` (hex), or nothing when there is none.
std::optional<std::string> public_key_hex(const std::filesystem::path& private_key);

// The public key in the PEM file `path` (hex). Throws DataError naming the file.
std::string read_public_key(const std::filesystem::path& path);

struct Signature
{
  std::string public_key; // hex of the raw Ed25519 key
  std::string signature;  // hex
};

// Signs `message` with the private key at `private_key`. Throws DataError when it cannot be read.
Signature sign(const std::filesystem::path& private_key, const std::string& message);

// Whether `signature` (hex) is `public_key`'s (hex) signature of `message`.
bool signature_valid(const std::string& public_key, const std::string& message, const std::string& signature);

// Signs the current chain head. Throws DataError when the key cannot be read.
Checkpoint make_checkpoint(store::Database& db, const std::filesystem::path& private_key, const std::string& at,
                           const std::string& office);

// One checkpoint as a JSON line, and back (DataError naming file and line).
std::string to_json(const Checkpoint& checkpoint);
std::vector<Checkpoint> read_checkpoints(const std::filesystem::path& file);

// Appends one line to the checkpoints file, creating it (and its directory) when missing.
void append_checkpoint(const std::filesystem::path& file, const Checkpoint& checkpoint);

// Why the chain in `db` disagrees with `checkpoint` as signed by `public_key` (hex): a broken
// signature, another key, a log shorter than the checkpoint, or another hash at its event.
// Empty when it agrees.
std::string disagreement(store::Database& db, const Checkpoint& checkpoint, const std::string& public_key);

} // namespace normdoc::audit
