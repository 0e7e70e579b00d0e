// SPDX-License-Identifier: MIT
// OFD (GB/T 33190-2016), the format of electronic official documents: a zip package whose
// OFD.xml names each document's Document.xml, which lists the pages; a page's Content.xml
// places text objects (TextObject, Boundary "x y w h" in millimetres) holding text codes
// (TextCode, X and Y relative to the object's box). Text is read by position: codes on one
// baseline form a line, left to right, lines top to bottom.
#include <normdoc/ingest/extract.hpp>

#include "ingest/layout.hpp"
#include "ingest/zip_part.hpp"

#include <normdoc/error.hpp>
#include <normdoc/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>

namespace normdoc::ingest {

namespace {

std::string attribute(xmlTextReader* reader, const char* name)
{
  xmlChar* value = xmlTextReaderGetAttribute(reader, reinterpret_cast<const xmlChar*>(name));
  std::string out(as_view(value));
  xmlFree(value);
  return out;
}

// The numbers of an attribute such as Boundary="10 20.5 100 5": what parses, in order.
std::vector<double> numbers(std::string_view text)
{
  std::vector<double> out;
  for (const auto& word : util::split(text, ' ')) {
    double value = 0;
    const std::string_view w = util::trim(word);
    if (!w.empty() && std::from_chars(w.data(), w.data() + w.size(), value).ec == std::errc()) {
      out.push_back(value);
    }
  }
  return out;
}

// A path inside the package, as a part names another: "/Doc_0/…" from the root, otherwise
// from the referring part's folder. Some producers write root paths without the slash, so a
// relative path not found is tried from the root.
std::string resolve(const ZipPackage& package, const std::string& from, std::string target)
{
  std::replace(target.begin(), target.end(), '\\', '/');
  if (!target.empty() && target.front() == '/') {
    return target.substr(1);
  }
  std::vector<std::string> parts;
  const std::size_t slash = from.rfind('/');
  for (const auto& part : util::split(slash == std::string::npos ? "" : from.substr(0, slash), '/')) {
    if (!part.empty()) {
      parts.emplace_back(part);
    }
  }
  for (const auto& part : util::split(target, '/')) {
    if (part == "..") {
      if (!parts.empty()) {
        parts.pop_back();
      }
    } else if (!part.empty() && part != ".") {
      parts.emplace_back(part);
    }
  }
  std::string path;
  for (const auto& part : parts) {
    path += (path.empty() ? "" : "/") + part;
  }
  return package.has(path) || !package.has(target) ? path : target;
}

// The text of the first element named `name` in a part.
std::string first_text(const ZipPackage& package, const std::string& part, std::string_view name)
{
  std::string found;
  bool inside = false;
  package.walk(part, [&](xmlTextReader* reader) {
    const int type = xmlTextReaderNodeType(reader);
    if (type == XML_READER_TYPE_ELEMENT && found.empty() && as_view(xmlTextReaderConstLocalName(reader)) == name) {
      inside = xmlTextReaderIsEmptyElement(reader) == 0;
    } else if (type == XML_READER_TYPE_END_ELEMENT) {
      inside = false;
    } else if (inside && type == XML_READER_TYPE_TEXT) {
      found += util::trim(as_view(xmlTextReaderConstValue(reader)));
    }
  });
  return found;
}

struct Piece
{
  double y = 0; // baseline, mm from the top
  double x = 0;
  double size = 0;
  std::string text;
};

std::vector<Piece> pieces_of(const ZipPackage& package, const std::string& part)
{
  std::vector<Piece> pieces;
  std::vector<double> box{0, 0, 0, 0};
  double size = 0;
  double code_x = 0;
  double code_y = 0;
  bool in_code = false;
  package.walk(part, [&](xmlTextReader* reader) {
    const int type = xmlTextReaderNodeType(reader);
    const std::string_view name = as_view(xmlTextReaderConstLocalName(reader));
    if (type == XML_READER_TYPE_ELEMENT && name == "TextObject") {
      box = numbers(attribute(reader, "Boundary"));
      box.resize(4, 0);
      const std::vector<double> sizes = numbers(attribute(reader, "Size"));
      size = sizes.empty() ? 0 : sizes.front();
      code_x = 0;
      code_y = 0;
    } else if (type == XML_READER_TYPE_ELEMENT && name == "TextCode") {
      // X and Y may be left out after the first code: they continue from the previous one.
      if (const auto x = numbers(attribute(reader, "X")); !x.empty()) {
        code_x = x.front();
      }
      if (const auto y = numbers(attribute(reader, "Y")); !y.empty()) {
        code_y = y.front();
      }
      in_code = xmlTextReaderIsEmptyElement(reader) == 0;
      if (in_code) {
        pieces.push_back(Piece{box[1] + code_y, box[0] + code_x, size, {}});
      }
    } else if (type == XML_READER_TYPE_END_ELEMENT && name == "TextCode") {
      in_code = false;
    } else if (in_code && (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
                           type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE)) {
      pieces.back().text += as_view(xmlTextReaderConstValue(reader));
    }
  });
  return pieces;
}

// Pieces on (nearly) one baseline make a line: within half a character's height.
std::vector<std::string> lines_of(std::vector<Piece> pieces)
{
  std::stable_sort(pieces.begin(), pieces.end(), [](const Piece& a, const Piece& b) { return a.y < b.y; });
  std::vector<std::string> lines;
  std::size_t begin = 0;
  while (begin < pieces.size()) {
    const double tolerance = std::max(1.0, pieces[begin].size / 2);
    std::size_t end = begin + 1;
    while (end < pieces.size() && pieces[end].y - pieces[begin].y <= tolerance) {
      ++end;
    }
    std::stable_sort(pieces.begin() + static_cast<std::ptrdiff_t>(begin),
                     pieces.begin() + static_cast<std::ptrdiff_t>(end),
                     [](const Piece& a, const Piece& b) { return a.x < b.x; });
    std::string line;
    for (std::size_t i = begin; i < end; ++i) {
      line += pieces[i].text;
    }
    lines.push_back(std::move(line));
    begin = end;
  }
  return lines;
}

} // namespace

std::string ofd_to_text(std::string_view bytes)
{
  const ZipPackage package(bytes, "OFD");
  if (!package.has("OFD.xml")) {
    throw DataError("OFD 中没有入口文件 OFD.xml");
  }
  const std::string root = first_text(package, "OFD.xml", "DocRoot");
  if (root.empty()) {
    throw DataError("OFD.xml 没有指明文档（DocRoot）");
  }
  const std::string document = resolve(package, "OFD.xml", root);
  std::vector<std::string> page_parts;
  package.walk(document, [&](xmlTextReader* reader) {
    if (xmlTextReaderNodeType(reader) == XML_READER_TYPE_ELEMENT &&
        as_view(xmlTextReaderConstLocalName(reader)) == "Page") {
      if (const std::string base = attribute(reader, "BaseLoc"); !base.empty()) {
        page_parts.push_back(resolve(package, document, base));
      }
    }
  });
  PageLines pages;
  for (const auto& part : page_parts) {
    pages.push_back(lines_of(pieces_of(package, part)));
  }
  return text_of_pages(pages);
}

} // namespace normdoc::ingest
