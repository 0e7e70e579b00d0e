// SPDX-License-Identifier: MIT
#include "commands/commands.hpp"

#include <CLI/CLI.hpp>

#include <iostream>

namespace normdoc::cli {

std::optional<std::string> given(const CLI::Option* option, const std::string& value)
{
  if (option->count() == 0) {
    return std::nullopt;
  }
  return value;
}

void print(const std::string& text)
{
  std::cout << text << std::flush;
}

} // namespace normdoc::cli
