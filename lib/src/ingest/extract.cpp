// SPDX-License-Identifier: MIT
#include <normdoc/ingest/extract.hpp>

#include "ingest/external.hpp"

#include <normdoc/error.hpp>
#include <normdoc/util/encoding.hpp>
#include <normdoc/util/file.hpp>
#include <normdoc/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <utility>
#include <vector>

namespace normdoc::ingest {

namespace {

std::string lower_extension(const std::filesystem::path& path)
{
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

} // namespace

Format format_of(const std::filesystem::path& path)
{
  static const std::vector<std::pair<std::string_view, Format>> k_extensions{
    {".txt", Format::text}, {".md", Format::text},   {".text", Format::text}, {".html", Format::html},
    {".htm", Format::html}, {".docx", Format::docx}, {".ofd", Format::ofd},   {".pdf", Format::pdf},
    {".doc", Format::doc},  {".wps", Format::doc},   {".wpt", Format::doc},   {".dot", Format::doc},
  };
  const std::string ext = lower_extension(path);
  for (const auto& [known, format] : k_extensions) {
    if (ext == known) {
      return format;
    }
  }
  throw DataError(ext.empty() ? "文件名没有扩展名，无法判断格式" : fmt::format("不支持的文件类型“{}”", ext),
                  Location{path.string(), 0, 0, {}}, "可读取 .txt .md .html .docx .doc .wps .pdf .ofd");
}

std::string_view format_key(Format format)
{
  switch (format) {
  case Format::text:
    return "text";
  case Format::html:
    return "html";
  case Format::docx:
    return "docx";
  case Format::ofd:
    return "ofd";
  case Format::pdf:
    return "pdf";
  case Format::doc:
    return "doc";
  }
  return "text";
}

void require_text_within_limit(std::uint64_t bytes, std::uint64_t max_bytes, const std::string& source)
{
  if (bytes > max_bytes) {
    throw DataError(fmt::format("全文有 {} MB，超过登记的上限 {} MB", bytes >> 20U, max_bytes >> 20U),
                    Location{source, 0, 0, "text"}, "确认是否选错了文件；确需登记时调高配置 limits.text_mb");
  }
}

Extracted extract(const std::filesystem::path& path, const ExtractOptions& options)
{
  const Format format = format_of(path);
  Extracted extracted;
  try {
    if (format == Format::pdf || format == Format::doc) {
      // The external readers open the file themselves: it is not read here as well.
      util::require_regular_file(path, "文件");
      if (std::filesystem::file_size(path) == 0) {
        throw DataError("文件为空");
      }
      if (format == Format::pdf) {
        extracted = read_pdf(path, options);
      } else {
        extracted.format = format;
        extracted.encoding = "libreoffice";
        extracted.text = read_with_libreoffice(path);
      }
    } else {
      if (format == Format::text && options.max_text_bytes) {
        util::require_regular_file(path, "文件");
        require_text_within_limit(std::filesystem::file_size(path), *options.max_text_bytes, path.string());
      }
      std::string bytes = util::read_file(path, "文件");
      if (util::trim(bytes).empty()) {
        throw DataError("文件为空");
      }
      extracted.format = format;
      extracted.encoding = format_key(format);
      switch (format) {
      case Format::text:
        extracted.encoding = util::find_invalid_utf8(bytes) ? "gb18030" : "utf-8";
        extracted.text = util::to_utf8(std::move(bytes), path.string());
        break;
      case Format::html:
      case Format::docx:
      case Format::ofd:
        extracted.text = read_in_module(format, bytes);
        break;
      case Format::doc:
      case Format::pdf:
        break;
      }
    }
    extracted.text.erase(std::remove(extracted.text.begin(), extracted.text.end(), '\r'), extracted.text.end());
  } catch (const DataError& e) {
    throw e.located(Location{path.string(), 0, 0, {}});
  }
  if (util::trim(extracted.text).empty()) {
    throw DataError(format == Format::pdf ? "PDF 中没有可提取的文字" : "没有可提取的文字",
                    Location{path.string(), 0, 0, {}});
  }
  if (options.max_text_bytes) {
    require_text_within_limit(extracted.text.size(), *options.max_text_bytes, path.string());
  }
  util::require_no_nul(extracted.text, path.string());
  return extracted;
}

} // namespace normdoc::ingest
