// SPDX-License-Identifier: MIT
#include <normdoc/deadline/due.hpp>

#include <normdoc/basis/register.hpp>
#include <normdoc/error.hpp>
#include <normdoc/filing/filing.hpp>
#include <normdoc/procedure/procedure.hpp>
#include <normdoc/registry/acknowledgement.hpp>
#include <normdoc/registry/registry.hpp>
#include <normdoc/util/sha256.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>
#include <functional>
#include <map>
#include <set>

namespace normdoc::deadline {

namespace {

using Deadline = calendar::Calendar::Deadline;

constexpr std::array<util::Named<DueKind>, 11> k_kinds{{
  {DueKind::filing, "filing", "报送备案"},
  {DueKind::filing_supplement, "filing-supplement", "补充备案材料"},
  {DueKind::filing_review, "filing-review", "备案审查"},
  {DueKind::correction, "correction", "纠正"},
  {DueKind::legality_review, "legality-review", "合法性审核"},
  {DueKind::comment, "comment", "征求意见"},
  {DueKind::exception, "exception", "例外期限"},
  {DueKind::evaluation, "evaluation", "后评估"},
  {DueKind::expired, "expired", "有效期届满"},
  {DueKind::procedure, "procedure", "程序问题"},
  {DueKind::basis, "basis", "上位法变化"},
}};

// Besides the document not having ended (repealed, amended or invalidated) by the day asked
// about, what has to hold on that day for a reminder to apply.
enum class When {
  always,
  current,      // published and its validity not run out: filing and what follows it
  comment_open, // the comment period has not ended
  evaluation,   // in force, and its last day within the evaluation lead
  expired,      // its validity has run out (自动失效)
  not_expired,
};

// Something due about one document, whatever the day: `applies` says on which days it is.
// `action` is the command that clears it ({as_of} stands for the day asked about); `from` and
// `until` bound it by the records it follows and the one that ends it (a filing recorded
// ahead of its date, an acknowledgement), so a plan counts only from its date on.
struct Reminder
{
  DueKind kind = DueKind::filing;
  std::string what;
  util::Date due;
  std::string article;
  When when = When::always;
  std::string action{};
  std::optional<util::Date> from{};
  std::optional<util::Date> until{};
};

// The placeholder for the day asked about in a reminder's command.
constexpr std::string_view k_as_of = "{as_of}";

bool applies(const Reminder& reminder, const registry::Document& doc, const util::Date& as_of,
             const config::Config& config)
{
  if (doc.ended_on(as_of) || (reminder.from && as_of < *reminder.from) ||
      (reminder.until && *reminder.until <= as_of)) {
    return false;
  }
  switch (reminder.when) {
  case When::always:
    return true;
  case When::current:
    // Once the validity has run out, what is left is to record that (the `expired` reminder).
    return doc.published && *doc.published <= as_of && doc.status_on(as_of) != registry::Status::expired;
  case When::comment_open:
    return reminder.due >= as_of; // due on the period's last day
  case When::evaluation:
    // 后评估 before validity ends (regulations.md 7.3: evaluate 6 months before expiry).
    return doc.status_on(as_of) == registry::Status::published && reminder.due <= config.evaluation_lead.after(as_of);
  case When::expired:
    return doc.status_on(as_of) == registry::Status::expired;
  case When::not_expired:
    return doc.status_on(as_of) != registry::Status::expired;
  }
  return false;
}

class Reminders
{
public:
  // Adds a reminder; the returned one takes its action and bounds.
  Reminder& add(DueKind kind, std::string what, const Deadline& deadline, std::string_view article,
                When when = When::always)
  {
    return m_list.emplace_back(
      Reminder{kind, std::move(what) + deadline.caveat, deadline.date, std::string(article), when});
  }
  std::vector<Reminder> take() { return std::move(m_list); }

private:
  std::vector<Reminder> m_list;
};

// The day `subject` of `doc` was acknowledged, if it was.
std::optional<util::Date> acknowledged(const std::vector<registry::Acknowledgement>& acks, std::string_view subject)
{
  for (const auto& ack : acks) {
    if (ack.subject == subject) {
      return ack.date;
    }
  }
  return std::nullopt;
}

// Quotes a value for the shell when it needs it, so the printed command runs as shown.
std::string shell_word(std::string_view text)
{
  if (!text.empty() && text.find_first_of(" \t'\"$`\\;&|()<>*?") == std::string_view::npos) {
    return std::string(text);
  }
  std::string quoted = "'";
  for (const char c : text) {
    quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  }
  return quoted + "'";
}

void filing_reminders(Reminders& out, const registry::Document& doc, const std::vector<filing::Filing>& filings,
                      const std::vector<registry::Acknowledgement>& acks, const config::Config& config,
                      const calendar::Calendar& calendar)
{
  // Filed before the registry (records on paper): nothing about filing is asked for after that.
  const auto filed_before = acknowledged(acks, registry::k_ack_filed_before);
  // 有件必备: every published document is filed within the deadline. 河南省实施《监督法》办法
  // 第五十一条 fixes 30 days for filings with the 人大常委会; no national rule fixes it for the
  // government side (regulations.md 6.2), so there the period is the office's setting.
  const Deadline filing_due = calendar.deadline(*doc.published, config.filing_deadline);
  // A filing counts from its date: one recorded ahead (--planned) leaves the reminder until then.
  const auto filed_with = [&](const std::string& body) -> std::optional<util::Date> {
    std::optional<util::Date> first;
    for (const auto& f : filings) {
      if (f.body == body || body.empty()) {
        first = first ? std::min(*first, f.filed) : f.filed;
      }
    }
    return first;
  };
  const auto until = [&](const std::optional<util::Date>& filed) {
    return filed && filed_before ? std::min(*filed, *filed_before) : filed ? filed : filed_before;
  };
  constexpr std::string_view k_every_document =
    "有件必备；报送期限为本单位设置的默认值（向人大常委会备案的，发布后三十日内，河南省实施《监督法》办法 第五十一条）";
  if (config.filing_bodies.empty()) {
    Reminder& reminder = out.add(DueKind::filing, fmt::format("发布后{}内报送备案", config.filing_deadline.chinese()),
                                 filing_due, k_every_document, When::current);
    reminder.action = fmt::format("normdoc file {} --to 备案机关 --date {}", doc.id, k_as_of);
    reminder.until = until(filed_with(""));
  } else {
    for (const auto& body : config.filing_bodies) {
      Reminder& reminder =
        out.add(DueKind::filing, fmt::format("向{}报送备案", body), filing_due, k_every_document, When::current);
      reminder.action = fmt::format("normdoc file {} --to {} --date {}", doc.id, shell_word(body), k_as_of);
      reminder.until = until(filed_with(body));
    }
  }
  for (const auto& filing : filings) {
    const std::string result_command =
      fmt::format("normdoc filing result {} --to {} --date {} --result", doc.id, shell_word(filing.body), k_as_of);
    const auto last = filing.last_result();
    if (last && last->result == filing::Result::deferred) {
      const Deadline supplement = last->until ? Deadline{*last->until, {}}
                                              : calendar.deadline(last->date, config.filing_supplement_period);
      Reminder& reminder = out.add(DueKind::filing_supplement, fmt::format("按{}要求补充备案材料", filing.body), supplement,
                                   // 法规规章备案审查条例 governs 法规 and 规章 only: no cited rule.
                                   "补充材料期限为本单位设置的默认值", When::current);
      reminder.action = result_command + " registered";
      reminder.from = last->date;
    }
    const bool reviewed = std::any_of(filing.outcomes.begin(), filing.outcomes.end(), [](const filing::Outcome& o) {
      return o.kind == "result" && o.result && filing::concludes_review(*o.result);
    });
    if (!reviewed) {
      Reminder& reminder = out.add(DueKind::filing_review, fmt::format("{}应完成备案审查", filing.body),
                                   calendar.deadline(filing.filed, config.filing_review_period),
                                   "有备必审（向人大常委会备案的，河南省实施《监督法》办法 第五十四条；"
                                   "向政府备案的期限为本单位设置的默认值）",
                                   When::current);
      reminder.action = result_command + " passed";
      reminder.from = filing.filed;
    }
    if (const auto order = filing.open_correction()) {
      const Deadline correction =
        order->until ? Deadline{*order->until, {}} : calendar.deadline(order->date, config.correction_period);
      Reminder& reminder =
        out.add(DueKind::correction, fmt::format("按{}的审查意见（{}）纠正", filing.body, filing::result_label(*order->result)),
                correction,
                // 法规规章备案审查条例 第二十一条 governs 规章, not these documents; 河南省实施《监督法》
                // 办法 第五十六条 (30 日) governs filings with the 人大常委会; the government-side
                // period (河南 226号) is unread, so the period is the office's setting, said so.
                "有错必纠；纠正期限为本单位设置的默认值（向人大常委会备案的，河南省实施《监督法》办法 第五十六条）",
                When::current);
      reminder.action = fmt::format("normdoc filing corrected {} --to {} --date {} --note '…'", doc.id,
                                    shell_word(filing.body), k_as_of);
      reminder.from = order->date;
    }
  }
}

void step_reminders(Reminders& out, std::int64_t document, const std::vector<procedure::Step>& steps,
                    const config::Config& config, const calendar::Calendar& calendar)
{
  const procedure::Step* last_fair_review = nullptr;
  for (const auto& step : steps) {
    if (step.kind == procedure::StepKind::legality_review && !step.date && step.received) {
      Reminder& reminder = out.add(
        DueKind::legality_review,
        fmt::format("合法性审核（{} 收到）最长{}内完成", step.received->iso(), config.legality_review_limit.chinese()),
        calendar.deadline(*step.received, config.legality_review_limit), "国办发〔2018〕115号 (五)");
      reminder.action = fmt::format("normdoc record {} legality-review --date {} --result lawful", document, k_as_of);
    }
    if (step.kind == procedure::StepKind::comment) {
      Reminder& reminder = out.add(DueKind::comment, fmt::format("公开征求意见截止（{} 起）", step.from->iso()),
                                   Deadline{*step.to, {}},
                                   "优化营商环境条例 第六十二条；市县法治政府建设示范指标体系 第24项",
                                   When::comment_open);
      reminder.action = "（征求意见期届满后自动消除）";
    }
    if (step.kind == procedure::StepKind::fair_competition_review && step.date) {
      last_fair_review = &step;
    }
  }
  // The latest review decides: a new one after the exception period replaces it (条例 第十二条).
  if (last_fair_review && last_fair_review->result == procedure::Conclusion::exception && last_fair_review->until) {
    Reminder& reminder = out.add(DueKind::exception, "适用例外的政策措施实施期限届满，应评估是否继续实施",
                                 Deadline{*last_fair_review->until, {}}, "公平竞争审查条例 第十二条");
    reminder.action =
      fmt::format("normdoc record {} fair-competition-review --date {} --result compliant", document, k_as_of);
  }
}

// Everything `due` can say about `doc`, in a fixed order (steps, filings, validity, procedure).
std::vector<Reminder> reminders_of(const registry::Document& doc, const std::vector<procedure::Step>& steps,
                                   const std::vector<filing::Filing>& filings,
                                   const std::vector<registry::Acknowledgement>& acks, const config::Config& config,
                                   const calendar::Calendar& calendar)
{
  Reminders out;
  step_reminders(out, doc.id, steps, config, calendar);
  if (doc.published && doc.kind == "normative") {
    filing_reminders(out, doc, filings, acks, config, calendar);
  }
  if (doc.published && doc.expires) {
    Reminder& evaluation = out.add(DueKind::evaluation, "有效期届满前开展后评估，决定继续有效、修改或废止",
                                   Deadline{*doc.expires, {}}, "有效期届满前评估（各地规范性文件管理规定）",
                                   When::evaluation);
    evaluation.action = fmt::format("normdoc evaluate {} --outcome continue --date {}", doc.id, k_as_of);
    // 有效期届满自动失效 (regulations.md 7.3): what is left is to record it in the catalogue.
    Reminder& expired = out.add(DueKind::expired, "有效期已届满自动失效，应在目录中确认失效",
                                Deadline{doc.expires->add_days(1), {}}, "有效期制度（各地规范性文件管理规定）",
                                When::expired);
    expired.action = fmt::format("normdoc acknowledge {} expired --date {} --reason '…'", doc.id, k_as_of);
    expired.until = acknowledged(acks, registry::k_ack_expired);
  }
  for (const auto& issue : procedure::check(doc, steps, config, calendar)) {
    Reminder& reminder =
      out.add(DueKind::procedure, issue.message, Deadline{issue.date, {}}, issue.article, When::not_expired);
    reminder.action = fmt::format("normdoc acknowledge {} {} --date {} --reason '…'", doc.id, issue.code, k_as_of);
    reminder.from = issue.date;
    reminder.until = acknowledged(acks, issue.code);
  }
  return out.take();
}

// Visits every document `filter` accepts with its reminders, reading steps and filings of the
// whole registry in three queries rather than two per document (EXPLAIN QUERY PLAN showed
// each per-document query was an index search; their number was the cost).
void for_each_document(store::Database& db, const registry::ListFilter& filter, const config::Config& config,
                       const calendar::Calendar& calendar,
                       const std::function<void(const registry::Document&, const std::vector<Reminder>&)>& visit)
{
  const auto steps_of = procedure::steps_by_document(db);
  const auto filings_of = filing::filings_by_document(db);
  const auto acks_of = registry::acknowledgements_by_document(db);
  const std::vector<procedure::Step> no_steps;
  const std::vector<filing::Filing> no_filings;
  const std::vector<registry::Acknowledgement> no_acks;
  registry::for_each(db, filter, [&](const registry::Document& doc) {
    const auto steps = steps_of.find(doc.id);
    const auto filings = filings_of.find(doc.id);
    const auto acks = acks_of.find(doc.id);
    visit(doc, reminders_of(doc, steps == steps_of.end() ? no_steps : steps->second,
                            filings == filings_of.end() ? no_filings : filings->second,
                            acks == acks_of.end() ? no_acks : acks->second, config, calendar));
  });
}

const util::Date& epoch()
{
  static const util::Date k_epoch = util::Date::from_ymd(1970, 1, 1);
  return k_epoch;
}

// Days since 1970-01-01: the R*Tree's coordinates.
int day_number(const util::Date& day)
{
  return epoch().days_until(day);
}

// Every document of the registry with its reminders, to rebuild or check what is stored.
void for_every_document(store::Database& db, const config::Config& config, const calendar::Calendar& calendar,
                        const std::function<void(const registry::Document&, const std::vector<Reminder>&)>& visit)
{
  for_each_document(db, registry::ListFilter{epoch()}, config, calendar, visit);
}

constexpr int k_always_before = -10'000'000;
constexpr int k_always_after = 10'000'000;

// The first day on which `expires` is within the evaluation lead: Duration::after is monotonic,
// so a binary search between publication and expiry finds it.
util::Date evaluation_start(const util::Date& published, const util::Date& expires, const util::Duration& lead)
{
  int low = 0;
  int high = std::max(0, published.days_until(expires));
  while (low < high) {
    const int middle = low + (high - low) / 2;
    if (lead.after(published.add_days(middle)) >= expires) {
      high = middle;
    } else {
      low = middle + 1;
    }
  }
  return published.add_days(low);
}

struct Window
{
  int first_day;
  int last_day;
};

// The stretches of days on which `reminder` applies. `applies` depends on the day only through
// comparisons with the document's dates and the reminder's own (the cuts), so it is constant
// from one cut to the next and is asked once per stretch.
std::vector<Window> windows(const Reminder& reminder, const registry::Document& doc, const config::Config& config)
{
  std::vector<util::Date> cuts;
  for (const auto& date : {doc.published, doc.repealed, doc.invalidated, doc.amended, doc.withdrawn, doc.effective}) {
    if (date) {
      cuts.push_back(*date);
    }
  }
  if (doc.expires) {
    cuts.push_back(doc.expires->add_days(1));
  }
  for (const auto& bound : {reminder.from, reminder.until}) {
    if (bound) {
      cuts.push_back(*bound);
    }
  }
  if (reminder.when == When::comment_open) {
    cuts.push_back(reminder.due.add_days(1));
  }
  if (reminder.when == When::evaluation) {
    cuts.push_back(evaluation_start(*doc.published, reminder.due, config.evaluation_lead));
  }
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());

