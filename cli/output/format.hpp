// SPDX-License-Identifier: MIT
#pragma once

#include <normdoc/util/named.hpp>

#include <string_view>

namespace normdoc::cli {

// The output formats. A new one is an entry here and in format.cpp's table (its `--format` key)
// and a branch in the renderers that offer it; `add_format_option` builds the choices, the
// help text and the refusal from the table.
enum class Format
{
  table,
  text,
  json,
  jsonl,
  csv,
  ics,
  md,
  html,
  docx
};

util::NamedTable<Format> formats();
std::string_view format_key(Format format);

} // namespace normdoc::cli
