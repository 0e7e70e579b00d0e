// SPDX-License-Identifier: MIT
#include <normdoc/procedure/procedure.hpp>

#include <normdoc/error.hpp>
#include <normdoc/registry/acknowledgement.hpp>
#include <normdoc/util/json.hpp>
#include <normdoc/util/named.hpp>
#include <normdoc/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace normdoc::procedure {

namespace {

// A gate's refusal: `what` to record first, and how a document issued before normdoc passes it
// (the override and its reason).
Hint override_hint(std::string_view what)
{
  return Hint(fmt::format("{}，用 {} 说明", what, k_remedy_mark),
              {{Action::same, {}, {{"override_gate", ""}, {"reason", ""}}}});
}

constexpr std::array<util::Named<StepKind>, 7> k_steps{{
  {StepKind::assessment, "assessment", "评估论证"},
  {StepKind::comment, "comment", "公开征求意见"},
  {StepKind::legality_review, "legality-review", "合法性审核"},
  {StepKind::fair_competition_review, "fair-competition-review", "公平竞争审查"},
  {StepKind::deliberation, "deliberation", "集体审议"},
  {StepKind::signing, "signing", "签发"},
  {StepKind::publication, "publication", "公开发布"},
}};

constexpr std::array<util::Named<Conclusion>, 6> k_conclusions{{
  {Conclusion::lawful, "lawful", "合法"},
  {Conclusion::unlawful, "unlawful", "不合法"},
  {Conclusion::revise, "revise", "应当予以修改"},
  {Conclusion::compliant, "compliant", "符合"},
  {Conclusion::noncompliant, "noncompliant", "不符合"},
  {Conclusion::exception, "exception", "适用例外"},
}};

constexpr std::string_view k_select =
  "SELECT id, document, step, date, date_from, date_to, received, until, channel, meeting, result, note, recorded_at,"
  " urgency FROM procedure_step WHERE voided IS NULL";

Step read_step(const store::Statement& stmt)
{
  Step step;
  step.id = stmt.integer(0);
  step.document = stmt.integer(1);
  step.kind = parse_step(stmt.text(2)).value_or(StepKind::assessment);
  step.date = stmt.optional_date(3);
  step.from = stmt.optional_date(4);
  step.to = stmt.optional_date(5);
  step.received = stmt.optional_date(6);
  step.until = stmt.optional_date(7);
  step.channel = stmt.optional_text(8);
  step.meeting = stmt.optional_text(9);
  if (const auto result = stmt.optional_text(10)) {
    step.result = parse_conclusion(*result);
    if (!step.result) {
      throw DataError(fmt::format("程序步骤 #{} 的结论“{}”无法识别", step.id, *result), Location{{}, 0, 0, "result"});
    }
  }
  step.note = stmt.optional_text(11);
  step.recorded_at = stmt.text(12);
  step.urgency = stmt.optional_text(13);
  return step;
}

[[noreturn]] void missing(std::string_view field, std::string_view why)
{
  throw DataError(std::string(why), Location{{}, 0, 0, std::string(field)});
}

// The conclusions step `kind` takes, as the messages list them: " key（label）" each.
std::string choices(StepKind kind)
{
  std::string options;
  for (const auto result : conclusions_of(kind)) {
    options += fmt::format(" {}（{}）", conclusion_key(result), conclusion_label(result));
  }
  return options;
}

void validate(const StepInput& input)
{
  const auto results = conclusions_of(input.kind);
  if (input.result && !results.empty() && std::find(results.begin(), results.end(), *input.result) == results.end()) {
    missing("result", fmt::format("结论“{}”不适用于{}，可用：{}", conclusion_key(*input.result), step_label(input.kind),
                                  choices(input.kind)));
  }
  switch (input.kind) {
  case StepKind::comment:
    if (!input.from || !input.to) {
      missing("from", "公开征求意见须给出起止日期（开始日和截止日）");
    }
    if (*input.to < *input.from) {
      missing("to", fmt::format("征求意见截止日 {} 早于开始日 {}", input.to->iso(), input.from->iso()));
    }
    break;
  case StepKind::legality_review:
    if (!input.date && !input.received) {
      missing("date", "合法性审核须给出收到送审稿的日期或审核结论日期");
    }
    if (input.date && !input.result) {
      missing("result", fmt::format("审核结论日期须同时给出结论，可用：{}", choices(StepKind::legality_review)));
    }
    if (input.result && !input.date) {
      missing("date", "给出审核结论时须给出结论日期");
    }
    if (input.received && input.date && *input.date < *input.received) {
      missing("date", fmt::format("审核结论日期 {} 早于收到日期 {}", input.date->iso(), input.received->iso()));
    }
    break;
  case StepKind::fair_competition_review:
    if (!input.date || !input.result) {
      missing("result",
              fmt::format("公平竞争审查须给出结论日期和结论，可用：{}", choices(StepKind::fair_competition_review)));
    }
    // 公平竞争审查条例 第十二条: an exception needs a reasonable implementation period or
    // termination condition; the end date is what the reminder needs.
    if (*input.result == Conclusion::exception && !input.until) {
      missing("until", "适用例外须给出实施期限的截止日（公平竞争审查条例第十二条）");
    }
    break;
  default:
    if (!input.date) {
      missing("date", fmt::format("{}须给出日期", step_label(input.kind)));
    }
    if (input.result) {
      missing("result", fmt::format("{}没有审查结论", step_label(input.kind)));
    }
  }
}

// The last concluded review step of `kind`, on or before `by` when given.
std::optional<Step> last_conclusion(store::Database& db, std::int64_t document, StepKind kind,
                                    const std::optional<util::Date>& by)
{
  std::optional<Step> last;
  for (auto& step : steps_of(db, document)) {
    if (step.kind == kind && step.date && step.result && (!by || *step.date <= *by)) {
      last = std::move(step);
    }
  }
  return last;
}

void log_override(store::Transaction& txn, const registry::Document& doc, std::string_view gate,
                  const std::string& reason, const audit::Stamp& stamp)
{
  if (util::trim(reason).empty()) {
    throw DataError("越过把关须写明理由", Location{{}, 0, 0, "reason"});
  }
  util::JsonWriter payload;
  payload.begin_object().member("gate", gate).member("reason", reason).end_object();
  audit::append(txn, stamp, doc.id, "gate-override", payload.str());
}

// 国办发〔2018〕115号 (七): 未经合法性审核或者经审核不合法的文件，不得提交集体审议.
void require_deliberation_gate(store::Transaction& txn, const registry::Document& doc, const StepInput& input,
                               const audit::Stamp& stamp)
{
  // The latest conclusion counts: a review that found the draft unlawful after an earlier
  // favourable one stops it.
  const auto concluded = last_conclusion(txn.database(), doc.id, StepKind::legality_review, *input.date);
  if (concluded && lets_proceed(*concluded->result)) {
    return;
  }
  if (!input.override_reason) {
    throw DataError(
      fmt::format(
        "文件 #{} 在 {} 之前没有结论为合法或应当予以修改的合法性审核，不得提交集体审议（国办发〔2018〕115号 (七)）",
        doc.id, input.date->iso()),
      {}, override_hint("先记录合法性审核结论；补登记在使用 normdoc 之前审议的文件时"));
  }
  log_override(txn, doc, "deliberation", *input.override_reason, stamp);
}

// 国办发〔2018〕115号 (五): 合法性审核时间一般不少于5个工作日 — unless urgent.
void require_review_time(const StepInput& input, const std::optional<util::Date>& received,
                         const config::Config& config, const calendar::Calendar& calendar)
{
  if (!received || !input.date || input.urgency) {
    return;
  }
  const util::Date earliest = calendar.period_end(*received, config.legality_review_minimum);
  if (*input.date < earliest) {
    throw DataError(fmt::format("{} 收到、{} 作出结论，不足{}（国办发〔2018〕115号 (五)）", received->iso(),
                                input.date->iso(), config.legality_review_minimum.chinese()),
                    Location{{}, 0, 0, "date"},
                    Hint(fmt::format("因突发事件或执行上级紧急命令需要立即审核的，用 {} 写明理由", k_remedy_mark),
                         {{Action::same, {}, {{"urgency", ""}}}}));
  }
}

std::optional<std::int64_t> open_legality_review(store::Database& db, std::int64_t document)
{
  auto stmt = db.prepare("SELECT id FROM procedure_step WHERE document = ? AND step = 'legality-review'"
                         " AND date IS NULL AND voided IS NULL ORDER BY id DESC LIMIT 1");
  stmt.bind(1, document);
  return stmt.step() == store::Step::row ? std::optional(stmt.integer(0)) : std::nullopt;
}

// The last day of a comment period that is just long enough: the period counts its first day
// ("自8月1日至8月30日" is 30 days), so N days end N-1 days after it; working days likewise
// count the first day when it is one.
util::Date shortest_comment_end(const util::Date& from, const util::Duration& required,
                                const calendar::Calendar& calendar)
{
  if (required.in_working_days()) {
    return calendar.add_working_days(from.add_days(-1), required.count);
  }
  return required.after(from).add_days(-1);
}

template<typename Recorded> void write_recorded_fields(util::JsonWriter& json, const Recorded& step)
{
  json.member("date", util::to_iso(step.date))
    .member("from", util::to_iso(step.from))
    .member("to", util::to_iso(step.to))
    .member("received", util::to_iso(step.received))
    .member("until", util::to_iso(step.until))
    .member("channel", step.channel)
    .member("meeting", step.meeting)
    .member("result", conclusion_key(step.result))
    .member("note", step.note)
    .member("urgency", step.urgency);
}

} // namespace

