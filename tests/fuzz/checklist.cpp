// SPDX-License-Identifier: MIT
// The TOML checklist loader, and a screener built from whatever it accepts.
#include "fuzz_input.hpp"

#include <normdoc/error.hpp>
#include <normdoc/review/checklist.hpp>
#include <normdoc/review/screen.hpp>

#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  try {
    const auto checklist = normdoc::review::parse_checklist(normdoc::fuzz::as_text(data, size), "fuzz.toml");
    const normdoc::review::Screener screener({&checklist});
    std::vector<normdoc::review::Finding> findings;
    screener.screen_line("对违反本办法的，处以罚款并责令停业。", 1, "fuzz.txt", findings);
  } catch (const normdoc::Error&) {
  }
  return 0;
}
