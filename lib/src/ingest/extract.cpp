// SPDX-License-Identifier: MIT
#include <normdoc/ingest/extract.hpp>

#include <normdoc/error.hpp>
#include <normdoc/util/encoding.hpp>
#include <normdoc/util/file.hpp>
#include <normdoc/util/text.hpp>

#include <fmt/format.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <zip.h>

#include <algorithm>
#include <array>
#include <memory>

namespace normdoc::ingest {

namespace {

struct FreeDoc
{
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using XmlDoc = std::unique_ptr<xmlDoc, FreeDoc>;

std::string_view name_of(const xmlNode* node)
{
  return node->name ? std::string_view(reinterpret_cast<const char*>(node->name)) : std::string_view();
}

bool is_block(std::string_view name)
{
  static constexpr std::array<std::string_view, 28> k_blocks{
    "p",  "div", "br", "h1", "h2",  "h3",      "h4",     "h5",      "h6",     "li",   "ul",      "ol",    "tr", "table",
    "td", "th",  "dd", "dt", "pre", "section", "article", "header", "footer", "main", "address", "title", "hr", "blockquote"};
  return std::find(k_blocks.begin(), k_blocks.end(), name) != k_blocks.end();
}

bool is_skipped(std::string_view name)
{
  return name == "script" || name == "style" || name == "noscript" || name == "template";
}

// Runs of whitespace inside a text node become one space (HTML source wraps lines freely).
void append_collapsed(std::string& out, std::string_view text)
{
  bool space = false;
  for (const char c : text) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f') {
      space = true;
      continue;
    }
    if (space && !out.empty() && out.back() != '\n' && out.back() != ' ') {
      out += ' ';
    }
    space = false;
    out += c;
  }
}

void walk_html(const xmlNode* node, std::string& out)
{
  for (; node; node = node->next) {
    if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
      append_collapsed(out, reinterpret_cast<const char*>(node->content));
      continue;
    }
    if (node->type != XML_ELEMENT_NODE || is_skipped(name_of(node))) {
      continue;
    }
    const bool block = is_block(name_of(node));
    if (block && !out.empty() && out.back() != '\n') {
      out += '\n';
    }
    walk_html(node->children, out);
    if (block && !out.empty() && out.back() != '\n') {
      out += '\n';
    }
  }
}

// Lines trimmed (ASCII and ideographic spaces kept inside), blank runs reduced to none.
std::string tidy_lines(const std::string& text)
{
  std::string out;
  for (const auto& line : util::split(text, '\n')) {
    const std::string_view trimmed = util::trim(line);
    if (!trimmed.empty()) {
      out.append(trimmed).append("\n");
    }
  }
  return out;
}

void walk_docx(const xmlNode* node, std::string& out)
{
  for (; node; node = node->next) {
    if (node->type != XML_ELEMENT_NODE) {
      continue;
    }
    const std::string_view name = name_of(node);
    if (name == "t" || name == "delText") {
      if (name == "t" && node->children && node->children->content) {
        out += reinterpret_cast<const char*>(node->children->content);
      }
      continue;
    }
    if (name == "tab") {
      out += '\t';
    } else if (name == "br" || name == "cr") {
      out += '\n';
    }
    walk_docx(node->children, out);
    if (name == "p") {
      out += '\n';
    }
  }
}

std::string lower_extension(const std::filesystem::path& path)
{
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

} // namespace

Format format_of(const std::filesystem::path& path)
{
  const std::string ext = lower_extension(path);
  if (ext == ".txt" || ext == ".md" || ext == ".text") {
    return Format::text;
  }
  if (ext == ".html" || ext == ".htm") {
    return Format::html;
  }
  if (ext == ".docx") {
    return Format::docx;
  }
  throw DataError(ext == ".doc" ? "不支持旧版 Word（.doc）文件" : fmt::format("不支持的文件类型“{}”", ext),
                  Location{path.string(), 0, 0, {}},
                  ext == ".doc" ? "在 Word 或 WPS 中另存为 .docx 后再导入" : "可导入 .txt、.md、.html、.docx");
}

