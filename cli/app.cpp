// SPDX-License-Identifier: MIT
#include "app.hpp"

#include "commands/commands.hpp"
#include "diagnostic.hpp"
#include "exit_code.hpp"
#include "output/terminal.hpp"
#include "remedy.hpp"
#include "usage.hpp"

#include <normdoc/error.hpp>
#include <normdoc/util/text.hpp>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <iostream>
#include <memory>
#include <regex>
#include <streambuf>
#include <string_view>

namespace normdoc::cli {

namespace {

int code(ExitCode exit_code)
{
  return static_cast<int>(exit_code);
}

// CLI11 names value types in English (TEXT, INT, "INT:INT in [1900 - 2199]"); help shows
// them as 值, 数字 and a bare range, the choices {a,b} as they are (they are what is typed).
class ChineseFormatter : public CLI::Formatter
{
public:
  std::string make_option_opts(const CLI::Option* option) const override
  {
    static const std::regex range(R"(U?INT:INT in \[(-?\d+) - (-?\d+)\])");
    static const std::regex choices(R"(TEXT:\{)");
    static const std::regex text_type(R"(\bTEXT\b)");
    static const std::regex number_type(R"(\bU?INT\b)");
    std::string text = CLI::Formatter::make_option_opts(option);
    text = std::regex_replace(text, range, "数字 $1-$2");
    text = std::regex_replace(text, choices, "{");
    text = std::regex_replace(text, text_type, "值");
    return std::regex_replace(text, number_type, "数字");
  }

