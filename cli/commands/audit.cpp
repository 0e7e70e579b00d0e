// SPDX-License-Identifier: MIT
#include "commands/commands.hpp"

#include <normdoc/audit/event_log.hpp>
#include <normdoc/audit/replay.hpp>
#include <normdoc/error.hpp>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace normdoc::cli {

namespace {

void run_verify(Context& ctx)
{
  store::Database db = ctx.open_database();
  const audit::Verification result = audit::verify(db);
  if (!result.ok()) {
    throw DataError(fmt::format("操作日志校验失败：{}", result.problem), {},
                    "日志在 normdoc 之外被改动过；用备份核对，或保留现状交审计");
  }
  const audit::ReplayResult replayed = audit::replay(db);
  if (!replayed.ok()) {
    throw DataError(fmt::format("文件登记与操作日志不一致：{}", replayed.problem), {},
                    "登记表在 normdoc 之外被改动过；用备份核对，或保留现状交审计");
  }
  print(fmt::format("操作日志完整：{} 条事件，链头哈希 {}；{} 份文件的登记与日志重放结果一致\n", result.events, result.head_hash,
                    replayed.documents));
}

} // namespace

void register_audit(CLI::App& app, Context& ctx)
{
  auto* sub = app.add_subcommand("audit", "操作日志的完整性");
  sub->require_subcommand(1);
  auto* verify = sub->add_subcommand("verify", "重新计算哈希链并重放日志，确认日志和文件登记都未在 normdoc 之外被改动（被改动时退出码 3）");
  verify->callback([&ctx] { run_verify(ctx); });
}

} // namespace normdoc::cli
