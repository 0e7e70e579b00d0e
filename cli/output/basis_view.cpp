// SPDX-License-Identifier: MIT
#include "output/basis_view.hpp"

#include "output/table.hpp"

#include <normdoc/util/json.hpp>

#include <fmt/format.h>

namespace normdoc::cli {

std::string change_text(const basis::Change& change)
{
  return fmt::format("{}（{}）", basis::change_label(change.kind), change.date ? change.date->iso() : "日期不详");
}

std::string render_laws(const std::vector<basis::LawEntry>& laws, const RenderOptions& options)
{
  switch (options.format) {
  case Format::json: {
    util::JsonWriter json(2);
    json.begin_array();
    for (const auto& [law, cited_by, change] : laws) {
      json.begin_object()
        .member("name", law.name)
        .member("level", law.level)
        .member("category", law.category)
        .member("published", util::to_iso(law.published))
        .member("valid_from", util::to_iso(law.valid_from))
        .member("repealed", law.repealed)
        .member("cited_by", cited_by)
        .key("last_change");
      if (change) {
        json.begin_object()
          .member("kind", basis::change_key(change->kind))
          .member("date", util::to_iso(change->date))
          .member("recorded_on", change->recorded_on.iso())
          .member("source", change->source)
          .end_object();
      } else {
        json.null();
      }
      json.end_object();
    }
    json.end_array();
    return json.str() + "\n";
  }
  case Format::csv: {
    std::vector<std::vector<std::string>> rows;
    for (const auto& [law, cited_by, change] : laws) {
      rows.push_back(
        {law.name, law.level.value_or(""), law.category.value_or(""), util::to_iso(law.published).value_or(""),
         util::to_iso(law.valid_from).value_or(""), csv_flag(law.repealed, options), std::to_string(cited_by),
         change
           ? std::string(options.english_header ? basis::change_key(change->kind) : basis::change_label(change->kind))
           : "",
         change ? util::to_iso(change->date).value_or("") : ""});
    }
    return csv_of({{"name", "名称"},
                   {"level", "位阶"},
                   {"category", "类别"},
                   {"published", "最新文本日期"},
                   {"valid_from", "施行日期"},
                   {"repealed", "已废止"},
                   {"cited_by", "引用文件数"},
                   {"last_change", "最近变化"},
                   {"last_change_date", "变化日期"}},
                  rows, options);
  }
  default:
    break;
  }
  Table table({"名称", "位阶", "最新文本", "状态", "引用文件", "最近变化"});
  table.shorten_first(0);
  table.right_align(4);
  for (const auto& [law, cited_by, change] : laws) {
    table.add_row({law.name, law.level.value_or("-"), util::to_iso(law.published).value_or("-"),
                   law.repealed ? "已废止" : "现行有效", std::to_string(cited_by),
                   change ? change_text(*change) : "-"});
  }
  return table.render();
}

} // namespace normdoc::cli
