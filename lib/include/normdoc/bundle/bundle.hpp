// SPDX-License-Identifier: MIT
#pragma once

#include <normdoc/audit/event_log.hpp>
#include <normdoc/store/database.hpp>

#include <cstdint>
#include <istream>
#include <ostream>
#include <string>
#include <vector>

// Bundles carry documents between registries (an office sending its filings to the
// supervising body): JSON Lines, a header line then one line per document with every field,
// the text, the procedure steps, filings and their outcomes, reviews, evaluations and the
// document's events. Format: schemas/output/bundle.schema.json.
namespace normdoc::bundle {

// Writes the bundle of `documents` (in the order given), the header naming `office` (when
// not empty) and this registry's chain head. Returns the number written.
std::size_t write(store::Database& db, const std::vector<std::int64_t>& documents, std::ostream& out,
                  const std::string& office);

enum class OnConflict { refuse, skip, replace };

struct Conflict
{
  int line = 0;          // in the bundle
  std::string title;
  std::int64_t existing = 0;
  std::string reason;    // Chinese: 登记编号相同 / 文号相同 / 正文相同
  std::vector<std::string> changes{}; // what replacing it would change, "标题：旧 → 新"
};

struct ReadResult
{
  std::size_t added = 0;
  std::size_t skipped = 0;
  std::size_t replaced = 0;
  std::vector<Conflict> conflicts{};
};

struct ReadOptions
{
  OnConflict on_conflict = OnConflict::refuse;
  std::uint64_t max_text_bytes = std::uint64_t{100} << 20U; // config limits.text_mb
};

// Reads a bundle into the registry in `txn`. Every line is parsed and every value checked
// first (types, dates, statuses, ids, the text's hash recomputed), so a bad bundle writes
// nothing; with `refuse` any conflict with a document already registered (same 登记编号, same
// issuer and 文号, or the same text) stops the import before anything is written, and the
// conflicts are returned with what replacing each would change. Document ids are kept when
// free. The sender's events are kept as its history (received_event, with its office), not
// chained here; this registry's log gets one event per document created or replaced (with
// the document before and after) and one for the import. Throws DataError with the line and
// field for a malformed bundle. `in` is read twice, a line at a time (checked, then
// written), so memory does not grow with the bundle; it must be seekable (not a pipe).
ReadResult read(store::Transaction& txn, std::istream& in, const std::string& source, const ReadOptions& options,
                const audit::Stamp& stamp);

} // namespace normdoc::bundle
