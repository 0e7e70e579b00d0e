// SPDX-License-Identifier: MIT
#pragma once

#include <normdoc/audit/checkpoint.hpp>
#include <normdoc/audit/event_log.hpp>
#include <normdoc/store/database.hpp>

#include <cstdint>
#include <filesystem>
#include <istream>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

// Bundles carry documents between registries (an office sending its filings to the
// supervising body): JSON Lines, a header line then one line per document with every field,
// the text, the procedure steps, filings and their outcomes, reviews, evaluations and the
// document's events. Format: schemas/output/bundle.schema.json.
namespace normdoc::bundle {

// Who sends a bundle: the office, when (UTC, ISO 8601), and what lets the receiver check its
// history — its private key (the bundle is sealed with it when given) and its newest
// checkpoint.
struct Sender
{
  std::string office;
  std::string at;
  std::optional<std::filesystem::path> key;
  std::optional<audit::Checkpoint> checkpoint;
};

// Writes the bundle of `documents` (in the order given). The header names the office (when
// not empty), this registry's chain head, the number and digest of the events sent (each
// carries its id, prev_hash and hash), the newest checkpoint, and a seal: the key's
// signature over office, head and digest. Returns the number written.
std::size_t write(store::Database& db, const std::vector<std::int64_t>& documents, std::ostream& out,
                  const Sender& sender);

enum class OnConflict
{
  refuse,
  skip,
  replace
};

struct Conflict
{
  int line = 0; // in the bundle
  std::string title;
  std::int64_t existing = 0;
  std::string reason;                 // Chinese: 登记编号相同 / 文号相同 / 正文相同
  std::vector<std::string> changes{}; // what replacing it would change, "标题：旧 → 新"
};

struct ReadResult
{
  std::size_t added = 0;
  std::size_t skipped = 0;
  std::size_t replaced = 0;
  std::vector<Conflict> conflicts{};
  std::vector<std::string> notices{}; // Chinese: how far the sender's history could be checked
};

struct ReadOptions
{
  OnConflict on_conflict = OnConflict::refuse;
  std::uint64_t max_text_bytes = std::uint64_t{100} << 20U; // config limits.text_mb
  std::optional<std::string> sender_key{};                  // the sender's public key (hex) as the receiver knows it
};

// Reads a bundle into the registry in `txn`. Every line is parsed and every value checked
// first (types, dates, statuses, ids, the text's hash recomputed), so a bad bundle writes
// nothing; with `refuse` any conflict with a document already registered (same 登记编号, same
// issuer and 文号, or the same text) stops the import before anything is written, and the
// conflicts are returned with what replacing each would change. Document ids are kept when
// free. The sender's events are kept as its history (received_event, with its office), not
// chained here; this registry's log gets one event per document created or replaced (with
// the document before and after) and one for the import. The sender's events are first
// checked against its chain (bundle/sender.hpp): a tampered, truncated or reordered history,
// a head or checkpoint that disagrees, a bad seal, or — with `sender_key` — a bundle not
// sealed with that key is refused. Throws DataError with the line and field for a malformed
// bundle. `in` is read twice, a line at a time (checked, then
// written), so memory does not grow with the bundle; it must be seekable (not a pipe).
ReadResult read(store::Transaction& txn, std::istream& in, const std::string& source, const ReadOptions& options,
                const audit::Stamp& stamp);

} // namespace normdoc::bundle
