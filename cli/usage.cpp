// SPDX-License-Identifier: MIT
#include "usage.hpp"

#include "choice.hpp"
#include "diagnostic.hpp"

#include <normdoc/util/text.hpp>

#include <fmt/args.h>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <optional>
#include <regex>
#include <string_view>
#include <vector>

namespace normdoc::cli {

namespace {

const CLI::App* deepest_selected(const CLI::App& root)
{
  const CLI::App* app = &root;
  for (;;) {
    const auto selected = app->get_subcommands();
    if (selected.empty()) {
      return app;
    }
    app = selected.back();
  }
}

std::string command_path(const CLI::App* app)
{
  std::string path;
  for (; app != nullptr; app = app->get_parent()) {
    const std::string name = app->get_parent() == nullptr ? "normdoc" : app->get_name();
    path = path.empty() ? name : name + " " + path;
  }
  return path;
}

std::vector<std::string> subcommand_names(const CLI::App& app)
{
  std::vector<std::string> names;
  for (const auto* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    names.push_back(sub->get_name());
  }
  return names;
}

// The options a word may be meant for: those of the command and, since options fall through
// to the parents, of every command above it.
std::vector<std::string> option_names(const CLI::App* app)
{
  std::vector<std::string> names;
  for (; app != nullptr; app = app->get_parent()) {
    for (const auto* option : app->get_options()) {
      for (const auto& name : option->get_lnames()) {
        names.push_back("--" + name);
      }
      for (const auto& name : option->get_snames()) {
        names.push_back("-" + name);
      }
    }
  }
  return names;
}

struct Message
{
  std::string error;
  std::string hint;
};

// A word nobody took: an unknown option, an unknown subcommand, or one argument too many.
Message leftover_message(const CLI::App* command, const std::string& word)
{
  const std::string path = command_path(command);
  if (word.starts_with("-")) {
    const std::string name = word.substr(0, word.find('='));
    const auto suggestion = util::closest_match(name, option_names(command));
    return {fmt::format("{} 没有选项“{}”", path, name),
            suggestion ? fmt::format("是否想用 {}？", *suggestion) : fmt::format("运行 {} --help 查看全部选项", path)};
  }
  const auto names = subcommand_names(*command);
  if (!names.empty()) {
    const auto suggestion = util::closest_match(word, names);
    return {fmt::format("{} 没有子命令“{}”", path, word), suggestion
                                                            ? fmt::format("是否想用 {} {}？", path, *suggestion)
                                                            : fmt::format("运行 {} --help 查看全部子命令", path)};
  }
  return {fmt::format("多余的参数“{}”", word), fmt::format("运行 {} --help 查看用法", path)};
}

// CLI11 2.1's own wording (CLI/Error.hpp, CLI/Validators.hpp), matched and said in Chinese.
struct Pattern
{
  std::regex english;
  const char* chinese; // fmt pattern over the captured groups
};

const std::vector<Pattern>& patterns()
{
  static const std::vector<Pattern> table = [] {
    std::vector<Pattern> p;
    const auto add = [&p](const char* english, const char* chinese) { p.push_back({std::regex(english), chinese}); };
    add(R"(^Requires at least (\d+) subcommands$)", "至少需要{0}个子命令");
    add(R"(^Exactly 1 option from \[(.*)\] is required$)", "须在 {0} 中给出一个");
    add(R"(^Exactly 1 option from \[(.*)\] is required and (\d+) were given$)", "{0} 只能给出一个，现在给了{1}个");
    add(R"(^At least 1 option from \[(.*)\] is required$)", "须在 {0} 中至少给出一个");
    add(R"(^Requires at most 1 options be given from \[(.*)\]$)", "{0} 最多给出一个");
    add(R"(^(.+) is required$)", "缺少必需的参数 {0}");
    add(R"(^(.+): \d+ required \S+ missing$)", "{0} 后面缺少取值");
    add(R"(^Expected exactly (\d+) arguments to (.+), got (\d+)$)", "{1} 需要{0}个取值，现在有{2}个");
    add(R"(^Expected at least (\d+) arguments to (.+), got (\d+)$)", "{1} 至少需要{0}个取值，现在有{2}个");
    add(R"(^(.+): At least (\d+) required but received (\d+)$)", "{0} 至少需要{1}个取值，现在有{2}个");
    add(R"(^(.+): At Most (\d+) required but received (\d+)$)", "{0} 最多接受{1}个取值，现在有{2}个");
    add(R"(^(.+) was given a disallowed flag override$)", "{0} 是开关，不接受取值");
    add(R"(^(.+): too many inputs for a flag$)", "{0} 是开关，不接受取值");
    add(R"(^(.+): Should be true/false or a number$)", "{0} 的取值应为 true、false 或数字");
    add(R"(^(.+) requires (.+)$)", "{0} 须与 {1} 同时给出");
    add(R"(^(.+) excludes (.+)$)", "{0} 与 {1} 不能同时使用");
    add(R"(^(.+): Value (.*) not in range (\S+) to (\S+)$)", "{0} 的取值“{1}”无效，应在 {2} 到 {3} 之间");
    add(R"(^The value (.*) is not an allowed value for (.+)$)", "{1} 的取值“{0}”无效");
    add(R"(^Could not convert: (.+) = (.*)$)", "{0} 的取值“{1}”无法识别");
    add(R"(^(.+): File does not exist: (.*)$)", "{0}：文件不存在：{1}");
    return p;
  }();
  return table;
}

std::string translated(const std::string& english)
{
  std::smatch match;
  for (const auto& pattern : patterns()) {
    if (std::regex_match(english, match, pattern.english)) {
      std::vector<std::string> groups;
      for (std::size_t i = 1; i < match.size(); ++i) {
        groups.push_back(match[i].str());
      }
      fmt::dynamic_format_arg_store<fmt::format_context> args;
      for (const auto& group : groups) {
        args.push_back(group);
      }
      return fmt::vformat(pattern.chinese, args);
    }
  }
  // A wording CLI11 grew after 2.1: still one Chinese sentence, with its words quoted.
  return fmt::format("命令行有误（{}）", english);
}

// IsMember's refusal, said as every refused choice is (choice.hpp).
std::optional<Message> refused_member(const std::string& english, const std::string& path)
{
  static const std::regex not_in(R"(^(.+): (.*) not in \{(.*)\}$)");
  std::smatch match;
  if (!std::regex_match(english, match, not_in)) {
    return std::nullopt;
  }
  const UsageError refusal = refused_choice(match[1].str(), match[2].str(), util::split(match[3].str(), ','),
                                            fmt::format("运行 {} --help 查看用法", path));
  return Message{refusal.what(), refusal.hint()};
}

// The words of an ExtrasError that CLI11 did not leave in any command's remaining list (an
// argument too many for a command without subcommands): its message lists them, last first.
std::vector<std::string> extra_words(const CLI::Error& error)
{
  if (dynamic_cast<const CLI::ExtrasError*>(&error) == nullptr) {
    return {};
  }
  static const std::regex extras(R"(^The following arguments? (?:was|were) not expected: (.*)$)");
  std::smatch match;
  const std::string what = error.what();
  if (!std::regex_match(what, match, extras)) {
    return {};
  }
  auto words = util::split(match[1].str(), ' ');
  std::reverse(words.begin(), words.end());
  return words;
}

} // namespace

std::string usage_message(const CLI::App& root, const CLI::Error& error)
{
  const CLI::App* command = deepest_selected(root);
  const std::string path = command_path(command);
  Message message;
  auto leftovers = root.remaining(true);
  if (leftovers.empty()) {
    leftovers = extra_words(error);
  }
  // By type, not get_name(): an ExtrasError raised by a subcommand carries that command's name.
  const bool extras = dynamic_cast<const CLI::ExtrasError*>(&error) != nullptr;
  const bool required = dynamic_cast<const CLI::RequiredError*>(&error) != nullptr;
  // A word nobody took explains most refusals better than what CLI11 tripped over next
  // (`publish 1 --dat D` is a typo, not a missing --date): where a subcommand is expected,
  // the first plain word is its misspelling; otherwise an unknown option comes first.
  const auto leftover = [&leftovers](bool option) {
    return std::find_if(leftovers.begin(), leftovers.end(),
                        [option](const std::string& word) { return word.starts_with("-") == option; });
  };
  const bool wants_subcommand = !subcommand_names(*command).empty();
  if (wants_subcommand && leftover(false) != leftovers.end()) {
    message = leftover_message(command, *leftover(false));
  } else if (leftover(true) != leftovers.end()) {
    message = leftover_message(command, *leftover(true));
  } else if (!leftovers.empty() && (extras || required)) {
    message = leftover_message(command, leftovers.front());
  } else if (required && std::string_view(error.what()) == "A subcommand is required") {
    message = {fmt::format("{} 后面缺少子命令（{}）", path, fmt::join(subcommand_names(*command), "、")),
               fmt::format("运行 {} --help 查看用法", path)};
  } else if (auto choice = refused_member(error.what(), path)) {
    message = std::move(*choice);
  } else {
    message = {translated(error.what()), fmt::format("运行 {} --help 查看用法", path)};
  }
  return fmt::format("{}{}\n{}{}\n", k_error_prefix, message.error, k_hint_prefix, message.hint);
}

} // namespace normdoc::cli
