// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace normdoc::cli {

// Excel needs it to read UTF-8 CSV as UTF-8 (offered with --bom).
inline constexpr std::string_view k_utf8_bom = "\xEF\xBB\xBF";

// One RFC 4180 record, CRLF-terminated, each field written by csv_field (quoted when needed,
// formulas neutralised).
std::string csv_record(const std::vector<std::string>& fields);

} // namespace normdoc::cli
