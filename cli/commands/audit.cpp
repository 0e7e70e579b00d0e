// SPDX-License-Identifier: MIT
#include "commands/commands.hpp"

#include <normdoc/audit/checkpoint.hpp>
#include <normdoc/audit/event_log.hpp>
#include <normdoc/audit/replay.hpp>
#include <normdoc/error.hpp>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <filesystem>
#include <memory>

namespace normdoc::cli {

namespace {

constexpr const char* k_tampered_hint = "日志在 normdoc 之外被改动过；用备份核对，或保留现状交审计";

// The chain against every checkpoint found: the office's own file and one from elsewhere (the
// supervising body's copy). Returns how many were compared.
std::size_t compare_checkpoints(Context& ctx, store::Database& db, const std::string& supplied)
{
  std::vector<std::filesystem::path> files;
  if (std::filesystem::exists(ctx.checkpoints_path())) {
    files.push_back(ctx.checkpoints_path());
  }
  if (!supplied.empty()) {
    files.emplace_back(supplied);
  }
  std::size_t compared = 0;
  for (const auto& file : files) {
    const auto checkpoints = audit::read_checkpoints(file);
    if (checkpoints.empty()) {
      continue;
    }
    const auto public_key = audit::public_key_hex(ctx.audit_key_path());
    if (!public_key) {
      throw DataError("找不到审计公钥，无法核对检查点的签名",
                      Location{ctx.audit_key_path().string() + ".pub", 0, 0, {}},
                      "在 audit.key 配置本机关的密钥（公钥文件在其旁，后缀 .pub）");
    }
    for (const auto& checkpoint : checkpoints) {
      if (const std::string problem = audit::disagreement(db, checkpoint, *public_key); !problem.empty()) {
        throw DataError(fmt::format("操作日志与检查点不符：{}", problem), Location{file.string(), 0, 0, {}},
                        k_tampered_hint);
      }
      ++compared;
    }
  }
  return compared;
}

void run_verify(Context& ctx, const std::string& supplied)
{
  store::Database db = ctx.open_database_for_reading();
  audit::Verification result;
  const audit::ReplayResult replayed = audit::replay(db, &result);
  if (!result.ok()) {
    throw DataError(fmt::format("操作日志校验失败：{}", result.problem), {}, k_tampered_hint);
  }
  const std::size_t checkpoints = compare_checkpoints(ctx, db, supplied);
  if (!replayed.ok()) {
    throw DataError(fmt::format("文件登记与操作日志不一致：{}", replayed.problem), {},
                    "登记表在 normdoc 之外被改动过；用备份核对，或保留现状交审计");
  }
  print(fmt::format("操作日志完整：{}条事件，链头哈希 {}；{}份文件的登记与日志重放结果一致；{}\n", result.events,
                    result.head_hash, replayed.documents,
                    checkpoints == 0 ? "没有检查点可对照（无外部锚点，见 man normdoc-audit）"
                                     : fmt::format("与{}个签名检查点相符", checkpoints)));
}

void run_checkpoint(Context& ctx, Format format)
{
  store::Database db = ctx.open_database_for_reading();
  // A broken chain is not signed: the checkpoint would vouch for the damage.
  const audit::Verification result = audit::verify(db);
  if (!result.ok()) {
    throw DataError(fmt::format("操作日志校验失败，不做检查点：{}", result.problem), {}, k_tampered_hint);
  }
  const audit::Checkpoint checkpoint =
    audit::make_checkpoint(db, ctx.audit_key_path(), ctx.stamp().at, ctx.config().office_name);
  audit::append_checkpoint(ctx.checkpoints_path(), checkpoint);
  if (format == Format::json) {
    print(audit::to_json(checkpoint) + "\n");
    return;
  }
  print(fmt::format("日志检查点：{}，第{}条事件，链头哈希 {}\n签名（Ed25519）：{}\n公钥：{}\n已追加到 {}\n",
                    checkpoint.at, checkpoint.events, checkpoint.hash, checkpoint.signature, checkpoint.public_key,
                    ctx.checkpoints_path().string()));
}

} // namespace

std::optional<std::string> checkpoint_reminder(Context& ctx, const util::Date& as_of)
{
  // An office without a key does not sign checkpoints: nothing to remind of.
  if (!std::filesystem::exists(ctx.audit_key_path())) {
    return std::nullopt;
  }
  std::optional<util::Date> last;
  if (std::filesystem::exists(ctx.checkpoints_path())) {
    for (const auto& checkpoint : audit::read_checkpoints(ctx.checkpoints_path())) {
      const util::Date day = util::Date::parse(checkpoint.at.substr(0, 10));
      last = last ? std::max(*last, day) : day;
    }
  }
  // An office default, not a legal period: a calendar without next year's holidays must not
  // stop `due` (it did from 2 December, once 30 days reached into the next year).
  if (last && ctx.calendar().deadline(*last, ctx.config().checkpoint_every).date >= as_of) {
    return std::nullopt;
  }
  return last ? fmt::format(
                  "已{}天没有做日志检查点（上次 {}）：运行 normdoc audit checkpoint，并把检查点交备案审查机关留存",
                  last->days_until(as_of), last->iso())
              : std::string("还没有做过日志检查点：运行 normdoc audit checkpoint，并把检查点交备案审查机关留存");
}

void register_audit(CLI::App& app, Context& ctx)
{
  auto* sub = app.add_subcommand("audit", "操作日志的完整性");
  sub->require_subcommand(1);
  auto* verify = sub->add_subcommand(
    "verify",
    "重新计算哈希链并重放日志，与签名检查点对照，确认日志和文件登记都未在 normdoc 之外被改动（被改动时退出码 3）");
  auto supplied = std::make_shared<std::string>();
  verify->add_option("--checkpoints", *supplied, "另外对照此检查点文件（例如备案审查机关留存的副本）");
  verify->callback([&ctx, supplied] { run_verify(ctx, *supplied); });
  auto* checkpoint = sub->add_subcommand(
    "checkpoint", "用本机关的密钥签名当前链头，追加到检查点文件（数据库之外），可交备案审查机关留存");
  auto format = std::make_shared<Format>(Format::text);
  add_format_option(checkpoint, *format, {Format::text, Format::json});
  checkpoint->callback([&ctx, format] { run_checkpoint(ctx, *format); });
}

} // namespace normdoc::cli
