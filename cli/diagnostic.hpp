// SPDX-License-Identifier: MIT
#pragma once

#include <string_view>

namespace normdoc::cli {

// The prefixes of what normdoc says on standard error, in the officers' language; scripts
// rely on the exit code, not on these words.
inline constexpr std::string_view k_error_prefix = "normdoc: 错误：";
inline constexpr std::string_view k_warning_prefix = "normdoc: 警告：";
inline constexpr std::string_view k_hint_prefix = "normdoc: 提示：";

} // namespace normdoc::cli
