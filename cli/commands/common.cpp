// SPDX-License-Identifier: MIT
#include "choice.hpp"
#include "commands/commands.hpp"
#include "output/document_view.hpp"
#include "output/terminal.hpp"

#include <normdoc/error.hpp>
#include <normdoc/util/file.hpp>

#include <CLI/CLI.hpp>

#include <iostream>

#include <unistd.h>

namespace normdoc::cli {

std::optional<std::string> given(const CLI::Option* option, const std::string& value)
{
  if (option->count() == 0) {
    return std::nullopt;
  }
  return value;
}

namespace {

[[noreturn]] void stdout_failed()
{
  throw OutputError("无法写入标准输出（磁盘已满或管道已关闭？）");
}

} // namespace

void print(const std::string& text)
{
  if (!write_paged(text)) {
    stdout_failed();
  }
}

void add_output_option(CLI::App* command, std::string& target)
{
  command->add_option("--output,-o", target, "写入此文件（docx 格式在终端上必须给出；默认标准输出）");
}

void emit(const std::string& rendered, Format format, const std::string& output)
{
  if (!output.empty() && output != "-") {
    util::PartialFile file(output);
    file.stream() << rendered;
    file.commit();
    return;
  }
  if (format != Format::docx) {
    print(rendered);
    return;
  }
  if (isatty(STDOUT_FILENO) != 0) {
    throw UsageError("Word 文件（docx）不能输出到终端：用 --output 文件名.docx 写入文件，或重定向到文件");
  }
  // Binary: never through a pager.
  std::cout << rendered << std::flush;
  if (!std::cout) {
    stdout_failed();
  }
}

RenderOptions printed_options(Context& ctx, Format format, util::Date as_of)
{
  RenderOptions options{format, as_of};
  options.office = ctx.config().office_name;
  options.printed_on = ctx.today();
  return options;
}

void add_format_option(CLI::App* command, Format& target, std::initializer_list<Format> offered)
{
  std::vector<util::Named<Format>> table;
  for (const Format format : offered) {
    table.push_back(util::named(formats(), format));
  }
  add_choice_option(command, "--format", target, util::NamedTable<Format>(table),
                    "输出格式：" + choice_list(util::NamedTable<Format>(table)));
}

void add_csv_options(CLI::App* command, CsvOptions& target)
{
  command->add_flag("--bom", target.bom, "CSV 前加 UTF-8 BOM（便于 Excel 打开）");
  command->add_option("--header", target.header, "CSV 表头：zh（中文，默认）或 en（英文键名，供脚本读取）")
    ->check(CLI::IsMember({"zh", "en"}));
}

void apply_document_change(Context& ctx, Format format, const DocumentChange& change)
{
  const registry::Registry registry(ctx.config());
  const audit::Stamp stamp = ctx.stamp();
  const registry::Document doc = write(ctx, [&](store::Transaction& txn) { return change(registry, txn, stamp); });
  print(render_document(doc, RenderOptions{format, ctx.today()}));
}

} // namespace normdoc::cli
