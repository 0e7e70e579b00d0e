// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>

namespace normdoc::audit {

// An event's payload said in one Chinese line for people (`log`'s 内容 column): each field
// with its Chinese name, codes with their labels (keep → 继续有效, passed → 通过), nulls
// left out, hashes shortened. The JSON itself stays what `log --format json` shows.
std::string summarize(std::string_view kind, std::string_view payload);

} // namespace normdoc::audit
