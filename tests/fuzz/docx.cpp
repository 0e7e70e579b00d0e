// SPDX-License-Identifier: MIT
// .docx extraction: a zip archive (libzip) holding word/document.xml (libxml2).
#include "fuzz_input.hpp"

#include <normdoc/error.hpp>
#include <normdoc/ingest/extract.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  try {
    (void)normdoc::ingest::docx_to_text(normdoc::fuzz::as_text(data, size));
  } catch (const normdoc::Error&) {
  }
  return 0;
}
