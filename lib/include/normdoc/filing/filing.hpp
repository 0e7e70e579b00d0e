// SPDX-License-Identifier: MIT
#pragma once

#include <normdoc/audit/event_log.hpp>
#include <normdoc/config/config.hpp>
#include <normdoc/registry/document.hpp>
#include <normdoc/store/database.hpp>
#include <normdoc/util/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace normdoc::filing {

// What the supervising body decided (法规规章备案审查条例 第九条: 备案登记 / 暂缓办理 / 不予备案登记)
// or concluded after review (通过 / 责令改正 / 撤销 / 纠正).
enum class Result
{
  registered,
  deferred,
  refused,
  passed,
  correct,
  revoke
};

std::string_view result_key(Result result);
std::string_view result_label(Result result);
std::optional<Result> parse_result(std::string_view key);
util::NamedTable<Result> results();
// A review conclusion ends the review (有备必审); correct and revoke open a correction (有错必纠).
bool concludes_review(Result result);
bool orders_correction(Result result);

struct Outcome
{
  std::string kind; // `result` or `corrected`
  std::optional<Result> result;
  util::Date date;
  std::optional<util::Date> until;
  std::optional<std::string> note;
};

struct Filing
{
  std::int64_t id = 0;
  std::int64_t document = 0;
  std::string body;
  util::Date filed;
  std::vector<std::string> materials;
  std::vector<std::string> missing;
  std::vector<Outcome> outcomes{};    // in the order recorded
  std::optional<util::Date> voided{}; // recorded by mistake: void from this day (void_filing)
  std::optional<std::string> void_reason{};

  // The last registration decision or review result, if any.
  std::optional<Outcome> last_result() const;
  // An open correction order: a correct/revoke result with no correction recorded after it.
  std::optional<Outcome> open_correction() const;
};

// The one serialiser of a filing and of an outcome, as JSON members (see util::Members).
// Filing: body filed materials missing outcomes voided void_reason — `show --procedure` writes
// them all; the `file` event body, filed (as `date`), materials, missing; `void-filing` the
// filing's id, then body, filed, voided, void_reason (as `reason`).
// Outcome: kind result date until note — the views write them all; `filing-result` the body,
// then all but kind; `filing-corrected` the body, then date and note.
void write_members(util::JsonWriter& json, const Filing& filing, const util::Members& members = {});
void write_members(util::JsonWriter& json, const Outcome& outcome, const util::Members& members = {});

// Files `doc` with each body in `bodies` on `date`. `sent` lists what was actually sent
// (default: the configured package); the rest of the package is recorded as missing.
// Throws DataError for an unpublished document, a date before publication, or a body it was
// already filed with.
std::vector<Filing> file(store::Transaction& txn, const registry::Document& doc, const std::vector<std::string>& bodies,
                         const util::Date& date, const std::optional<std::vector<std::string>>& sent,
                         const config::Config& config, const audit::Stamp& stamp);

// Past filings in bulk (`file --import`): a CSV with the columns ref, body, date and optionally
// materials (items separated by 、 or ，; default the configured package), one filing per line,
// each as `file` records it (event `file`). All lines or none: the first bad line throws
// DataError naming the file, its line and the column — an unknown document, an empty body, a
// malformed date or one after `today`, a filing already recorded.
std::vector<Filing> import_filings(store::Transaction& txn, std::string_view csv, const std::string& source,
                                   const util::Date& today, const config::Config& config, const audit::Stamp& stamp);

// "备案报告,正式文本" or "备案报告、正式文本" → the items, trimmed, empty ones dropped.
std::vector<std::string> split_items(std::string_view text);

// Records the body's decision or review result. `until` is the supplement deadline for a
// deferral or the correction deadline for an order; when absent the configured period applies.
Filing record_result(store::Transaction& txn, const registry::Document& doc, const std::string& body, Result result,
                     const util::Date& date, const std::optional<util::Date>& until,
                     const std::optional<std::string>& note, const audit::Stamp& stamp);

// Records that an ordered correction was made (有错必纠). Throws DataError when no correction is open.
Filing record_correction(store::Transaction& txn, const registry::Document& doc, const std::string& body,
                         const util::Date& date, const std::string& note, const audit::Stamp& stamp);

// Voids the live filing of `doc` with `body`, recorded by mistake: the row stays, marked void
// with `date` and `reason`, and a `void-filing` event (payload: filing, body, filed, voided,
// reason) says who and when. Reminders and reports no longer count it, and the filing can be
// recorded again. Throws DataError for no such filing or an empty reason.
Filing void_filing(store::Transaction& txn, const registry::Document& doc, const std::string& body,
                   const util::Date& date, const std::string& reason, const audit::Stamp& stamp);

// The filings of `document` not void (what everything derived counts); with `void_too`, the
// void ones as well, in the order recorded (what `show --procedure` lists).
std::vector<Filing> filings_of(store::Database& db, std::int64_t document, bool void_too = false);
// The filings not void of every document in two queries, for reports over the whole registry.
std::unordered_map<std::int64_t, std::vector<Filing>> filings_by_document(store::Database& db);

} // namespace normdoc::filing

#include <normdoc/calendar/calendar.hpp>

namespace normdoc::filing {

// Filing compliance of the normative documents published in one year
// (`normdoc report filing`), as of `as_of`: a filing dated later (recorded --planned) is not
// counted as done.
struct Compliance
{
  int year = 0;
  int published = 0;        // normative documents published that year
  int filed = 0;            // filed with every required body (or anywhere, when none is configured)
  int filed_on_time = 0;    // ... each within the filing deadline
  int open_corrections = 0; // correction orders not yet carried out
  int gate_overrides = 0;   // review gates passed with --override-gate for these documents
  int procedure_defects =
    0; // documents with a procedure defect neither cured nor acknowledged (deadline::filing_report)
  std::vector<std::string> calendar_gaps{}; // why some deadlines could not be adjusted for holidays

  double filing_rate() const { return published == 0 ? 0.0 : static_cast<double>(filed) / published; }
  double on_time_rate() const { return published == 0 ? 0.0 : static_cast<double>(filed_on_time) / published; }
};

Compliance compliance(store::Database& db, const config::Config& config, const calendar::Calendar& calendar, int year,
                      const util::Date& as_of);

} // namespace normdoc::filing
