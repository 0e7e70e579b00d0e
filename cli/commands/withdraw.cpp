// SPDX-License-Identifier: MIT
#include "commands/commands.hpp"

#include <normdoc/registry/registry.hpp>

#include <CLI/CLI.hpp>

namespace normdoc::cli {

namespace {

struct WithdrawOptions
{
  std::string ref, date, reason;
  Format format = Format::text;
};

void run_withdraw(const WithdrawOptions& o, Context& ctx)
{
  const util::Date date = o.date.empty() ? ctx.today() : ctx.done_date(o.date, "--date", false);
  apply_document_change(
    ctx, o.format, [&](const registry::Registry& registry, store::Transaction& txn, const audit::Stamp& stamp) {
      return registry.withdraw(txn, registry::resolve(txn.database(), o.ref), date, o.reason, stamp);
    });
}

} // namespace

void register_withdraw(CLI::App& app, Context& ctx)
{
  auto o = std::make_shared<WithdrawOptions>();
  auto* sub = app.add_subcommand("withdraw", "撤回草稿（终止起草）：保留登记，状态为已撤回，不再提醒");
  sub->add_option("REF", o->ref, "文件编号、登记编号或文号")->required();
  sub->add_option("--date", o->date, "撤回日期（默认今天）");
  sub->add_option("--reason", o->reason, "撤回理由")->required();
  add_format_option(sub, o->format, {Format::text, Format::json});
  sub->callback([o, &ctx] { run_withdraw(*o, ctx); });
}

} // namespace normdoc::cli
