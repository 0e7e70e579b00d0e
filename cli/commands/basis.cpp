// SPDX-License-Identifier: MIT
#include "commands/commands.hpp"
#include "output/basis_view.hpp"

#include <normdoc/basis/register.hpp>
#include <normdoc/error.hpp>
#include <normdoc/util/encoding.hpp>
#include <normdoc/util/file.hpp>
#include <normdoc/util/json.hpp>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <unistd.h>

#include <iostream>

namespace normdoc::cli {

namespace {

struct BasisOptions
{
  std::string file, name, revised, repealed;
  Format format = Format::text;
};

struct LawListOptions
{
  basis::LawFilter filter;
  Format format = Format::table;
  CsvOptions csv;
};

std::string describe_change(const basis::Change& change)
{
  return fmt::format("《{}》{}", change.law, change_text(change));
}

void run_import(const BasisOptions& o, Context& ctx)
{
  const std::string text = util::to_utf8(util::read_file(o.file, "法律目录"), o.file);
  const basis::ImportResult result = write(
    ctx, [&](store::Transaction& txn) { return basis::import_catalogue(txn, text, o.file, ctx.today(), ctx.stamp()); });
  if (o.format == Format::json) {
    util::JsonWriter json(2);
    json.begin_object()
      .member("laws", static_cast<std::int64_t>(result.laws))
      .member("added", static_cast<std::int64_t>(result.added))
      .key("changes")
      .begin_array();
    for (const auto& change : result.changes) {
      json.begin_object()
        .member("law", change.law)
        .member("change", basis::change_key(change.kind))
        .member("date", util::to_iso(change.date))
        .end_object();
    }
    json.end_array().end_object();
    print(json.str() + "\n");
    return;
  }
  std::string out = fmt::format("{}：{}部法律法规，新增{}，自上次导入以来变化{}\n", o.file, result.laws, result.added,
                                result.changes.size());
  for (const auto& change : result.changes) {
    out += "  " + describe_change(change) + "\n";
  }
  print(out);
}

void run_change(const BasisOptions& o, Context& ctx)
{
  if (o.revised.empty() == o.repealed.empty()) {
    throw UsageError("请给出 --revised 日期 或 --repealed 日期 之一");
  }
  const bool revised = !o.revised.empty();
  const util::Date date =
    revised ? parse_date_option(o.revised, "--revised") : parse_date_option(o.repealed, "--repealed");
  const auto [change, flagged] = write(ctx, [&](store::Transaction& txn) {
    const basis::Change recorded = basis::record_change(
      txn, o.name, revised ? basis::ChangeKind::revised : basis::ChangeKind::repealed, date, ctx.today(), ctx.stamp());
    std::size_t documents = 0;
    for (const auto& flag : basis::flags(txn.database(), ctx.today())) {
      documents += flag.law == recorded.law ? 1 : 0;
    }
    return std::pair{recorded, documents};
  });
  print(fmt::format("已记录：{}；依据它的现行文件{}件待评估（normdoc list --basis-changed）\n", describe_change(change),
                    flagged));
}

void run_list(const LawListOptions& o, Context& ctx)
{
  store::Database db = ctx.open_database_for_reading();
  const auto laws = basis::list_laws(db, o.filter);
  // As `list`: an empty table prints nothing (a note on a terminal); JSON and CSV always print.
  if (laws.empty() && o.format == Format::table) {
    if (isatty(STDERR_FILENO)) {
      std::cerr << "没有符合条件的法律法规（目录用 normdoc basis import 导入）\n";
    }
    return;
  }
  print(render_laws(laws, RenderOptions{o.format, ctx.today(), o.csv.bom, o.csv.english_header()}));
}

void run_scan(Context& ctx)
{
  const std::size_t scanned = write(ctx, [](store::Transaction& txn) { return basis::rescan(txn); });
  print(fmt::format("已重新提取{}份正文的制定依据\n", scanned));
}

} // namespace

void register_basis(CLI::App& app, Context& ctx)
{
  auto o = std::make_shared<BasisOptions>();
  auto* group = app.add_subcommand("basis", "上位法（制定依据）登记：导入法律目录、记录修订和废止");
  group->require_subcommand(1);

  auto* import =
    group->add_subcommand("import", "导入法律目录 CSV（列：name,level,publish,valid_from,expired[,category]）");
  import->add_option("FILE", o->file, "CSV 文件，例如 national-laws.csv")->required();
  add_format_option(import, o->format, {Format::text, Format::json});
  import->callback([o, &ctx] { run_import(*o, ctx);
});

auto l = std::make_shared<LawListOptions>();
auto* list = group->add_subcommand("list", "列出登记的法律法规：位阶、最新文本、是否废止、引用它的文件数和最近变化");
list->add_flag("--cited", l->filter.cited_only, "只列被登记文件引用的");
list->add_flag("--changed", l->filter.changed_only, "只列登记后修订或废止过的");
add_format_option(list, l->format, {Format::table, Format::json, Format::csv});
add_csv_options(list, l->csv);
list->callback([l, &ctx] { run_list(*l, ctx); });

auto* change = group->add_subcommand("change", "手工记录一部法律的修订或废止");
change->add_option("NAME", o->name, "法律名称，例如 中华人民共和国旅游法 或 旅游法")->required();
change->add_option("--revised", o->revised, "修订日期");
change->add_option("--repealed", o->repealed, "废止日期");
change->callback([o, &ctx] { run_change(*o, ctx); });

auto* scan = group->add_subcommand("scan", "从已保存的正文重新提取制定依据（根据《…》）");
scan->callback([&ctx] { run_scan(ctx); });
} // namespace normdoc::cli

} // namespace normdoc::cli
