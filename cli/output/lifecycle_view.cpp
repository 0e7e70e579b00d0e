// SPDX-License-Identifier: MIT
#include "output/lifecycle_view.hpp"
#include "output/chart.hpp"
#include "output/csv.hpp"
#include "output/detail.hpp"
#include "output/document_view.hpp"
#include "output/escape.hpp"
#include "output/printed.hpp"
#include "output/table.hpp"

#include <normdoc/error.hpp>
#include <normdoc/procedure/procedure.hpp>

#include <fmt/format.h>

#include <cmath>
#include <map>
#include <utility>

namespace normdoc::cli {

namespace {

// The columns of a published list of documents (目录, cleanup results).
struct ListedDocument
{
  const registry::Document* doc;
  std::string reason;
};

const std::vector<CsvColumn> k_catalog_columns{
  {"number", "序号"},     {"title", "标题"},         {"doc_no", "文号"},        {"reg_no", "登记编号"},
  {"issuer", "制定机关"}, {"published", "发布日期"}, {"effective", "施行日期"}, {"expires", "有效期至"}};
const std::vector<std::string> k_catalog_header = [] {
  std::vector<std::string> labels;
  for (const auto& column : k_catalog_columns) {
    labels.emplace_back(column.label);
  }
  return labels;
}();

std::vector<std::string> catalog_row(std::size_t number, const registry::Document& doc)
{
  return {std::to_string(number), doc.title,          doc.doc_no.value_or(""), doc.reg_no.value_or(""), doc.issuer,
          iso(doc.published),     iso(doc.effective), iso(doc.expires)};
}

// A campaign's scope as officers read it; the stored text is the `--scope` terms
// (issuer=…,expired), which the JSON keeps. A scope no longer understood is shown as stored.
std::string scope_description(const std::string& text)
{
  lifecycle::Scope scope;
  try {
    scope = lifecycle::parse_scope(text);
  } catch (const Error&) {
    return text;
  }
  std::vector<std::string> terms;
  if (scope.issuer) {
    terms.push_back(fmt::format("制定机关为{}", *scope.issuer));
  }
  if (scope.year) {
    terms.push_back(fmt::format("{}年发布", *scope.year));
  }
  if (scope.before) {
    terms.push_back(fmt::format("{}以前发布", scope.before->chinese()));
  }
  if (scope.business) {
    terms.emplace_back("涉及市场主体经济活动");
  }
  if (scope.findings) {
    terms.emplace_back(*scope.findings == "legality"           ? "正文有合法性审核筛查发现"
                       : *scope.findings == "fair-competition" ? "正文有公平竞争审查筛查发现"
                                                               : "正文有筛查发现");
  }
  std::string out;
  for (const auto& term : terms) {
    out += out.empty() ? term : "、" + term;
  }
  out = out.empty() ? std::string("全部现行文件") : out + "的现行文件";
  if (scope.expired) {
    out += "（含有效期已届满、尚未确认失效的文件）";
  }
  return out;
}

} // namespace

std::string render_evaluation(const lifecycle::Evaluation& e, const registry::Document& doc,
                              const RenderOptions& options)
{
  if (options.format == Format::json) {
    util::JsonWriter json(2);
    json.begin_object();
    lifecycle::write_members(json, e);
    json.member("status", registry::status_key(doc.status_on(options.as_of))).end_object();
    return json.str() + "\n";
  }
  std::string out =
    fmt::format("#{}《{}》后评估（{}）：{}\n", doc.id, doc.title, e.date.iso(), lifecycle::outcome_label(e.outcome));
  if (e.new_expires) {
    out += fmt::format("  有效期至 {} → {}\n", iso(e.previous_expires), e.new_expires->iso());
  }
  if (e.new_reg_no && e.new_reg_no != e.previous_reg_no) {
    out += fmt::format("  重新登记编号 {} → {}\n", e.previous_reg_no.value_or("-"), *e.new_reg_no);
  }
  if (e.replacement) {
    out += fmt::format("  修改后的文件 #{}\n", *e.replacement);
  }
  if (e.report) {
    out += fmt::format("  评估报告 {}（SHA-256 {}）\n", *e.report, e.report_sha256->substr(0, 12));
  }
  out += fmt::format("  状态 {}\n", registry::status_label(doc.status_on(options.as_of)));
  return terminal_text(out);
}

std::string render_campaign_status(const lifecycle::Campaign& campaign, const RenderOptions& options)
{
  std::map<std::string, int> counts;
  for (const auto& item : campaign.items) {
    ++counts[item.decision ? std::string(lifecycle::decision_key(*item.decision)) : "undecided"];
  }
  if (options.format == Format::json) {
    util::JsonWriter json(2);
    json.begin_object()
      .member("name", campaign.name)
      .member("scope", campaign.scope)
      .member("opened_on", campaign.opened_on.iso())
      .member("closed_on", util::to_iso(campaign.closed_on))
      .member("documents", static_cast<std::int64_t>(campaign.items.size()))
      .member("decided", static_cast<std::int64_t>(campaign.decided()))
      .member("undecided", static_cast<std::int64_t>(campaign.items.size() - campaign.decided()))
      .key("decisions")
      .begin_object();
    for (const auto& key : lifecycle::decision_keys()) {
      json.member(key, counts[key]);
    }
    json.end_object().key("items").begin_array();
    for (const auto& item : campaign.items) {
      json.begin_object()
        .member("document", item.document.id)
        .member("title", item.document.title)
        .member("decision",
                item.decision ? std::optional<std::string>(lifecycle::decision_key(*item.decision)) : std::nullopt)
        .member("reason", item.reason)
        .end_object();
    }
    json.end_array().end_object();
    return json.str() + "\n";
  }
  std::string out =
    terminal_text(fmt::format("清理“{}”（范围：{}；{} 开始{}）", campaign.name, scope_description(campaign.scope),
                              campaign.opened_on.iso(),
                              campaign.closed_on ? fmt::format("，{} 结束", campaign.closed_on->iso()) : ""),
                  Newlines::escape) +
    "\n";
  out += fmt::format("  共{}份：已决定{}，未决定{}（继续有效{}、修改{}、废止{}、宣布失效{}）\n", campaign.items.size(),
                     campaign.decided(), counts["undecided"], counts["keep"], counts["amend"], counts["repeal"],
                     counts["invalidate"]);
  Table table({"编号", "标题", "决定", "理由"});
  for (const auto& item : campaign.items) {
    table.add_row({fmt::format("#{}", item.document.id), item.document.title,
                   item.decision ? std::string(lifecycle::decision_label(*item.decision)) : "未决定",
                   item.reason.value_or("")});
  }
  return out + table.render();
}

std::string render_cleanup_report(const lifecycle::Campaign& campaign, const RenderOptions& options)
{
  std::map<lifecycle::Decision, std::vector<ListedDocument>> lists;
  for (const auto& item : campaign.items) {
    if (item.decision) {
      lists[*item.decision].push_back({&item.document, item.reason.value_or("")});
    }
  }
  const auto decisions = {lifecycle::Decision::keep, lifecycle::Decision::amend, lifecycle::Decision::repeal,
                          lifecycle::Decision::invalidate};
  if (options.format == Format::json) {
    util::JsonWriter json(2);
    json.begin_object().member("name", campaign.name).member("closed_on", util::to_iso(campaign.closed_on));
    for (const auto decision : decisions) {
      json.key(lifecycle::decision_key(decision)).begin_array();
      for (const auto& listed : lists[decision]) {
        json.begin_object();
        write_document_fields(json, *listed.doc, options.as_of);
        json.member("cleanup_reason", listed.reason).end_object();
      }
      json.end_array();
    }
    json.end_object();
    return json.str() + "\n";
  }
  if (options.format == Format::csv) {
    std::vector<std::vector<std::string>> rows;
    for (const auto decision : decisions) {
      std::size_t number = 0;
      for (const auto& listed : lists[decision]) {
        auto row = catalog_row(++number, *listed.doc);
// GCC 12 at -O3 (Release) reports -Wnull-dereference inside libstdc++'s vector::insert
// reallocation path, inlined here; the pointer it means is never null (GCC bug 105580 family).
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wnull-dereference"
#endif
        row.insert(row.begin(), std::string(options.english_header ? lifecycle::decision_key(decision)
                                                                   : lifecycle::decision_label(decision)));
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif
        row.push_back(listed.reason);
        rows.push_back(std::move(row));
      }
    }
    std::vector<CsvColumn> columns{{"decision", "决定"}};
    for (const auto& column : k_catalog_columns) {
      columns.push_back(column);
    }
    columns.push_back({"reason", "理由"});
    return csv_of(columns, rows, options);
  }
  Printed printed(fmt::format("{}结果", campaign.name));
  printed.fields({{"清理范围", scope_description(campaign.scope)},
                  {"开始日期", campaign.opened_on.iso()},
                  {"结束日期", iso(campaign.closed_on)}});
  const char* numerals[] = {"一", "二", "三", "四"};
  std::size_t index = 0;
  for (const auto decision : decisions) {
    // The lists are published as separate catalogues (清理结果向社会公布, 河南省优化营商环境条例
    // 第五十一条; regulations.md §7.3): each begins a new page.
    if (index > 0) {
      printed.page_break();
    }
    printed.section(fmt::format("{}、{}的规范性文件目录（{}件）", numerals[index++],
                                lifecycle::decision_label(decision), lists[decision].size()));
    std::vector<std::vector<std::string>> rows;
    std::size_t number = 0;
    for (const auto& listed : lists[decision]) {
      auto row = catalog_row(++number, *listed.doc);
      row.push_back(listed.reason);
      rows.push_back(std::move(row));
    }
    auto header = k_catalog_header;
    header.emplace_back("理由");
    printed.table(std::move(header), std::move(rows));
  }
  return render_printed(std::move(printed), options);
}

std::string render_catalog(const std::vector<registry::Document>& documents, const RenderOptions& options)
{
  if (options.format == Format::json) {
    return render_documents(documents, options);
  }
  if (options.format == Format::csv) {
    std::vector<std::vector<std::string>> rows;
    std::size_t number = 0;
    for (const auto& doc : documents) {
      rows.push_back(catalog_row(++number, doc));
    }
    return csv_of(k_catalog_columns, rows, options);
  }
  std::map<std::string, std::vector<const registry::Document*>> by_issuer;
  for (const auto& doc : documents) {
    by_issuer[doc.issuer].push_back(&doc);
  }
  Printed printed(fmt::format("现行有效规范性文件目录（截至{}）", options.as_of.chinese()));
  printed.paragraph(fmt::format("共{}件。", documents.size()));
  for (const auto& [issuer, docs] : by_issuer) {
    printed.section(fmt::format("{}（{}件）", issuer, docs.size()));
    std::vector<std::vector<std::string>> rows;
    std::size_t number = 0;
    for (const auto* doc : docs) {
      rows.push_back(catalog_row(++number, *doc));
    }
    printed.table(k_catalog_header, std::move(rows));
  }
  return render_printed(std::move(printed), options);
}

std::string render_stats(const report::YearStats& stats, const StatsOutlook& outlook, const RenderOptions& options)
{
  if (options.format == Format::json) {
    util::JsonWriter json(2);
    json.begin_object().member("year", stats.year).key("issued").begin_object();
    for (const auto& [issuer, months] : stats.issued_by_issuer) {
      json.key(issuer).begin_array();
      for (const int count : months) {
        json.value(count);
      }
      json.end_array();
    }
    json.end_object().member("issued_total", stats.issued_total()).key("reviews").begin_array();
    for (const auto& [key, count] : stats.review_results) {
      json.begin_object()
        .member("checklist", key.first)
        .member("result", key.second)
        .member("count", count)
        .end_object();
    }
    json.end_array().key("evaluations").begin_object();
    for (const auto& [outcome, count] : stats.evaluations) {
      json.member(outcome, count);
    }
    json.end_object().member("cleanups_closed", stats.cleanups_closed).key("cleanup_decisions").begin_object();
    for (const auto& [decision, count] : stats.cleanup_decisions) {
      json.member(decision, count);
    }
    json.end_object().end_object();
    return json.str() + "\n";
  }
  Printed printed(fmt::format("{}年规范性文件统计", stats.year));
  printed.section(fmt::format("一、发文数量（共{}件）", stats.issued_total()));
  std::vector<std::string> header{"制定机关"};
  for (int month = 1; month <= 12; ++month) {
    header.push_back(fmt::format("{}月", month));
  }
  header.emplace_back("合计");
  std::vector<std::vector<std::string>> rows;
  for (const auto& [issuer, months] : stats.issued_by_issuer) {
    std::vector<std::string> row{issuer};
    int total = 0;
    for (const int count : months) {
      row.push_back(std::to_string(count));
      total += count;
    }
    row.push_back(std::to_string(total));
    rows.push_back(std::move(row));
  }
  printed.table(std::move(header), std::move(rows));
  BarChart by_month{"发文数量（按月、按制定机关）", {}, {}, false, true};
  for (int month = 1; month <= 12; ++month) {
    by_month.categories.push_back(fmt::format("{}月", month));
  }
  for (const auto& [issuer, months] : stats.issued_by_issuer) {
    by_month.series.push_back({issuer, std::vector<double>(months.begin(), months.end())});
  }
  printed.figure(svg_bar_chart(by_month));

  printed.section("二、审查结论");
  std::vector<std::vector<std::string>> reviews;
  BarChart by_result{"审查结论", {}, {{"件数", {}}}};
  for (const auto& [key, count] : stats.review_results) {
    const std::string checklist = key.first == "legality"           ? "合法性审核"
                                  : key.first == "fair-competition" ? "公平竞争审查"
                                                                    : key.first;
    const auto conclusion = procedure::parse_conclusion(key.second);
    const std::string result = conclusion ? std::string(procedure::conclusion_label(*conclusion)) : key.second;
    reviews.push_back({checklist, result, std::to_string(count)});
    by_result.categories.push_back(fmt::format("{}\n{}", checklist, result));
    by_result.series.front().values.push_back(count);
  }
  printed.table({"审查", "结论", "件数"}, std::move(reviews));
  printed.figure(svg_bar_chart(by_result));
  printed.section("三、后评估");
  std::vector<std::vector<std::string>> evaluations;
  for (const auto& [outcome, count] : stats.evaluations) {
    const auto parsed = lifecycle::parse_outcome(outcome);
    evaluations.push_back({parsed ? std::string(lifecycle::outcome_label(*parsed)) : outcome, std::to_string(count)});
  }
  printed.table({"决定", "件数"}, std::move(evaluations));
  printed.section(fmt::format("四、清理（结束{}次）", stats.cleanups_closed));
  std::vector<std::vector<std::string>> decisions;
  for (const auto& [decision, count] : stats.cleanup_decisions) {
    const auto parsed = lifecycle::parse_decision(decision);
    decisions.push_back({parsed ? std::string(lifecycle::decision_label(*parsed)) : decision, std::to_string(count)});
  }
  printed.table({"决定", "件数"}, std::move(decisions));

  printed.section("五、按时备案率（按年）");
  std::vector<std::vector<std::string>> filing_rows;
  BarChart on_time{"按时备案率（按年）", {}, {{"按时备案率", {}}}, true};
  for (const auto& year : outlook.filing_by_year) {
    // A year without documents has no rate: a dash, and no bar rather than a bar of 0 %.
    filing_rows.push_back({std::to_string(year.year), std::to_string(year.published),
                           std::to_string(year.filed_on_time),
                           year.published == 0 ? "—" : fmt::format("{:.1f}%", year.on_time_rate() * 100.0)});
    on_time.categories.push_back(fmt::format("{}年", year.year));
    on_time.series.front().values.push_back(year.published == 0 ? std::nan("") : year.on_time_rate());
  }
  printed.table({"年份", "发布数", "按时备案数", "按时备案率"}, std::move(filing_rows));
  printed.figure(svg_bar_chart(on_time));

  printed.section("六、今后12个月内有效期届满的文件（按月）");
  std::vector<std::vector<std::string>> expiring_rows;
  BarChart expiring{"今后12个月内有效期届满的文件", {}, {{"件数", {}}}};
  for (const auto& [month, count] : outlook.expiring_by_month) {
    expiring_rows.push_back({month, std::to_string(count)});
    expiring.categories.push_back(month);
    expiring.series.front().values.push_back(count);
  }
  printed.table({"届满月份", "件数"}, std::move(expiring_rows));
  printed.figure(svg_bar_chart(expiring));
  return render_printed(std::move(printed), options);
}

} // namespace normdoc::cli
