// SPDX-License-Identifier: MIT
// HTML extraction (libxml2's HTML parser, then our walk over the tree) and the metadata
// extractor on what comes out.
#include "fuzz_input.hpp"

#include <normdoc/error.hpp>
#include <normdoc/ingest/extract.hpp>
#include <normdoc/ingest/metadata.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  try {
    const auto text = normdoc::ingest::html_to_text(normdoc::fuzz::as_text(data, size));
    (void)normdoc::ingest::extract_metadata(text, "fuzz.html", {"暂行", "试行"});
  } catch (const normdoc::Error&) {
  }
  return 0;
}