  std::vector<Window> found;
  const auto stretch = [&](const util::Date& sample, int first_day, int last_day) {
    if (!applies(reminder, doc, sample, config)) {
      return;
    }
    if (!found.empty() && found.back().last_day == first_day - 1) {
      found.back().last_day = last_day;
    } else {
      found.push_back(Window{first_day, last_day});
    }
  };
  if (cuts.empty()) {
    stretch(epoch(), k_always_before, k_always_after);
    return found;
  }
  stretch(cuts.front().add_days(-1), k_always_before, day_number(cuts.front()) - 1);
  for (std::size_t i = 0; i < cuts.size(); ++i) {
    stretch(cuts[i], day_number(cuts[i]), i + 1 < cuts.size() ? day_number(cuts[i + 1]) - 1 : k_always_after);
  }
  return found;
}

// Each reminder of `doc` with each stretch of days it applies on: one stored row each.
void for_each_window(const registry::Document& doc, const std::vector<Reminder>& reminders,
                     const config::Config& config, const std::function<void(const Reminder&, const Window&)>& visit)
{
  for (const auto& reminder : reminders) {
    for (const auto& window : windows(reminder, doc, config)) {
      visit(reminder, window);
    }
  }
}

// What the stored reminders were computed from, besides the records: the settings they use, the
// calendar, and the version of the rules below (raise it when a reminder's rule or text changes).
std::string basis_digest(const config::Config& config, const calendar::Calendar& calendar)
{
  constexpr int k_rules_version = 4;
  std::string basis = fmt::format("rules {}\n", k_rules_version);
  for (const util::Duration* period :
       {&config.filing_deadline, &config.filing_review_period, &config.filing_supplement_period,
        &config.correction_period, &config.legality_review_limit, &config.comment_business, &config.comment_general,
        &config.evaluation_lead}) {
    basis += period->to_string() + '\n';
  }
  for (const auto& body : config.filing_bodies) {
    basis += "filing body " + body + '\n';
  }
  return util::sha256_hex(basis + calendar.digest());
}

class ReminderStore
{
public:
  ReminderStore(store::Database& db, const config::Config& config)
    : m_db(db),
      m_config(config),
      m_item(db.prepare("INSERT INTO due_item (document, title, issuer, kind, what, due, article, action)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")),
      m_window(db.prepare("INSERT INTO due_window (id, first_day, last_day) VALUES (?, ?, ?)"))
  {
  }

