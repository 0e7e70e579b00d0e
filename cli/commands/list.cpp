// SPDX-License-Identifier: MIT
#include "choice.hpp"
#include "commands/commands.hpp"
#include "output/document_view.hpp"

#include <normdoc/basis/register.hpp>
#include <normdoc/error.hpp>
#include <normdoc/registry/registry.hpp>
#include <normdoc/util/text.hpp>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <unistd.h>

#include <iostream>
#include <optional>
#include <set>

namespace normdoc::cli {

namespace {

struct ListOptions
{
  std::string status;
  std::string issuer;
  int year = 0;
  bool in_force = false;
  std::string as_of;
  std::string expiring_within;
  bool basis_changed = false;
  Format format = Format::table;
  CsvOptions csv;
};

void run_list(const ListOptions& options, Context& ctx)
{
  registry::ListFilter filter{ctx.as_of(options.as_of)};
  if (!options.status.empty()) {
    filter.status = parse_choice(registry::statuses(), options.status, "--status");
  }
  if (!options.issuer.empty()) {
    filter.issuer = options.issuer;
  }
  if (options.year != 0) {
    filter.year = options.year;
  }
  filter.in_force = options.in_force;
  if (!options.expiring_within.empty()) {
    filter.expiring_within = parse_duration_option(options.expiring_within, "--expiring-within");
  }
  store::Database db = ctx.open_database_for_reading();
  std::optional<std::set<std::int64_t>> flagged;
  if (options.basis_changed) {
    flagged.emplace();
    for (const auto& flag : basis::flags(db, filter.as_of)) {
      flagged->insert(flag.document.id);
    }
  }
  const auto wanted = [&](const registry::Document& doc) { return !flagged || flagged->contains(doc.id); };
  const Format format = options.format;
  if (format == Format::json || format == Format::csv) {
    // Buffered by the stream, not flushed per document.
    DocumentStream stream(RenderOptions{format, filter.as_of, options.csv.bom, options.csv.english_header()},
                          [](const std::string& part) { std::cout << part; });
    registry::for_each(db, filter, [&](const registry::Document& doc) {
      if (wanted(doc)) {
        stream.add(doc);
      }
    });
    stream.finish();
    std::cout.flush();
    return;
  }
  auto documents = registry::list(db, filter);
  std::erase_if(documents, [&](const registry::Document& doc) { return !wanted(doc); });
  // An empty table prints nothing, so a cron job stays silent; JSON and CSV always print
  // (an empty array, a header) for scripts.
  if (documents.empty()) {
    if (isatty(STDERR_FILENO)) {
      std::cerr << "没有符合条件的文件\n";
    }
    return;
  }
  print(
    render_documents(documents, RenderOptions{format, filter.as_of, options.csv.bom, options.csv.english_header()}));
}

} // namespace

void register_list(CLI::App& app, Context& ctx)
{
  auto o = std::make_shared<ListOptions>();
  auto* sub = app.add_subcommand("list", "列出登记的文件");
  sub->add_option("--status", o->status, "按状态筛选：draft、published、repealed、expired 等，或中文（现行有效）");
  sub->add_option("--issuer", o->issuer, "按制定机关筛选");
  sub->add_option("--year", o->year, "按发布年份筛选（草稿按登记年份）")->check(CLI::Range(1900, 2199));
  sub->add_flag("--in-force", o->in_force, "只列在 --as-of 当日有效的文件");
  sub->add_option("--as-of", o->as_of, "判断状态的日期（默认今天）");
  sub->add_option("--expiring-within", o->expiring_within, "只列有效期在此期限内届满的现行文件，例如 6m");
  sub->add_flag("--basis-changed", o->basis_changed, "只列所依据的法律在发布后修订或废止、尚未评估的现行文件");
  add_format_option(sub, o->format, {Format::table, Format::json, Format::csv});
  add_csv_options(sub, o->csv);
  sub->callback([o, &ctx] { run_list(*o, ctx); });
}

} // namespace normdoc::cli
