// SPDX-License-Identifier: MIT
#pragma once

#include <normdoc/error.hpp>
#include <normdoc/remedy.hpp>

#include <string>

namespace normdoc::cli {

// A remedy as the officer types it: `normdoc review answer R3`, or for Action::same the options
// alone (`--override-gate --reason`). A field is the option `--field` (underscores as dashes).
std::string command_line(const Remedy& remedy);

// An error's hint with each remedy mark replaced by its remedy's command line.
std::string say_hint(const Error& error);

} // namespace normdoc::cli