  void put(const registry::Document& doc, const std::vector<Reminder>& reminders)
  {
    for_each_window(doc, reminders, m_config, [&](const Reminder& reminder, const Window& window) {
      m_item
        .bind_all(doc.id, doc.title, doc.issuer, kind_key(reminder.kind), reminder.what, reminder.due, reminder.article,
                  reminder.action)
        .run();
      m_item.reset();
      m_window.bind_all(m_db.last_insert_rowid(), window.first_day, window.last_day).run();
      m_window.reset();
    });
  }

private:
  store::Database& m_db;
  const config::Config& m_config;
  store::Statement m_item;
  store::Statement m_window;
};

bool computed_with(store::Database& db, const std::string& digest)
{
  auto stmt = db.prepare("SELECT digest = ? FROM due_basis");
  stmt.bind(1, digest);
  return stmt.step() == store::Step::row && stmt.integer(0) == 1;
}

bool any_stale(store::Database& db)
{
  return db.single_integer("SELECT EXISTS (SELECT 1 FROM due_stale)") == 1;
}

// Past this many stale documents (a large import), rebuilding from the whole registry read in
// three queries is faster than three queries per document (100,000 documents: 0.75 ms per
// stale document, 8 s for all).
constexpr std::int64_t k_stale_bulk = 10'000;

void rebuild_all(store::Database& db, const config::Config& config, const calendar::Calendar& calendar,
                 const std::string& digest)
{
  db.exec("DELETE FROM due_window; DELETE FROM due_item; DELETE FROM due_stale");
  ReminderStore reminders(db, config);
  for_every_document(db, config, calendar,
                     [&](const registry::Document& doc, const auto& found) { reminders.put(doc, found); });
  db.prepare("UPDATE due_basis SET digest = ?").bind(1, digest).run();
}

void rebuild_stale(store::Database& db, const config::Config& config, const calendar::Calendar& calendar)
{
  std::vector<std::int64_t> stale;
  auto select = db.prepare("SELECT document FROM due_stale");
  while (select.step() == store::Step::row) {
    stale.push_back(select.integer(0));
  }
  auto forget_windows = db.prepare("DELETE FROM due_window WHERE id IN (SELECT id FROM due_item WHERE document = ?)");
  auto forget_items = db.prepare("DELETE FROM due_item WHERE document = ?");
  ReminderStore reminders(db, config);
  for (const std::int64_t id : stale) {
    forget_windows.bind(1, id).run();
    forget_windows.reset();
    forget_items.bind(1, id).run();
    forget_items.reset();
    if (const auto doc = registry::find(db, id)) {
      reminders.put(*doc, reminders_of(*doc, procedure::steps_of(db, id), filing::filings_of(db, id),
                                       registry::acknowledgements_of(db, id), config, calendar));
    }
  }
  db.exec("DELETE FROM due_stale");
}

// Brings the stored reminders up to date with the records, the settings and the calendar, in
// one transaction. False when the database cannot be written now (opened read-only, or held
// by a writer beyond the busy timeout): the caller computes from the records instead.
bool refresh(store::Database& db, const config::Config& config, const calendar::Calendar& calendar)
{
  const std::string digest = basis_digest(config, calendar);
  if (computed_with(db, digest) && !any_stale(db)) {
    return true;
  }
  if (db.read_only()) {
    return false;
  }
  try {
    store::Transaction txn(db);
    // Checked again: another process may have brought them up to date while this one waited.
    if (computed_with(db, digest) && db.single_integer("SELECT count(*) FROM due_stale") <= k_stale_bulk) {
      rebuild_stale(db, config, calendar);
    } else {
      rebuild_all(db, config, calendar, digest);
    }
    txn.commit();
    return true;
  } catch (const DatabaseError& e) {
    if (e.kind() == DatabaseError::Kind::busy || e.kind() == DatabaseError::Kind::read_only) {
      return false;
    }
    throw;
  }
}

// One reminder with one stretch of days, as a line of text, for comparing stored and computed.
std::string reminder_line(std::string_view title, std::string_view issuer, std::string_view kind, std::string_view what,
                          std::string_view due, std::string_view article, std::string_view action,
                          std::int64_t first_day, std::int64_t last_day)
{
  return fmt::format("{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}", title, issuer, kind, what, due, article, action, first_day,
                     last_day);
}

DueItem item_of(DueKind kind, std::int64_t document, const std::string& title, const std::string& what,
                const util::Date& due, const std::string& article, const std::string& action, const util::Date& as_of)
{
  const int days_left = as_of.days_until(due);
  std::string command = action;
  if (const auto at = command.find(k_as_of); at != std::string::npos) {
    command.replace(at, k_as_of.size(), as_of.iso());
  }
  return DueItem{kind, document, title, what, due, days_left, days_left < 0, article, command};
}

DueKind stored_kind(const std::string& key)
{
  if (const auto kind = util::parse_named(due_kinds(), key)) {
    return *kind;
  }
  throw DataError(fmt::format("存储的到期提醒类别“{}”无法识别（由更新版本的 normdoc 写入？）", key), Location{{}, 0, 0, "kind"},
                  "运行 normdoc doctor --fix 重新计算到期提醒");
}

std::vector<DueItem> stored_items(store::Database& db, const DueQuery& query)
{
  // The R*Tree's ids, sorted by the IN list, read the reminders in the order they are stored.
  auto stmt = db.prepare("SELECT kind, document, title, what, due, article, action FROM due_item"
                         " WHERE id IN (SELECT id FROM due_window WHERE first_day <= ?1 AND last_day >= ?1)"
                         " AND (?2 IS NULL OR issuer = ?2) ORDER BY id");
  stmt.bind(1, day_number(query.as_of));
  stmt.bind(2, query.issuer);
  std::vector<DueItem> items;
  while (stmt.step() == store::Step::row) {
    items.push_back(item_of(stored_kind(stmt.text(0)), stmt.integer(1), stmt.text(2), stmt.text(3), *stmt.optional_date(4),
                            stmt.text(5), stmt.text(6), query.as_of));
  }
  return items;
}

std::vector<DueItem> items_from_records(store::Database& db, const config::Config& config,
                                        const calendar::Calendar& calendar, const DueQuery& query)
{
  registry::ListFilter filter{query.as_of};
  filter.issuer = query.issuer;
  filter.not_ended = true;
  std::vector<DueItem> items;
  for_each_document(db, filter, config, calendar, [&](const registry::Document& doc, const auto& reminders) {
    for (const auto& reminder : reminders) {
      if (applies(reminder, doc, query.as_of, config)) {
        items.push_back(
          item_of(reminder.kind, doc.id, doc.title, reminder.what, reminder.due, reminder.article, reminder.action,
                  query.as_of));
      }
    }
  });
  return items;
}

// A legality review under way in `review` is finished there: `review conclude` records the
// step's conclusion too, while `record … legality-review --date` would leave the review open.
// The conclusion must agree with the answers (review.cpp), so the command named is the next one
// that can succeed: answering what is left, else the conclusion the answers allow. Said when
// `due` prints, since reviews start and end without touching the stored reminders.
void point_to_open_reviews(store::Database& db, std::vector<DueItem>& items, const util::Date& as_of)
{
  auto open = db.prepare("SELECT r.id, sum(i.answer IS NULL), sum(i.answer = 'fail') FROM review r"
                         " LEFT JOIN review_item i ON i.review = r.id WHERE r.document = ? AND r.checklist = 'legality'"
                         " AND r.concluded IS NULL AND r.superseded_by IS NULL GROUP BY r.id ORDER BY r.id DESC LIMIT 1");
  for (DueItem& item : items) {
    if (item.kind != DueKind::legality_review) {
      continue;
    }
    open.reset();
    open.bind(1, item.document);
    if (open.step() != store::Step::row) {
      continue;
    }
    const std::int64_t review = open.integer(0);
    if (open.integer(1) > 0) {
      item.action = fmt::format("normdoc review answer R{}", review);
    } else if (open.integer(2) > 0) {
      item.action = fmt::format("normdoc review conclude R{} --result revise --opinion '…' --date {}", review, as_of.iso());
    } else {
      item.action = fmt::format("normdoc review conclude R{} --result lawful --date {}", review, as_of.iso());
    }
  }
}

} // namespace