std::string html_to_text(std::string_view html)
{
  constexpr int k_options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                            HTML_PARSE_NOBLANKS;
  const XmlDoc doc(htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, nullptr, k_options));
  if (!doc) {
    throw DataError("无法解析的 HTML");
  }
  std::string out;
  walk_html(xmlDocGetRootElement(doc.get()), out);
  return tidy_lines(out);
}

std::string docx_to_text(std::string_view bytes)
{
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* archive = source ? zip_open_from_source(source, ZIP_RDONLY, &error) : nullptr;
  if (!archive) {
    if (source) {
      zip_source_free(source);
    }
    const std::string why = zip_error_strerror(&error);
    zip_error_fini(&error);
    throw DataError(fmt::format("不是有效的 .docx 文件（{}）", why));
  }
  const std::unique_ptr<zip_t, int (*)(zip_t*)> closing(archive, zip_close);
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat(archive, "word/document.xml", 0, &stat) != 0 || (stat.valid & ZIP_STAT_SIZE) == 0) {
    throw DataError(".docx 中没有正文部分（word/document.xml）");
  }
  // The text of a normative document is a few megabytes of XML at most; a larger part is a
  // damaged archive or a zip bomb. The size in the archive's directory is not trusted for the
  // allocation: the part is read in pieces, so a forged size costs nothing.
  constexpr zip_uint64_t k_max_document_xml = 256U << 20U;
  if (stat.size > k_max_document_xml) {
    throw DataError(".docx 的正文部分超过 256 MB，不像是一份文件的正文");
  }
  const std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> file(zip_fopen(archive, "word/document.xml", 0),
                                                               zip_fclose);
  std::string xml;
  std::array<char, 65536> piece{};
  zip_int64_t read = 0;
  while (file && (read = zip_fread(file.get(), piece.data(), piece.size())) > 0 && xml.size() <= stat.size) {
    xml.append(piece.data(), static_cast<std::size_t>(read));
  }
  if (!file || read < 0 || xml.size() != stat.size) {
    throw DataError(".docx 的正文部分已损坏");
  }
  const XmlDoc doc(xmlReadMemory(xml.data(), static_cast<int>(xml.size()), nullptr, nullptr,
                                 XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
  if (!doc) {
    throw DataError(".docx 的正文部分不是有效的 XML");
  }
  std::string out;
  walk_docx(xmlDocGetRootElement(doc.get()), out);
  return tidy_lines(out);
}

Extracted extract(const std::filesystem::path& path)
{
  const Format format = format_of(path);
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    throw DataError("是目录，不是文件", Location{path.string(), 0, 0, {}});
  }
  std::string bytes = util::read_file(path, "文件");
  if (util::trim(bytes).empty()) {
    throw DataError("文件为空", Location{path.string(), 0, 0, {}});
  }
  Extracted extracted;
  extracted.format = format;
  try {
    switch (format) {
    case Format::text:
      extracted.encoding = util::find_invalid_utf8(bytes) ? "gb18030" : "utf-8";
      extracted.text = util::to_utf8(std::move(bytes), path.string());
      extracted.text.erase(std::remove(extracted.text.begin(), extracted.text.end(), '\r'), extracted.text.end());
      break;
    case Format::html:
      extracted.encoding = "html";
      extracted.text = html_to_text(bytes);
      break;
    case Format::docx:
      extracted.encoding = "docx";
      extracted.text = docx_to_text(bytes);
      break;
    }
  } catch (const DataError& e) {
    throw e.located(Location{path.string(), 0, 0, {}});
  }
  if (util::trim(extracted.text).empty()) {
    throw DataError("没有可提取的文字", Location{path.string(), 0, 0, {}});
  }
  return extracted;
}

} // namespace normdoc::ingest
