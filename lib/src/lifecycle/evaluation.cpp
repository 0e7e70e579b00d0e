// SPDX-License-Identifier: MIT
#include <normdoc/lifecycle/evaluation.hpp>

#include <normdoc/error.hpp>
#include <normdoc/util/file.hpp>
#include <normdoc/util/json.hpp>
#include <normdoc/util/named.hpp>
#include <normdoc/util/sha256.hpp>
#include <normdoc/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace normdoc::lifecycle {

namespace {

constexpr std::array<util::Named<Outcome>, 3> k_outcomes{{
  {Outcome::keep_in_force, "continue", "继续有效"},
  {Outcome::amend, "amend", "修改"},
  {Outcome::repeal, "repeal", "废止"},
}};

constexpr std::string_view k_select =
  "SELECT id, document, date, outcome, reason, report, report_sha256, previous_expires, new_expires, previous_reg_no,"
  " new_reg_no, replacement, recorded_at FROM evaluation WHERE voided IS NULL";

Evaluation read_evaluation(const store::Statement& stmt)
{
  return Evaluation{stmt.integer(0),        stmt.integer(1),
                    *stmt.optional_date(2), parse_outcome(stmt.text(3)).value_or(Outcome::keep_in_force),
                    stmt.optional_text(4),  stmt.optional_text(5),
                    stmt.optional_text(6),  stmt.optional_date(7),
                    stmt.optional_date(8),  stmt.optional_text(9),
                    stmt.optional_text(10), stmt.optional_integer(11),
                    stmt.text(12)};
}

// What the log's `evaluate` event holds of the evaluation it records.
const util::Members k_evaluate_event{.only = {"id", "outcome", "date", "reason", "report", "report_sha256"},
                                     .rename = {{"id", "evaluation"}}};

} // namespace

void write_members(util::JsonWriter& json, const Evaluation& evaluation, const util::Members& members)
{
  util::MemberWriter(json, members)
    .member("id", evaluation.id)
    .member("document", evaluation.document)
    .member("outcome", outcome_key(evaluation.outcome))
    .member("date", evaluation.date.iso())
    .member("reason", evaluation.reason)
    .member("report", evaluation.report)
    .member("report_sha256", evaluation.report_sha256)
    .member("previous_expires", util::to_iso(evaluation.previous_expires))
    .member("new_expires", util::to_iso(evaluation.new_expires))
    .member("previous_reg_no", evaluation.previous_reg_no)
    .member("new_reg_no", evaluation.new_reg_no)
    .member("replacement", evaluation.replacement);
}

std::string_view outcome_key(Outcome outcome)
{
  return util::named(k_outcomes, outcome).key;
}

std::string_view outcome_label(Outcome outcome)
{
  return util::named(k_outcomes, outcome).label;
}

std::optional<Outcome> parse_outcome(std::string_view key)
{
  return util::parse_named(k_outcomes, key);
}