util::NamedTable<DueKind> due_kinds()
{
  return k_kinds;
}

std::string_view kind_key(DueKind kind)
{
  return util::named(due_kinds(), kind).key;
}

std::string_view kind_label(DueKind kind)
{
  return util::named(due_kinds(), kind).label;
}

std::string_view acknowledgement_subject_label(std::string_view subject)
{
  if (subject == registry::k_ack_expired) {
    return "有效期届满（已失效）";
  }
  if (subject == registry::k_ack_filed_before) {
    return "使用 normdoc 前已报送备案";
  }
  return procedure::issue_name(subject).value_or(subject);
}

std::vector<DueItem> due_items(store::Database& db, const config::Config& config, const calendar::Calendar& calendar,
                               const DueQuery& query)
{
  std::vector<DueItem> items = !query.from_records && refresh(db, config, calendar)
                                 ? stored_items(db, query)
                                 : items_from_records(db, config, calendar, query);
  for (const auto& flag : basis::flags(db, query.as_of)) {
    if (query.issuer && flag.document.issuer != *query.issuer) {
      continue;
    }
    const std::string when = flag.change.date ? flag.change.date->iso() + " " : std::string();
    items.push_back(item_of(DueKind::basis, flag.document.id, flag.document.title,
                            fmt::format("所依据的《{}》已于 {}{}，应及时评估，决定修改、废止或继续有效", flag.cited_as,
                                        when, basis::change_label(flag.change.kind)),
                            config.basis_review_within.after(flag.change.recorded_on), "河南省优化营商环境条例 第五十一条",
                            fmt::format("normdoc evaluate {} --outcome continue --date {}", flag.document.id, k_as_of),
                            query.as_of));
  }
  point_to_open_reviews(db, items, query.as_of);
  // Evaluation reminders have their own lead time (config.evaluation_lead, in `applies`).
  const util::Date horizon = query.within.after(query.as_of);
  std::erase_if(items, [&](const DueItem& item) {
    return (!query.kinds.empty() && !query.kinds.contains(item.kind)) || (item.kind != DueKind::evaluation && item.due > horizon);
  });
  std::stable_sort(items.begin(), items.end(), [](const DueItem& a, const DueItem& b) {
    return a.due != b.due ? a.due < b.due : a.document < b.document;
  });
  return items;
}

