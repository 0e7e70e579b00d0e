// SPDX-License-Identifier: MIT
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace normdoc::util {

// One value of an enumeration with its stable English key (JSON, flags) and its Chinese label
// (people). Tables of these replace hand-written switch statements in both directions.
template<typename E> struct Named
{
  E value;
  std::string_view key;
  std::string_view label;
};

// The entry for `value`; the first entry when absent (tables list every value).
template<typename E, std::size_t N> const Named<E>& named(const std::array<Named<E>, N>& table, E value)
{
  for (const auto& entry : table) {
    if (entry.value == value) {
      return entry;
    }
  }
  return table.front();
}

// The value whose key or label is `text`.
template<typename E, std::size_t N> std::optional<E> parse_named(const std::array<Named<E>, N>& table, std::string_view text)
{
  for (const auto& entry : table) {
    if (entry.key == text || entry.label == text) {
      return entry.value;
    }
  }
  return std::nullopt;
}

template<typename E, std::size_t N> std::vector<std::string> named_keys(const std::array<Named<E>, N>& table)
{
  std::vector<std::string> keys;
  keys.reserve(N);
  for (const auto& entry : table) {
    keys.emplace_back(entry.key);
  }
  return keys;
}

} // namespace normdoc::util
