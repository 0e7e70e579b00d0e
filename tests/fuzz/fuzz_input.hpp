// SPDX-License-Identifier: MIT
#pragma once

// Shared by every fuzz target: the input as text, and the rule for exceptions. A normdoc::Error
// is the program refusing bad input the way it should (a one-line error, exit 2, 3 or 4); any
// other exception escapes and counts as a crash, since the CLI would turn it into a wrong exit
// status and an unhelpful message.

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace normdoc::fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size)
{
  return {reinterpret_cast<const char*>(data), size};
}

} // namespace normdoc::fuzz