  // CLI11 pads the name column by bytes; a Chinese character is three bytes but two columns.
  std::string make_option(const CLI::Option* option, bool is_positional) const override
  {
    const std::string name = "  " + make_option_name(option, is_positional) + make_option_opts(option);
    const std::string description = make_option_desc(option);
    const auto width = static_cast<std::size_t>(util::display_width(name));
    const std::size_t column = get_column_width();
    std::string out = name;
    if (!description.empty()) {
      out += width >= column ? "\n" + std::string(column, ' ') : std::string(column - width, ' ');
      for (const char c : description) {
        out += c;
        if (c == '\n') {
          out.append(column, ' ');
        }
      }
    }
    return out + "\n";
  }
};

void localize_help(CLI::App& app)
{
  app.formatter(std::make_shared<ChineseFormatter>());
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

using Registrar = void (*)(CLI::App&, Context&);

struct Subcommands
{
  std::array<std::string_view, 2> names; // the second one empty but for register_maintenance
  Registrar add;
};

// Every top-level subcommand and the function that adds it (and what it nests).
constexpr std::array k_subcommands{
  Subcommands{{"init"}, register_init},
  Subcommands{{"add"}, register_add},
  Subcommands{{"show"}, register_show},
  Subcommands{{"list"}, register_list},
  Subcommands{{"edit"}, register_edit},
  Subcommands{{"log"}, register_log},
  Subcommands{{"publish"}, register_publish},
  Subcommands{{"repeal"}, register_repeal},
  Subcommands{{"amend"}, register_amend},
  Subcommands{{"record"}, register_record},
  Subcommands{{"file"}, register_file},
  Subcommands{{"filing"}, register_filing},
  Subcommands{{"due"}, register_due},
  Subcommands{{"report"}, register_report},
  Subcommands{{"check"}, register_check},
  Subcommands{{"review"}, register_review},
  Subcommands{{"evaluate"}, register_evaluate},
  Subcommands{{"cleanup"}, register_cleanup},
  Subcommands{{"basis"}, register_basis},
  Subcommands{{"import"}, register_import},
  Subcommands{{"export"}, register_export},
  Subcommands{{"search"}, register_search},
  Subcommands{{"backup", "doctor"}, register_maintenance},
  Subcommands{{"audit"}, register_audit},
  Subcommands{{"acknowledge"}, register_acknowledge},
  Subcommands{{"withdraw"}, register_withdraw},
  Subcommands{{"void"}, register_void},
  Subcommands{{"completion"}, register_completion},
};

// The subcommand the command line names: its first word that is neither a global option nor
// the value of one. Empty when an option comes first that is not global (--help, --version).
std::string_view subcommand_word(int argc, char** argv)
{
  for (int i = 1; i < argc; ++i) {
    const std::string_view word = argv[i];
    if (word == "--db" || word == "--config" || word == "--as") {
      ++i;
    } else if (word == "--wide" || word == "--no-pager" || word.starts_with("--db=") || word.starts_with("--config=") ||
               word.starts_with("--as=")) {
      continue;
    } else {
      return word.starts_with("-") ? std::string_view() : word;
    }
  }
  return {};
}

// Building CLI11's tree of every subcommand and option is about a quarter of a small command's
// instructions (issue 18: start-up): a command line naming a subcommand gets only that one.
// Without one, or with a word that names none, or for `completion` (which prints the whole
// tree), all are added, so help, the missing-subcommand message and the misspelling hint list
// them as before.
void register_subcommands(CLI::App& app, Context& ctx, std::string_view word)
{
  const auto named = std::find_if(k_subcommands.begin(), k_subcommands.end(), [word](const Subcommands& entry) {
    return std::find(entry.names.begin(), entry.names.end(), word) != entry.names.end();
  });
  if (!word.empty() && named != k_subcommands.end() && word != "completion") {
    named->add(app, ctx);
    return;
  }
  for (const Subcommands& entry : k_subcommands) {
    entry.add(app, ctx);
  }
}

// The library names the field a refused value came in ("exception-ground"); the officer typed
// an option. When the command that ran has the option `--<field>`, the message names it.
std::string say_field_as_option(const DataError& e, const CLI::App& app)
{
  const Location& where = e.where();
  if (where.field.empty() || !where.file.empty()) {
    return e.what();
  }
  std::string flag = fmt::format("--{}", where.field);
  std::replace(flag.begin(), flag.end(), '_', '-');
  const CLI::App* command = &app;
  for (auto chosen = command->get_subcommands(); !chosen.empty(); chosen = command->get_subcommands()) {
    command = chosen.front();
  }
  if (command->get_option_no_throw(flag) == nullptr) {
    return e.what();
  }
  return fmt::format("{}: {}", flag, e.bare_message());
}

int report(const Error& e, ExitCode exit_code)
{
  std::cerr << k_error_prefix << e.what() << '\n';
  if (!e.hint().empty()) {
    std::cerr << k_hint_prefix << say_hint(e) << '\n';
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

// Counts what the command writes to standard output: a command that lost its database server
// is run again only when it has printed nothing yet (a listing streamed in part would come
// out twice).
class CountingBuffer : public std::streambuf
{
public:
  explicit CountingBuffer(std::streambuf* out) : m_out(out) {}
  std::size_t written() const { return m_written; }

protected:
  int_type overflow(int_type c) override
  {
    if (traits_type::eq_int_type(c, traits_type::eof())) {
      return traits_type::not_eof(c);
    }
    ++m_written;
    return m_out->sputc(traits_type::to_char_type(c));
  }
  std::streamsize xsputn(const char* data, std::streamsize count) override
  {
    m_written += static_cast<std::size_t>(count);
    return m_out->sputn(data, count);
  }
  int sync() override { return m_out->pubsync(); }

private:
  std::streambuf* m_out;
  std::size_t m_written = 0;
};

// The commands that may be run again after the server was lost before their write committed:
// their only effects are the database (rolled back by the server) and standard output (checked
// to be empty). Not `init`, which writes a configuration file first, nor the commands that can
// write a file (`--output`: report, review, cleanup, export) or read many (import, check).
constexpr std::array<std::string_view, 18> k_rerun_safe = {
  "add",  "edit",   "publish", "show",  "list",   "log",      "due",  "audit",       "search",
  "file", "filing", "record",  "amend", "repeal", "withdraw", "void", "acknowledge", "evaluate"};
// How many times a command is run again after losing its server.
constexpr int k_reruns = 3;

// Returned by run_once instead of an exit code: the command lost its server before anything
// took effect, and may run again.
constexpr int k_run_again = -1;

int run_once(int argc, char** argv, bool may_run_again)
{
  Context ctx;
  CLI::App app("normdoc：行政规范性文件登记、审核、备案与清理工具", "normdoc");
  app.option_defaults()->group("选项");
  app.set_version_flag("--version", NORMDOC_VERSION, "显示版本并退出");
  app.set_help_flag("-h,--help", "显示帮助并退出");
  localize_help(app);
  app.require_subcommand(1);
  app.fallthrough();
  app.add_option("--db", ctx.options.db,
                 "数据库文件（默认依次取 NORMDOC_DB、配置中的 db、$XDG_DATA_HOME/normdoc/registry.db）");
  app.add_option("--config", ctx.options.config,
                 "配置文件（默认依次取 NORMDOC_CONFIG、./normdoc.toml、$XDG_CONFIG_HOME/normdoc/config.toml）");
  app.add_flag_callback(
    "--wide", [] { set_table_width(0); }, "表格显示完整内容，不按终端宽度截短");
  app.add_flag_callback(
    "--no-pager", [] { set_pager_allowed(false); }, "输出较长时也不使用分页程序");
  app.add_option("--as", ctx.options.actor,
                 "写入操作日志和审核意见的经办人（默认依次取 NORMDOC_USER、配置 user、登录名）");
  const std::string_view word = subcommand_word(argc, argv);
  ctx.options.command = std::string(word);
  if (!word.empty()) {
    // The word after the subcommand (`audit verify`): argv's words are distinct pointers.
    for (int i = 1; i + 1 < argc; ++i) {
      if (argv[i] == word.data() && argv[i + 1][0] != '-') {
        ctx.options.command_detail = argv[i + 1];
      }
    }
  }
  register_subcommands(app, ctx, word);
  localize_groups(app);
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
    std::cerr << usage_message(app, e);
    return code(ExitCode::usage);
  } catch (const UsageError& e) {
    return report(e, ExitCode::usage);
  } catch (const DataError& e) {
    return report(DataError(say_field_as_option(e, app), {}, e.full_hint()), ExitCode::data);
  } catch (const DatabaseError& e) {
    if (may_run_again && e.kind() == DatabaseError::Kind::disconnected &&
        std::find(k_rerun_safe.begin(), k_rerun_safe.end(), ctx.options.command) != k_rerun_safe.end()) {
      return k_run_again;
    }
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

} // namespace

int run(int argc, char** argv)
{
  std::streambuf* const original = std::cout.rdbuf();
  CountingBuffer counted(original);
  std::cout.rdbuf(&counted);
  // Standard output gets its own buffer back before `counted` goes (static destructors flush it).
  struct Restore
  {
    std::streambuf* original;
    explicit Restore(std::streambuf* buffer) : original(buffer) {}
    Restore(const Restore&) = delete;
    Restore& operator=(const Restore&) = delete;
    ~Restore() { std::cout.rdbuf(original); }
  } restore{original};
  for (int attempt = 1;; ++attempt) {
    const int status = run_once(argc, argv, attempt <= k_reruns && counted.written() == 0);
    if (status != k_run_again) {
      return status;
    }
    // The server rolled the write back when it ended the session: the same command, on a
    // new connection (made when the server is back, store::note_server_lost), does it once.
    std::cerr << k_hint_prefix
              << fmt::format("与数据库服务器的连接中断，本次操作未生效；重新连接后再执行一次（第{}次）", attempt)
              << '\n';
  }
}

} // namespace normdoc::cli
