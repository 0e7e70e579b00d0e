// SPDX-License-Identifier: MIT
// `due` (the kinds, the items of a day), acknowledgements and the filing report, over the
// reminder rules (reminders.hpp) and their stored copy (reminder_store.hpp).
#include <normdoc/deadline/due.hpp>

#include "reminder_store.hpp"
#include "reminders.hpp"

#include <normdoc/basis/register.hpp>
#include <normdoc/error.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>

namespace normdoc::deadline {

namespace {

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
        items.push_back(item_of(reminder.kind, doc.id, doc.title, reminder.what, reminder.due, reminder.article,
                                reminder.action, query.as_of));
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
  auto open =
    db.prepare("SELECT r.id, count(*) FILTER (WHERE i.answer IS NULL),"
               " count(*) FILTER (WHERE i.answer = 'fail') FROM review r"
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
    const std::string named = fmt::format("R{}", review);
    if (open.integer(1) > 0) {
      item.action.step = Remedy{Action::review_answer, {named}};
    } else if (open.integer(2) > 0) {
      item.action.step = Remedy{
        Action::review_conclude, {named}, {{"result", "revise"}, {"opinion", k_placeholder}, {"date", as_of.iso()}}};
    } else {
      item.action.step = Remedy{Action::review_conclude, {named}, {{"result", "lawful"}, {"date", as_of.iso()}}};
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
                            config.basis_review_within.after(flag.change.recorded_on),
                            "河南省优化营商环境条例 第五十一条", {evaluate_step(flag.document.id)}, query.as_of));
  }
  point_to_open_reviews(db, items, query.as_of);
  // Evaluation reminders have their own lead time (config.evaluation_lead, in `applies`).
  const util::Date horizon = query.within.after(query.as_of);
  std::erase_if(items, [&](const DueItem& item) {
    return (!query.kinds.empty() && !query.kinds.contains(item.kind)) ||
           (item.kind != DueKind::evaluation && item.due > horizon);
  });
  std::stable_sort(items.begin(), items.end(), [](const DueItem& a, const DueItem& b) {
    return a.due != b.due ? a.due < b.due : a.document < b.document;
  });
  return items;
}

namespace {

// Why `subject` cannot be acknowledged for `doc` on `date`, or nothing when it can.
std::optional<DataError> not_acknowledgeable(store::Database& db, const registry::Document& doc,
                                             const std::string& subject, const util::Date& date,
                                             const config::Config& config, const calendar::Calendar& calendar)
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
                                                        const config::Config& config,
                                                        const calendar::Calendar& calendar, const audit::Stamp& stamp)
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
    const auto issues =
      procedure::check(doc, steps == steps_of.end() ? std::vector<procedure::Step>{} : steps->second, config, calendar);
    const bool open = std::any_of(issues.begin(), issues.end(), [&](const procedure::Issue& issue) {
      const auto ack = acks == acks_of.end() ? std::nullopt : acknowledged(acks->second, issue.code);
      return issue.date <= as_of && !(ack && *ack <= as_of);
    });
    report.procedure_defects += open ? 1 : 0;
  });
  return report;
}

} // namespace normdoc::deadline
