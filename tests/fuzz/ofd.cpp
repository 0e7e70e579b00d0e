// SPDX-License-Identifier: MIT
// OFD extraction: a zip package (libzip) of XML parts (libxml2) naming each other, and the
// layout of its text pieces into lines.
#include "fuzz_input.hpp"

#include <normdoc/error.hpp>
#include <normdoc/ingest/extract.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  try {
    (void)normdoc::ingest::ofd_to_text(normdoc::fuzz::as_text(data, size));
  } catch (const normdoc::Error&) {
  }
  return 0;
}
