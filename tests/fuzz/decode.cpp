// SPDX-License-Identifier: MIT
// The text decoder: UTF-8 with or without BOM, GB18030/GBK, and bytes that are neither.
#include "fuzz_input.hpp"

#include <normdoc/error.hpp>
#include <normdoc/util/encoding.hpp>
#include <normdoc/util/text.hpp>

#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  const auto bytes = normdoc::fuzz::as_text(data, size);
  if (const auto decoded = normdoc::util::decode_gb18030(bytes)) {
    if (normdoc::util::find_invalid_utf8(*decoded)) {
      std::abort();
    }
  }
  try {
    const auto text = normdoc::util::to_utf8(std::string(bytes), "fuzz.txt");
    if (normdoc::util::find_invalid_utf8(text)) {
      std::abort();
    }
  } catch (const normdoc::Error&) {
  }
  return 0;
}
