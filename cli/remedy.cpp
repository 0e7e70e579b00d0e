// SPDX-License-Identifier: MIT
#include "remedy.hpp"

#include <algorithm>
#include <array>

namespace normdoc::cli {

namespace {

// The command each action is; Action::same has none (the options follow the refused command).
constexpr std::array<std::pair<Action, std::string_view>, 16> k_commands{{
  {Action::same, ""},
  {Action::add, "normdoc add"},
  {Action::acknowledge, "normdoc acknowledge"},
  {Action::backup, "normdoc backup"},
  {Action::cleanup_open, "normdoc cleanup open"},
  {Action::cleanup_status, "normdoc cleanup status"},
  {Action::doctor, "normdoc doctor"},
  {Action::file, "normdoc file"},
  {Action::init, "normdoc init"},
  {Action::list, "normdoc list"},
  {Action::review_answer, "normdoc review answer"},
  {Action::review_dismiss, "normdoc review dismiss"},
  {Action::review_list, "normdoc review list"},
  {Action::review_show, "normdoc review show"},
  {Action::review_start, "normdoc review start"},
  {Action::show, "normdoc show"},
}};

} // namespace

std::string command_line(const Remedy& remedy)
{
  const auto command =
    std::find_if(k_commands.begin(), k_commands.end(), [&](const auto& entry) { return entry.first == remedy.action; });
  std::string line(command == k_commands.end() ? std::string_view() : command->second);
  const auto add = [&](std::string_view word) {
    line += line.empty() ? "" : " ";
    line += word;
  };
  for (const auto& argument : remedy.arguments) {
    add(argument);
  }
  for (const auto& [field, value] : remedy.fields) {
    std::string option = "--" + field;
    std::replace(option.begin(), option.end(), '_', '-');
    add(option);
    if (!value.empty()) {
      add(value);
    }
  }
  return line;
}

std::string say_hint(const Error& error)
{
  std::string hint = error.hint();
  std::size_t from = 0;
  for (const auto& remedy : error.remedies()) {
    const auto at = hint.find(k_remedy_mark, from);
    if (at == std::string::npos) {
      break;
    }
    const std::string said = command_line(remedy);
    hint.replace(at, k_remedy_mark.size(), said);
    from = at + said.size();
  }
  return hint;
}

} // namespace normdoc::cli
