// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>

namespace normdoc::registry {

// A 文号 such as `济示文旅〔2024〕5号`: issuer code, year, sequence number.
struct DocNo
{
  std::string agency;
  int year = 0;
  int number = 0;

  // Canonical form: 〔〕 brackets, half-width digits, no spaces, no leading zeros, no 第.
  std::string canonical() const;

  // Accepts [2024], （2024）, (2024), 【2024】, ［2024］, full-width digits, stray spaces and
  // 第5号. Throws DataError showing the expected shape when `text` is not a 文号.
  static DocNo parse(std::string_view text);
};

} // namespace normdoc::registry
