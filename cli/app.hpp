// SPDX-License-Identifier: MIT
#pragma once

namespace normdoc::cli {

// Parses the command line, runs the command and maps every failure to one line on stderr
// and an exit code (exit_code.hpp). The only place that decides how normdoc exits.
int run(int argc, char** argv);

} // namespace normdoc::cli
