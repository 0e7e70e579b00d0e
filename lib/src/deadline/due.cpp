// SPDX-License-Identifier: MIT
#include <normdoc/deadline/due.hpp>

#include <normdoc/basis/register.hpp>
#include <normdoc/error.hpp>
#include <normdoc/filing/filing.hpp>
#include <normdoc/procedure/procedure.hpp>
#include <normdoc/registry/registry.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace normdoc::deadline {

namespace {

using Deadline = calendar::Calendar::Deadline;

class Collector
{
public:
  Collector(const DueQuery& query) : m_query(query), m_horizon(query.within.after(query.as_of)) {}

  void add(std::string_view kind, const registry::Document& doc, const std::string& what, const Deadline& deadline,
           std::string_view article)
  {
    add_with_horizon(kind, doc, what, deadline, article, m_horizon);
  }

  // For reminders with a lead time of their own (evaluation before expiry).
  void add_with_horizon(std::string_view kind, const registry::Document& doc, const std::string& what,
                        const Deadline& deadline, std::string_view article, const util::Date& horizon)
  {
    if (!m_query.kinds.empty() && !m_query.kinds.contains(std::string(kind))) {
      return;
    }
    if (deadline.date > horizon) {
      return;
    }
    const int days_left = m_query.as_of.days_until(deadline.date);
    m_items.push_back(DueItem{std::string(kind), doc.id, doc.title, what + deadline.caveat, deadline.date, days_left,
                              days_left < 0, std::string(article)});
  }

  std::vector<DueItem> take()
  {
    std::stable_sort(m_items.begin(), m_items.end(), [](const DueItem& a, const DueItem& b) {
      return a.due != b.due ? a.due < b.due : a.document < b.document;
    });
    return std::move(m_items);
  }

private:
  const DueQuery& m_query;
  util::Date m_horizon;
  std::vector<DueItem> m_items;
};

void filing_items(Collector& out, const registry::Document& doc, const std::vector<filing::Filing>& filings,
                  const config::Config& config, const calendar::Calendar& calendar)
{
  // 有件必备: every published document is filed within the deadline (河南 监督法实施办法 第五十一条,
  // local rules; regulations.md 6.2).
  const Deadline filing_due = calendar.deadline(*doc.published, config.filing_deadline);
  const auto filed_with = [&](const std::string& body) {
    return std::any_of(filings.begin(), filings.end(), [&](const filing::Filing& f) { return f.body == body; });
  };
  if (config.filing_bodies.empty()) {
    if (filings.empty()) {
      out.add("filing", doc, fmt::format("发布后 {} 内报送备案", config.filing_deadline.chinese()), filing_due,
              "有件必备（河南省实施监督法办法 第五十一条）");
    }
  } else {
    for (const auto& body : config.filing_bodies) {
      if (!filed_with(body)) {
        out.add("filing", doc, fmt::format("向{}报送备案", body), filing_due, "有件必备（河南省实施监督法办法 第五十一条）");
      }
    }
  }
  for (const auto& filing : filings) {
    const auto last = filing.last_result();
    if (last && last->result == filing::Result::deferred) {
      const Deadline supplement = last->until ? Deadline{*last->until, {}}
                                              : calendar.deadline(last->date, config.filing_supplement_period);
      out.add("filing-supplement", doc, fmt::format("按{}要求补充备案材料", filing.body), supplement,
              "法规规章备案审查条例 第九条");
    }
    const bool reviewed = std::any_of(filing.outcomes.begin(), filing.outcomes.end(), [](const filing::Outcome& o) {
      return o.kind == "result" && o.result && filing::concludes_review(*o.result);
    });
    if (!reviewed) {
      out.add("filing-review", doc, fmt::format("{}应完成备案审查", filing.body),
              calendar.deadline(filing.filed, config.filing_review_period),
              "有备必审（河南省实施监督法办法 第五十四条）");
    }
    if (const auto order = filing.open_correction()) {
      const Deadline correction =
        order->until ? Deadline{*order->until, {}} : calendar.deadline(order->date, config.correction_period);
      out.add("correction", doc,
              fmt::format("按{}的审查意见（{}）纠正", filing.body, filing::result_label(*order->result)), correction,
              "有错必纠（法规规章备案审查条例 第二十一条）");
    }
  }
}

void step_items(Collector& out, const registry::Document& doc, const std::vector<procedure::Step>& steps,
                const config::Config& config, const calendar::Calendar& calendar, const util::Date& as_of)
{
  for (const auto& step : steps) {
    if (step.kind == procedure::StepKind::legality_review && !step.date && step.received) {
      out.add("legality-review", doc,
              fmt::format("合法性审核（{} 收到）最长 {} 内完成", step.received->iso(), config.legality_review_limit.chinese()),
              calendar.deadline(*step.received, config.legality_review_limit), "国办发〔2018〕115号 (五)");
    }
    if (step.kind == procedure::StepKind::comment && *step.to >= as_of) {
      out.add("comment", doc, fmt::format("公开征求意见截止（{} 起）", step.from->iso()), Deadline{*step.to, {}},
              "国办发〔2018〕37号 (三)");
    }
    if (step.kind == procedure::StepKind::fair_competition_review && step.result == "exception" && step.until) {
      out.add("exception", doc, "适用例外的政策措施实施期限届满，应评估是否继续实施", Deadline{*step.until, {}},
              "公平竞争审查条例 第十二条");
    }
  }
}

} // namespace

