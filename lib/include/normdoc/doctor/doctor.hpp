// SPDX-License-Identifier: MIT
#pragma once

#include <normdoc/store/database.hpp>
#include <normdoc/util/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace normdoc::calendar {
class Calendar;
}
namespace normdoc::config {
struct Config;
}

// `normdoc doctor`: everything that can be checked about a registry without changing it, and
// the repair of what is derived from the records (the search index, the stored reminders).
namespace normdoc::doctor {

struct Check
{
  std::string key;   // stable English: integrity, foreign-keys, schema, audit, search-index
  std::string label; // Chinese
  bool ok = false;
  std::string detail; // what was found, in Chinese
};

struct Report
{
  std::vector<Check> checks;

  bool ok() const;
  // Whether check `key` ran and failed.
  bool failed(std::string_view key) const;
  // Whether a failed check is one `repair` rebuilds.
  bool repairable() const;
};

// The checks of the file itself: integrity, references, schema version, the log's hash chain
// and replay, the search index (the last three only on a sound file).
Report examine(store::Database& db);
// Those and, on a sound file, whether the stored reminders are the ones the records give under
// these settings and calendar.
Report examine(store::Database& db, const config::Config& config, const calendar::Calendar& calendar);
// Rebuilds what `report` found out of step and can be rebuilt (the search index, the stored
// reminders), each in its own transaction, and examines again.
Report repair(store::Database& db, const Report& report, const config::Config& config,
              const calendar::Calendar& calendar);

// {"ok": …, "checks": [{"key", "ok", "detail"}, …]}: the JSON of `doctor --format json`.
void write_json(util::JsonWriter& json, const Report& report);

} // namespace normdoc::doctor