doctor::Check examine_reminders(store::Database& db, const config::Config& config, const calendar::Calendar& calendar)
{
  doctor::Check check{"due-reminders", "到期提醒", true, {}};
  if (!computed_with(db, basis_digest(config, calendar)) || any_stale(db)) {
    check.detail = "尚未按当前记录和设置计算，下次运行 due 时计算";
    return check;
  }
  std::map<std::int64_t, std::multiset<std::string>> computed;
  for_every_document(db, config, calendar, [&](const registry::Document& doc, const auto& reminders) {
    for_each_window(doc, reminders, config, [&](const Reminder& reminder, const Window& window) {
      computed[doc.id].insert(reminder_line(doc.title, doc.issuer, kind_key(reminder.kind), reminder.what, reminder.due.iso(),
                                            reminder.article, reminder.action, window.first_day, window.last_day));
    });
  });
  std::map<std::int64_t, std::multiset<std::string>> stored;
  std::size_t count = 0;
  auto stmt = db.prepare("SELECT i.document, i.title, i.issuer, i.kind, i.what, i.due, i.article, i.action, w.first_day,"
                         " w.last_day"
                         " FROM due_item i JOIN due_window w ON w.id = i.id");
  while (stmt.step() == store::Step::row) {
    ++count;
    stored[stmt.integer(0)].insert(reminder_line(stmt.text(1), stmt.text(2), stmt.text(3), stmt.text(4), stmt.text(5),
                                                 stmt.text(6), stmt.text(7), stmt.integer(8), stmt.integer(9)));
  }
  std::set<std::int64_t> differing;
  for (const auto& [document, lines] : computed) {
    const auto found = stored.find(document);
    if (found == stored.end() || found->second != lines) {
      differing.insert(document);
    }
  }
  for (const auto& [document, lines] : stored) {
    if (!computed.contains(document)) {
      differing.insert(document);
    }
  }
  check.ok = differing.empty();
  check.detail = check.ok ? fmt::format("{}条提醒与登记一致", count)
                          : fmt::format("{}份文件的到期提醒与登记不一致（如 #{}）", differing.size(), *differing.begin());
  return check;
}