void write_recorded(util::JsonWriter& json, const StepInput& input)
{
  write_recorded_fields(json, input);
}

void write_recorded(util::JsonWriter& json, const Step& step)
{
  write_recorded_fields(json, step);
}

std::string_view step_key(StepKind kind)
{
  return util::named(k_steps, kind).key;
}

std::string_view step_label(StepKind kind)
{
  return util::named(k_steps, kind).label;
}

std::optional<StepKind> parse_step(std::string_view key)
{
  return util::parse_named(k_steps, key);
}

util::NamedTable<StepKind> step_kinds()
{
  return k_steps;
}

util::NamedTable<Conclusion> conclusions()
{
  return k_conclusions;
}

std::string_view conclusion_key(Conclusion conclusion)
{
  return util::named(k_conclusions, conclusion).key;
}

std::string_view conclusion_label(Conclusion conclusion)
{
  return util::named(k_conclusions, conclusion).label;
}

std::optional<Conclusion> parse_conclusion(std::string_view key)
{
  return util::parse_named(k_conclusions, key);
}

std::optional<std::string> conclusion_key(const std::optional<Conclusion>& conclusion)
{
  return conclusion ? std::optional<std::string>(conclusion_key(*conclusion)) : std::nullopt;
}

std::vector<Conclusion> conclusions_of(StepKind kind)
{
  switch (kind) {
  case StepKind::legality_review:
    return {Conclusion::lawful, Conclusion::unlawful, Conclusion::revise};
  case StepKind::fair_competition_review:
    return {Conclusion::compliant, Conclusion::noncompliant, Conclusion::exception};
  default:
    return {};
  }
}

