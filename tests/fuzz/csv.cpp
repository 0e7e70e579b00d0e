// SPDX-License-Identifier: MIT
// The CSV reader behind cleanup import, basis import and import --meta.
#include "fuzz_input.hpp"

#include <normdoc/error.hpp>
#include <normdoc/util/csv.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  try {
    (void)normdoc::util::parse_csv(normdoc::fuzz::as_text(data, size), "fuzz.csv");
  } catch (const normdoc::Error&) {
  }
  return 0;
}
