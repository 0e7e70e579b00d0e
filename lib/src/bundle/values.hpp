// SPDX-License-Identifier: MIT
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

// The values of a bundle line checked as strictly as the command line checks its own, before
// anything is written: a bundle is data from another registry (or from anyone with an
// editor), and what SQLite would accept — a number as a title, "garbage" as a date — breaks
// every later command that reads the row.
namespace normdoc::bundle::detail {

using Json = nlohmann::ordered_json;

struct Limits
{
  std::uint64_t max_text_bytes = std::uint64_t{100} << 20U;
};

// Checks one document line (everything but the header). Throws DataError naming the field
// (as part.field, e.g. "filings[0].filed"); the caller adds the file and line.
void check_line(const Json& line, const Limits& limits);

// Checks the header line: {"bundle":"normdoc","version":1} with, from senders that know them,
// "office" (the sending office) and "head" ({"events": n, "hash": "…"}: the sender's chain).
void check_header(const Json& header);

} // namespace normdoc::bundle::detail