Evaluation evaluate(store::Transaction& txn, const registry::Registry& registry, const registry::Document& doc,
                    const EvaluationInput& input, const config::Config& config, const audit::Stamp& stamp)
{
  store::Database& db = txn.database();
  std::optional<std::string> report_name;
  std::optional<std::string> report_sha256;
  if (input.report) {
    report_name = input.report->filename().string();
    report_sha256 = util::sha256_hex(util::read_file(*input.report, "评估报告"));
  }
  const std::optional<std::string> reason =
    input.reason && !util::trim(*input.reason).empty() ? input.reason : std::nullopt;
  registry::Document after = doc;
  switch (input.outcome) {
  case Outcome::keep_in_force: {
    const util::Duration validity =
      input.validity.value_or(doc.trial ? config.validity_trial : config.validity_default);
    const util::Date expires = input.expires.value_or(registry::expiry_for(input.date, validity));
    after = registry.renew(txn, doc, input.date, expires, stamp);
    break;
  }
  case Outcome::amend:
    if (!input.replacement) {
      throw DataError("决定修改的，须指明修改后的新文件（须已登记）", Location{{}, 0, 0, "by"});
    }
    after = registry.amend(txn, doc, *input.replacement, input.date, stamp);
    break;
  case Outcome::repeal:
    if (!reason) {
      throw DataError("决定废止的，须写明理由", Location{{}, 0, 0, "reason"});
    }
    after = registry.repeal(txn, doc, input.date, fmt::format("后评估决定废止：{}", *reason), stamp);
    break;
  }
  const bool renewed = input.outcome == Outcome::keep_in_force;
  db.prepare("INSERT INTO evaluation (document, date, outcome, reason, report, report_sha256, previous_expires,"
             " new_expires, previous_reg_no, new_reg_no, replacement, recorded_at)"
             " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
    .bind_all(doc.id, input.date, outcome_key(input.outcome), reason, report_name, report_sha256,
              util::to_iso(doc.expires), renewed ? util::to_iso(after.expires) : std::nullopt, doc.reg_no,
              renewed ? after.reg_no : std::nullopt,
              input.replacement ? std::optional(input.replacement->id) : std::nullopt, stamp.at)
    .run();
  auto stmt = db.prepare(std::string(k_select) + " AND id = ?");
  stmt.bind(1, db.last_insert_rowid());
  stmt.step();
  Evaluation evaluation = read_evaluation(stmt);
  util::JsonWriter payload;
  payload.begin_object();
  write_members(payload, evaluation, k_evaluate_event);
  payload.end_object();
  audit::append(txn, stamp, doc.id, "evaluate", payload.str());
  return evaluation;
}

std::vector<Evaluation> evaluations_of(store::Database& db, std::int64_t document)
{
  auto stmt = db.prepare(std::string(k_select) + " AND document = ? ORDER BY date, id");
  stmt.bind(1, document);
  std::vector<Evaluation> found;
  while (stmt.step() == store::Step::row) {
    found.push_back(read_evaluation(stmt));
  }
  return found;
}

namespace {

[[noreturn]] void changed_since(const registry::Document& doc, const Evaluation& evaluation)
{
  throw DataError(fmt::format("文件 #{} 在 {} 的后评估（{}）之后已有变动，不能直接作废", doc.id, evaluation.date.iso(),
                              outcome_label(evaluation.outcome)),
                  Location{{}, 0, 0, "evaluation"}, "先作废或更正后来的记录");
}

} // namespace

Evaluation void_evaluation(store::Transaction& txn, const registry::Document& doc, const util::Date& date,
                           const std::string& reason, const audit::Stamp& stamp)
{
  store::Database& db = txn.database();
  auto live = evaluations_of(db, doc.id);
  if (live.empty()) {
    throw DataError(fmt::format("文件 #{} 没有有效的后评估记录", doc.id), Location{{}, 0, 0, "ref"});
  }
  // The last one recorded: what it changed is what the document shows now.
  Evaluation last =
    *std::max_element(live.begin(), live.end(), [](const Evaluation& a, const Evaluation& b) { return a.id < b.id; });
  const std::string why(util::trim(reason));
  if (why.empty()) {
    throw DataError("须写明作废理由", Location{{}, 0, 0, "reason"});
  }
  util::JsonWriter payload;
  payload.begin_object();
  write_members(payload, last, {.only = {"id", "outcome", "date"}, .rename = {{"id", "evaluation"}}});
  payload.member("voided", date.iso()).member("reason", why).key("restored").begin_array();
  // Each document field put back, as {document, field, from, to}; ids are numbers, as in `amend`.
  const auto restored = [&](std::int64_t document, std::string_view field, const auto& from, const auto& to) {
    payload.begin_object().member("document", document).member("field", field).member("from", from).member("to", to);
    payload.end_object();
  };
  const std::optional<std::string> none;
  switch (last.outcome) {
  case Outcome::keep_in_force:
    if (doc.recorded_status != registry::Status::published || doc.expires != last.new_expires ||
        doc.reg_no != last.new_reg_no) {
      changed_since(doc, last);
    }
    restored(doc.id, "expires", util::to_iso(doc.expires), util::to_iso(last.previous_expires));
    restored(doc.id, "reg_no", doc.reg_no, last.previous_reg_no);
    db.prepare("UPDATE document SET expires = ?, reg_no = ?, updated_at = ? WHERE id = ?")
      .bind_all(util::to_iso(last.previous_expires), last.previous_reg_no, stamp.at, doc.id)
      .run();
    break;
  case Outcome::repeal:
    if (doc.recorded_status != registry::Status::repealed || doc.repealed != last.date) {
      changed_since(doc, last);
    }
    restored(doc.id, "status", std::optional<std::string>("repealed"), std::optional<std::string>("published"));
    restored(doc.id, "repealed", util::to_iso(doc.repealed), none);
    db.prepare("UPDATE document SET status = 'published', repealed = NULL, repeal_reason = NULL, updated_at = ?"
               " WHERE id = ?")
      .bind_all(stamp.at, doc.id)
      .run();
    break;
  case Outcome::amend:
    if (doc.recorded_status != registry::Status::amended || !last.replacement ||
        doc.superseded_by != last.replacement) {
      changed_since(doc, last);
    }
    restored(doc.id, "status", std::optional<std::string>("amended"), std::optional<std::string>("published"));
    restored(doc.id, "amended", util::to_iso(doc.amended), none);
    restored(doc.id, "superseded_by", last.replacement, std::optional<std::int64_t>());
    restored(*last.replacement, "amends", std::optional<std::int64_t>(doc.id), std::optional<std::int64_t>());
    db.prepare("UPDATE document SET status = 'published', amended = NULL, superseded_by = NULL, updated_at = ?"
               " WHERE id = ?")
      .bind_all(stamp.at, doc.id)
      .run();
    db.prepare("UPDATE document SET amends = NULL, updated_at = ? WHERE id = ?")
      .bind_all(stamp.at, *last.replacement)
      .run();
    break;
  }
  db.prepare("UPDATE evaluation SET voided = ?, void_reason = ? WHERE id = ?").bind_all(date.iso(), why, last.id).run();
  payload.end_array().end_object();
  audit::append(txn, stamp, doc.id, "void-evaluation", payload.str());
  return last;
}

} // namespace normdoc::lifecycle
