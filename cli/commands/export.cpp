// SPDX-License-Identifier: MIT
#include "commands/commands.hpp"

#include <normdoc/audit/checkpoint.hpp>
#include <normdoc/bundle/bundle.hpp>
#include <normdoc/error.hpp>
#include <normdoc/registry/registry.hpp>
#include <normdoc/util/file.hpp>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <unistd.h>

#include <filesystem>
#include <iostream>

namespace normdoc::cli {

namespace {

struct ExportOptions
{
  std::vector<std::string> refs;
  bool all = false;
  std::string output;
  Format format = Format::jsonl;
};

// The office as the receiver of its bundles sees it: sealed with the audit key when this user
// can read it (someone who may export but not sign gets an unsealed bundle, and is told so),
// with the newest checkpoint when there is one.
bundle::Sender sender_of(Context& ctx)
{
  bundle::Sender sender{ctx.config().office_name, ctx.stamp().at, std::nullopt, std::nullopt};
  const std::filesystem::path key = ctx.audit_key_path();
  if (::access(key.c_str(), R_OK) == 0) {
    sender.key = key;
  } else if (std::filesystem::exists(key)) {
    std::cerr << fmt::format("normdoc: 提示：无法读取审计私钥 {}，数据包未签名，接收方只能核对发送方事件的哈希\n",
                             key.string());
  }
  if (std::filesystem::exists(ctx.checkpoints_path())) {
    const auto checkpoints = audit::read_checkpoints(ctx.checkpoints_path());
    if (!checkpoints.empty()) {
      sender.checkpoint = checkpoints.back();
    }
  }
  return sender;
}

void run_export(const ExportOptions& o, Context& ctx)
{
  if (o.all == !o.refs.empty()) {
    throw UsageError("请给出要导出的文件（REF…），或用 --all 导出全部");
  }
  store::Database db = ctx.open_database_for_reading();
  std::vector<std::int64_t> ids;
  if (o.all) {
    ids = registry::ids(db);
  } else {
    for (const auto& ref : o.refs) {
      ids.push_back(registry::resolve(db, ref).id);
    }
  }
  const bundle::Sender sender = sender_of(ctx);
  if (o.output.empty() || o.output == "-") {
    bundle::write(db, ids, std::cout, sender);
    return;
  }
  // Written beside the target and renamed, so an interrupted export leaves no half bundle.
  util::PartialFile file(o.output);
  bundle::write(db, ids, file.stream(), sender);
  file.commit();
  std::cerr << fmt::format("normdoc: 已导出{}份文件到 {}\n", ids.size(), o.output);
}

} // namespace

void register_export(CLI::App& app, Context& ctx)
{
  auto o = std::make_shared<ExportOptions>();
  auto* sub = app.add_subcommand(
    "export", "导出数据包（JSONL，每行一个 JSON 对象）：文件的全部字段、正文、制定程序、备案、审查、评估和操作日志");
  sub->add_option("REF", o->refs, "文件编号、登记编号或文号（可多个）");
  sub->add_flag("--all", o->all, "导出全部文件");
  sub->add_option("--output,-o", o->output, "写入此文件（默认标准输出）");
  add_format_option(sub, o->format, {Format::jsonl});
  sub->callback([o, &ctx] { run_export(*o, ctx); });
}

} // namespace normdoc::cli
