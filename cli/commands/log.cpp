// SPDX-License-Identifier: MIT
#include "commands/commands.hpp"
#include "output/document_view.hpp"

#include <normdoc/audit/event_log.hpp>
#include <normdoc/registry/registry.hpp>

#include <CLI/CLI.hpp>

namespace normdoc::cli {

namespace {

struct LogOptions
{
  std::string ref;
  Format format = Format::table;
  CsvOptions csv;
};

void run_log(const LogOptions& options, Context& ctx)
{
  store::Database db = ctx.open_database_for_reading();
  std::optional<std::int64_t> document;
  if (!options.ref.empty()) {
    document = registry::resolve(db, options.ref).id;
  }
  const auto events = audit::list(db, document);
  print(
    render_events(events, RenderOptions{options.format, ctx.today(), options.csv.bom, options.csv.english_header()}));
}

} // namespace

void register_log(CLI::App& app, Context& ctx)
{
  auto o = std::make_shared<LogOptions>();
  auto* sub = app.add_subcommand("log", "显示操作日志（全部，或一份文件的）");
  sub->add_option("REF", o->ref, "文件编号、登记编号或文号");
  add_format_option(sub, o->format, {Format::table, Format::json, Format::csv});
  add_csv_options(sub, o->csv);
  sub->callback([o, &ctx] { run_log(*o, ctx); });
}

} // namespace normdoc::cli
