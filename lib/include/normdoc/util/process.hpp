// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace normdoc::util {

struct ProcessResult
{
  int exit_code = -1; // the program's exit status; -1 when a signal ended it
  std::string out;
  std::string err;
};

// Runs a program (looked up on PATH when the name has no slash) with no input, collecting
// its output. Throws DataError when it cannot be started, runs past `timeout` or writes more
// than `max_output` bytes (it is killed then), naming `what` (a Chinese description).
ProcessResult run_process(const std::vector<std::string>& argv, const std::string& what, std::chrono::seconds timeout,
                          std::size_t max_output);

// The first of `names` found as an executable on PATH.
std::optional<std::filesystem::path> find_on_path(const std::vector<std::string>& names);

// The directory of the running program (/proc/self/exe), to find helpers installed beside it.
std::optional<std::filesystem::path> own_directory();

} // namespace normdoc::util
