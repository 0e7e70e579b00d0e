// SPDX-License-Identifier: MIT
#include "choice.hpp"
#include "commands/commands.hpp"
#include "exit_code.hpp"
#include "output/due_view.hpp"

#include <normdoc/deadline/due.hpp>
#include <normdoc/error.hpp>
#include <normdoc/util/text.hpp>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <iostream>

namespace normdoc::cli {

namespace {

struct DueOptions
{
  std::string as_of, within, issuer;
  std::vector<std::string> kinds;
  Format format = Format::text;
  std::string fail_on = "overdue";
  CsvOptions csv;
};

std::set<deadline::DueKind> parse_kinds(const std::vector<std::string>& raw)
{
  std::set<deadline::DueKind> kinds;
  for (const auto& option : raw) {
    for (const auto& kind : util::split(option, ',')) {
      kinds.insert(parse_choice(deadline::due_kinds(), kind, "--kind"));
    }
  }
  return kinds;
}

// ISO 8601 basic form for iCalendar: 2026-11-25T07:00:00Z → 20261125T070000Z.
std::string ics_timestamp(const std::string& iso)
{
  std::string out;
  std::copy_if(iso.begin(), iso.end(), std::back_inserter(out), [](char c) { return c != '-' && c != ':'; });
  return out;
}

void run_due(const DueOptions& o, Context& ctx)
{
  deadline::DueQuery query{ctx.as_of(o.as_of)};
  query.within = o.within.empty() ? ctx.config().due_within : parse_duration_option(o.within, "--within");
  if (query.within.in_working_days()) {
    throw UsageError("--within 以日、月或年计，例如 30d");
  }
  query.kinds = parse_kinds(o.kinds);
  if (!o.issuer.empty()) {
    query.issuer = o.issuer;
  }
  store::Database db = ctx.open_database_for_reading();
  const auto items = deadline::due_items(db, ctx.config(), ctx.calendar(), query);
  const Format format = o.format;
  // The cron contract: nothing due prints nothing (in text), so no mail is sent.
  if (!items.empty() || format != Format::text) {
    print(render_due(items, RenderOptions{format, query.as_of, o.csv.bom, o.csv.english_header()},
                     ics_timestamp(ctx.now_utc())));
  }
  if (const auto reminder = checkpoint_reminder(ctx, query.as_of)) {
    std::cerr << "normdoc: 提醒：" << *reminder << '\n';
  }
  const bool overdue = std::any_of(items.begin(), items.end(), [](const auto& item) { return item.overdue; });
  if ((o.fail_on == "overdue" && overdue) || (o.fail_on == "due" && !items.empty())) {
    ctx.exit_code = ExitCode::findings;
  }
}

} // namespace

void register_due(CLI::App& app, Context& ctx)
{
  auto o = std::make_shared<DueOptions>();
  auto* sub = app.add_subcommand(
    "due", "列出到期和逾期的事项：备案、审查、纠正、审核期限、征求意见、后评估、有效期（供 cron 使用）");
  sub->add_option("--as-of", o->as_of, "按此日期计算（默认今天）");
  sub->add_option("--within", o->within, "列出此期限内到期的事项（默认按配置，通常 30d）");
  sub->add_option("--kind", o->kinds, "只列这些类别（逗号分隔，可给多个）")
    ->type_name(fmt::format("{{{}}}", fmt::join(util::named_keys(deadline::due_kinds()), ",")));
  sub->add_option("--issuer", o->issuer, "只列此制定机关的文件");
  add_format_option(sub, o->format, {Format::text, Format::json, Format::csv, Format::ics});
  sub->add_option("--fail-on", o->fail_on, "何时以退出码 1 结束：overdue（有逾期，默认）、due（有任何事项）、never")
    ->check(CLI::IsMember({"overdue", "due", "never"}));
  add_csv_options(sub, o->csv);
  sub->callback([o, &ctx] { run_due(*o, ctx); });
}

} // namespace normdoc::cli
