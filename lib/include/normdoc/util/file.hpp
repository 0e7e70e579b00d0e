// SPDX-License-Identifier: MIT
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace normdoc::util {

// The whole content of a file. Throws DataError "无法读取<what>" naming the file.
std::string read_file(const std::filesystem::path& path, std::string_view what);

} // namespace normdoc::util
