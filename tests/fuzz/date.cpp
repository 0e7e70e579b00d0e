// SPDX-License-Identifier: MIT
// The date and period parsers: ISO dates, 2024年8月14日, 二〇二四年八月十四日, 30d/15wd/6m/5y.
#include "fuzz_input.hpp"

#include <normdoc/error.hpp>
#include <normdoc/ingest/metadata.hpp>
#include <normdoc/util/date.hpp>
#include <normdoc/util/duration.hpp>

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  const auto text = normdoc::fuzz::as_text(data, size);
  try {
    const auto date = normdoc::util::Date::parse(text);
    // Every accepted date prints as an ISO date that parses back to the same day.
    if (normdoc::util::Date::parse(date.iso()) != date) {
      std::abort();
    }
  } catch (const normdoc::Error&) {
  }
  try {
    (void)normdoc::util::Duration::parse(text);
  } catch (const normdoc::Error&) {
  }
  (void)normdoc::ingest::parse_chinese_date(text);
  return 0;
}
