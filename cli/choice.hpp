// SPDX-License-Identifier: MIT
#pragma once

#include <normdoc/error.hpp>
#include <normdoc/util/named.hpp>

#include <CLI/CLI.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace normdoc::cli {

// The one refusal of a value outside a fixed set, whether CLI11 checked it while parsing
// (usage.cpp reads IsMember's English) or a command parsed it after (parse_choice): the value,
// the choices listed the Chinese way and the nearest one suggested, else `fallback_hint`.
UsageError refused_choice(std::string_view name, std::string_view value, const std::vector<std::string>& choices,
                          const std::string& fallback_hint);

// The value of `table` whose key (or Chinese label) `value` is; `name` (the flag or argument)
// names it in the refusal.
template<typename E> E parse_choice(util::NamedTable<E> table, std::string_view value, std::string_view name)
{
  if (const auto parsed = util::parse_named(table, value)) {
    return *parsed;
  }
  throw refused_choice(name, value, util::named_keys(table), "");
}

// An option taking one key of `table` into `target` (the value, or an optional of it); CLI11
// refuses any other word while parsing, said as refused_choice says it.
template<typename E, typename Target>
CLI::Option* add_choice_option(CLI::App* command, const std::string& name, Target& target, util::NamedTable<E> table,
                               const std::string& description)
{
  const std::vector<util::Named<E>> entries(table.begin(), table.end());
  return command
    ->add_option_function<std::string>(
      name,
      [&target, entries](const std::string& key) { target = *util::parse_named(util::NamedTable<E>(entries), key); },
      description)
    ->check(CLI::IsMember(util::named_keys(table)));
}

// The keys of `table` as a Chinese list for a help text: a、b 或 c.
template<typename E> std::string choice_list(util::NamedTable<E> table)
{
  std::string names;
  for (std::size_t i = 0; i < table.size(); ++i) {
    names += i == 0 ? "" : i + 1 == table.size() ? " 或 " : "、";
    names += table[i].key;
  }
  return names;
}

// The same with each key's Chinese label: a（甲）、b（乙）.
template<typename E> std::string labelled_choice_list(util::NamedTable<E> table)
{
  std::string names;
  for (const auto& entry : table) {
    names += names.empty() ? "" : "、";
    names += entry.key;
    names += "（";
    names += entry.label;
    names += "）";
  }
  return names;
}

} // namespace normdoc::cli
