// SPDX-License-Identifier: MIT
#include "commands/commands.hpp"

#include <normdoc/audit/checkpoint.hpp>
#include <normdoc/config/config.hpp>
#include <normdoc/error.hpp>
#include <normdoc/store/roles.hpp>
#include <normdoc/util/text.hpp>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>

namespace normdoc::cli {

namespace {

struct InitOptions
{
  std::string office = "某某市某某局";
  std::string code = "ND";
  std::string user;
  bool no_config = false;
};

void run_init(const InitOptions& options, Context& ctx)
{
  namespace fs = std::filesystem;
  const std::string path = ctx.db_path();
  if (store::dialect_of(path) == store::Dialect::postgresql) {
    // The database itself is made on the server (createdb); init makes the registry in it.
    store::Database db = ctx.create_database();
    print(fmt::format("数据库：{}（结构版本 {}）\n", path, db.schema_version()));
    // The four group roles the database enforces (man normdoc-postgresql, ROLES), made or
    // brought up to date here when the connected role may create roles; otherwise the user is
    // told who must run the script, and the registry works without them meanwhile.
    const store::RolesOutcome roles = store::ensure_roles(db);
    if (roles.applied) {
      print("数据库角色：normdoc_reader、normdoc_drafter、normdoc_reviewer、normdoc_admin 已创建或更新\n");
    } else {
      std::cerr << fmt::format("normdoc: 警告：数据库角色 {} 无权创建角色（须为超级用户或有 CREATEROLE），"
                               "未创建 normdoc_reader 等四个角色\n",
                               roles.role)
                << fmt::format(
                     "normdoc: 提示：请由超级用户运行 psql --dbname='{}' --file=schemas/sql/postgresql/roles.sql"
                     "（源码目录中的文件），或给该角色 CREATEROLE 后再运行 normdoc init\n",
                     path);
    }
  } else {
    const bool existed = fs::exists(path);
    store::Database db = ctx.create_database();
    print(fmt::format("{}数据库：{}（结构版本 {}）\n", existed ? "已有" : "已创建", path, db.schema_version()));
  }
  // The key that signs log checkpoints lives outside the database: whoever can write the
  // database file must not be able to re-sign its log.
  const fs::path key = ctx.audit_key_path();
  if (const auto existing = audit::public_key_hex(key)) {
    print(fmt::format("审计密钥已存在：{}（公钥 {}）\n", key.string(), *existing));
  } else {
    const std::string public_key = audit::create_key_pair(key);
    print(fmt::format("已创建审计密钥：{}（公钥 {}，请交备案审查机关留存，用于核对日志检查点）\n", key.string(),
                      public_key));
  }
  if (options.no_config) {
    return;
  }
  const fs::path target = ctx.config_target();
  if (fs::exists(target)) {
    print(fmt::format("配置文件已存在，未改动：{}\n", target.string()));
    return;
  }
  if (target.has_parent_path()) {
    fs::create_directories(target.parent_path());
  }
  // Every log event and opinion names who acted: asked once here, on a terminal.
  std::string user = options.user;
  if (user.empty() && isatty(STDIN_FILENO) != 0) {
    print("经办人姓名（写入配置 user，用于日志和审核意见；直接回车则用登录名）：");
    std::getline(std::cin, user);
    user = std::string(util::trim(user));
  }
  std::ofstream out(target, std::ios::binary);
  out << config::starter(options.office, options.code, user);
  out.close();
  if (!out) {
    throw DataError("无法写入配置文件", Location{target.string(), 0, 0, {}});
  }
  const bool office_given = !options.office.empty() && !options.code.empty();
  print(fmt::format("已写入配置文件：{}{}\n", target.string(), office_given ? "" : "（请填写本机关名称和代码）"));
}

} // namespace

void register_init(CLI::App& app, Context& ctx)
{
  auto options = std::make_shared<InitOptions>();
  auto* sub = app.add_subcommand("init", "创建数据库，并写一份带注释的配置文件");
  sub->add_option("--office", options->office, "写入配置的制定机关名称");
  sub->add_option("--code", options->code, "写入配置的登记编号机关代码");
  sub->add_option("--user", options->user, "写入配置的经办人姓名（在终端上不给则询问）");
  sub->add_flag("--no-config", options->no_config, "只创建数据库，不写配置文件");
  sub->callback([options, &ctx] { run_init(*options, ctx); });
}

} // namespace normdoc::cli
