// SPDX-License-Identifier: MIT
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace normdoc::util {

// One value of an enumeration with its stable English key (JSON, flags) and its Chinese label
// (people). Tables of these replace hand-written switch statements in both directions; a
// module hands its table out as a `NamedTable` so that the CLI builds its choices, hints and
// refusals from it instead of spelling the keys again.
template<typename E> struct Named
{
  E value;
  std::string_view key;
  std::string_view label;
};

template<typename E> using NamedTable = std::span<const Named<E>>;

// The entry for `value`; the first entry when absent (tables list every value).
template<typename E> const Named<E>& named(NamedTable<E> table, E value)
{
  for (const auto& entry : table) {
    if (entry.value == value) {
      return entry;
    }
  }
  return table.front();
}

template<typename E, std::size_t N> const Named<E>& named(const std::array<Named<E>, N>& table, E value)
{
  return named(NamedTable<E>(table), value);
}

// The value whose key or label is `text`.
template<typename E> std::optional<E> parse_named(NamedTable<E> table, std::string_view text)
{
  for (const auto& entry : table) {
    if (entry.key == text || entry.label == text) {
      return entry.value;
    }
  }
  return std::nullopt;
}

template<typename E, std::size_t N>
std::optional<E> parse_named(const std::array<Named<E>, N>& table, std::string_view text)
{
  return parse_named(NamedTable<E>(table), text);
}

template<typename E> std::vector<std::string> named_keys(NamedTable<E> table)
{
  std::vector<std::string> keys;
  keys.reserve(table.size());
  for (const auto& entry : table) {
    keys.emplace_back(entry.key);
  }
  return keys;
}

template<typename E, std::size_t N> std::vector<std::string> named_keys(const std::array<Named<E>, N>& table)
{
  return named_keys(NamedTable<E>(table));
}

} // namespace normdoc::util
