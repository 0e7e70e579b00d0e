// SPDX-License-Identifier: MIT
#pragma once

#include <CLI/CLI.hpp>

#include <string>

namespace normdoc::cli {

// The Chinese error and hint lines for a command line CLI11 refused. CLI11 words its errors
// in English and knows nothing of typos below the top level; this reads what was typed
// (the deepest subcommand selected and the words nobody took) and says, in Chinese, what is
// wrong and what was probably meant: one mechanism for subcommands and options at every level.
std::string usage_message(const CLI::App& root, const CLI::Error& error);

} // namespace normdoc::cli
