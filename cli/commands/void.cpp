// SPDX-License-Identifier: MIT
#include "commands/commands.hpp"

#include <normdoc/procedure/procedure.hpp>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace normdoc::cli {

namespace {

struct VoidOptions
{
  std::int64_t step = 0;
  std::string date, reason;
};

void run_void_step(const VoidOptions& o, Context& ctx)
{
  const util::Date date = o.date.empty() ? ctx.today() : ctx.done_date(o.date, "--date", false);
  store::Database db = ctx.open_database();
  store::Transaction txn(db);
  const procedure::Step step = procedure::void_step(txn, o.step, date, o.reason, ctx.stamp());
  txn.commit();
  print(fmt::format("#{}\t{}（程序记录 {}）已作废：{}\n", step.document, procedure::step_label(step.kind), step.id,
                    o.reason));
}

} // namespace

void register_void(CLI::App& app, Context& ctx)
{
  auto* group = app.add_subcommand("void", "作废误录的记录：原记录保留并标注作废，记入日志，到期提醒和把关随之更正");
  group->require_subcommand(1);
  auto o = std::make_shared<VoidOptions>();
  auto* step = group->add_subcommand("step", "作废一条误录的制定程序记录（编号见 show REF --procedure --format json）");
  step->add_option("ID", o->step, "程序记录编号")->required();
  step->add_option("--date", o->date, "作废日期（默认今天）");
  step->add_option("--reason", o->reason, "作废理由")->required();
  step->callback([o, &ctx] { run_void_step(*o, ctx); });
}

} // namespace normdoc::cli