const std::vector<std::pair<std::string, std::string>>& due_kinds()
{
  static const std::vector<std::pair<std::string, std::string>> k_kinds = {
    {"filing", "报送备案"},          {"filing-supplement", "补充备案材料"}, {"filing-review", "备案审查"},
    {"correction", "纠正"},          {"legality-review", "合法性审核"},     {"comment", "征求意见"},
    {"exception", "例外期限"},       {"evaluation", "后评估"},              {"expired", "有效期届满"},
    {"procedure", "程序问题"},      {"basis", "上位法变化"},
  };
  return k_kinds;
}

std::string_view kind_label(std::string_view kind)
{
  for (const auto& [key, label] : due_kinds()) {
    if (key == kind) {
      return label;
    }
  }
  return kind;
}

std::vector<DueItem> due_items(store::Database& db, const config::Config& config, const calendar::Calendar& calendar,
                               const DueQuery& query)
{
  registry::ListFilter filter{query.as_of};
  filter.issuer = query.issuer;
  filter.not_ended = true;
  Collector out(query);
  // Three queries for the whole registry rather than two per document (EXPLAIN QUERY PLAN
  // showed each per-document query was an index search; their number was the cost).
  const auto steps_of = procedure::steps_by_document(db);
  const auto filings_of = filing::filings_by_document(db);
  const std::vector<procedure::Step> no_steps;
  const std::vector<filing::Filing> no_filings;
  registry::for_each(db, filter, [&](const registry::Document& doc) {
    const registry::Status status = doc.status_on(query.as_of);
    const auto found_steps = steps_of.find(doc.id);
    const auto& steps = found_steps == steps_of.end() ? no_steps : found_steps->second;
    step_items(out, doc, steps, config, calendar, query.as_of);
    if (doc.published && *doc.published <= query.as_of && doc.kind == "normative") {
      const auto found_filings = filings_of.find(doc.id);
      filing_items(out, doc, found_filings == filings_of.end() ? no_filings : found_filings->second, config, calendar);
    }
    if (status == registry::Status::published && doc.expires) {
      // 后评估 before validity ends (regulations.md 7.3: evaluate 6 months before expiry).
      out.add_with_horizon("evaluation", doc, "有效期届满前开展后评估，决定继续有效、修改或废止",
                           Deadline{*doc.expires, {}}, "有效期届满前评估（各地规范性文件管理规定）",
                           config.evaluation_lead.after(query.as_of));
    }
    if (status == registry::Status::expired) {
      out.add("expired", doc, "有效期已届满自动失效，应在目录中标注失效或办理延续", Deadline{doc.expires->add_days(1), {}},
              "有效期制度（各地规范性文件管理规定）");
    }
    if (status != registry::Status::expired) {
      for (const auto& issue : procedure::check(doc, steps, config, calendar)) {
        out.add("procedure", doc, issue.message, Deadline{issue.date, {}}, issue.article);
      }
    }
  });
  for (const auto& flag : basis::flags(db, query.as_of)) {
    if (query.issuer && flag.document.issuer != *query.issuer) {
      continue;
    }
    const std::string when = flag.change.date ? flag.change.date->iso() + " " : std::string();
    out.add("basis", flag.document,
            fmt::format("所依据的《{}》已于 {}{}，应及时评估，决定修改、废止或继续有效", flag.cited_as, when,
                        basis::change_label(flag.change.kind)),
            Deadline{config.basis_review_within.after(flag.change.recorded_on), {}},
            "河南省优化营商环境条例 第五十一条");
  }
  return out.take();
}

} // namespace normdoc::deadline
