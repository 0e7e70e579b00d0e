// SPDX-License-Identifier: MIT
#include "output/format.hpp"

#include <array>

namespace normdoc::cli {

namespace {

constexpr std::array<util::Named<Format>, 9> k_formats{{
  {Format::table, "table", "表格"},
  {Format::text, "text", "文本"},
  {Format::json, "json", "JSON"},
  {Format::jsonl, "jsonl", "每行一个 JSON 对象"},
  {Format::csv, "csv", "CSV 表格"},
  {Format::ics, "ics", "iCalendar 日历"},
  {Format::md, "md", "Markdown"},
  {Format::html, "html", "可打印的网页"},
  {Format::docx, "docx", "Word 文件"},
}};

} // namespace

util::NamedTable<Format> formats()
{
  return k_formats;
}

std::string_view format_key(Format format)
{
  return util::named(formats(), format).key;
}

} // namespace normdoc::cli