namespace {

// Why `subject` cannot be acknowledged for `doc` on `date`, or nothing when it can.
std::optional<DataError> not_acknowledgeable(store::Database& db, const registry::Document& doc, const std::string& subject,
                                             const util::Date& date, const config::Config& config,
                                             const calendar::Calendar& calendar)
{
  if (subject == registry::k_ack_expired) {
    if (doc.status_on(date) != registry::Status::expired) {
      return DataError(fmt::format("文件 #{}《{}》在 {} 的状态为“{}”，不是有效期届满", doc.id, doc.title, date.iso(),
                                   registry::status_label(doc.status_on(date))),
                       Location{{}, 0, 0, "date"});
    }
  } else if (subject == registry::k_ack_filed_before) {
    if (!doc.published || date < *doc.published) {
      return DataError(fmt::format("文件 #{}《{}》在 {} 尚未发布，无从备案", doc.id, doc.title, date.iso()),
                       Location{{}, 0, 0, "date"});
    }
  } else {
    const auto issues = procedure::check(doc, procedure::steps_of(db, doc.id), config, calendar);
    const bool found =
      std::any_of(issues.begin(), issues.end(), [&](const procedure::Issue& issue) { return issue.code == subject; });
    if (!found) {
      std::vector<std::string> codes{std::string(registry::k_ack_expired), std::string(registry::k_ack_filed_before)};
      for (const auto& issue : issues) {
        codes.push_back(issue.code);
      }
      return DataError(fmt::format("文件 #{}《{}》没有“{}”可确认", doc.id, doc.title, subject), {},
                       fmt::format("可确认：{}", fmt::join(codes, " ")));
    }
  }
  return std::nullopt;
}

} // namespace

