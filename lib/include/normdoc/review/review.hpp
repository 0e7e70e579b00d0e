// SPDX-License-Identifier: MIT
#pragma once

#include <normdoc/audit/event_log.hpp>
#include <normdoc/calendar/calendar.hpp>
#include <normdoc/config/config.hpp>
#include <normdoc/procedure/procedure.hpp>
#include <normdoc/registry/document.hpp>
#include <normdoc/review/checklist.hpp>
#include <normdoc/review/screen.hpp>
#include <normdoc/store/database.hpp>
#include <normdoc/util/json.hpp>
#include <normdoc/util/named.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace normdoc::review {

enum class Answer
{
  pass,
  fail,
  na
};

std::string_view answer_key(Answer answer);
std::string_view answer_label(Answer answer);
std::optional<Answer> parse_answer(std::string_view key);

// The four grounds of 公平竞争审查条例 第十二条 (一)–(四).
enum class Ground
{
  security,
  innovation,
  public_interest,
  law
};

util::NamedTable<Ground> grounds();
std::string_view ground_key(Ground ground);
std::string_view ground_label(Ground ground);

struct ItemAnswer
{
  std::string item;
  std::string category{};
  std::string text{};
  std::string article{};
  std::optional<Answer> answer{};
  std::optional<std::string> note{};
  std::optional<std::string> evidence{};
  std::optional<std::string> answered_by{};
  std::optional<std::string> answered_at{};
};

struct RecordedFinding
{
  int number = 0;
  Finding finding;
  std::optional<std::string> dismissed_reason;
  std::optional<std::string> dismissed_by;
  std::optional<std::string> dismissed_at;
};

// A fair-competition measure admitted under 公平竞争审查条例 第十二条: all three parts argued.
struct Exception
{
  Ground ground = Ground::security;
  std::string alternatives; // why no measure with less effect on competition would do
  util::Date until;         // end of the implementation period
};

struct Review
{
  std::int64_t id = 0;
  std::int64_t document = 0;
  std::string checklist;
  std::string checklist_title;
  std::string checklist_version;
  std::string checklist_sha256;
  std::vector<std::string> conclusions;
  std::string exception_item;
  std::optional<std::string> text_sha256;
  std::string reviewer;
  std::optional<util::Date> received;
  std::string started_at;
  std::optional<util::Date> concluded;
  std::optional<procedure::Conclusion> result;
  std::optional<std::string> opinion;
  std::optional<std::string> urgency;
  std::optional<Exception> exception;
  std::optional<std::int64_t> superseded_by;
  std::vector<ItemAnswer> items{};
  std::vector<RecordedFinding> findings{};

  bool is_open() const { return !result && !superseded_by; }
};

// open, concluded or superseded.
std::string_view status_key(const Review& review);

// The one serialiser of a review and of an item's answer (see util::Members). A review: id,
// status, its document (id title doc_no issuer drafting_unit), the checklist, text_sha256,
// reviewer, received, started_at, concluded, result (and its label), opinion, urgency,
// exception, superseded_by, items, findings with their dismissals — what `review show
// --format json` writes. An item: id category text article answer note evidence answered_by
// answered_at; the `review-answer` event writes id (as `item`), answer, note and evidence.
// The other review events (start, dismiss, conclude) record what the command was given, under
// the names the log has always used, not the review.
void write_members(util::JsonWriter& json, const Review& review, const registry::Document& doc);
void write_members(util::JsonWriter& json, const ItemAnswer& item, const util::Members& members = {});

// What a review against `checklist` is called: 审核 for the legality review (国办发〔2018〕115号),
// 审查 for the fair-competition review (公平竞争审查条例) and any other checklist.
std::string_view review_word(std::string_view checklist);

// Starts a review of `doc` against `checklist`: copies its items, screens the stored text and
// records the findings, and supersedes the document's earlier reviews with the same checklist.
// A legality review also opens the legality-review procedure step on `received` (the review
// deadline of 国办发〔2018〕115号 (五) runs from it).
Review start(store::Transaction& txn, const registry::Document& doc, const Checklist& checklist,
             const util::Date& received, const config::Config& config, const calendar::Calendar& calendar,
             const audit::Stamp& stamp);

struct AnswerInput
{
  std::string item;
  Answer answer = Answer::pass;
  std::optional<std::string> note{};
  std::optional<std::string> evidence{};
};

// Records answers (all or none). Throws DataError for a concluded or superseded review or an
// unknown item (with the closest id).
void answer(store::Transaction& txn, std::int64_t review, const std::vector<AnswerInput>& answers,
            const audit::Stamp& stamp);

// Parses an answers file: `L1 = "pass"` or a table `[L4]` with answer, note, evidence.
// Throws DataError with file:line for a bad answer or field.
std::vector<AnswerInput> parse_answers(std::string_view toml_text, const std::string& source);

// Marks finding `number` as not a problem, with the reviewer's reason.
void dismiss(store::Transaction& txn, std::int64_t review, int number, const std::string& reason,
             const audit::Stamp& stamp);

struct Conclusion
{
  procedure::Conclusion result = procedure::Conclusion::lawful;
  util::Date date;
  std::optional<std::string> opinion{};
  std::optional<std::string> urgency{};
  std::optional<Ground> exception_ground{};
  std::optional<std::string> alternatives{};
  std::optional<util::Date> until{};
};

// Concludes a review and records the matching procedure step of the review's own document in
// the same transaction, so the gates and `due` see it. The conclusion must agree with the
// answers: every item answered; a favourable conclusion (合法/符合) with no failed item and no
// undismissed error finding on a passed item; 不合法/应当予以修改/不符合 with at least one
// failed item and a written opinion; 适用例外 with failed items, the exception item passed and
// the ground, the alternatives and the end date given, and the detailed explanation of
// 公平竞争审查条例 第十七条第二款 in the opinion; the exception's parts with no other result.
// Refusals are DataErrors naming the Conclusion field (`exception-ground`, `alternatives`, …).
struct Concluded
{
  Review review;
  registry::Document document;
};
Concluded conclude(store::Transaction& txn, std::int64_t review, const Conclusion& conclusion,
                   const config::Config& config, const calendar::Calendar& calendar, const audit::Stamp& stamp);

// Throws DataError when there is no review `id`.
Review load(store::Database& db, std::int64_t id);
// The reviews of a document (all documents when absent), oldest first.
std::vector<Review> list(store::Database& db, std::optional<std::int64_t> document);

} // namespace normdoc::review
