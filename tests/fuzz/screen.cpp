// SPDX-License-Identifier: MIT
// The screening matcher over the built-in checklists, on text in any encoding, line by line.
#include "fuzz_input.hpp"

#include <normdoc/error.hpp>
#include <normdoc/review/checklist.hpp>
#include <normdoc/review/screen.hpp>

#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  static const normdoc::review::Screener screener(normdoc::review::select_checklists("all"));
  std::istringstream in{std::string(normdoc::fuzz::as_text(data, size))};
  std::vector<normdoc::review::Finding> findings;
  try {
    normdoc::review::screen_stream(in, "fuzz.txt", screener, findings);
  } catch (const normdoc::Error&) {
  }
  for (const auto& finding : findings) {
    if (finding.line < 1 || finding.column < 1) {
      std::abort();
    }
  }
  return 0;
}
