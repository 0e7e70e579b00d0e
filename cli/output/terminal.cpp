// SPDX-License-Identifier: MIT
#include "output/terminal.hpp"

#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <string_view>

namespace normdoc::cli {

namespace {

std::optional<int> positive_env(const char* name)
{
  const char* value = std::getenv(name);
  if (value == nullptr) {
    return std::nullopt;
  }
  char* end = nullptr;
  const long number = std::strtol(value, &end, 10);
  if (end == value || *end != '\0' || number <= 0 || number > 100000) {
    return std::nullopt;
  }
  return static_cast<int>(number);
}

std::optional<winsize> window()
{
  winsize size{};
  if (isatty(STDOUT_FILENO) == 0 || ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) != 0) {
    return std::nullopt;
  }
  return size;
}

std::optional<int>& table_width_setting()
{
  static std::optional<int> width;
  return width;
}

bool& pager_allowed()
{
  static bool allowed = true;
  return allowed;
}

std::string pager_command()
{
  for (const char* name : {"NORMDOC_PAGER", "PAGER"}) {
    if (const char* value = std::getenv(name)) {
      return value;
    }
  }
  return "less";
}

} // namespace

int terminal_columns()
{
  if (const auto columns = positive_env("COLUMNS")) {
    return *columns;
  }
  const auto size = window();
  return size ? size->ws_col : 0;
}

int terminal_rows()
{
  if (const auto rows = positive_env("LINES")) {
    return *rows;
  }
  const auto size = window();
  return size ? size->ws_row : 0;
}

int table_width()
{
  if (!table_width_setting()) {
    table_width_setting() = terminal_columns();
  }
  return *table_width_setting();
}

void set_table_width(int columns)
{
  table_width_setting() = columns;
}

void set_pager_allowed(bool allowed)
{
  pager_allowed() = allowed;
}

bool write_paged(const std::string& text)
{
  const std::string pager = pager_command();
  const int rows = terminal_rows();
  const bool long_text = rows > 0 && std::count(text.begin(), text.end(), '\n') >= static_cast<std::ptrdiff_t>(rows);
  if (pager_allowed() && long_text && isatty(STDOUT_FILENO) != 0 && !pager.empty() && pager != "cat") {
    std::cout << std::flush;
    setenv("LESS", "FRX", 0); // quit if one screen, keep colours, leave the text on screen
    // The reader may quit the pager before the end; that is not an error of ours.
    const auto previous = std::signal(SIGPIPE, SIG_IGN);
    if (FILE* pipe = popen(pager.c_str(), "w")) {
      std::fwrite(text.data(), 1, text.size(), pipe);
      const int status = pclose(pipe);
      std::signal(SIGPIPE, previous);
      // A pager that could not start (sh: 127) is as if there were none.
      if (!WIFEXITED(status) || WEXITSTATUS(status) != 127) {
        return true;
      }
      std::cerr << "normdoc: 警告：分页程序“" << pager << "”无法运行，直接输出\n";
    } else {
      std::signal(SIGPIPE, previous);
    }
  }
  std::cout << text << std::flush;
  return static_cast<bool>(std::cout);
}

} // namespace normdoc::cli
