// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace normdoc::util {

// What any one input file may hold when it is read whole: far above a normative document
// (a long .docx is a few megabytes), low enough that a wrong path cannot exhaust memory.
inline constexpr std::uintmax_t k_max_input_bytes = std::uintmax_t{256} << 20U;

// Refuses anything that is not a regular file once symlinks are followed: a FIFO blocks
// for ever, a device (/dev/zero) never ends, a directory has no content. Throws DataError
// naming the file.
void require_regular_file(const std::filesystem::path& path, std::string_view what);

// The whole content of a regular file of at most `max_bytes`. Throws DataError "无法读取<what>"
// naming the file, or saying why it was refused (not a regular file, too large).
std::string read_file(const std::filesystem::path& path, std::string_view what,
                      std::uintmax_t max_bytes = k_max_input_bytes);

// Refuses a text holding a NUL byte (binary data, or a UTF-16 file), naming its line and
// byte: SQLite and every printer stop at it, so the stored text and the shown one differ.
void require_no_nul(std::string_view text, const std::string& source);

} // namespace normdoc::util
