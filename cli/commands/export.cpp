// SPDX-License-Identifier: MIT
#include "commands/commands.hpp"

#include <normdoc/bundle/bundle.hpp>
#include <normdoc/error.hpp>
#include <normdoc/registry/registry.hpp>
#include <normdoc/util/file.hpp>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <iostream>

namespace normdoc::cli {

namespace {

struct ExportOptions
{
  std::vector<std::string> refs;
  bool all = false;
  std::string output;
  std::string format = "jsonl";
};

void run_export(const ExportOptions& o, Context& ctx)
{
  if (o.all == !o.refs.empty()) {
    throw UsageError("请给出要导出的文件（REF…），或用 --all 导出全部");
  }
  store::Database db = ctx.open_database_for_reading();
  std::vector<std::int64_t> ids;
  if (o.all) {
    auto stmt = db.prepare("SELECT id FROM document ORDER BY id");
    while (stmt.step() == store::Step::row) {
      ids.push_back(stmt.integer(0));
    }
  } else {
    for (const auto& ref : o.refs) {
      ids.push_back(registry::resolve(db, ref).id);
    }
  }
  if (o.output.empty() || o.output == "-") {
    bundle::write(db, ids, std::cout, ctx.config().office_name);
    return;
  }
  // Written beside the target and renamed, so an interrupted export leaves no half bundle.
  util::PartialFile file(o.output);
  bundle::write(db, ids, file.stream(), ctx.config().office_name);
  file.commit();
  std::cerr << fmt::format("normdoc: 已导出 {} 份文件到 {}\n", ids.size(), o.output);
}

} // namespace

void register_export(CLI::App& app, Context& ctx)
{
  auto o = std::make_shared<ExportOptions>();
  auto* sub = app.add_subcommand("export", "导出数据包（JSONL，每行一个 JSON 对象）：文件的全部字段、正文、制定程序、备案、审查、评估和操作日志");
  sub->add_option("REF", o->refs, "文件编号、登记编号或文号（可多个）");
  sub->add_flag("--all", o->all, "导出全部文件");
  sub->add_option("--output,-o", o->output, "写入此文件（默认标准输出）");
  add_format_option(sub, o->format, {"jsonl"});
  sub->callback([o, &ctx] { run_export(*o, ctx); });
}

} // namespace normdoc::cli
