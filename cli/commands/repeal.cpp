// SPDX-License-Identifier: MIT
#include "commands/commands.hpp"

#include <normdoc/registry/registry.hpp>

#include <CLI/CLI.hpp>

namespace normdoc::cli {

namespace {

struct RepealOptions
{
  std::string ref, date, reason;
  Format format = Format::text;
};

void run_repeal(const RepealOptions& o, Context& ctx)
{
  const util::Date date = parse_date_option(o.date, "--date");
  apply_document_change(ctx, o.format,
                        [&](const registry::Registry& registry, store::Transaction& txn, const audit::Stamp& stamp) {
                          return registry.repeal(txn, registry::resolve(txn.database(), o.ref), date, o.reason, stamp);
                        });
}

} // namespace

void register_repeal(CLI::App& app, Context& ctx)
{
  auto o = std::make_shared<RepealOptions>();
  auto* sub = app.add_subcommand("repeal", "废止一份现行有效的文件");
  sub->add_option("REF", o->ref, "文件编号、登记编号或文号")->required();
  sub->add_option("--date", o->date, "废止日期")->required();
  sub->add_option("--reason", o->reason, "废止理由")->required();
  add_format_option(sub, o->format, {Format::text, Format::json});
  sub->callback([o, &ctx] { run_repeal(*o, ctx); });
}

} // namespace normdoc::cli
