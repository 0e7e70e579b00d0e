// SPDX-License-Identifier: MIT
#include "commands/commands.hpp"
#include "output/procedure_view.hpp"

#include <normdoc/error.hpp>
#include <normdoc/filing/filing.hpp>
#include <normdoc/registry/registry.hpp>
#include <normdoc/util/encoding.hpp>
#include <normdoc/util/file.hpp>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <set>

namespace normdoc::cli {

namespace {

struct FileOptions
{
  std::string ref, date, materials, import;
  std::vector<std::string> bodies;
  Format format = Format::table;
  bool planned = false;
};

// `file --import CSV`: past filings in bulk, all or none.
void run_file_import(const FileOptions& o, Context& ctx)
{
  if (!o.ref.empty() || !o.bodies.empty() || !o.date.empty() || !o.materials.empty() || o.planned) {
    throw UsageError("--import 不能与 REF、--to、--date、--materials、--planned 同时使用：这些写在 CSV 的各列中");
  }
  const std::string text = util::to_utf8(util::read_file(o.import, "备案记录文件"), o.import);
  const auto filings = write(ctx, [&](store::Transaction& txn) {
    return filing::import_filings(txn, text, o.import, ctx.today(), ctx.config(), ctx.stamp());
  });
  std::set<std::int64_t> documents;
  for (const auto& filing : filings) {
    documents.insert(filing.document);
  }
  if (o.format == Format::json) {
    print(render_filings(filings, RenderOptions{Format::json, ctx.today()}));
    return;
  }
  print(fmt::format("{}：已记录{}条报送备案记录（{}份文件）\n", o.import, filings.size(), documents.size()));
}

void run_file(const FileOptions& o, Context& ctx)
{
  if (!o.import.empty()) {
    run_file_import(o, ctx);
    return;
  }
  if (o.ref.empty() || o.bodies.empty() || o.date.empty()) {
    throw UsageError("请给出文件、备案机关和报送日期：normdoc file REF --to 备案机关 --date 日期（或 --import CSV）");
  }
  const util::Date date = ctx.done_date(o.date, "--date", o.planned);
  std::vector<std::string> bodies;
  for (const auto& body : o.bodies) {
    for (const auto& item : filing::split_items(body)) {
      bodies.push_back(item);
    }
  }
  const auto sent = o.materials.empty() ? std::nullopt : std::optional(filing::split_items(o.materials));
  const auto filings = write(ctx, [&](store::Transaction& txn) {
    return filing::file(txn, registry::resolve(txn.database(), o.ref), bodies, date, sent, ctx.config(), ctx.stamp());
  });
  print(render_filings(filings, RenderOptions{o.format, ctx.today()}));
}

} // namespace

void register_file(CLI::App& app, Context& ctx)
{
  auto o = std::make_shared<FileOptions>();
  auto* sub = app.add_subcommand("file", "记录向备案机关报送备案（有件必备）");
  sub->add_option("REF", o->ref, "文件编号、登记编号或文号");
  sub->add_option("--to", o->bodies, "备案机关；可重复或用逗号分隔，同时报送多处");
  sub->add_option("--date", o->date, "报送日期");
  sub->add_option("--import", o->import,
                  "批量登记以往的报送记录：CSV（列 ref,body,date，可加 materials），全部成功才写入，出错时指明行号");
  sub->add_option("--materials", o->materials, "实际报送的材料，逗号或顿号分隔（默认为配置的全套材料）");
  sub->add_flag("--planned", o->planned, "日期在今天之后：作为计划登记（报表不计为已办，到期提醒在该日前照常提示）");
  add_format_option(sub, o->format, {Format::table, Format::json});
  sub->callback([o, &ctx] { run_file(*o, ctx); });
}

} // namespace normdoc::cli