bool is_favourable(Conclusion conclusion)
{
  return conclusion == Conclusion::lawful || conclusion == Conclusion::compliant;
}

bool lets_proceed(Conclusion conclusion)
{
  return conclusion != Conclusion::unlawful && conclusion != Conclusion::noncompliant;
}

Step record(store::Transaction& txn, const registry::Document& doc, const StepInput& input,
            const config::Config& config, const calendar::Calendar& calendar, const audit::Stamp& stamp)
{
  validate(input);
  if (doc.withdrawn) {
    throw DataError(
      fmt::format("文件 #{}《{}》已于 {} 撤回（终止起草），不再记录制定程序", doc.id, doc.title, doc.withdrawn->iso()));
  }
  // 征求意见、集体审议、签发 come before publication (国办发〔2018〕37号 (三), 统一印发 last): a document
  // published on D cannot have them after D — a new version is a new document. Reviews stay
  // open to published documents (a new fair-competition review after an exception period,
  // 公平竞争审查条例 第十二条; a re-review in a cleanup).
  const bool drafting_step = input.kind == StepKind::assessment || input.kind == StepKind::comment ||
                             input.kind == StepKind::deliberation || input.kind == StepKind::signing;
  const auto day = input.date ? input.date : input.from;
  if (drafting_step && doc.published && day && *doc.published < *day) {
    throw DataError(
      fmt::format("文件 #{}《{}》已于 {} 发布，{}（{}）不能在发布之后", doc.id, doc.title, doc.published->iso(),
                  step_label(input.kind), day->iso()),
      Location{{}, 0, 0, input.date ? "date" : "from"},
      Hint(fmt::format("修改已发布的文件：先用 {} 登记修改稿，对修改稿记录制定程序", k_remedy_mark), {{Action::add}}));
  }
  store::Database& db = txn.database();
  std::optional<std::int64_t> id;
  std::optional<util::Date> received = input.received;
  if (input.kind == StepKind::legality_review && input.date) {
    id = open_legality_review(db, doc.id);
    if (id && !received) {
      auto opened = db.prepare(std::string(k_select) + " AND id = ?");
      opened.bind(1, *id);
      opened.step();
      received = read_step(opened).received;
    }
    require_review_time(input, received, config, calendar);
  }
  if (input.kind == StepKind::deliberation) {
    require_deliberation_gate(txn, doc, input, stamp);
    if (doc.recorded_status == registry::Status::draft || doc.recorded_status == registry::Status::reviewing) {
      db.prepare("UPDATE document SET status = 'approved', updated_at = ? WHERE id = ?")
        .bind_all(stamp.at, doc.id)
        .run();
    }
  }
  if (id) {
    db.prepare("UPDATE procedure_step SET date = ?, result = ?, received = coalesce(?, received),"
               " note = coalesce(?, note), urgency = ? WHERE id = ?")
      .bind_all(input.date, conclusion_key(input.result), input.received, input.note, input.urgency, *id)
      .run();
  } else {
    db.prepare("INSERT INTO procedure_step (document, step, date, date_from, date_to, received, until, channel,"
               " meeting, result, note, urgency, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
      .bind_all(doc.id, step_key(input.kind), input.date, input.from, input.to, input.received, input.until,
                input.channel, input.meeting, conclusion_key(input.result), input.note, input.urgency, stamp.at)
      .run();
    id = db.last_insert_rowid();
  }
  util::JsonWriter payload;
  payload.begin_object().member("step", step_key(input.kind));
  write_recorded(payload, input);
  // The row inserted or concluded: a later void-step names it (replay places the void).
  payload.member("step_id", *id).end_object();
  audit::append(txn, stamp, doc.id, "record", payload.str());
  auto stmt = db.prepare(std::string(k_select) + " AND id = ?");
  stmt.bind(1, *id);
  stmt.step();
  return read_step(stmt);
}

void require_publication_gate(store::Transaction& txn, const registry::Document& doc, const util::Date& date,
                              const std::optional<std::string>& override_reason, const audit::Stamp& stamp)
{
  if (override_reason) {
    // The reason covers every step the publication skips (registering a document issued before
    // normdoc): its defects are acknowledged with it, from the publication day.
    log_override(txn, doc, "publication", *override_reason, stamp);
    for (const std::string_view code :
         {"published-without-legality-review", "published-without-deliberation", "no-fair-competition-review"}) {
      registry::record_acknowledgement(txn, doc.id, code, date, fmt::format("越过把关：{}", *override_reason), stamp);
    }
    return;
  }
  if (!doc.concerns_business) {
    return;
  }
  const auto concluded = last_conclusion(txn.database(), doc.id, StepKind::fair_competition_review, std::nullopt);
  if (concluded && lets_proceed(*concluded->result)) {
    return;
  }
  throw DataError(
    fmt::format(
      "文件 #{}《{}》涉及市场主体经济活动，没有结论为符合或适用例外的公平竞争审查，不得出台（公平竞争审查条例第十八条）",
      doc.id, doc.title),
    {}, override_hint("先记录公平竞争审查结论；补登记在使用 normdoc 之前印发的文件时"));
}

namespace {

// Marks `step` void from `date` and logs `event` (payload: step, kind, voided, reason).
void mark_void(store::Transaction& txn, const Step& step, const util::Date& date, const std::string& reason,
               std::string_view event, const audit::Stamp& stamp)
{
  txn.database()
    .prepare("UPDATE procedure_step SET voided = ?, void_reason = ? WHERE id = ?")
    .bind_all(date.iso(), reason, step.id)
    .run();
  util::JsonWriter payload;
  payload.begin_object()
    .member("step", step.id)
    .member("kind", step_key(step.kind))
    .member("voided", date.iso())
    .member("reason", reason)
    .end_object();
  audit::append(txn, stamp, step.document, event, payload.str());
}

} // namespace

Step void_step(store::Transaction& txn, std::int64_t id, const util::Date& date, const std::string& reason,
               const audit::Stamp& stamp)
{
  auto stmt = txn.database().prepare(std::string(k_select) + " AND id = ?");
  stmt.bind(1, id);
  if (stmt.step() != store::Step::row) {
    throw DataError(fmt::format("没有编号为 {} 的有效程序记录", id), Location{{}, 0, 0, "step"},
                    Hint(fmt::format("编号见 {} 的 id", k_remedy_mark),
                         {{Action::show, {"REF"}, {{"procedure", ""}, {"format", "json"}}}}));
  }
  Step step = read_step(stmt);
  const std::string why(util::trim(reason));
  if (why.empty()) {
    throw DataError("须写明作废理由", Location{{}, 0, 0, "reason"});
  }
  mark_void(txn, step, date, why, "void-step", stamp);
  return step;
}

std::vector<Step> outdate_reviews(store::Transaction& txn, const registry::Document& doc, const util::Date& date,
                                  const audit::Stamp& stamp)
{
  std::vector<Step> outdated;
  if (doc.published) {
    return outdated;
  }
  for (const auto& step : steps_of(txn.database(), doc.id)) {
    const bool review = step.kind == StepKind::legality_review || step.kind == StepKind::fair_competition_review;
    if (review && step.date && step.result) {
      mark_void(txn, step, date, fmt::format("{} 后正文已修改，结论不再适用", step.date->iso()), "outdate-review",
                stamp);
      outdated.push_back(step);
    }
  }
  return outdated;
}

std::unordered_map<std::int64_t, std::vector<Step>> steps_by_document(store::Database& db)
{
  auto stmt = db.prepare(std::string(k_select) + " ORDER BY document, coalesce(date, date_from, received), id");
  std::unordered_map<std::int64_t, std::vector<Step>> steps;
  while (stmt.step() == store::Step::row) {
    Step step = read_step(stmt);
    steps[step.document].push_back(std::move(step));
  }
  return steps;
}

std::vector<Step> steps_of(store::Database& db, std::int64_t document)
{
  auto stmt = db.prepare(std::string(k_select) + " AND document = ? ORDER BY coalesce(date, date_from, received), id");
  stmt.bind(1, document);
  std::vector<Step> steps;
  while (stmt.step() == store::Step::row) {
    steps.push_back(read_step(stmt));
  }
  return steps;
}

namespace {

// Each defect `check` finds, by code: its name (the message of the defects that carry no dates).
constexpr std::array<std::pair<std::string_view, std::string_view>, 10> k_issue_names{{
  {"comment-too-short", "公开征求意见期不足"},
  {"calendar-missing", "无法核对征求意见期"},
  {"deliberation-before-legality-review", "集体审议时尚未完成合法性审核"},
  {"deliberation-after-unlawful-review", "合法性审核结论为不合法，仍提交集体审议"},
  {"publication-before-deliberation", "发布早于集体审议"},
  {"published-without-legality-review", "发布前未经合法性审核"},
  {"published-without-deliberation", "发布前未经集体审议决定"},
  {"effective-before-publication", "施行日期早于发布日期"},
  {"no-fair-competition-review", "涉及市场主体经济活动，未记录公平竞争审查"},
  {"noncompliant-published", "公平竞争审查结论为不符合，文件仍已发布"},
}};

// A defect whose message is its name.
Issue named_issue(std::string_view code, std::string article, const util::Date& date)
{
  return Issue{std::string(code), std::string(*issue_name(code)), std::move(article), date};
}

} // namespace

std::optional<std::string_view> issue_name(std::string_view code)
{
  for (const auto& [key, name] : k_issue_names) {
    if (key == code) {
      return name;
    }
  }
  return std::nullopt;
}

std::vector<Issue> check(const registry::Document& doc, const std::vector<Step>& steps, const config::Config& config,
                         const calendar::Calendar& calendar)
{
  std::vector<Issue> issues;
  const auto of_kind = [&](StepKind kind) {
    std::vector<const Step*> found;
    for (const auto& step : steps) {
      if (step.kind == kind) {
        found.push_back(&step);
      }
    }
    return found;
  };

  // 优化营商环境条例 第六十二条 (business: 30 days); 市县法治政府建设示范指标体系 24 (7 working days).
  // A short period is cured by a later one that is long enough (the draft was put out again).
  const util::Duration& required = doc.concerns_business ? config.comment_business : config.comment_general;
  const char* const comment_rule =
    doc.concerns_business ? "优化营商环境条例 第六十二条" : "市县法治政府建设示范指标体系 第24项";
  std::optional<Issue> short_comment;
  bool long_enough = false;
  for (const Step* comment : of_kind(StepKind::comment)) {
    try {
      const util::Date shortest_end = shortest_comment_end(*comment->from, required, calendar);
      if (*comment->to >= shortest_end) {
        long_enough = true;
      } else if (!short_comment) {
        short_comment = Issue{"comment-too-short",
                              fmt::format("公开征求意见期 {} 至 {} 不足{}（应至少到 {}）", comment->from->iso(),
                                          comment->to->iso(), required.chinese(), shortest_end.iso()),
                              comment_rule, *comment->to};
      }
    } catch (const DataError& e) {
      issues.push_back(Issue{"calendar-missing", fmt::format("无法核对征求意见期：{}", e.bare_message()), comment_rule,
                             *comment->from});
    }
  }
  if (short_comment && !long_enough) {
    issues.push_back(*short_comment);
  }

  // 国办发〔2018〕115号 (七): 未经合法性审核或者经审核不合法的文件，不得提交集体审议.
  const auto reviews = of_kind(StepKind::legality_review);
  for (const Step* deliberation : of_kind(StepKind::deliberation)) {
    const Step* latest = nullptr;
    for (const Step* review : reviews) {
      if (review->date && *review->date <= *deliberation->date && (!latest || *review->date >= *latest->date)) {
        latest = review;
      }
    }
    if (!latest) {
      issues.push_back(Issue{"deliberation-before-legality-review",
                             fmt::format("{} 集体审议时尚未完成合法性审核", deliberation->date->iso()),
                             "国办发〔2018〕115号 (七)", *deliberation->date});
    } else if (latest->result == Conclusion::unlawful) {
      issues.push_back(Issue{
        "deliberation-after-unlawful-review",
        fmt::format("{} 合法性审核结论为不合法，仍于 {} 提交集体审议", latest->date->iso(), deliberation->date->iso()),
        "国办发〔2018〕115号 (七)", *deliberation->date});
    }
    // 国办发〔2018〕37号 (三): deliberation precedes publication.
    if (doc.published && *doc.published < *deliberation->date) {
      issues.push_back(Issue{"publication-before-deliberation",
                             fmt::format("{} 发布，早于 {} 集体审议", doc.published->iso(), deliberation->date->iso()),
                             "国办发〔2018〕37号 (三)", *doc.published});
    }
  }

  // Steps skipped altogether before publication. 国办发〔2018〕115号 (三): 凡涉及……权利义务的规范性
  // 文件，均要纳入合法性审核范围……做到应审必审; 国办发〔2018〕37号 (三): 合法性审核、集体审议决定.
  if (doc.published && doc.kind == "normative") {
    const auto done_by = [&](StepKind kind) {
      const auto found = of_kind(kind);
      return std::any_of(found.begin(), found.end(),
                         [&](const Step* step) { return step->date && *step->date <= *doc.published; });
    };
    if (!done_by(StepKind::legality_review)) {
      issues.push_back(named_issue("published-without-legality-review", "国办发〔2018〕115号 (三)", *doc.published));
    }
    if (!done_by(StepKind::deliberation)) {
      issues.push_back(named_issue("published-without-deliberation", "国办发〔2018〕37号 (三)", *doc.published));
    }
  }

  // 优化营商环境条例 第六十四条第二款: 未经公布的不得作为行政管理依据.
  if (doc.published && doc.effective && *doc.effective < *doc.published) {
    issues.push_back(Issue{"effective-before-publication",
                           fmt::format("施行日期 {} 早于发布日期 {}", doc.effective->iso(), doc.published->iso()),
                           "优化营商环境条例 第六十四条第二款", *doc.effective});
  }

  // 公平竞争审查条例 第十八条: 未经公平竞争审查……不得出台; 优化营商环境条例 第六十三条.
  const auto fair_reviews = of_kind(StepKind::fair_competition_review);
  const auto deliberations = of_kind(StepKind::deliberation);
  if (doc.concerns_business && (doc.published || !deliberations.empty())) {
    const util::Date when = doc.published ? *doc.published : *deliberations.front()->date;
    if (fair_reviews.empty()) {
      issues.push_back(named_issue("no-fair-competition-review", "公平竞争审查条例 第十八条", when));
    } else if (fair_reviews.back()->result == Conclusion::noncompliant && doc.published) {
      issues.push_back(named_issue("noncompliant-published", "公平竞争审查条例 第十八条", when));
    }
  }
  std::sort(issues.begin(), issues.end(), [](const Issue& a, const Issue& b) { return a.date < b.date; });
  return issues;
}

} // namespace normdoc::procedure
