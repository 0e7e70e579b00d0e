// SPDX-License-Identifier: MIT
#include "commands/commands.hpp"
#include "output/document_view.hpp"
#include "output/procedure_view.hpp"

#include <normdoc/error.hpp>
#include <normdoc/filing/filing.hpp>
#include <normdoc/procedure/procedure.hpp>
#include <normdoc/registry/registry.hpp>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace normdoc::cli {

namespace {

struct ShowOptions
{
  std::string ref;
  std::string as_of;
  Format format = Format::text;
  bool full_text = false;
  bool procedure = false;
};

void run_show(const ShowOptions& options, Context& ctx)
{
  const util::Date as_of = ctx.as_of(options.as_of);
  store::Database db = ctx.open_database_for_reading();
  const registry::Document doc = registry::resolve(db, options.ref);
  if (options.full_text) {
    const auto text = registry::text_of(db, doc.id);
    if (!text) {
      throw DataError(fmt::format("文件 #{} 没有保存全文", doc.id), {}, "用 normdoc edit REF --text FILE 补充");
    }
    print(*text);
    return;
  }
  const RenderOptions render{options.format, as_of};
  if (options.procedure) {
    const auto steps = procedure::steps_of(db, doc.id);
    const auto issues = procedure::check(doc, steps, ctx.config(), ctx.calendar());
    print(render_procedure(doc, steps, filing::filings_of(db, doc.id, true), issues, render));
    return;
  }
  print(render_document(doc, render));
}

} // namespace

void register_show(CLI::App& app, Context& ctx)
{
  auto o = std::make_shared<ShowOptions>();
  auto* sub = app.add_subcommand("show", "显示一份文件的登记信息");
  sub->add_option("REF", o->ref, "文件编号、登记编号或文号")->required();
  sub->add_option("--as-of", o->as_of, "按该日期判断状态（默认今天）");
  add_format_option(sub, o->format, {Format::text, Format::json});
  sub->add_flag("--text", o->full_text, "输出保存的全文");
  sub->add_flag("--procedure", o->procedure, "同时显示制定程序、备案情况和发现的程序问题");
  sub->callback([o, &ctx] { run_show(*o, ctx); });
}

} // namespace normdoc::cli