registry::Acknowledgement acknowledge(store::Transaction& txn, const registry::Document& doc,
                                      const std::string& subject, const util::Date& date, const std::string& reason,
                                      const config::Config& config, const calendar::Calendar& calendar,
                                      const audit::Stamp& stamp)
{
  if (auto refused = not_acknowledgeable(txn.database(), doc, subject, date, config, calendar)) {
    throw *refused;
  }
  return registry::record_acknowledgement(txn, doc.id, subject, date, reason, stamp);
}

std::vector<registry::Acknowledgement> acknowledge_year(store::Transaction& txn, int year, const std::string& subject,
                                                        const util::Date& date, const std::string& reason,
                                                        const config::Config& config, const calendar::Calendar& calendar,
                                                        const audit::Stamp& stamp)
{
  store::Database& db = txn.database();
  registry::ListFilter filter{date};
  filter.year = year;
  const auto acks_of = registry::acknowledgements_by_document(db);
  std::vector<registry::Acknowledgement> recorded;
  for (const auto& doc : registry::list(db, filter)) {
    const auto acks = acks_of.find(doc.id);
    const bool done = acks != acks_of.end() && acknowledged(acks->second, subject).has_value();
    if (!doc.published || doc.published->year() != year || doc.kind != "normative" || done ||
        not_acknowledgeable(db, doc, subject, date, config, calendar)) {
      continue;
    }
    recorded.push_back(registry::record_acknowledgement(txn, doc.id, subject, date, reason, stamp));
  }
  if (recorded.empty()) {
    throw DataError(fmt::format("{}年发布的规范性文件中没有尚未确认“{}”的", year, subject), Location{{}, 0, 0, "year"});
  }
  return recorded;
}

