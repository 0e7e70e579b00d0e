// SPDX-License-Identifier: MIT
#include "commands/commands.hpp"
#include "diagnostic.hpp"
#include "output/lifecycle_view.hpp"

#include <normdoc/error.hpp>
#include <normdoc/lifecycle/cleanup.hpp>
#include <normdoc/util/encoding.hpp>
#include <normdoc/util/file.hpp>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <iostream>

namespace normdoc::cli {

namespace {

struct CleanupOptions
{
  std::string name, scope, ref, decision, reason, file, date;
  bool allow_undecided = false;
  CsvOptions csv;
  Format format = Format::text;
  Format report_format = Format::md;
  std::string output;
};

void run_open(const CleanupOptions& o, Context& ctx)
{
  const util::Date date = o.date.empty() ? ctx.today() : parse_date_option(o.date, "--date");
  const lifecycle::Campaign campaign = write(
    ctx, [&](store::Transaction& txn) { return lifecycle::open_campaign(txn, o.name, o.scope, date, ctx.stamp()); });
  print(render_campaign_status(campaign, RenderOptions{o.format, date}));
}

void apply_decisions(Context& ctx, const std::string& name, const std::vector<lifecycle::DecisionInput>& decisions,
                     const std::string& source)
{
  const lifecycle::Campaign campaign = write(ctx, [&](store::Transaction& txn) {
    lifecycle::decide(txn, name, decisions, source, ctx.stamp());
    return lifecycle::load_campaign(txn.database(), name);
  });
  print(fmt::format("{}\t已记录{}项决定；已决定 {}/{}\n", name, decisions.size(), campaign.decided(),
                    campaign.items.size()));
}

void run_decide(const CleanupOptions& o, Context& ctx)
{
  apply_decisions(ctx, o.name, {{o.ref, *lifecycle::parse_decision(o.decision), o.reason}}, {});
}

void run_import(const CleanupOptions& o, Context& ctx)
{
  const std::string text = util::to_utf8(util::read_file(o.file, "决定文件"), o.file);
  apply_decisions(ctx, o.name, lifecycle::parse_decisions_csv(text, o.file), o.file);
}

void run_status(const CleanupOptions& o, Context& ctx)
{
  store::Database db = ctx.open_database_for_reading();
  print(render_campaign_status(lifecycle::load_campaign(db, o.name), RenderOptions{o.format, ctx.today()}));
}

void run_close(const CleanupOptions& o, Context& ctx)
{
  const util::Date date = o.date.empty() ? ctx.today() : parse_date_option(o.date, "--date");
  const registry::Registry registry(ctx.config());
  const lifecycle::Campaign campaign = write(ctx, [&](store::Transaction& txn) {
    return lifecycle::close_campaign(txn, registry, o.name, date, o.allow_undecided, ctx.stamp());
  });
  print(render_campaign_status(campaign, RenderOptions{o.format, date}));
}

void run_report(const CleanupOptions& o, Context& ctx)
{
  store::Database db = ctx.open_database_for_reading();
  const lifecycle::Campaign campaign = lifecycle::load_campaign(db, o.name);
  if (!campaign.closed_on) {
    std::cerr << k_warning_prefix << fmt::format("清理“{}”尚未结束，以下为目前的决定\n", o.name);
  }
  RenderOptions options = printed_options(ctx, o.report_format, campaign.closed_on.value_or(ctx.today()));
  options.bom = o.csv.bom;
  options.english_header = o.csv.english_header();
  emit(render_cleanup_report(campaign, options), o.report_format, o.output);
}

} // namespace

void register_cleanup(CLI::App& app, Context& ctx)
{
  auto o = std::make_shared<CleanupOptions>();
  auto* group = app.add_subcommand("cleanup", "规范性文件清理：划定范围、逐件决定、一次生效、公布四类目录");
  group->require_subcommand(1);

  auto* open = group->add_subcommand("open", "开始一次清理：范围内现行有效的文件逐件待决定");
  open->add_option("NAME", o->name, "清理名称，例如2026年度清理")->required();
  open->add_option("--scope", o->scope,
                   "范围（逗号连接，均须满足）：issuer=制定机关、year=发布年份、business（涉及经营主体）、"
                   "findings=legality|fair-competition|all（正文有筛查发现）、before=日期（在此前发布）、"
                   "expired（另含有效期已届满、尚未确认失效的文件）；默认全部现行文件");
  open->add_option("--date", o->date, "开始日期（默认今天）：当日现行有效的文件纳入");
  add_format_option(open, o->format, {Format::text, Format::json});
  open->callback([o, &ctx] { run_open(*o, ctx); });

  auto* decide = group->add_subcommand("decide", "对一份文件作出清理决定（清理结束前可改）");
  decide->add_option("NAME", o->name, "清理名称")->required();
  decide->add_option("REF", o->ref, "文件编号、登记编号或文号")->required();
  decide->add_option("DECISION", o->decision, "keep（继续有效）、amend（修改）、repeal（废止）、invalidate（宣布失效）")
    ->required()
    ->check(CLI::IsMember(lifecycle::decision_keys()));
  decide->add_option("--reason", o->reason, "理由（继续有效以外的决定必填）");
  decide->callback([o, &ctx] { run_decide(*o, ctx); });

  auto* import =
    group->add_subcommand("import", "从 CSV 批量导入决定（列：ref,decision,reason）；有一行出错则全部不导入");
  import->add_option("NAME", o->name, "清理名称")->required();
  import->add_option("FILE", o->file, "CSV 文件（UTF-8 或 GBK，第一行为列名）")->required();
  import->callback([o, &ctx] { run_import(*o, ctx);
});

auto* status = group->add_subcommand("status", "已决定、未决定的文件数和各类决定");
status->add_option("NAME", o->name, "清理名称")->required();
add_format_option(status, o->format, {Format::text, Format::json});
status->callback([o, &ctx] { run_status(*o, ctx); });

auto* close = group->add_subcommand("close", "结束清理：在一个事务中执行全部决定（废止、宣布失效）");
close->add_option("NAME", o->name, "清理名称")->required();
close->add_option("--date", o->date, "决定生效的日期（默认今天）");
close->add_flag("--allow-undecided", o->allow_undecided, "仍有未决定的文件时也结束（这些文件不变）");
add_format_option(close, o->format, {Format::text, Format::json});
close->callback([o, &ctx] { run_close(*o, ctx); });

auto* report = group->add_subcommand("report", "清理结果：继续有效、修改、废止、宣布失效四类目录");
report->add_option("NAME", o->name, "清理名称")->required();
add_format_option(report, o->report_format,
                  {Format::md, Format::html, Format::docx, Format::text, Format::csv, Format::json});
add_output_option(report, o->output);
add_csv_options(report, o->csv);
report->callback([o, &ctx] { run_report(*o, ctx); });
} // namespace normdoc::cli

} // namespace normdoc::cli
