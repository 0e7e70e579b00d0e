// SPDX-License-Identifier: MIT
#include "choice.hpp"
#include "commands/commands.hpp"
#include "output/procedure_view.hpp"

#include <normdoc/error.hpp>
#include <normdoc/filing/filing.hpp>
#include <normdoc/registry/registry.hpp>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace normdoc::cli {

namespace {

struct FilingOptions
{
  std::string ref, body, result, date, until, note;
  Format format = Format::table;
  bool planned = false;
};

void print_filing(const filing::Filing& filing, const FilingOptions& o, Context& ctx)
{
  print(render_filings({filing}, RenderOptions{o.format, ctx.today()}));
}

void run_result(const FilingOptions& o, Context& ctx)
{
  const filing::Result result = parse_choice(filing::results(), o.result, "--result");
  const util::Date date = ctx.done_date(o.date, "--date", o.planned);
  const auto until = optional_date_option(o.until, "--until");
  const auto note = optional_text(o.note);
  const auto filing = write(ctx, [&](store::Transaction& txn) {
    return filing::record_result(txn, registry::resolve(txn.database(), o.ref), o.body, result, date, until, note,
                                 ctx.stamp());
  });
  print_filing(filing, o, ctx);
}

void run_corrected(const FilingOptions& o, Context& ctx)
{
  const util::Date date = parse_date_option(o.date, "--date");
  const auto filing = write(ctx, [&](store::Transaction& txn) {
    return filing::record_correction(txn, registry::resolve(txn.database(), o.ref), o.body, date, o.note, ctx.stamp());
  });
  print_filing(filing, o, ctx);
}

void common_options(CLI::App* sub, FilingOptions& o)
{
  sub->add_option("REF", o.ref, "文件编号、登记编号或文号")->required();
  sub->add_option("--to", o.body, "备案机关（与报送时一致）")->required();
  sub->add_option("--date", o.date, "日期")->required();
  add_format_option(sub, o.format, {Format::table, Format::json});
}

} // namespace

void register_filing(CLI::App& app, Context& ctx)
{
  auto* group = app.add_subcommand("filing", "备案之后：登记与审查结果（有备必审）、纠正（有错必纠）");
  group->require_subcommand(1);

  auto result = std::make_shared<FilingOptions>();
  auto* result_cmd = group->add_subcommand("result", "记录备案机关的登记决定或审查意见");
  common_options(result_cmd, *result);
  result_cmd->add_option("--result", result->result, labelled_choice_list(filing::results()))->required();
  result_cmd->add_option("--until", result->until, "暂缓登记的补报期限，或纠正期限（默认按配置）");
  result_cmd->add_option("--note", result->note, "审查意见摘要");
  result_cmd->add_flag("--planned", result->planned,
                       "日期在今天之后：作为计划登记（报表不计为已办，到期提醒在该日前照常提示）");
  result_cmd->callback([result, &ctx] { run_result(*result, ctx); });

  auto corrected = std::make_shared<FilingOptions>();
  auto* corrected_cmd = group->add_subcommand("corrected", "记录已按审查意见纠正");
  common_options(corrected_cmd, *corrected);
  corrected_cmd->add_option("--note", corrected->note, "作了哪些修改")->required();
  corrected_cmd->callback([corrected, &ctx] { run_corrected(*corrected, ctx); });
}

} // namespace normdoc::cli
