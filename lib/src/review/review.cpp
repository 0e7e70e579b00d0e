// SPDX-License-Identifier: MIT
#include <normdoc/review/review.hpp>

#include "toml_source.hpp"

#include <normdoc/error.hpp>
#include <normdoc/procedure/procedure.hpp>
#include <normdoc/registry/registry.hpp>
#include <normdoc/util/json.hpp>
#include <normdoc/util/named.hpp>
#include <normdoc/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <set>
#include <sstream>

namespace normdoc::review {

namespace {

constexpr std::array<util::Named<Answer>, 3> k_answers{{
  {Answer::pass, "pass", "通过"},
  {Answer::fail, "fail", "不通过"},
  {Answer::na, "na", "不适用"},
}};

// 公平竞争审查条例 第十二条 (一)–(四).
constexpr std::array<util::Named<Ground>, 4> k_grounds{{
  {Ground::security, "security", "为维护国家安全和发展利益"},
  {Ground::innovation, "innovation", "为促进科学技术进步、增强国家自主创新能力"},
  {Ground::public_interest, "public-interest", "为实现节约能源、保护环境、救灾救助等社会公共利益"},
  {Ground::law, "law", "法律、行政法规规定的其他情形"},
}};

// The procedure step a checklist's conclusion is, when it is one of the drafting steps.
std::optional<procedure::StepKind> step_of(std::string_view checklist)
{
  if (checklist == "legality") {
    return procedure::StepKind::legality_review;
  }
  if (checklist == "fair-competition") {
    return procedure::StepKind::fair_competition_review;
  }
  return std::nullopt;
}

[[noreturn]] void refuse(const std::string& message, std::string_view field, Hint hint = {})
{
  throw DataError(message, Location{{}, 0, 0, std::string(field)}, std::move(hint));
}

std::string join(const std::vector<std::string>& parts, std::string_view separator)
{
  std::string joined;
  for (const auto& part : parts) {
    if (!joined.empty()) {
      joined += separator;
    }
    joined += part;
  }
  return joined;
}

Review read_review(const store::Statement& stmt)
{
  Review review;
  review.id = stmt.integer(0);
  review.document = stmt.integer(1);
  review.checklist = stmt.text(2);
  review.checklist_title = stmt.text(3);
  review.checklist_version = stmt.text(4);
  review.checklist_sha256 = stmt.text(5);
  review.conclusions = util::split(stmt.text(6), ' ');
  review.exception_item = stmt.optional_text(7).value_or("");
  review.text_sha256 = stmt.optional_text(8);
  review.reviewer = stmt.text(9);
  review.received = stmt.optional_date(10);
  review.started_at = stmt.text(11);
  review.concluded = stmt.optional_date(12);
  if (const auto result = stmt.optional_text(13)) {
    review.result = procedure::parse_conclusion(*result);
    if (!review.result) {
      throw DataError(fmt::format("审查 R{} 的结论“{}”无法识别", review.id, *result), Location{{}, 0, 0, "result"});
    }
  }
  review.opinion = stmt.optional_text(14);
  review.urgency = stmt.optional_text(15);
  const auto ground = stmt.optional_text(16);
  const auto until = stmt.optional_date(18);
  if (ground && until) {
    const auto known = util::parse_named(k_grounds, *ground);
    if (!known) {
      throw DataError(fmt::format("审查 R{} 的例外情形“{}”无法识别", review.id, *ground),
                      Location{{}, 0, 0, "exception_ground"});
    }
    review.exception = Exception{*known, stmt.text(17), *until};
  }
  review.superseded_by = stmt.optional_integer(19);
  return review;
}

constexpr std::string_view k_select_review =
  "SELECT id, document, checklist, checklist_title, checklist_version, checklist_sha256, conclusions, exception_item,"
  " text_sha256, reviewer, received, started_at, concluded, result, opinion, urgency, exception_ground, alternatives,"
  " until, superseded_by FROM review";

void load_parts(store::Database& db, Review& review)
{
  auto items = db.prepare("SELECT item, category, text, article, answer, note, evidence, answered_by, answered_at"
                          " FROM review_item WHERE review = ? ORDER BY position");
  items.bind(1, review.id);
  while (items.step() == store::Step::row) {
    ItemAnswer item{items.text(0), items.text(1), items.text(2), items.text(3)};
    if (const auto answer = items.optional_text(4)) {
      item.answer = parse_answer(*answer);
    }
    item.note = items.optional_text(5);
    item.evidence = items.optional_text(6);
    item.answered_by = items.optional_text(7);
    item.answered_at = items.optional_text(8);
    review.items.push_back(std::move(item));
  }
  auto findings =
    db.prepare("SELECT number, line, col, rule, item, article, severity, message, excerpt,"
               " dismissed_reason, dismissed_by, dismissed_at, matched FROM review_finding WHERE review = ?"
               " ORDER BY number");
  findings.bind(1, review.id);
  while (findings.step() == store::Step::row) {
    RecordedFinding recorded;
    recorded.number = static_cast<int>(findings.integer(0));
    Finding& f = recorded.finding;
    f.line = static_cast<int>(findings.integer(1));
    f.column = static_cast<int>(findings.integer(2));
    f.rule = findings.text(3);
    f.file = fmt::format("#{}", review.document);
    f.checklist = review.checklist;
    f.item = findings.text(4);
    f.article = findings.text(5);
    f.severity = parse_severity(findings.text(6)).value_or(Severity::warning);
    f.message = findings.text(7);
    f.excerpt = findings.text(8);
    recorded.dismissed_reason = findings.optional_text(9);
    recorded.dismissed_by = findings.optional_text(10);
    recorded.dismissed_at = findings.optional_text(11);
    f.matched = findings.optional_text(12).value_or("");
    review.findings.push_back(std::move(recorded));
  }
}

// A review that can still take answers, dismissals and its conclusion.
Review load_open(store::Database& db, std::int64_t id)
{
  Review review = load(db, id);
  if (review.result) {
    refuse(
      fmt::format("审查 R{} 已于 {} 作出结论，不能再修改", id, review.concluded->iso()), "review",
      Hint(fmt::format("如需重新审查，用 {} 开始新的审查，新审查取代旧审查", k_remedy_mark), {{Action::review_start}}));
  }
  if (review.superseded_by) {
    refuse(fmt::format("审查 R{} 已被审查 R{} 取代", id, *review.superseded_by), "review",
           fmt::format("在 R{} 中继续", *review.superseded_by));
  }
  return review;
}

void log_event(store::Transaction& txn, const audit::Stamp& stamp, const Review& review, std::string_view kind,
               util::JsonWriter& payload)
{
  audit::append(txn, stamp, review.document, kind, payload.str());
}

// The registry knows the issuer, so its level decides severities; the office's jurisdiction
// names widen the {local} class.
std::vector<Finding> screen_text(store::Database& db, const registry::Document& doc, const Checklist& checklist,
                                 const config::Config& config)
{
  std::vector<Finding> findings;
  const auto text = registry::text_of(db, doc.id);
  if (!text) {
    return findings;
  }
  const Screener screener({&checklist}, ScreenOptions{issuer_level_of(doc.issuer), config.jurisdiction_names});
  std::istringstream in(*text);
  screen_stream(in, fmt::format("#{}", doc.id), screener, findings);
  return findings;
}

void require_agreement(const Review& review, const Conclusion& conclusion)
{
  const procedure::Conclusion result = conclusion.result;
  if (result != procedure::Conclusion::exception) {
    // 公平竞争审查条例 第十二条's three parts argue an exception; given with another result they
    // would be stored nowhere, so they are refused rather than dropped.
    const char* given = conclusion.exception_ground ? "exception-ground"
                        : conclusion.alternatives   ? "alternatives"
                        : conclusion.until          ? "until"
                                                    : nullptr;
    if (given != nullptr) {
      refuse(fmt::format("例外情形、替代方案和实施期限只用于适用例外（{}）的结论",
                         procedure::conclusion_key(procedure::Conclusion::exception)),
             given);
    }
  }
  const auto& allowed = review.conclusions;
  if (std::find(allowed.begin(), allowed.end(), procedure::conclusion_key(result)) == allowed.end()) {
    std::string options;
    for (const auto& key : allowed) {
      const auto known = procedure::parse_conclusion(key);
      options += fmt::format(" {}（{}）", key, known ? procedure::conclusion_label(*known) : key);
    }
    refuse(
      fmt::format("结论“{}”不适用于{}，可用：{}", procedure::conclusion_key(result), review.checklist_title, options),
      "result");
  }
  std::vector<std::string> unanswered;
  std::vector<std::string> failed;
  std::vector<std::string> passed;
  for (const auto& item : review.items) {
    if (!item.answer) {
      unanswered.push_back(item.item);
    } else if (item.item == review.exception_item) {
      continue;
    } else if (*item.answer == Answer::fail) {
      failed.push_back(item.item);
    } else if (*item.answer == Answer::pass) {
      passed.push_back(item.item);
    }
  }
  if (!unanswered.empty()) {
    refuse(
      fmt::format("还有{}项未回答：{}", unanswered.size(), join(unanswered, "、")), "answers",
      Hint(fmt::format("用 {} 逐项回答", k_remedy_mark), {{Action::review_answer, {fmt::format("R{}", review.id)}}}));
  }
  if (conclusion.date < review.received.value_or(conclusion.date)) {
    refuse(fmt::format("结论日期 {} 早于收到日期 {}", conclusion.date.iso(), review.received->iso()), "date");
  }
  const bool has_opinion = conclusion.opinion && !util::trim(*conclusion.opinion).empty();
  if (procedure::is_favourable(result) || result == procedure::Conclusion::exception) {
    // The document goes ahead: an error finding on an item answered 通过 must have been looked
    // at and dismissed with a reason.
    std::vector<std::string> open_findings;
    for (const auto& recorded : review.findings) {
      const bool on_passed = std::find(passed.begin(), passed.end(), recorded.finding.item) != passed.end();
      if (recorded.finding.severity == Severity::error && !recorded.dismissed_reason && on_passed) {
        open_findings.push_back(fmt::format("#{}", recorded.number));
      }
    }
    if (!open_findings.empty()) {
      refuse(fmt::format("自动筛查发现{}处严重问题，所涉条目却回答为通过：{}", open_findings.size(),
                         join(open_findings, "、")),
             "findings",
             Hint(fmt::format("核实后用 {} 写明不构成问题的理由", k_remedy_mark),
                  {{Action::review_dismiss, {fmt::format("R{}", review.id), "编号"}, {{"reason", ""}}}}));
    }
  }
  if (procedure::is_favourable(result)) {
    if (!failed.empty()) {
      refuse(fmt::format("条目 {} 回答为不通过，结论不能是{}", join(failed, "、"), procedure::conclusion_label(result)),
             "result",
             review.exception_item.empty() ? "" : "有排除、限制竞争效果但符合第十二条的，结论用 exception（适用例外）");
    }
    return;
  }
  if (failed.empty()) {
    refuse(fmt::format("没有回答为不通过的条目，结论不能是{}", procedure::conclusion_label(result)), "result",
           "把存在问题的条目回答为 fail，并在备注中写明问题");
  }
  if (!has_opinion) {
    refuse(fmt::format("结论为{}时须写明意见（问题和修改意见）", procedure::conclusion_label(result)), "opinion",
           "国办发〔2018〕115号 (六)：审核机构提出书面审核意见");
  }
  if (result != procedure::Conclusion::exception) {
    return;
  }
  // 公平竞争审查条例 第十二条: a ground, no less-restrictive alternative, a reasonable period —
  // all three — and 第十七条第二款: set out in detail in the conclusion.
  const auto exception_answer = std::find_if(review.items.begin(), review.items.end(), [&](const ItemAnswer& item) {
    return item.item == review.exception_item;
  });
  if (exception_answer == review.items.end() || exception_answer->answer != Answer::pass) {
    refuse(fmt::format("适用例外须把例外条目 {} 回答为通过（符合第十二条）", review.exception_item), "result");
  }
  if (!conclusion.exception_ground) {
    std::string keys;
    for (const auto& ground : k_grounds) {
      keys += keys.empty() ? "" : "、";
      keys += ground.key;
    }
    refuse(fmt::format("适用例外须给出第十二条的情形：{}", keys), "exception-ground");
  }
  if (!conclusion.alternatives || util::trim(*conclusion.alternatives).empty()) {
    refuse("适用例外须说明为何没有对公平竞争影响更小的替代方案（公平竞争审查条例第十二条）", "alternatives");
  }
  if (!conclusion.until) {
    refuse("适用例外须给出合理的实施期限的截止日（公平竞争审查条例第十二条）", "until");
  }
  if (*conclusion.until <= conclusion.date) {
    refuse(fmt::format("实施期限截止日 {} 不在结论日期 {} 之后", conclusion.until->iso(), conclusion.date.iso()),
           "until");
  }
}

} // namespace

std::string_view review_word(std::string_view checklist)
{
  return checklist == "legality" ? "审核" : "审查";
}

std::string_view answer_key(Answer answer)
{
  return util::named(k_answers, answer).key;
}

std::string_view answer_label(Answer answer)
{
  return util::named(k_answers, answer).label;
}

std::optional<Answer> parse_answer(std::string_view key)
{
  return util::parse_named(k_answers, key);
}

util::NamedTable<Ground> grounds()
{
  return k_grounds;
}

std::string_view ground_key(Ground ground)
{
  return util::named(k_grounds, ground).key;
}

std::string_view ground_label(Ground ground)
{
  return util::named(k_grounds, ground).label;
}

std::string_view status_key(const Review& review)
{
  if (review.superseded_by) {
    return "superseded";
  }
  return review.result ? "concluded" : "open";
}

void write_members(util::JsonWriter& json, const ItemAnswer& item, const util::Members& members)
{
  util::MemberWriter(json, members)
    .member("id", item.item)
    .member("category", item.category)
    .member("text", item.text)
    .member("article", item.article)
    .member("answer", item.answer ? std::optional<std::string>(answer_key(*item.answer)) : std::nullopt)
    .member("note", item.note)
    .member("evidence", item.evidence)
    .member("answered_by", item.answered_by)
    .member("answered_at", item.answered_at);
}

void write_members(util::JsonWriter& json, const Review& review, const registry::Document& doc)
{
  json.member("id", review.id)
    .member("status", status_key(review))
    .key("document")
    .begin_object()
    .member("id", doc.id)
    .member("title", doc.title)
    .member("doc_no", doc.doc_no)
    .member("issuer", doc.issuer)
    .member("drafting_unit", doc.drafting_unit)
    .end_object()
    .key("checklist")
    .begin_object()
    .member("id", review.checklist)
    .member("title", review.checklist_title)
    .member("version", review.checklist_version)
    .member("sha256", review.checklist_sha256)
    .end_object()
    .member("text_sha256", review.text_sha256)
    .member("reviewer", review.reviewer)
    .member("received", util::to_iso(review.received))
    .member("started_at", review.started_at)
    .member("concluded", util::to_iso(review.concluded))
    .member("result", procedure::conclusion_key(review.result))
    .member("result_label",
            review.result ? std::optional<std::string>(procedure::conclusion_label(*review.result)) : std::nullopt)
    .member("opinion", review.opinion)
    .member("urgency", review.urgency)
    .key("exception");
  if (review.exception) {
    json.begin_object()
      .member("ground", ground_key(review.exception->ground))
      .member("ground_label", ground_label(review.exception->ground))
      .member("alternatives", review.exception->alternatives)
      .member("until", review.exception->until.iso())
      .end_object();
  } else {
    json.null();
  }
  json.member("superseded_by", review.superseded_by).key("items").begin_array();
  for (const auto& item : review.items) {
    json.begin_object();
    write_members(json, item);
    json.end_object();
  }
  json.end_array().key("findings").begin_array();
  for (const auto& recorded : review.findings) {
    json.begin_object().member("number", recorded.number);
    write_members(json, recorded.finding);
    json.key("dismissed");
    if (recorded.dismissed_reason) {
      json.begin_object()
        .member("reason", *recorded.dismissed_reason)
        .member("by", recorded.dismissed_by)
        .member("at", recorded.dismissed_at)
        .end_object();
    } else {
      json.null();
    }
    json.end_object();
  }
  json.end_array();
}

Review start(store::Transaction& txn, const registry::Document& doc, const Checklist& checklist,
             const util::Date& received, const config::Config& config, const calendar::Calendar& calendar,
             const audit::Stamp& stamp)
{
  store::Database& db = txn.database();
  db.prepare(
      "INSERT INTO review (document, checklist, checklist_title, checklist_version, checklist_sha256, conclusions,"
      " exception_item, text_sha256, reviewer, received, started_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
    .bind_all(doc.id, checklist.id, checklist.title, checklist.version, checklist.sha256,
              join(checklist.conclusions, " "),
              checklist.exception_item.empty() ? std::nullopt : std::optional(checklist.exception_item),
              doc.text_sha256, stamp.actor, received, stamp.at)
    .run();
  const std::int64_t id = db.last_insert_rowid();
  auto superseded = db.prepare("UPDATE review SET superseded_by = ? WHERE document = ? AND checklist = ?"
                               " AND superseded_by IS NULL AND id <> ?");
  superseded.bind_all(id, doc.id, checklist.id, id).run();

  auto item_insert = db.prepare("INSERT INTO review_item (review, position, item, category, text, article)"
                                " VALUES (?, ?, ?, ?, ?, ?)");
  int position = 0;
  for (const auto& item : checklist.items) {
    item_insert.bind_all(id, ++position, item.id, item.category, item.text, item.article).run();
    item_insert.reset();
  }
  auto finding_insert =
    db.prepare("INSERT INTO review_finding (review, number, line, col, rule, item, article, severity,"
               " message, excerpt, matched) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  int number = 0;
  for (const auto& f : screen_text(db, doc, checklist, config)) {
    finding_insert
      .bind_all(id, ++number, f.line, f.column, f.rule, f.item, f.article, std::string(severity_key(f.severity)),
                f.message, f.excerpt, f.matched.empty() ? std::nullopt : std::optional(f.matched))
      .run();
    finding_insert.reset();
  }

  if (doc.recorded_status == registry::Status::draft) {
    db.prepare("UPDATE document SET status = 'reviewing', updated_at = ? WHERE id = ?")
      .bind_all(stamp.at, doc.id)
      .run();
  }
  // The legality review deadline (15 working days, 115号 (五)) runs from receipt; an open step
  // left by a superseded review keeps the first receipt.
  if (step_of(checklist.id) == procedure::StepKind::legality_review) {
    const auto steps = procedure::steps_of(db, doc.id);
    const bool open = std::any_of(steps.begin(), steps.end(), [](const procedure::Step& step) {
      return step.kind == procedure::StepKind::legality_review && !step.date;
    });
    if (!open) {
      procedure::StepInput input{procedure::StepKind::legality_review};
      input.received = received;
      procedure::record(txn, doc, input, config, calendar, stamp);
    }
  }

  util::JsonWriter payload;
  payload.begin_object()
    .member("review", id)
    .member("checklist", checklist.id)
    .member("version", checklist.version)
    .member("sha256", checklist.sha256)
    .member("received", received.iso())
    .member("findings", number)
    .member("items", position) // so that the replay can count them
    .end_object();
  audit::append(txn, stamp, doc.id, "review-start", payload.str());
  return load(db, id);
}

void answer(store::Transaction& txn, std::int64_t id, const std::vector<AnswerInput>& answers,
            const audit::Stamp& stamp)
{
  store::Database& db = txn.database();
  const Review review = load_open(db, id);
  std::vector<std::string> ids;
  for (const auto& item : review.items) {
    ids.push_back(item.item);
  }
  auto update = db.prepare("UPDATE review_item SET answer = ?, note = ?, evidence = ?, answered_by = ?, answered_at = ?"
                           " WHERE review = ? AND item = ?");
  util::JsonWriter payload;
  payload.begin_object().member("review", id).key("answers").begin_array();
  for (const auto& input : answers) {
    if (std::find(ids.begin(), ids.end(), input.item) == ids.end()) {
      const auto suggestion = util::closest_match(input.item, ids);
      refuse(fmt::format("审查 R{} 的清单中没有条目“{}”", id, input.item), "item",
             suggestion ? fmt::format("是否想写 {}？", *suggestion) : fmt::format("条目：{}", join(ids, " ")));
    }
    update
      .bind_all(std::string(answer_key(input.answer)), input.note, input.evidence, stamp.actor, stamp.at, id,
                input.item)
      .run();
    update.reset();
    payload.begin_object();
    write_members(
      payload, ItemAnswer{.item = input.item, .answer = input.answer, .note = input.note, .evidence = input.evidence},
      {.only = {"id", "answer", "note", "evidence"}, .rename = {{"id", "item"}}});
    payload.end_object();
  }
  payload.end_array().end_object();
  log_event(txn, stamp, review, "review-answer", payload);
}

std::vector<AnswerInput> parse_answers(std::string_view toml_text, const std::string& source)
{
  const toml::table table = parse_toml(toml_text, source);
  const auto at = [&](const toml::node& node, std::string_view field) { return location_of(node, source, field); };
  const auto parse_one = [&](const toml::node& node, std::string_view field) {
    const auto key = node.value<std::string>();
    const auto parsed = key ? parse_answer(*key) : std::nullopt;
    if (!parsed) {
      throw DataError("回答应为 \"pass\"、\"fail\" 或 \"na\"（通过/不通过/不适用）", at(node, field));
    }
    return *parsed;
  };
  std::vector<AnswerInput> answers;
  for (const auto& [key, node] : table) {
    AnswerInput input{std::string(key.str())};
    if (const auto* fields = node.as_table()) {
      for (const auto& [name, value] : *fields) {
        if (name != "answer" && name != "note" && name != "evidence") {
          throw DataError(
            fmt::format("未知的字段“{}”，可用：answer、note、evidence", name.str()), at(value, name.str()),
            fmt::format("[{}] 之后的“键 = 值”都属于这个表；把 L1 = \"pass\" 这样的简写放在所有 [条目] 表之前",
                        input.item));
        }
        if (!value.is_string()) {
          throw DataError("应为字符串", at(value, name.str()));
        }
      }
      const toml::node* answer_node = fields->get("answer");
      if (!answer_node) {
        throw DataError("缺少 answer", at(node, input.item));
      }
      input.answer = parse_one(*answer_node, "answer");
      input.note = fields->get("note") ? fields->get("note")->value<std::string>() : std::nullopt;
      input.evidence = fields->get("evidence") ? fields->get("evidence")->value<std::string>() : std::nullopt;
    } else {
      input.answer = parse_one(node, input.item);
    }
    answers.push_back(std::move(input));
  }
  if (answers.empty()) {
    throw DataError("回答文件中没有任何回答（例如 L1 = \"pass\"）", Location{source, 1, 0, {}});
  }
  return answers;
}

void dismiss(store::Transaction& txn, std::int64_t id, int number, const std::string& reason, const audit::Stamp& stamp)
{
  store::Database& db = txn.database();
  const Review review = load_open(db, id);
  if (util::trim(reason).empty()) {
    refuse("排除自动筛查发现须写明理由", "reason");
  }
  const auto found = std::find_if(review.findings.begin(), review.findings.end(),
                                  [&](const RecordedFinding& f) { return f.number == number; });
  if (found == review.findings.end()) {
    refuse(fmt::format("审查 R{} 没有第{}号发现（共{}处）", id, number, review.findings.size()), "finding",
           Hint(fmt::format("用 {} 查看编号", k_remedy_mark), {{Action::review_show, {fmt::format("R{}", id)}}}));
  }
  if (found->dismissed_reason) {
    refuse(
      fmt::format("第{}号发现已于 {} 被排除：{}", number, found->dismissed_at.value_or(""), *found->dismissed_reason),
      "finding");
  }
  db.prepare(
      "UPDATE review_finding SET dismissed_reason = ?, dismissed_by = ?, dismissed_at = ? WHERE review = ? AND number = ?")
    .bind_all(reason, stamp.actor, stamp.at, id, number)
    .run();
  util::JsonWriter payload;
  payload.begin_object()
    .member("review", id)
    .member("finding", number)
    .member("rule", found->finding.rule)
    .member("reason", reason)
    .end_object();
  log_event(txn, stamp, review, "review-dismiss", payload);
}

Concluded conclude(store::Transaction& txn, std::int64_t id, const Conclusion& conclusion, const config::Config& config,
                   const calendar::Calendar& calendar, const audit::Stamp& stamp)
{
  store::Database& db = txn.database();
  Review review = load_open(db, id);
  require_agreement(review, conclusion);
  // The step is recorded on the review's own document, found here, so that a caller cannot
  // attach the conclusion to another one.
  const auto document = registry::find(db, review.document);
  if (!document) {
    refuse(fmt::format("审查 R{} 的文件 #{} 不在登记簿中", id, review.document), "document");
  }
  const bool exception = conclusion.result == procedure::Conclusion::exception;
  std::optional<std::string> ground;
  if (exception) {
    ground = std::string(ground_key(*conclusion.exception_ground));
  }
  db.prepare("UPDATE review SET concluded = ?, result = ?, opinion = ?, urgency = ?, exception_ground = ?,"
             " alternatives = ?, until = ? WHERE id = ?")
    .bind_all(conclusion.date, procedure::conclusion_key(conclusion.result), conclusion.opinion, conclusion.urgency,
              ground, exception ? conclusion.alternatives : std::nullopt, exception ? conclusion.until : std::nullopt,
              id)
    .run();
  if (const auto kind = step_of(review.checklist)) {
    procedure::StepInput input{*kind};
    input.date = conclusion.date;
    input.result = conclusion.result;
    input.urgency = conclusion.urgency;
    input.note = fmt::format("审查 R{}", id);
    if (exception) {
      input.until = conclusion.until;
    }
    procedure::record(txn, *document, input, config, calendar, stamp);
  }
  util::JsonWriter payload;
  payload.begin_object()
    .member("review", id)
    .member("result", procedure::conclusion_key(conclusion.result))
    .member("date", conclusion.date.iso())
    .member("opinion", conclusion.opinion)
    .end_object();
  log_event(txn, stamp, review, "review-conclude", payload);
  // What the UPDATE stored, without reading the review back.
  review.concluded = conclusion.date;
  review.result = conclusion.result;
  review.opinion = conclusion.opinion;
  review.urgency = conclusion.urgency;
  if (exception) {
    review.exception = Exception{*conclusion.exception_ground, *conclusion.alternatives, *conclusion.until};
  }
  return Concluded{std::move(review), *document};
}

Review load(store::Database& db, std::int64_t id)
{
  auto stmt = db.prepare(std::string(k_select_review) + " WHERE id = ?");
  stmt.bind(1, id);
  if (stmt.step() != store::Step::row) {
    refuse(fmt::format("没有编号为 R{} 的审查", id), "review",
           Hint(fmt::format("用 {} 查看审查", k_remedy_mark), {{Action::review_list}}));
  }
  Review review = read_review(stmt);
  load_parts(db, review);
  return review;
}

std::vector<Review> list(store::Database& db, std::optional<std::int64_t> document)
{
  // PostgreSQL would take a parameter first seen in `IS NULL` for text, and refuse to compare it
  // with the bigint column.
  auto stmt = db.prepare(std::string(k_select_review) +
                         std::string(db.pick(" WHERE ?1 IS NULL OR document = ?1 ORDER BY id",
                                             " WHERE ?1::bigint IS NULL OR document = ?1 ORDER BY id")));
  stmt.bind(1, document);
  std::vector<Review> reviews;
  while (stmt.step() == store::Step::row) {
    reviews.push_back(read_review(stmt));
  }
  for (auto& review : reviews) {
    load_parts(db, review);
  }
  return reviews;
}

} // namespace normdoc::review
