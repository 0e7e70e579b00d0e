// SPDX-License-Identifier: MIT
#include "commands/commands.hpp"

#include <normdoc/registry/registry.hpp>

#include <CLI/CLI.hpp>

namespace normdoc::cli {

namespace {

struct AmendOptions
{
  std::string ref, by, date;
  Format format = Format::text;
};

void run_amend(const AmendOptions& o, Context& ctx)
{
  const util::Date date = parse_date_option(o.date, "--date");
  apply_document_change(
    ctx, o.format, [&](const registry::Registry& registry, store::Transaction& txn, const audit::Stamp& stamp) {
      store::Database& db = txn.database();
      return registry.amend(txn, registry::resolve(db, o.ref), registry::resolve(db, o.by), date, stamp);
    });
}

} // namespace

void register_amend(CLI::App& app, Context& ctx)
{
  auto o = std::make_shared<AmendOptions>();
  auto* sub = app.add_subcommand("amend", "记录文件被新版本修改：原文件变为“已修改”，指向新文件");
  sub->add_option("REF", o->ref, "被修改的文件")->required();
  sub->add_option("--by", o->by, "修改后的新文件（须已登记）")->required();
  sub->add_option("--date", o->date, "新版本取代原文件的日期")->required();
  add_format_option(sub, o->format, {Format::text, Format::json});
  sub->callback([o, &ctx] { run_amend(*o, ctx); });
}

} // namespace normdoc::cli
