// SPDX-License-Identifier: MIT
// The configuration loader (normdoc.toml): types, ranges, periods, registration patterns.
#include "fuzz_input.hpp"

#include <normdoc/config/config.hpp>
#include <normdoc/error.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  try {
    (void)normdoc::config::parse(normdoc::fuzz::as_text(data, size), "normdoc.toml");
  } catch (const normdoc::Error&) {
  }
  return 0;
}
