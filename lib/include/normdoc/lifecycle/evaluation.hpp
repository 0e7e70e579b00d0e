// SPDX-License-Identifier: MIT
#pragma once

#include <normdoc/audit/event_log.hpp>
#include <normdoc/config/config.hpp>
#include <normdoc/registry/registry.hpp>
#include <normdoc/store/database.hpp>
#include <normdoc/util/json.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace normdoc::lifecycle {

// What a post-evaluation (后评估) decides before validity ends (regulations.md 7.3):
// 确认继续实施 (a new validity period), 修改 (a new version replaces it) or 废止.
enum class Outcome
{
  keep_in_force,
  amend,
  repeal
};

std::string_view outcome_key(Outcome outcome);   // continue | amend | repeal
std::string_view outcome_label(Outcome outcome); // 继续有效 | 修改 | 废止
std::optional<Outcome> parse_outcome(std::string_view key);

struct EvaluationInput
{
  Outcome outcome = Outcome::keep_in_force;
  util::Date date;
  std::optional<std::string> reason{};
  std::optional<std::filesystem::path> report{}; // the evaluation report; its name and hash are kept
  // continue: the new period, restarting on `date` (default: the configured validity);
  // or the new last day directly.
  std::optional<util::Duration> validity{};
  std::optional<util::Date> expires{};
  // amend: the new version, registered beforehand.
  std::optional<registry::Document> replacement{};
};

struct Evaluation
{
  std::int64_t id = 0;
  std::int64_t document = 0;
  util::Date date;
  Outcome outcome = Outcome::keep_in_force;
  std::optional<std::string> reason;
  std::optional<std::string> report;
  std::optional<std::string> report_sha256;
  std::optional<util::Date> previous_expires;
  std::optional<util::Date> new_expires;
  std::optional<std::string> previous_reg_no;
  std::optional<std::string> new_reg_no;
  std::optional<std::int64_t> replacement;
  std::string recorded_at;
};

// The one serialiser of an evaluation, as JSON members (see util::Members): id document outcome
// date reason report report_sha256 previous_expires new_expires previous_reg_no new_reg_no
// replacement. `evaluate --format json` writes them all (and the document's status); the
// `evaluate` event id (as `evaluation`) to report_sha256 without document; `void-evaluation`
// id (as `evaluation`), outcome and date.
void write_members(util::JsonWriter& json, const Evaluation& evaluation, const util::Members& members = {});

// Records a post-evaluation of `doc` and carries it out in `txn`: continue renews the validity
// (re-registering when configured), amend links the new version, repeal ends the document.
// Throws DataError for a document not in force on the date, a missing replacement or reason,
// or an unreadable report.
Evaluation evaluate(store::Transaction& txn, const registry::Registry& registry, const registry::Document& doc,
                    const EvaluationInput& input, const config::Config& config, const audit::Stamp& stamp);

// The evaluations of `document` not void, by date.
std::vector<Evaluation> evaluations_of(store::Database& db, std::int64_t document);

// Voids the last evaluation recorded for `doc` (recorded by mistake): the row stays, marked
// void with `date` and `reason`, and what it did to the document is put back — the previous
// expiry and 登记编号 (continue), the document in force again (repeal), the link to the new
// version (amend). The `void-evaluation` event (payload: evaluation, outcome, date, voided,
// reason, restored: [{document, field, from, to}]) says what changed, who and when. Throws
// DataError when there is none, the reason is empty, or the document changed since.
Evaluation void_evaluation(store::Transaction& txn, const registry::Document& doc, const util::Date& date,
                           const std::string& reason, const audit::Stamp& stamp);

} // namespace normdoc::lifecycle
