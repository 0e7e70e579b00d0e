// SPDX-License-Identifier: MIT
#pragma once

#include <normdoc/audit/event_log.hpp>
#include <normdoc/config/config.hpp>
#include <normdoc/registry/document.hpp>
#include <normdoc/store/database.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

// The register of higher-level laws (上位法) that documents cite as their basis (制定依据), and
// what changed in them: a document in force whose basis was revised or repealed after it was
// published is to be reviewed (河南省优化营商环境条例 第五十一条).
namespace normdoc::basis {

struct Law
{
  std::string name; // normalised
  std::optional<std::string> level;
  std::optional<std::string> category;
  std::optional<util::Date> published; // latest text
  std::optional<util::Date> valid_from;
  bool repealed = false;
};

enum class ChangeKind
{
  revised,
  repealed
};
std::string_view change_key(ChangeKind kind);
std::string_view change_label(ChangeKind kind);
std::optional<ChangeKind> parse_change(std::string_view text); // its key or label

struct Change
{
  std::string law;
  ChangeKind kind = ChangeKind::revised;
  std::optional<util::Date> date; // unknown when a catalogue only marks a law as no longer in force
  util::Date recorded_on;
  std::string source;
};

struct ImportResult
{
  std::size_t laws = 0;  // distinct names in the file
  std::size_t added = 0; // new in the register
  std::vector<Change> changes{};
};

// Loads a catalogue in the format of national-laws.csv (name, level, publish, valid_from,
// expired[, category]); several rows of one name are its versions, and the law is repealed
// when none is in force. A law seen before and now newer or no longer in force is recorded as
// revised or repealed on `today`. All rows are checked first: one bad row rejects the file
// with its line, nothing applied.
ImportResult import_catalogue(store::Transaction& txn, std::string_view csv_text, const std::string& source,
                              const util::Date& today, const audit::Stamp& stamp);

// Records one change by hand (adding the law to the register when it is not there).
Change record_change(store::Transaction& txn, const std::string& name, ChangeKind kind, const util::Date& date,
                     const util::Date& today, const audit::Stamp& stamp);

std::optional<Law> find_law(store::Database& db, std::string_view name);

// A law of the register with what the registry knows of it: the documents that cite it and
// the change recorded last.
struct LawEntry
{
  Law law;
  std::int64_t cited_by = 0;
  std::optional<Change> last_change;
};

struct LawFilter
{
  bool cited_only = false;   // cited by at least one document
  bool changed_only = false; // revised or repealed since it was registered
};

// The register by name.
std::vector<LawEntry> list_laws(store::Database& db, const LawFilter& filter);

// A document in force whose cited law changed after it was published and that has not been
// evaluated, reviewed (legality) or decided in a cleanup since.
struct Flag
{
  registry::Document document;
  std::string law;
  std::string cited_as;
  Change change;
};

std::vector<Flag> flags(store::Database& db, const util::Date& as_of);

// Re-extracts the citations of every stored text (for databases written before citations were
// kept). Returns the number of documents scanned.
std::size_t rescan(store::Transaction& txn);

} // namespace normdoc::basis
