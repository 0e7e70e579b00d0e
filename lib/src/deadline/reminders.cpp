// SPDX-License-Identifier: MIT
// The reminder rules (reminders.hpp): each deadline of the law as a reminder of one document.
#include "reminders.hpp"

#include <normdoc/util/date.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace normdoc::deadline {

namespace {

using Deadline = calendar::Calendar::Deadline;

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
    reminder.action.step = Remedy{Action::file, {std::to_string(doc.id)}, {{"to", "备案机关"}, {"date", k_as_of}}};
    reminder.until = until(filed_with(""));
  } else {
    for (const auto& body : config.filing_bodies) {
      Reminder& reminder =
        out.add(DueKind::filing, fmt::format("向{}报送备案", body), filing_due, k_every_document, When::current);
      reminder.action.step = Remedy{Action::file, {std::to_string(doc.id)}, {{"to", body}, {"date", k_as_of}}};
      reminder.until = until(filed_with(body));
    }
  }
  for (const auto& filing : filings) {
    const auto filing_result = [&](std::string result) {
      return Remedy{Action::filing_result,
                    {std::to_string(doc.id)},
                    {{"to", filing.body}, {"date", k_as_of}, {"result", std::move(result)}}};
    };
    const auto last = filing.last_result();
    if (last && last->result == filing::Result::deferred) {
      const Deadline supplement =
        last->until ? Deadline{*last->until, {}} : calendar.deadline(last->date, config.filing_supplement_period);
      Reminder& reminder =
        out.add(DueKind::filing_supplement, fmt::format("按{}要求补充备案材料", filing.body), supplement,
                // 法规规章备案审查条例 governs 法规 and 规章 only: no cited rule.
                "补充材料期限为本单位设置的默认值", When::current);
      reminder.action.step = filing_result("registered");
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
      reminder.action.step = filing_result("passed");
      reminder.from = filing.filed;
    }
    if (const auto order = filing.open_correction()) {
      const Deadline correction =
        order->until ? Deadline{*order->until, {}} : calendar.deadline(order->date, config.correction_period);
      Reminder& reminder =
        out.add(DueKind::correction,
                fmt::format("按{}的审查意见（{}）纠正", filing.body, filing::result_label(*order->result)), correction,
                // 法规规章备案审查条例 第二十一条 governs 规章, not these documents; 河南省实施《监督法》
                // 办法 第五十六条 (30 日) governs filings with the 人大常委会; the government-side
                // period (河南 226号) is unread, so the period is the office's setting, said so.
                "有错必纠；纠正期限为本单位设置的默认值（向人大常委会备案的，河南省实施《监督法》办法 第五十六条）",
                When::current);
      reminder.action.step = Remedy{Action::filing_corrected,
                                    {std::to_string(doc.id)},
                                    {{"to", filing.body}, {"date", k_as_of}, {"note", k_placeholder}}};
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
      reminder.action.step = Remedy{
        Action::record, {std::to_string(document), "legality-review"}, {{"date", k_as_of}, {"result", "lawful"}}};
    }
    if (step.kind == procedure::StepKind::comment) {
      Reminder& reminder =
        out.add(DueKind::comment, fmt::format("公开征求意见截止（{} 起）", step.from->iso()), Deadline{*step.to, {}},
                "优化营商环境条例 第六十二条；市县法治政府建设示范指标体系 第24项", When::comment_open);
      reminder.action.by_itself = "征求意见期届满后自动消除";
    }
    if (step.kind == procedure::StepKind::fair_competition_review && step.date) {
      last_fair_review = &step;
    }
  }
  // The latest review decides: a new one after the exception period replaces it (条例 第十二条).
  if (last_fair_review && last_fair_review->result == procedure::Conclusion::exception && last_fair_review->until) {
    Reminder& reminder = out.add(DueKind::exception, "适用例外的政策措施实施期限届满，应评估是否继续实施",
                                 Deadline{*last_fair_review->until, {}}, "公平竞争审查条例 第十二条");
    reminder.action.step = Remedy{Action::record,
                                  {std::to_string(document), "fair-competition-review"},
                                  {{"date", k_as_of}, {"result", "compliant"}}};
  }
}

} // namespace

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

std::optional<util::Date> acknowledged(const std::vector<registry::Acknowledgement>& acks, std::string_view subject)
{
  for (const auto& ack : acks) {
    if (ack.subject == subject) {
      return ack.date;
    }
  }
  return std::nullopt;
}

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
    Reminder& evaluation =
      out.add(DueKind::evaluation, "有效期届满前开展后评估，决定继续有效、修改或废止", Deadline{*doc.expires, {}},
              "有效期届满前评估（各地规范性文件管理规定）", When::evaluation);
    evaluation.action.step = evaluate_step(doc.id);
    // 有效期届满自动失效 (regulations.md 7.3): what is left is to record it in the catalogue.
    Reminder& expired =
      out.add(DueKind::expired, "有效期已届满自动失效，应在目录中确认失效", Deadline{doc.expires->add_days(1), {}},
              "有效期制度（各地规范性文件管理规定）", When::expired);
    expired.action.step =
      Remedy{Action::acknowledge, {std::to_string(doc.id), "expired"}, {{"date", k_as_of}, {"reason", k_placeholder}}};
    expired.until = acknowledged(acks, registry::k_ack_expired);
  }
  for (const auto& issue : procedure::check(doc, steps, config, calendar)) {
    Reminder& reminder =
      out.add(DueKind::procedure, issue.message, Deadline{issue.date, {}}, issue.article, When::not_expired);
    reminder.action.step =
      Remedy{Action::acknowledge, {std::to_string(doc.id), issue.code}, {{"date", k_as_of}, {"reason", k_placeholder}}};
    reminder.from = issue.date;
    reminder.until = acknowledged(acks, issue.code);
  }
  return out.take();
}

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

Remedy evaluate_step(std::int64_t document)
{
  return Remedy{Action::evaluate, {std::to_string(document)}, {{"outcome", "continue"}, {"date", k_as_of}}};
}

DueItem item_of(DueKind kind, std::int64_t document, const std::string& title, const std::string& what,
                const util::Date& due, const std::string& article, Clearance action, const util::Date& as_of)
{
  const int days_left = as_of.days_until(due);
  if (action.step) {
    for (auto& [field, value] : action.step->fields) {
      if (value == k_as_of) {
        value = as_of.iso();
      }
    }
  }
  return DueItem{kind, document, title, what, due, days_left, days_left < 0, article, std::move(action)};
}

} // namespace normdoc::deadline
