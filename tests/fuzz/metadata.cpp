// SPDX-License-Identifier: MIT
// The metadata extractor on plain text: title, 文号, issuer, dates, trial flag, citations.
#include "fuzz_input.hpp"

#include <normdoc/basis/citation.hpp>
#include <normdoc/error.hpp>
#include <normdoc/ingest/metadata.hpp>
#include <normdoc/util/text.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  const auto text = normdoc::fuzz::as_text(data, size);
  // The importer decodes first; the extractors only ever see valid UTF-8.
  if (normdoc::util::find_invalid_utf8(text)) {
    return 0;
  }
  try {
    (void)normdoc::ingest::extract_metadata(text, "fuzz.txt", {"暂行", "试行"});
    (void)normdoc::basis::extract_citations(text);
  } catch (const normdoc::Error&) {
  }
  return 0;
}
