// SPDX-License-Identifier: MIT
#include "commands/commands.hpp"
#include "diagnostic.hpp"

#include <normdoc/doctor/doctor.hpp>
#include <normdoc/error.hpp>
#include <normdoc/registry/registry.hpp>
#include <normdoc/util/json.hpp>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <iostream>

// The commands that look after the database file itself: backup and doctor.
namespace normdoc::cli {

namespace {

struct MaintenanceOptions
{
  std::string target;
  bool fix = false;
  Format format = Format::text;
};

void run_backup(const MaintenanceOptions& o, Context& ctx)
{
  store::Database db = ctx.open_database_for_reading();
  db.backup_to(o.target);
  // A backup that does not open cleanly is no backup.
  store::Database copy =
    store::Database::open(o.target, store::Database::OpenMode::existing, ctx.config().busy_timeout);
  if (!doctor::examine(copy).ok()) {
    throw DataError("备份已写出，但检查未通过", Location{o.target, 0, 0, {}},
                    fmt::format("运行 normdoc --db {} doctor 查看", o.target));
  }
  print(fmt::format("已备份到 {}（{}份文件，检查通过）\n", o.target, registry::count(copy)));
}

void run_doctor(const MaintenanceOptions& o, Context& ctx)
{
  store::Database db = o.fix ? ctx.open_database() : ctx.open_database_for_reading();
  doctor::Report report = doctor::examine(db, ctx.config(), ctx.calendar());
  if (o.fix) {
    report = doctor::repair(db, report, ctx.config(), ctx.calendar());
  }
  if (o.format == Format::json) {
    util::JsonWriter json(2);
    doctor::write_json(json, report);
    print(json.str() + "\n");
  } else {
    std::string out;
    for (const auto& check : report.checks) {
      out += fmt::format("{}  {}：{}\n", check.ok ? "正常" : "异常", check.label, check.detail);
    }
    print(out);
  }
  if (!report.ok()) {
    ctx.exit_code = ExitCode::data;
    if (report.repairable() && !o.fix) {
      std::cerr << k_hint_prefix << "全文索引和到期提醒可用 normdoc doctor --fix 重建\n";
    }
  }
}

} // namespace

void register_maintenance(CLI::App& app, Context& ctx)
{
  auto o = std::make_shared<MaintenanceOptions>();
  auto* backup = app.add_subcommand("backup", "在线备份数据库到新文件（其他进程可同时写入），并检查备份");
  backup->add_option("FILE", o->target, "备份文件（不得已存在）")->required();
  backup->callback([o, &ctx] { run_backup(*o, ctx); });

  auto* doctor =
    app.add_subcommand("doctor", "检查数据库：文件完整性、引用关系、结构版本、操作日志、全文索引（有问题时退出码 3）");
  doctor->add_flag("--fix", o->fix, "重建与登记不一致的全文索引和到期提醒");
  add_format_option(doctor, o->format, {Format::text, Format::json});
  doctor->callback([o, &ctx] { run_doctor(*o, ctx); });
}

} // namespace normdoc::cli
