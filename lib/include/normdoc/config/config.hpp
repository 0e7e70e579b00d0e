// SPDX-License-Identifier: MIT
#pragma once

#include <normdoc/util/duration.hpp>

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace normdoc::config {

// The office's settings (normdoc.toml). Every field has a default, so an office can start
// with an empty file.
struct Config
{
  std::optional<std::string> db;            // database path
  std::optional<std::string> user;          // default actor written into the log
  std::chrono::milliseconds busy_timeout{5000};

  std::string office_name;                  // default 制定机关 for `add`
  std::string office_code = "ND";           // {code} in the registration-number pattern
  std::string reg_pattern = "{code}-{year}-{seq:03}";

  // Validity defaults are office settings, not national law: no national rule fixes them
  // (regulations.md 7.1); 5 years and 2 for 暂行/试行 is the common local pattern (7.3).
  util::Duration validity_default{5, util::Duration::Unit::years};
  util::Duration validity_trial{2, util::Duration::Unit::years};
  std::vector<std::string> trial_markers{"暂行", "试行"};

  // Evaluate 6 months before validity ends (regulations.md 7.3, local practice).
  util::Duration evaluation_lead{6, util::Duration::Unit::months};
  util::Duration due_within{30, util::Duration::Unit::days};

  std::string source;                       // file it was read from; empty for defaults
};

// Parses TOML `text`; `source` names it in errors. Unknown keys and wrong types throw
// DataError with file:line and the key.
Config parse(std::string_view text, const std::string& source);

// Reads and parses `path`. Throws DataError when it cannot be read.
Config load(const std::filesystem::path& path);

// A commented starter file for `normdoc init`.
std::string starter(std::string_view office_name, std::string_view office_code);

// Formats a registration number (登记编号) from `pattern`: {code}, {year}, {seq} and
// {seq:0N} (zero-padded to N digits). Throws DataError on an unknown placeholder.
std::string format_reg_no(std::string_view pattern, std::string_view code, int year, std::int64_t seq);

} // namespace normdoc::config