filing::Compliance filing_report(store::Database& db, const config::Config& config, const calendar::Calendar& calendar,
                                 int year, const util::Date& as_of)
{
  filing::Compliance report = filing::compliance(db, config, calendar, year, as_of);
  registry::ListFilter filter{as_of};
  filter.year = year;
  const auto steps_of = procedure::steps_by_document(db);
  const auto acks_of = registry::acknowledgements_by_document(db);
  registry::for_each(db, filter, [&](const registry::Document& doc) {
    if (!doc.published || doc.kind != "normative") {
      return;
    }
    const auto steps = steps_of.find(doc.id);
    const auto acks = acks_of.find(doc.id);
    const auto issues = procedure::check(doc, steps == steps_of.end() ? std::vector<procedure::Step>{} : steps->second,
                                         config, calendar);
    const bool open = std::any_of(issues.begin(), issues.end(), [&](const procedure::Issue& issue) {
      const auto ack = acks == acks_of.end() ? std::nullopt : acknowledged(acks->second, issue.code);
      return issue.date <= as_of && !(ack && *ack <= as_of);
    });
    report.procedure_defects += open ? 1 : 0;
  });
  return report;
}

void rebuild_reminders(store::Database& db, const config::Config& config, const calendar::Calendar& calendar)
{
  store::Transaction txn(db);
  rebuild_all(db, config, calendar, basis_digest(config, calendar));
  txn.commit();
}

} // namespace normdoc::deadline
