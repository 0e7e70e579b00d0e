// SPDX-License-Identifier: MIT
#include "choice.hpp"
#include "commands/commands.hpp"
#include "output/search_view.hpp"

#include <normdoc/error.hpp>
#include <normdoc/search/search.hpp>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <unistd.h>

#include <iostream>

namespace normdoc::cli {

namespace {

struct SearchOptions
{
  std::string query, status, issuer, as_of;
  int year = 0;
  bool in_force = false;
  std::size_t limit = 20;
  Format format = Format::table;
};

void run_search(const SearchOptions& o, Context& ctx)
{
  registry::ListFilter filter{ctx.as_of(o.as_of)};
  if (!o.status.empty()) {
    filter.status = parse_choice(registry::statuses(), o.status, "--status");
  }
  if (!o.issuer.empty()) {
    filter.issuer = o.issuer;
  }
  if (o.year != 0) {
    filter.year = o.year;
  }
  filter.in_force = o.in_force;
  store::Database db = ctx.open_database_for_reading();
  const auto hits = search::find(db, o.query, filter, o.limit);
  if (hits.empty() && o.format != Format::json) {
    // Said on stderr, so stdout stays empty for scripts; finding nothing is not an error (exit 0).
    std::cerr << fmt::format("normdoc: 没有找到与“{}”匹配的文件\n", o.query);
    return;
  }
  print(render_search_hits(hits, RenderOptions{o.format, filter.as_of}, isatty(STDOUT_FILENO) != 0));
}

} // namespace

void register_search(CLI::App& app, Context& ctx)
{
  auto o = std::make_shared<SearchOptions>();
  auto* sub = app.add_subcommand("search", "全文检索标题和正文（任意字词，用全文索引），按相关程度排列");
  sub->add_option("QUERY", o->query, "要查找的词语，例如 旅游市场")->required();
  sub->add_option("--status", o->status, "按状态筛选，同 list");
  sub->add_option("--issuer", o->issuer, "按制定机关筛选");
  sub->add_option("--year", o->year, "按发布年份筛选")->check(CLI::Range(1900, 2199));
  sub->add_flag("--in-force", o->in_force, "只查在 --as-of 当日有效的文件");
  sub->add_option("--as-of", o->as_of, "判断状态的日期（默认今天）");
  sub->add_option("--limit", o->limit, "最多列出几份（默认 20）")->check(CLI::Range(1, 100000));
  add_format_option(sub, o->format, {Format::table, Format::json});
  sub->callback([o, &ctx] { run_search(*o, ctx); });
}

} // namespace normdoc::cli
