// SPDX-License-Identifier: MIT
#pragma once

#include <normdoc/calendar/calendar.hpp>
#include <normdoc/config/config.hpp>
#include <normdoc/filing/filing.hpp>
#include <normdoc/registry/acknowledgement.hpp>
#include <normdoc/registry/document.hpp>
#include <normdoc/remedy.hpp>
#include <normdoc/store/database.hpp>
#include <normdoc/util/named.hpp>

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace normdoc::deadline {

// What a reminder is about, in report order. A new kind is one entry here and in due.cpp's
// k_kinds (its key and Chinese label, which `due --kind`, JSON, CSV and iCalendar use), and the
// code that adds its reminders.
enum class DueKind
{
  filing,
  filing_supplement,
  filing_review,
  correction,
  legality_review,
  comment,
  exception,
  evaluation,
  expired,
  procedure,
  basis
};

// The kinds `due` knows, with their keys and Chinese labels.
util::NamedTable<DueKind> due_kinds();
std::string_view kind_key(DueKind kind);
std::string_view kind_label(DueKind kind);

// What clears a reminder: the step an officer takes (the CLI says it as a command line), or,
// for a reminder that ends by itself, the words saying when.
struct Clearance
{
  std::optional<Remedy> step{};
  std::string by_itself{};
};

// One thing to do by a date, or already late.
struct DueItem
{
  DueKind kind = DueKind::filing;
  std::int64_t document = 0;
  std::string title;
  std::string what; // Chinese: what has to be done
  util::Date due;
  int days_left = 0; // negative when overdue
  bool overdue = false;
  std::string article; // the rule behind the deadline
  Clearance action;    // the day asked about as its date
};

// What an acknowledgement acknowledged, in Chinese: 有效期届满（已失效）, 使用 normdoc 前已报送备案,
// or the procedure defect's name; an unknown subject as it is.
std::string_view acknowledgement_subject_label(std::string_view subject);

struct DueQuery
{
  util::Date as_of;
  util::Duration within{30, util::Duration::Unit::days};
  std::set<DueKind> kinds{}; // empty: all
  std::optional<std::string> issuer{};
  // Check every document's records instead of reading the stored reminders (what a database
  // opened read-only gets); the two agree, which the tests hold them to.
  bool from_records = false;
};

// Everything overdue on `as_of` and everything due within `within` after it, earliest first.
// Deadlines that need a calendar year not covered are still reported, at the unadjusted date,
// with the missing year named in `what`.
// Reminders are stored in the database (schema 10) and brought up to date first: those of
// documents whose records changed since, or all of them when the settings or the calendar
// changed. When the database cannot be written they are computed from the records.
std::vector<DueItem> due_items(store::Database& db, const config::Config& config, const calendar::Calendar& calendar,
                               const DueQuery& query);

// For `doctor`: whether the stored reminders are the ones the records give under these
// settings and calendar (every reminder and every day it applies on). Reminders not yet
// brought up to date pass: the next `due` recomputes them.
struct ReminderCheck
{
  bool ok = true;
  std::string detail; // what was found, in Chinese
};
ReminderCheck examine_reminders(store::Database& db, const config::Config& config, const calendar::Calendar& calendar);

// The way out of a reminder that no other record clears: records that `subject` of `doc` was
// acknowledged on `date` with `reason` — `expired` (有效期届满: the catalogue records the document
// as 已失效), `filed-before-registry` (filed on paper before normdoc), or the code of a
// procedure defect the document has (shown in `show --procedure`, kept, not deleted). Throws
// DataError when the subject does not apply to the document on that date.
registry::Acknowledgement acknowledge(store::Transaction& txn, const registry::Document& doc,
                                      const std::string& subject, const util::Date& date, const std::string& reason,
                                      const config::Config& config, const calendar::Calendar& calendar,
                                      const audit::Stamp& stamp);

// The same for every normative document published in `year` to which `subject` applies on
// `date` and that has not acknowledged it yet (per-year marking of history, e.g. every 2019
// document filed on paper), in `txn`; the others are left alone. Throws DataError when there
// is none.
std::vector<registry::Acknowledgement> acknowledge_year(store::Transaction& txn, int year, const std::string& subject,
                                                        const util::Date& date, const std::string& reason,
                                                        const config::Config& config,
                                                        const calendar::Calendar& calendar, const audit::Stamp& stamp);

// `report filing`: the filing figures of `year` (filing::compliance) and the number of its
// normative documents with a procedure defect (procedure::check) neither cured nor
// acknowledged on `as_of`.
filing::Compliance filing_report(store::Database& db, const config::Config& config, const calendar::Calendar& calendar,
                                 int year, const util::Date& as_of);

// Recomputes every stored reminder, in one transaction (`doctor --fix`).
void rebuild_reminders(store::Database& db, const config::Config& config, const calendar::Calendar& calendar);

} // namespace normdoc::deadline
