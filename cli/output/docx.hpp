// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace normdoc::cli {

// A zip archive of `parts` (name, bytes) in the order given, as an OOXML package wants it:
// stored, every entry dated 1980-01-01 00:00, so the same parts give the same bytes.
// Throws OutputError when libzip fails.
std::string zip_package(const std::vector<std::pair<std::string, std::string>>& parts);

} // namespace normdoc::cli
