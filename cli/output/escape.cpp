// SPDX-License-Identifier: MIT
#include "output/escape.hpp"

#include <normdoc/util/text.hpp>

#include <fmt/format.h>

namespace normdoc::cli {

namespace {

// Valid UTF-8 `text`, controls escaped.
void append_visible(std::string& out, std::string_view text, Newlines newlines)
{
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte == '\n') {
      out += newlines == Newlines::keep ? "\n" : "\\n";
    } else if (byte < 0x20 || byte == 0x7F) {
      out += fmt::format("\\x{:02X}", byte);
    } else if (byte == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) < 0xA0) {
      // U+0080–U+009F are the two bytes C2 80 … C2 9F.
      out += fmt::format("\\u{:04X}", static_cast<unsigned char>(text[i + 1]));
      ++i;
    } else {
      out += text[i];
    }
  }
}

bool is_plain_number(std::string_view field)
{
  std::size_t i = field.front() == '-' || field.front() == '+' ? 1 : 0;
  bool digits = false;
  bool point = false;
  for (; i < field.size(); ++i) {
    if (field[i] >= '0' && field[i] <= '9') {
      digits = true;
    } else if (field[i] == '.' && !point && digits) {
      point = true;
    } else {
      return false;
    }
  }
  return digits && field.back() != '.';
}

// The entity of & < >, which neither an HTML nor a Markdown page may get from a value.
const char* markup_entity(char c)
{
  switch (c) {
  case '&':
    return "&amp;";
  case '<':
    return "&lt;";
  case '>':
    return "&gt;";
  default:
    return nullptr;
  }
}

} // namespace

std::string terminal_text(std::string_view text, Newlines newlines)
{
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    const std::size_t valid = util::find_invalid_utf8(text).value_or(text.size());
    append_visible(out, text.substr(0, valid), newlines);
    if (valid < text.size()) {
      out += fmt::format("\\x{:02X}", static_cast<unsigned char>(text[valid]));
      text.remove_prefix(valid + 1);
    } else {
      text = {};
    }
  }
  return out;
}

std::string csv_field(std::string_view field)
{
  std::string cell;
  if (!field.empty() && std::string_view("=+-@\t\r").find(field.front()) != std::string_view::npos &&
      !is_plain_number(field)) {
    cell = "'";
  }
  cell += field;
  if (cell.find_first_of(",\"\r\n") == std::string::npos) {
    return cell;
  }
  std::string out = "\"";
  for (const char ch : cell) {
    if (ch == '"') {
      out += '"';
    }
    out += ch;
  }
  return out + '"';
}

std::string ics_text(std::string_view text)
{
  std::string lines;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      lines += '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n') {
        ++i;
      }
    } else {
      lines += text[i];
    }
  }
  std::string out;
  for (const char ch : terminal_text(lines)) {
    if (ch == '\\' || ch == ';' || ch == ',') {
      out += '\\';
      out += ch;
    } else if (ch == '\n') {
      out += "\\n";
    } else {
      out += ch;
    }
  }
  return out;
}

std::string xml_text(std::string_view text)
{
  constexpr std::string_view replacement = "\xEF\xBF\xBD"; // U+FFFD
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    const std::size_t valid = util::find_invalid_utf8(text).value_or(text.size());
    const std::string_view good = text.substr(0, valid);
    for (std::size_t i = 0; i < good.size(); ++i) {
      const char c = good[i];
      if (const char* entity = markup_entity(c)) {
        out += entity;
      } else if (c == '"') {
        out += "&quot;";
      } else if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n') {
        continue;
      } else if (good.substr(i, 3) == "\xEF\xBF\xBE" || good.substr(i, 3) == "\xEF\xBF\xBF") {
        i += 2; // U+FFFE, U+FFFF: not characters in XML 1.0
      } else {
        out += c;
      }
    }
    if (valid < text.size()) {
      out += replacement;
      text.remove_prefix(valid + 1);
    } else {
      text = {};
    }
  }
  return out;
}

std::string html_text(std::string_view text)
{
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    if (const char* entity = markup_entity(c)) {
      out += entity;
    } else if (c == '"') {
      out += "&quot;";
    } else if (c == '\'') {
      out += "&#39;";
    } else if (c == '\n') {
      out += "<br>";
    } else {
      out += c;
    }
  }
  return out;
}

std::string markdown_text(std::string_view text)
{
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    if (const char* entity = markup_entity(c)) {
      out += entity;
      continue;
    }
    if (std::string_view("\\`*_[]|").find(c) != std::string_view::npos) {
      out += '\\';
    }
    out += c;
  }
  return out;
}

} // namespace normdoc::cli
