// SPDX-License-Identifier: MIT
#include "commands/commands.hpp"
#include "output/views.hpp"

#include <normdoc/filing/filing.hpp>
#include <normdoc/registry/registry.hpp>
#include <normdoc/util/text.hpp>

#include <CLI/CLI.hpp>

namespace normdoc::cli {

namespace {

struct FileOptions
{
  std::string ref, date, materials;
  std::vector<std::string> bodies;
  std::string format = "table";
  bool planned = false;
};

// "备案报告,正式文本" or "备案报告、正式文本" → items.
std::vector<std::string> split_list(const std::string& text)
{
  std::string normalized;
  for (const char32_t c : util::decode_utf8(text)) {
    util::append_utf8(normalized, c == U'、' || c == U'，' ? U',' : c);
  }
  std::vector<std::string> items;
  for (const auto& item : util::split(normalized, ',')) {
    if (!util::trim(item).empty()) {
      items.emplace_back(util::trim(item));
    }
  }
  return items;
}

void run_file(const FileOptions& o, Context& ctx)
{
  const util::Date date = ctx.done_date(o.date, "--date", o.planned);
  std::vector<std::string> bodies;
  for (const auto& body : o.bodies) {
    for (const auto& item : split_list(body)) {
      bodies.push_back(item);
    }
  }
  const auto sent = o.materials.empty() ? std::nullopt : std::optional(split_list(o.materials));
  store::Database db = ctx.open_database();
  store::Transaction txn(db);
  const auto filings =
    filing::file(txn, registry::resolve(db, o.ref), bodies, date, sent, ctx.config(), ctx.stamp());
  txn.commit();
  print(render_filings(filings, RenderOptions{parse_format(o.format), ctx.today()}));
}

} // namespace

void register_file(CLI::App& app, Context& ctx)
{
  auto o = std::make_shared<FileOptions>();
  auto* sub = app.add_subcommand("file", "记录向备案机关报送备案（有件必备）");
  sub->add_option("REF", o->ref, "文件编号、登记编号或文号")->required();
  sub->add_option("--to", o->bodies, "备案机关；可重复或用逗号分隔，同时报送多处")->required();
  sub->add_option("--date", o->date, "报送日期")->required();
  sub->add_option("--materials", o->materials, "实际报送的材料，逗号或顿号分隔（默认为配置的全套材料）");
  sub->add_flag("--planned", o->planned, "日期在今天之后：作为计划登记（报表不计为已办，到期提醒在该日前照常提示）");
  add_format_option(sub, o->format, {"table", "json"});
  sub->callback([o, &ctx] { run_file(*o, ctx); });
}

} // namespace normdoc::cli
