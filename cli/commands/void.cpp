// SPDX-License-Identifier: MIT
#include "commands/commands.hpp"

#include <normdoc/filing/filing.hpp>
#include <normdoc/lifecycle/evaluation.hpp>
#include <normdoc/procedure/procedure.hpp>
#include <normdoc/registry/registry.hpp>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace normdoc::cli {

namespace {

struct VoidOptions
{
  std::int64_t step = 0;
  std::string ref, body, date, reason;
};

util::Date void_date(const VoidOptions& o, Context& ctx)
{
  return o.date.empty() ? ctx.today() : ctx.done_date(o.date, "--date", false);
}

void run_void_step(const VoidOptions& o, Context& ctx)
{
  const util::Date date = void_date(o, ctx);
  const procedure::Step step =
    write(ctx, [&](store::Transaction& txn) { return procedure::void_step(txn, o.step, date, o.reason, ctx.stamp()); });
  print(fmt::format("#{}\t{}（程序记录 {}）已作废：{}\n", step.document, procedure::step_label(step.kind), step.id,
                    o.reason));
}

void run_void_filing(const VoidOptions& o, Context& ctx)
{
  const util::Date date = void_date(o, ctx);
  registry::Document doc;
  const filing::Filing filing = write(ctx, [&](store::Transaction& txn) {
    doc = registry::resolve(txn.database(), o.ref);
    return filing::void_filing(txn, doc, o.body, date, o.reason, ctx.stamp());
  });
  print(fmt::format("#{}\t向{}报送备案（{}）的记录已作废：{}\n", doc.id, filing.body, filing.filed.iso(), o.reason));
}

void run_void_evaluation(const VoidOptions& o, Context& ctx)
{
  const util::Date date = void_date(o, ctx);
  registry::Document doc;
  const lifecycle::Evaluation evaluation = write(ctx, [&](store::Transaction& txn) {
    doc = registry::resolve(txn.database(), o.ref);
    return lifecycle::void_evaluation(txn, doc, date, o.reason, ctx.stamp());
  });
  print(fmt::format("#{}\t{} 的后评估（{}）已作废，文件恢复评估前的状态：{}\n", doc.id, evaluation.date.iso(),
                    lifecycle::outcome_label(evaluation.outcome), o.reason));
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
  auto* filing = group->add_subcommand("filing", "作废一条误录的报送备案记录（之后可重新记录向该机关的报送）");
  filing->add_option("REF", o->ref, "文件编号、登记编号或文号")->required();
  filing->add_option("--to", o->body, "备案机关")->required();
  filing->add_option("--date", o->date, "作废日期（默认今天）");
  filing->add_option("--reason", o->reason, "作废理由")->required();
  filing->callback([o, &ctx] { run_void_filing(*o, ctx); });
  auto* evaluation =
    group->add_subcommand("evaluation", "作废最后一次误录的后评估：文件恢复评估前的有效期、登记编号或状态");
  evaluation->add_option("REF", o->ref, "文件编号、登记编号或文号")->required();
  evaluation->add_option("--date", o->date, "作废日期（默认今天）");
  evaluation->add_option("--reason", o->reason, "作废理由")->required();
  evaluation->callback([o, &ctx] { run_void_evaluation(*o, ctx); });
}

} // namespace normdoc::cli
