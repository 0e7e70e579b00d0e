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

// Writes the bundle of `documents` (in the order given). Returns the number written.
std::size_t write(store::Database& db, const std::vector<std::int64_t>& documents, std::ostream& out);

enum class OnConflict { refuse, skip, replace };

struct Conflict
{
  int line = 0;          // in the bundle
  std::string title;
  std::int64_t existing = 0;
  std::string reason;    // Chinese: 登记编号相同 / 文号相同 / 正文相同
};

struct ReadResult
{
  std::size_t added = 0;
  std::size_t skipped = 0;
  std::size_t replaced = 0;
  std::vector<Conflict> conflicts{};
};

// Reads a bundle into the registry in `txn`. Every line is parsed and checked first; with
// `refuse` any conflict with a document already registered (same 登记编号, same issuer and
// 文号, or the same text) stops the import before anything is written, and the conflicts are
// returned. Document ids are kept when free, so export → import into an empty registry →
// export gives the same bytes. Events are appended to this registry's chain with their
// original time and actor. Throws DataError with the line for a malformed bundle.
// `in` is read twice, a line at a time (checked, then written), so memory does not grow with
// the bundle; it must be seekable (a file, not a pipe).
ReadResult read(store::Transaction& txn, std::istream& in, const std::string& source, OnConflict on_conflict,
                const audit::Stamp& stamp);

} // namespace normdoc::bundle
