// SPDX-License-Identifier: MIT
#include "choice.hpp"

#include <normdoc/util/text.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace normdoc::cli {

UsageError refused_choice(std::string_view name, std::string_view value, const std::vector<std::string>& choices,
                          const std::string& fallback_hint)
{
  const auto suggestion = util::closest_match(value, choices);
  return UsageError(fmt::format("{} 的取值“{}”无效，可选：{}", name, value, fmt::join(choices, "、")),
                    suggestion ? fmt::format("是否想用 {}？", *suggestion) : fallback_hint);
}

} // namespace normdoc::cli
