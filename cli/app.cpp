// SPDX-License-Identifier: MIT
#include "app.hpp"

#include "commands/commands.hpp"
#include "exit_code.hpp"

#include <normdoc/error.hpp>
#include <normdoc/util/text.hpp>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <optional>
#include <string_view>

namespace normdoc::cli {

namespace {

int code(ExitCode exit_code)
{
  return static_cast<int>(exit_code);
}

std::string translate(const CLI::Error& e)
{
  const std::string name = e.get_name();
  if (name == "RequiredError") {
    return fmt::format("缺少必需的参数（{}）", e.what());
  }
  if (name == "ExtrasError") {
    return fmt::format("无法识别的参数（{}）", e.what());
  }
  if (name == "ValidationError" || name == "ConversionError") {
    return fmt::format("参数值无效（{}）", e.what());
  }
  if (name == "ArgumentMismatch") {
    return fmt::format("参数个数不对（{}）", e.what());
  }
  if (name == "RequiresError") {
    return fmt::format("缺少须同时给出的参数（{}）", e.what());
  }
  if (name == "ExcludesError") {
    return fmt::format("这些参数不能同时使用（{}）", e.what());
  }
  return e.what();
}

std::string failure_message(const CLI::App* app, const CLI::Error& e)
{
  const std::string command = app->get_parent() == nullptr ? "normdoc" : "normdoc " + app->get_name();
  return fmt::format("normdoc: error: {}\nnormdoc: hint: 运行 {} --help 查看用法\n", translate(e), command);
}

// The first word that is not an option or a global option's value: the subcommand name.
std::optional<std::string> subcommand_word(int argc, char** argv)
{
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--db" || arg == "--config" || arg == "--as") {
      ++i;
    } else if (!arg.starts_with("-")) {
      return std::string(arg);
    }
  }
  return std::nullopt;
}

// CLI11 reports an unknown subcommand as "a subcommand is required"; say what was typed
// and what was probably meant instead.
std::optional<int> reject_unknown_subcommand(const CLI::App& app, int argc, char** argv)
{
  const auto word = subcommand_word(argc, argv);
  if (!word) {
    return std::nullopt;
  }
  std::vector<std::string> names;
  for (const auto* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    if (sub->get_name() == *word) {
      return std::nullopt;
    }
    names.push_back(sub->get_name());
  }
  std::cerr << fmt::format("normdoc: error: 未知的子命令“{}”\n", *word);
  const auto suggestion = util::closest_match(*word, names);
  std::cerr << "normdoc: hint: "
            << (suggestion ? fmt::format("是否想用 normdoc {}？", *suggestion) : "运行 normdoc --help 查看全部子命令")
            << '\n';
  return code(ExitCode::usage);
}

void localize_help(CLI::App& app)
{
  auto formatter = app.get_formatter();
  formatter->label("Usage", "用法");
  formatter->label("OPTIONS", "选项");
  formatter->label("Options", "选项");
  formatter->label("Positionals", "位置参数");
  formatter->label("SUBCOMMAND", "子命令");
  formatter->label("SUBCOMMANDS", "子命令");
  formatter->label("Subcommands", "子命令");
  formatter->label("REQUIRED", "（必填）");
  formatter->label("Excludes", "不能与以下同用");
  formatter->label("Needs", "需要");
  formatter->column_width(34);
}

// CLI11 names its help groups in English; a legal officer reads Chinese.
void localize_groups(CLI::App& app)
{
  for (auto* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    sub->group("子命令");
    if (auto* help = sub->get_help_ptr()) {
      help->group("选项");
    }
    localize_groups(*sub);
  }
}

int report(const Error& e, ExitCode exit_code)
{
  std::cerr << "normdoc: error: " << e.what() << '\n';
  if (!e.hint().empty()) {
    std::cerr << "normdoc: hint: " << e.hint() << '\n';
  }
  return code(exit_code);
}

// Standard output is flushed before the exit code is decided: a listing that could not be
// written (`> /dev/full`) must not end in success.
int finish_output(ExitCode exit_code)
{
  try {
    print({});
  } catch (const OutputError& e) {
    return report(e, ExitCode::internal);
  }
  return code(exit_code);
}

} // namespace

int run(int argc, char** argv)
{
  Context ctx;
  CLI::App app("normdoc：行政规范性文件登记、审核、备案与清理工具", "normdoc");
  app.option_defaults()->group("选项");
  app.set_version_flag("--version", NORMDOC_VERSION, "显示版本并退出");
  app.set_help_flag("-h,--help", "显示帮助并退出");
  localize_help(app);
  app.failure_message(failure_message);
  app.require_subcommand(1);
  app.fallthrough();
  app.add_option("--db", ctx.options.db, "数据库文件（默认依次取 NORMDOC_DB、配置中的 db、$XDG_DATA_HOME/normdoc/registry.db）");
  app.add_option("--config", ctx.options.config, "配置文件（默认依次取 NORMDOC_CONFIG、./normdoc.toml、$XDG_CONFIG_HOME/normdoc/config.toml）");
  app.add_option("--as", ctx.options.actor, "写入操作日志和审核意见的经办人（默认依次取 NORMDOC_USER、配置 user、登录名）");
  for (const auto& registrar : {register_init, register_add, register_show, register_list, register_edit, register_log,
                                register_publish, register_repeal, register_amend, register_record, register_file,
                                register_filing, register_due, register_report, register_check, register_review,
                                register_evaluate, register_cleanup, register_basis, register_import, register_export, register_search,
                                register_maintenance, register_audit, register_acknowledge, register_withdraw, register_void,
                                register_completion}) {
    registrar(app, ctx);
  }
  localize_groups(app);
  if (const auto refused = reject_unknown_subcommand(app, argc, argv)) {
    return *refused;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    // CLI11's own exit codes (e.g. 109) are not our contract: a usage error is 2.
    app.exit(e);
    return code(ExitCode::usage);
  } catch (const UsageError& e) {
    return report(e, ExitCode::usage);
  } catch (const DataError& e) {
    return report(e, ExitCode::data);
  } catch (const DatabaseError& e) {
    return report(e, ExitCode::database);
  } catch (const OutputError& e) {
    return report(e, ExitCode::internal);
  } catch (const Error& e) {
    return report(e, ExitCode::data);
  } catch (const std::filesystem::filesystem_error& e) {
    return report(Error(fmt::format("文件系统错误：{}", e.what())), ExitCode::data);
  } catch (const std::bad_alloc&) {
    return report(Error("内存不足，操作已中止，数据库未改动"), ExitCode::internal);
  } catch (const std::exception& e) {
    // A fault in normdoc, not in the input: one line and a clean exit instead of an abort;
    // the transaction of a write command was rolled back when the exception left it.
    return report(Error(fmt::format("内部错误：{}", e.what()), "数据库未改动；请把命令和这一行报告给维护者"),
                  ExitCode::internal);
  }
  return finish_output(ctx.exit_code);
}

} // namespace normdoc::cli
