// SPDX-License-Identifier: MIT
// The readers that need libxml2 and libzip: HTML, .docx and (ofd.cpp) OFD. They are linked
// into the normdoc-readers module, which normdoc loads when it first reads such a file
// (external.cpp), so that these libraries are not loaded at every command's start.
#include "ingest/readers.hpp"
#include "ingest/zip_part.hpp"

#include <normdoc/error.hpp>
#include <normdoc/ingest/extract.hpp>
#include <normdoc/util/encoding.hpp>
#include <normdoc/util/text.hpp>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>

#include <algorithm>
#include <array>
#include <limits>
#include <memory>
#include <new>

namespace normdoc::ingest {

namespace {

bool is_block(std::string_view name)
{
  static constexpr std::array<std::string_view, 28> k_blocks{
    "p",       "div",    "br",     "h1",    "h2",      "h3",    "h4", "h5",        "h6",  "li",
    "ul",      "ol",     "tr",     "table", "td",      "th",    "dd", "dt",        "pre", "section",
    "article", "header", "footer", "main",  "address", "title", "hr", "blockquote"};
  return std::find(k_blocks.begin(), k_blocks.end(), name) != k_blocks.end();
}

bool is_skipped(std::string_view name)
{
  return name == "script" || name == "style" || name == "noscript" || name == "template";
}

// The text being produced, a line at a time. A line left blank is dropped as soon as it
// ends, so a file of millions of empty paragraphs produces (and holds) nothing.
class LineSink
{
public:
  // `keep_blank`: an empty paragraph leaves one blank line (a Word file spaces a header off the
  // title with them, as a page does with blank lines); HTML's empty blocks are markup and go.
  explicit LineSink(bool keep_blank = false) : m_keep_blank(keep_blank) {}
  void append(std::string_view text) { m_out.append(text); }
  void append(char c) { m_out += c; }
  void end_line()
  {
    if (util::trim(std::string_view(m_out).substr(m_line_start)).empty()) {
      m_out.resize(m_line_start);
      if (m_keep_blank && !m_out.empty() && !m_out.ends_with("\n\n")) {
        m_out += '\n';
        m_line_start = m_out.size();
      }
      return;
    }
    m_out += '\n';
    m_line_start = m_out.size();
  }
  bool at_line_start() const { return m_out.size() == m_line_start; }
  bool ends_with_space() const { return !m_out.empty() && m_out.back() == ' '; }
  // Lines trimmed (ASCII and ideographic spaces kept inside), blank ones gone.
  std::string finish()
  {
    end_line();
    std::string out;
    out.reserve(m_out.size());
    for (const auto& line : util::split(m_out, '\n')) {
      const std::string_view trimmed = util::trim(line);
      if (!trimmed.empty() || (m_keep_blank && !out.empty() && !out.ends_with("\n\n"))) {
        out.append(trimmed).append("\n");
      }
    }
    if (out.ends_with("\n\n")) {
      out.pop_back();
    }
    return out;
  }

private:
  bool m_keep_blank;
  std::string m_out;
  std::size_t m_line_start = 0;
};

// HTML is read through SAX callbacks, not into a tree: memory stays with the text produced
// however large or deeply nested the page, and no text node is cut at libxml2's tree limits.
struct HtmlState
{
  LineSink sink;
  int skipped_depth = 0; // inside script, style, …
  bool space = false;    // whitespace seen and not yet written
};

HtmlState& html_state(void* context)
{
  return *static_cast<HtmlState*>(static_cast<xmlParserCtxt*>(context)->_private);
}

void html_start(void* context, const xmlChar* name, const xmlChar** /*attributes*/)
{
  HtmlState& state = html_state(context);
  if (is_skipped(as_view(name))) {
    ++state.skipped_depth;
  } else if (state.skipped_depth == 0 && is_block(as_view(name))) {
    state.sink.end_line();
    state.space = false;
  }
}

void html_end(void* context, const xmlChar* name)
{
  HtmlState& state = html_state(context);
  if (is_skipped(as_view(name))) {
    state.skipped_depth = std::max(0, state.skipped_depth - 1);
  } else if (state.skipped_depth == 0 && is_block(as_view(name))) {
    state.sink.end_line();
    state.space = false;
  }
}

// Runs of whitespace become one space (HTML source wraps lines freely).
void html_characters(void* context, const xmlChar* text, int length)
{
  HtmlState& state = html_state(context);
  if (state.skipped_depth > 0) {
    return;
  }
  for (const char c : std::string_view(reinterpret_cast<const char*>(text), static_cast<std::size_t>(length))) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f') {
      state.space = true;
      continue;
    }
    if (state.space && !state.sink.at_line_start() && !state.sink.ends_with_space()) {
      state.sink.append(' ');
    }
    state.space = false;
    state.sink.append(c);
  }
}

