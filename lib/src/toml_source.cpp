// SPDX-License-Identifier: MIT
#include "toml_source.hpp"

#include <fmt/format.h>

namespace normdoc {

toml::table parse_toml(std::string_view text, const std::string& source)
{
  try {
    return toml::parse(text, source);
  } catch (const toml::parse_error& e) {
    throw DataError(
      fmt::format("TOML 语法错误：{}", e.description()),
      Location{source, static_cast<int>(e.source().begin.line), static_cast<int>(e.source().begin.column), {}});
  }
}

Location location_of(const toml::node& node, const std::string& source, std::string_view field)
{
  return Location{source, static_cast<int>(node.source().begin.line), static_cast<int>(node.source().begin.column),
                  std::string(field)};
}

} // namespace normdoc
