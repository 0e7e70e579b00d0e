// SPDX-License-Identifier: MIT
// The review answers file (TOML: L1 = "pass", or [L4] tables).
#include "fuzz_input.hpp"

#include <normdoc/error.hpp>
#include <normdoc/review/review.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  try {
    (void)normdoc::review::parse_answers(normdoc::fuzz::as_text(data, size), "answers.toml");
  } catch (const normdoc::Error&) {
  }
  return 0;
}
