// SPDX-License-Identifier: MIT
#include "choice.hpp"
#include "commands/commands.hpp"
#include "diagnostic.hpp"
#include "output/procedure_view.hpp"

#include <normdoc/error.hpp>
#include <normdoc/procedure/procedure.hpp>
#include <normdoc/registry/registry.hpp>
#include <normdoc/util/text.hpp>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <iostream>

namespace normdoc::cli {

namespace {

struct RecordOptions
{
  std::string ref, step, date, from, to, received, until, channel, meeting, note, urgency, reason;
  std::optional<procedure::Conclusion> result;
  bool override_gate = false;
  bool planned = false;
  Format format = Format::text;
};

void run_record(const RecordOptions& o, Context& ctx)
{
  procedure::StepInput input{parse_choice(procedure::step_kinds(), o.step, "STEP")};
  if (!o.date.empty()) {
    input.date = ctx.done_date(o.date, "--date", o.planned);
  }
  input.from = optional_date_option(o.from, "--from");
  input.to = optional_date_option(o.to, "--to");
  input.received = optional_date_option(o.received, "--received");
  input.until = optional_date_option(o.until, "--until");
  input.channel = optional_text(o.channel);
  input.meeting = optional_text(o.meeting);
  input.result = o.result;
  input.note = optional_text(o.note);
  input.urgency = optional_text(o.urgency);
  if (o.override_gate) {
    input.override_reason = o.reason;
  }

  const auto [step, issues] = write(ctx, [&](store::Transaction& txn) {
    const registry::Document doc = registry::resolve(txn.database(), o.ref);
    procedure::Step recorded = procedure::record(txn, doc, input, ctx.config(), ctx.calendar(), ctx.stamp());
    return std::pair{std::move(recorded),
                     procedure::check(doc, procedure::steps_of(txn.database(), doc.id), ctx.config(), ctx.calendar())};
  });
  print(render_step(step, RenderOptions{o.format, ctx.today()}));
  // Say at once what the recorded dates break, while the officer can still act on it.
  for (const auto& issue : issues) {
    std::cerr << k_warning_prefix << fmt::format("{}（{}）\n", issue.message, issue.article);
  }
}

} // namespace

void register_record(CLI::App& app, Context& ctx)
{
  auto o = std::make_shared<RecordOptions>();
  auto* sub = app.add_subcommand(
    "record", "记录制定程序的一个步骤：评估论证、征求意见、合法性审核、公平竞争审查、集体审议、签发、公开发布");
  sub->add_option("REF", o->ref, "文件编号、登记编号或文号")->required();
  sub->add_option("STEP", o->step, "步骤：" + choice_list(procedure::step_kinds()))->required();
  sub->add_option("--date", o->date, "日期（审核、审查为结论日期）");
  sub->add_option("--from", o->from, "征求意见开始日期");
  sub->add_option("--to", o->to, "征求意见截止日期");
  sub->add_option("--received", o->received, "合法性审核：收到送审稿的日期（审核期限自此计算）");
  add_choice_option(sub, "--result", o->result, procedure::conclusions(),
                    "审核、审查结论：" + labelled_choice_list(procedure::conclusions()));
  sub->add_option("--until", o->until, "适用例外时实施期限的截止日");
  sub->add_option("--channel", o->channel, "征求意见或公开发布的渠道，例如 政府网站");
  sub->add_option("--meeting", o->meeting, "集体审议的会议，例如 局党组会议");
  sub->add_option("--note", o->note, "备注");
  sub->add_option("--urgency", o->urgency, "合法性审核不足5个工作日即作出结论的紧急理由（国办发〔2018〕115号 (五)）");
  auto* reason = sub->add_option("--reason", o->reason, "越过把关的理由（与 --override-gate 同用）");
  sub
    ->add_flag("--override-gate", o->override_gate,
               "越过把关（未完成合法性审核即记录集体审议）：仅用于补登记使用 normdoc 之前的文件，理由记入日志")
    ->needs(reason);
  sub->add_flag("--planned", o->planned, "日期在今天之后：作为计划登记（报表不计为已办，到期提醒在该日前照常提示）");
  add_format_option(sub, o->format, {Format::text, Format::json});
  sub->callback([o, &ctx] { run_record(*o, ctx); });
}

} // namespace normdoc::cli
