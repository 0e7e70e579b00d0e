// SPDX-License-Identifier: MIT
// The 文号 parser: brackets of every width, full-width digits, anything a user types.
#include "fuzz_input.hpp"

#include <normdoc/error.hpp>
#include <normdoc/registry/doc_no.hpp>

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  try {
    const auto parsed = normdoc::registry::DocNo::parse(normdoc::fuzz::as_text(data, size));
    // What the parser accepts, it must accept again in its normal form, unchanged.
    const auto again = normdoc::registry::DocNo::parse(parsed.canonical());
    if (again.canonical() != parsed.canonical()) {
      std::abort();
    }
  } catch (const normdoc::Error&) {
  }
  return 0;
}
