// SPDX-License-Identifier: MIT
#pragma once

#include <normdoc/audit/event_log.hpp>
#include <normdoc/calendar/calendar.hpp>
#include <normdoc/config/config.hpp>
#include <normdoc/registry/document.hpp>
#include <normdoc/store/database.hpp>
#include <normdoc/util/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace normdoc::procedure {

// The drafting steps of 国办发〔2018〕37号 (三): 评估论证、公开征求意见、合法性审核、集体审议决定、
// 向社会公开发布, plus the fair-competition review (公平竞争审查条例 第二条) and signing.
enum class StepKind
{
  assessment,
  comment,
  legality_review,
  fair_competition_review,
  deliberation,
  signing,
  publication
};

std::string_view step_key(StepKind kind);
std::string_view step_label(StepKind kind);
std::optional<StepKind> parse_step(std::string_view key);
util::NamedTable<StepKind> step_kinds();

// Review conclusions: 合法 / 不合法 / 应当予以修改 (115号 (六)); 符合 / 不符合 / 适用例外 (条例 第十二条).
enum class Conclusion
{
  lawful,
  unlawful,
  revise,
  compliant,
  noncompliant,
  exception
};

util::NamedTable<Conclusion> conclusions();
std::string_view conclusion_key(Conclusion conclusion);
std::string_view conclusion_label(Conclusion conclusion);
std::optional<Conclusion> parse_conclusion(std::string_view key);
// The key of a conclusion when there is one (JSON, the log, the database).
std::optional<std::string> conclusion_key(const std::optional<Conclusion>& conclusion);
// The conclusions a review step can reach: 合法性审核 lawful, unlawful, revise; 公平竞争审查
// compliant, noncompliant, exception; none for the other steps.
std::vector<Conclusion> conclusions_of(StepKind kind);
// The document may go ahead as it is: 合法, 符合.
bool is_favourable(Conclusion conclusion);
// A conclusion that lets the document go on: to deliberation after a legality review that found
// it 合法 or 应当予以修改 (国办发〔2018〕115号 (七)); to be issued after a fair-competition review
// that found it 符合 or 适用例外 (公平竞争审查条例 第十八条).
bool lets_proceed(Conclusion conclusion);

struct StepInput
{
  StepKind kind = StepKind::assessment;
  std::optional<util::Date> date{};
  std::optional<util::Date> from{};
  std::optional<util::Date> to{};
  std::optional<util::Date> received{};
  std::optional<util::Date> until{};
  std::optional<std::string> channel{};
  std::optional<std::string> meeting{};
  std::optional<Conclusion> result{};
  std::optional<std::string> note{};
  // Why a legality review was concluded in under the minimum (115号 (五): emergencies, urgent
  // orders from above).
  std::optional<std::string> urgency{};
  // Passes a gate that would refuse the step (a document issued before the office used
  // normdoc); recorded in the log.
  std::optional<std::string> override_reason{};
};

struct Step
{
  std::int64_t id = 0;
  std::int64_t document = 0;
  StepKind kind = StepKind::assessment;
  std::optional<util::Date> date;
  std::optional<util::Date> from;
  std::optional<util::Date> to;
  std::optional<util::Date> received;
  std::optional<util::Date> until;
  std::optional<std::string> channel;
  std::optional<std::string> meeting;
  std::optional<Conclusion> result;
  std::optional<std::string> note;
  std::optional<std::string> urgency;
  std::string recorded_at;
};

// What was recorded of a step, from `date` to `urgency`, as JSON members: the one serialiser of
// those fields, for the log's `record` event (the input) and `show --procedure` (the row).
void write_recorded(util::JsonWriter& json, const StepInput& input);
void write_recorded(util::JsonWriter& json, const Step& step);

// Records a step (and its log event) in `txn`. A legality review may be recorded open
// (`received` only) and concluded later (`date` and `result`), which completes the open one.
// Throws DataError for missing or inconsistent fields, naming them, and at the gates:
// deliberation needs a concluded legality review (合法 or 应当予以修改) on or before its date
// (国办发〔2018〕115号 (七)); a legality review concluded less than the configured minimum
// (5 working days) after it was received needs an urgency reason (115号 (五)). A deliberation
// also marks a draft as approved (已审议).
Step record(store::Transaction& txn, const registry::Document& doc, const StepInput& input,
            const config::Config& config, const calendar::Calendar& calendar, const audit::Stamp& stamp);

// The publication gate: a document that concerns business activity is published only after a
// fair-competition review concluded 符合 or 适用例外 (公平竞争审查条例 第十八条). Throws DataError
// naming the missing review, unless `override_reason` is given: the override is logged, and
// the defects of skipped steps (no legality review, deliberation, fair-competition review)
// are acknowledged with that reason from `date`, the publication day.
void require_publication_gate(store::Transaction& txn, const registry::Document& doc, const util::Date& date,
                              const std::optional<std::string>& override_reason, const audit::Stamp& stamp);

// Voids step `id` recorded by mistake: the row stays, marked void with the date and reason,
// and a `void-step` event (payload: step, document, voided, reason) records who and when;
// steps_of and everything derived from it no longer see it. A deliberation that made a draft
// 已审议 leaves that status alone. Throws DataError for an unknown or already void step.
Step void_step(store::Transaction& txn, std::int64_t id, const util::Date& date, const std::string& reason,
               const audit::Stamp& stamp);

// A new text of a draft (edit --text) takes the ground from under its concluded legality and
// fair-competition reviews (国办发〔2018〕115号 (五): the review is of the 送审稿; 公平竞争审查条例
// 第十八条): each is marked void from `date` with an `outdate-review` event (same payload as
// `void-step`), so the gates close until a new review or an override. Published documents
// keep theirs. Returns the steps outdated.
std::vector<Step> outdate_reviews(store::Transaction& txn, const registry::Document& doc, const util::Date& date,
                                  const audit::Stamp& stamp);

// The steps not void, in date order.
std::vector<Step> steps_of(store::Database& db, std::int64_t document);
// The steps of every document in one query, for reports over the whole registry.
std::unordered_map<std::int64_t, std::vector<Step>> steps_by_document(store::Database& db);

// A procedural defect found in the recorded dates, with the rule it breaks.
// The name in Chinese of a procedure defect's code (what `acknowledge` takes), e.g.
// `published-without-deliberation` → 发布前未经集体审议决定; nullopt for an unknown code.
std::optional<std::string_view> issue_name(std::string_view code);

struct Issue
{
  std::string code;    // stable English key, e.g. `comment-too-short`
  std::string message; // Chinese
  std::string article;
  util::Date date; // the day the defect arose
};

// Checks the recorded steps of `doc` against the drafting rules: comment period too short,
// deliberation before a concluded legality review, publication before deliberation,
// effective before publication, business documents without a fair-competition review.
std::vector<Issue> check(const registry::Document& doc, const std::vector<Step>& steps, const config::Config& config,
                         const calendar::Calendar& calendar);

} // namespace normdoc::procedure