// Whether the page says what it is encoded in (a meta charset or an XML declaration).
bool declares_charset(std::string_view html)
{
  std::string head(html.substr(0, 4096));
  std::transform(head.begin(), head.end(), head.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return head.find("charset") != std::string::npos || head.find("encoding=") != std::string::npos;
}

struct FreeParser
{
  void operator()(xmlParserCtxt* ctxt) const { htmlFreeParserCtxt(ctxt); }
};

// Paragraph text of word/document.xml, walked as a stream of nodes (no tree): w:t runs,
// w:tab, w:br/w:cr and the end of each w:p. Deleted text (w:delText) is left out.
class DocxWalker
{
public:
  void operator()(xmlTextReader* reader)
  {
    const int type = xmlTextReaderNodeType(reader);
    const std::string_view name = as_view(xmlTextReaderConstLocalName(reader));
    if (type == XML_READER_TYPE_ELEMENT) {
      const bool empty = xmlTextReaderIsEmptyElement(reader) == 1;
      if (name == "t") {
        m_in_text = !empty;
      } else if (name == "tab") {
        m_sink.append('\t');
      } else if (name == "br" || name == "cr" || (name == "p" && empty)) {
        m_sink.end_line();
      }
    } else if (type == XML_READER_TYPE_END_ELEMENT) {
      if (name == "t") {
        m_in_text = false;
      } else if (name == "p") {
        m_sink.end_line();
      }
    } else if (m_in_text && (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
                             type == XML_READER_TYPE_WHITESPACE || type == XML_READER_TYPE_CDATA)) {
      m_sink.append(as_view(xmlTextReaderConstValue(reader)));
    }
  }
  std::string finish() { return m_sink.finish(); }

private:
  LineSink m_sink{true};
  bool m_in_text = false;
};

} // namespace

std::string html_to_text(std::string_view html)
{
  // A page saved as GBK without saying so would be read as Latin-1: decoded first, like a
  // text file.
  std::string decoded;
  if (util::find_invalid_utf8(html) && !declares_charset(html)) {
    decoded = util::to_utf8(std::string(html), {});
    html = decoded;
  }
  if (html.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
    throw DataError("HTML 文件过大");
  }
  // As htmlReadMemory sets it up (htmlCreateMemoryParserCtxt would read UTF-8 as Latin-1).
  const std::unique_ptr<xmlParserCtxt, FreeParser> ctxt(
    xmlCreateMemoryParserCtxt(html.data(), static_cast<int>(html.size())));
  if (!ctxt || !ctxt->sax) {
    throw DataError("无法解析的 HTML");
  }
  // Only the callbacks below: no tree is built.
  *ctxt->sax = htmlSAXHandler{};
  ctxt->sax->initialized = 1;
  ctxt->sax->startElement = html_start;
  ctxt->sax->endElement = html_end;
  ctxt->sax->characters = html_characters;
  ctxt->sax->cdataBlock = html_characters;
  HtmlState state;
  ctxt->_private = &state;
  htmlCtxtUseOptions(ctxt.get(), HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                                   HTML_PARSE_NOBLANKS | XML_PARSE_HUGE);
  htmlParseDocument(ctxt.get());
  if (ctxt->disableSAX != 0) {
    // The parser stopped before the end (a resource limit): refused rather than cut.
    throw DataError("HTML 无法完整解析（在中途停止），拒绝只登记前一部分");
  }
  return state.sink.finish();
}

std::string docx_to_text(std::string_view bytes)
{
  const ZipPackage package(bytes, ".docx");
  if (!package.has("word/document.xml")) {
    throw DataError(".docx 中没有正文部分（word/document.xml）");
  }
  DocxWalker walker;
  package.walk("word/document.xml", walker);
  return walker.finish();
}

} // namespace normdoc::ingest

extern "C" int normdoc_readers_convert_v1(normdoc::ingest::Conversion* conversion)
{
  using namespace normdoc;
  using namespace normdoc::ingest;
  try {
    switch (conversion->format) {
    case Format::html:
      conversion->text = html_to_text(conversion->bytes);
      break;
    case Format::docx:
      conversion->text = docx_to_text(conversion->bytes);
      break;
    case Format::ofd:
      conversion->text = ofd_to_text(conversion->bytes);
      break;
    case Format::text:
    case Format::pdf:
    case Format::doc:
      conversion->error = "读取模块不读取此格式";
      return static_cast<int>(ConversionStatus::failed);
    }
  } catch (const DataError& e) {
    conversion->error = e.what();
    conversion->hint = e.hint();
    return static_cast<int>(ConversionStatus::data_error);
  } catch (const std::bad_alloc&) {
    return static_cast<int>(ConversionStatus::out_of_memory);
  } catch (const std::exception& e) {
    conversion->error = e.what();
    return static_cast<int>(ConversionStatus::failed);
  }
  return static_cast<int>(ConversionStatus::ok);
}
