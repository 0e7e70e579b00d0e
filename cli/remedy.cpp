// SPDX-License-Identifier: MIT
#include "remedy.hpp"

#include <algorithm>
#include <string_view>

namespace normdoc::cli {

namespace {

// Quotes a word for the shell when it needs it, so that the printed command runs as shown; a
// placeholder is shown quoted, as what replaces it is usually words with spaces.
std::string shell_word(std::string_view text)
{
  if (text != k_placeholder && !text.empty() && text.find_first_of(" \t'\"$`\\;&|()<>*?") == std::string_view::npos) {
    return std::string(text);
  }
  std::string quoted = "'";
  for (const char c : text) {
    quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  }
  return quoted + "'";
}

} // namespace

std::string command_line(const Remedy& remedy)
{
  const std::string_view command = action_command(remedy.action);
  std::string line = command.empty() ? std::string() : "normdoc " + std::string(command);
  const auto add = [&](const std::string& word) {
    line += line.empty() ? "" : " ";
    line += word;
  };
  for (const auto& argument : remedy.arguments) {
    add(shell_word(argument));
  }
  for (const auto& [field, value] : remedy.fields) {
    std::string option = "--" + field;
    std::replace(option.begin(), option.end(), '_', '-');
    add(option);
    if (!value.empty()) {
      add(shell_word(value));
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
