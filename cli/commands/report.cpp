// SPDX-License-Identifier: MIT
#include "commands/commands.hpp"
#include "diagnostic.hpp"
#include "output/csv.hpp"
#include "output/detail.hpp"
#include "output/lifecycle_view.hpp"
#include "output/printed.hpp"
#include "output/table.hpp"

#include <normdoc/deadline/due.hpp>
#include <normdoc/filing/filing.hpp>
#include <normdoc/registry/registry.hpp>
#include <normdoc/report/stats.hpp>
#include <normdoc/util/duration.hpp>
#include <normdoc/util/json.hpp>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <iostream>

namespace normdoc::cli {

namespace {

struct ReportOptions
{
  int year = 0;
  Format format = Format::table;
  CsvOptions csv;
  std::string as_of;
  std::string issuer;
  std::string output;
};

// The formats of the 备案报告 as a paper (a Printed: title, figures, list of filings, seal line).
bool printed_format(Format format)
{
  return format == Format::md || format == Format::html || format == Format::docx;
}

std::string percent(double rate)
{
  return fmt::format("{:.1f}%", rate * 100.0);
}

// One row per filing of each document published in the year (备案报告's list of what was sent
// where), a document never filed as one row saying so.
std::vector<std::vector<std::string>> filing_rows(store::Database& db, int year, const util::Date& as_of)
{
  registry::ListFilter filter{as_of};
  filter.year = year;
  std::vector<std::vector<std::string>> rows;
  std::size_t number = 0;
  for (const auto& doc : registry::list(db, filter)) {
    if (!doc.published || doc.published->year() != year) {
      continue; // a draft registered that year
    }
    const std::string name = fmt::format("《{}》", doc.title);
    const std::vector<filing::Filing> filings = filing::filings_of(db, doc.id);
    if (filings.empty()) {
      rows.push_back(
        {std::to_string(++number), name, doc.doc_no.value_or(""), doc.published->iso(), "未报送备案", "", "", ""});
    }
    for (const auto& f : filings) {
      rows.push_back({std::to_string(++number), name, doc.doc_no.value_or(""), doc.published->iso(), f.body,
                      f.filed.iso(), fmt::format("{}", fmt::join(f.materials, "、")),
                      fmt::format("{}", fmt::join(f.missing, "、"))});
    }
  }
  return rows;
}

std::string render_compliance(const filing::Compliance& c, const ReportOptions& o,
                              const std::vector<std::vector<std::string>>& filings, Context& ctx)
{
  const std::vector<std::pair<std::string, std::string>> rows = {
    {"发布文件数", std::to_string(c.published)},        {"已备案", std::to_string(c.filed)},
    {"按时备案", std::to_string(c.filed_on_time)},      {"备案率", percent(c.filing_rate())},
    {"按时备案率", percent(c.on_time_rate())},          {"未完成的纠正", std::to_string(c.open_corrections)},
    {"越过审查把关", std::to_string(c.gate_overrides)}, {"有程序问题的文件", std::to_string(c.procedure_defects)},
  };
  if (o.format == Format::json) {
    util::JsonWriter json(2);
    json.begin_object()
      .member("year", c.year)
      .member("published", c.published)
      .member("filed", c.filed)
      .member("filed_on_time", c.filed_on_time)
      .key("filing_rate")
      .raw(fmt::format("{:.4f}", c.filing_rate()))
      .key("on_time_rate")
      .raw(fmt::format("{:.4f}", c.on_time_rate()))
      .member("open_corrections", c.open_corrections)
      .member("gate_overrides", c.gate_overrides)
      .member("procedure_defects", c.procedure_defects)
      .end_object();
    return json.str() + "\n";
  }
  if (o.format == Format::csv) {
    // The compliance figures are already of their year; the date only fills the struct.
    const RenderOptions csv_options{Format::csv, util::Date::from_ymd(c.year, 12, 31), o.csv.bom,
                                    o.csv.english_header()};
    return csv_of(
      {{"year", "年份"},
       {"published", "发布数"},
       {"filed", "备案数"},
       {"filed_on_time", "按时备案数"},
       {"filing_rate", "备案率"},
       {"on_time_rate", "按时备案率"},
       {"open_corrections", "未完成的纠正"},
       {"gate_overrides", "越过把关"},
       {"procedure_defects", "程序问题"}},
      {{std::to_string(c.year), std::to_string(c.published), std::to_string(c.filed), std::to_string(c.filed_on_time),
        fmt::format("{:.4f}", c.filing_rate()), fmt::format("{:.4f}", c.on_time_rate()),
        std::to_string(c.open_corrections), std::to_string(c.gate_overrides), std::to_string(c.procedure_defects)}},
      csv_options);
  }
  if (printed_format(o.format)) {
    Printed printed(fmt::format("{}年规范性文件备案报告", c.year));
    printed.section("一、备案情况");
    std::vector<std::vector<std::string>> cells;
    for (const auto& [label, value] : rows) {
      cells.push_back({label, value});
    }
    printed.table({"项目", "数值"}, std::move(cells));
    printed.section("二、报送备案的文件及材料");
    printed.table({"序号", "文件", "文号", "发布日期", "备案机关", "报送日期", "报送材料", "缺少材料"}, filings);
    printed.signature({{"报送机关（盖章）", ctx.config().office_name}, {"日期", ctx.today().chinese()}});
    return render_printed(printed, printed_options(ctx, o.format, ctx.today()));
  }
  Table table({fmt::format("{}年备案情况", c.year), "数值"});
  table.right_align(1);
  for (const auto& [label, value] : rows) {
    table.add_row({label, value});
  }
  return table.render();
}

void run_filing_report(const ReportOptions& o, Context& ctx)
{
  const int year = o.year != 0 ? o.year : ctx.today().year();
  store::Database db = ctx.open_database_for_reading();
  const auto report = deadline::filing_report(db, ctx.config(), ctx.calendar(), year, ctx.as_of(o.as_of));
  emit(render_compliance(report, o,
                         printed_format(o.format) ? filing_rows(db, year, ctx.as_of(o.as_of))
                                                  : std::vector<std::vector<std::string>>{},
                         ctx),
       o.format, o.output);
  for (const auto& gap : report.calendar_gaps) {
    std::cerr << k_warning_prefix << "部分期限" << gap << '\n';
  }
}

void run_catalog_report(const ReportOptions& o, Context& ctx)
{
  registry::ListFilter filter{ctx.as_of(o.as_of)};
  filter.status = registry::Status::published;
  if (!o.issuer.empty()) {
    filter.issuer = o.issuer;
  }
  store::Database db = ctx.open_database_for_reading();
  RenderOptions options = printed_options(ctx, o.format, filter.as_of);
  options.bom = o.csv.bom;
  options.english_header = o.csv.english_header();
  emit(render_catalog(registry::list(db, filter), options), o.format, o.output);
}

// The on-time filing rate of the five years up to `year` and the documents in force whose
// validity ends in each of the next 12 months (this month first).
StatsOutlook stats_outlook(store::Database& db, Context& ctx, int year)
{
  constexpr int k_years = 5;
  constexpr int k_months = 12;
  StatsOutlook outlook;
  const util::Date today = ctx.today();
  for (int past = year - k_years + 1; past <= year; ++past) {
    outlook.filing_by_year.push_back(deadline::filing_report(db, ctx.config(), ctx.calendar(), past, today));
  }
  for (int i = 0; i < k_months; ++i) {
    const util::Date month = util::Date::from_ymd(today.year(), today.month(), 1).add_months(i);
    outlook.expiring_by_month.emplace_back(fmt::format("{}年{}月", month.year(), month.month()), 0);
  }
  registry::ListFilter filter{today};
  filter.in_force = true;
  filter.expiring_within = util::Duration::parse(fmt::format("{}m", k_months));
  for (const auto& doc : registry::list(db, filter)) {
    if (!doc.expires) {
      continue;
    }
    const int index = (doc.expires->year() - today.year()) * k_months + static_cast<int>(doc.expires->month()) -
                      static_cast<int>(today.month());
    if (index >= 0 && index < k_months) {
      ++outlook.expiring_by_month[static_cast<std::size_t>(index)].second;
    }
  }
  return outlook;
}

void run_stats_report(const ReportOptions& o, Context& ctx)
{
  store::Database db = ctx.open_database_for_reading();
  const int year = o.year != 0 ? o.year : ctx.today().year();
  const StatsOutlook outlook = o.format == Format::json ? StatsOutlook{} : stats_outlook(db, ctx, year);
  print(render_stats(report::year_stats(db, year), outlook, printed_options(ctx, o.format, ctx.today())));
}

} // namespace

void register_report(CLI::App& app, Context& ctx)
{
  auto* group = app.add_subcommand("report", "报表");
  group->require_subcommand(1);
  auto o = std::make_shared<ReportOptions>();
  auto* filing_cmd = group->add_subcommand("filing", "备案情况：发布数、备案数、按时备案率、未完成的纠正");
  filing_cmd->add_option("--year", o->year, "年份（默认今年）")->check(CLI::Range(1900, 2199));
  add_format_option(filing_cmd, o->format,
                    {Format::table, Format::json, Format::csv, Format::md, Format::html, Format::docx});
  add_output_option(filing_cmd, o->output);
  add_csv_options(filing_cmd, o->csv);
  filing_cmd->callback([o, &ctx] { run_filing_report(*o, ctx); });

  auto c = std::make_shared<ReportOptions>();
  c->format = Format::md;
  auto* catalog_cmd =
    group->add_subcommand("catalog", "现行有效规范性文件目录，按制定机关分组（html 为可打印的独立网页）");
  catalog_cmd->add_option("--as-of", c->as_of, "目录的截止日期（默认今天）：当日现行有效的文件");
  catalog_cmd->add_option("--issuer", c->issuer, "只列一个制定机关的文件");
  add_format_option(catalog_cmd, c->format,
                    {Format::md, Format::html, Format::docx, Format::text, Format::csv, Format::json});
  add_output_option(catalog_cmd, c->output);
  add_csv_options(catalog_cmd, c->csv);
  catalog_cmd->callback([c, &ctx] { run_catalog_report(*c, ctx); });

  auto s = std::make_shared<ReportOptions>();
  s->format = Format::text;
  auto* stats_cmd = group->add_subcommand("stats", "年度统计：各制定机关每月发文数量、审查结论、后评估、清理结果");
  stats_cmd->add_option("--year", s->year, "年份（默认今年）")->check(CLI::Range(1900, 2199));
  add_format_option(stats_cmd, s->format, {Format::text, Format::md, Format::html, Format::json});
  stats_cmd->callback([s, &ctx] { run_stats_report(*s, ctx); });
}

} // namespace normdoc::cli
