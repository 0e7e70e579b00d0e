// SPDX-License-Identifier: MIT
#include <normdoc/util/json.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace normdoc::util {

std::string json_quote(std::string_view text)
{
  std::string out;
  out.reserve(text.size() + 2);
  append_json_quoted(out, text);
  return out;
}

namespace {

// Whether any of the eight bytes of `word` is a control character, '"' or '\\' (exact for
// presence: the classic "has a byte less than n / equal to zero" tests).
bool needs_escape(std::uint64_t word)
{
  constexpr std::uint64_t ones = 0x0101010101010101U;
  constexpr std::uint64_t highs = 0x8080808080808080U;
  const std::uint64_t quote = word ^ (ones * '"');
  const std::uint64_t backslash = word ^ (ones * '\\');
  const std::uint64_t control = (word - ones * 0x20) & ~word;
  return ((control | ((quote - ones) & ~quote) | ((backslash - ones) & ~backslash)) & highs) != 0;
}

} // namespace

void append_json_quoted(std::string& out, std::string_view text)
{
  out.push_back('"');
  std::size_t run = 0; // start of the current run of characters that need no escape
  for (std::size_t i = 0; i < text.size(); ++i) {
    // Findings and documents are long runs of text without an escape: eight bytes at a time.
    while (i + 8 <= text.size()) {
      std::uint64_t word = 0;
      std::memcpy(&word, text.data() + i, sizeof word);
      if (needs_escape(word)) {
        break;
      }
      i += 8;
    }
    if (i >= text.size()) {
      break;
    }
    const auto ch = static_cast<unsigned char>(text[i]);
    if (ch >= 0x20 && ch != '"' && ch != '\\') {
      continue;
    }
    out.append(text.substr(run, i - run));
    run = i + 1;
    switch (ch) {
    case '"':
      out += "\\\"";
      break;
    case '\\':
      out += "\\\\";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\r':
      out += "\\r";
      break;
    case '\t':
      out += "\\t";
      break;
    default:
      out += fmt::format("\\u{:04x}", static_cast<unsigned>(ch));
    }
  }
  out.append(text.substr(run));
  out.push_back('"');
}

void JsonWriter::newline()
{
  if (m_indent > 0) {
    m_out.push_back('\n');
    m_out.append(m_has_element.size() * static_cast<std::size_t>(m_indent), ' ');
  }
}

void JsonWriter::before_value()
{
  if (m_after_key) {
    m_after_key = false;
    return;
  }
  if (!m_has_element.empty()) {
    if (m_has_element.back()) {
      m_out.push_back(',');
    }
    m_has_element.back() = true;
    newline();
  }
}

JsonWriter& JsonWriter::begin_object()
{
  before_value();
  m_out.push_back('{');
  m_has_element.push_back(false);
  return *this;
}

JsonWriter& JsonWriter::close(char bracket)
{
  const bool had_element = m_has_element.back();
  m_has_element.pop_back();
  if (had_element) {
    newline();
  }
  m_out.push_back(bracket);
  return *this;
}

JsonWriter& JsonWriter::end_object()
{
  return close('}');
}

JsonWriter& JsonWriter::begin_array()
{
  before_value();
  m_out.push_back('[');
  m_has_element.push_back(false);
  return *this;
}

JsonWriter& JsonWriter::end_array()
{
  return close(']');
}

JsonWriter& JsonWriter::key(std::string_view name)
{
  before_value();
  append_json_quoted(m_out, name);
  m_out += m_indent > 0 ? ": " : ":";
  m_after_key = true;
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view text)
{
  before_value();
  append_json_quoted(m_out, text);
  return *this;
}

JsonWriter& JsonWriter::value(std::int64_t number)
{
  before_value();
  m_out += std::to_string(number);
  return *this;
}

JsonWriter& JsonWriter::value(bool flag)
{
  before_value();
  m_out += flag ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::null()
{
  before_value();
  m_out += "null";
  return *this;
}

JsonWriter& JsonWriter::value(const std::optional<std::string>& text)
{
  return text ? value(*text) : null();
}

JsonWriter& JsonWriter::value(const std::optional<std::int64_t>& number)
{
  return number ? value(*number) : null();
}

JsonWriter& JsonWriter::raw(std::string_view json)
{
  before_value();
  m_out += json;
  return *this;
}

std::optional<std::string_view> Members::key_of(std::string_view member) const
{
  const auto named = [&](std::initializer_list<std::string_view> list) {
    return std::find(list.begin(), list.end(), member) != list.end();
  };
  if ((only.begin() != only.end() && !named(only)) || named(except)) {
    return std::nullopt;
  }
  for (const auto& [from, to] : rename) {
    if (from == member) {
      return to;
    }
  }
  return member;
}

bool MemberWriter::key(std::string_view member)
{
  const auto key = m_members.key_of(member);
  if (key) {
    m_json.key(*key);
  }
  return key.has_value();
}

} // namespace normdoc::util
