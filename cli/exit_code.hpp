// SPDX-License-Identifier: MIT
#pragma once

namespace normdoc::cli {

// The exit-code contract scripts rely on (product.md).
enum class ExitCode : int
{
  ok = 0,       // success, or nothing found
  findings = 1, // findings or overdue items, where the command says so
  usage = 2,    // the command line is wrong
  data = 3,     // bad data or input file
  database = 4, // database busy, locked, corrupt, missing or too new (scripts may retry)
  internal = 5, // output could not be written (disk full, closed pipe), or a fault in normdoc
};

} // namespace normdoc::cli
