// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace normdoc::util {

// `text` as a JSON string literal, quotes included. Control characters are escaped; other
// characters, Chinese included, are kept as UTF-8.
std::string json_quote(std::string_view text);
// The same, appended to `out` (no string of its own: for hot loops).
void append_json_quoted(std::string& out, std::string_view text);

// A small streaming JSON writer. Keys come out in the order they are written, so the caller
// decides the (stable) order. `indent` 0 writes one line.
class JsonWriter
{
public:
  explicit JsonWriter(int indent = 0) : m_indent(indent) {}

  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view name);
  JsonWriter& value(std::string_view text);
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(const std::string& text) { return value(std::string_view(text)); }
  JsonWriter& value(std::int64_t number);
  JsonWriter& value(int number) { return value(static_cast<std::int64_t>(number)); }
  JsonWriter& value(bool flag);
  JsonWriter& null();
  // `"name": content`, the pair most writers are made of.
  template<typename Value> JsonWriter& member(std::string_view name, const Value& content)
  {
    return key(name).value(content);
  }
  // Null when empty.
  JsonWriter& value(const std::optional<std::string>& text);
  JsonWriter& value(const std::optional<std::int64_t>& number);
  // An already serialised JSON value, inserted as is.
  JsonWriter& raw(std::string_view json);

  const std::string& str() const { return m_out; }
  // Hands over what has been written so far and goes on from there, so that a long array can
  // be printed element by element.
  std::string take() { return std::exchange(m_out, {}); }

private:
  void before_value();
  JsonWriter& close(char bracket);
  void newline();

  std::string m_out;
  int m_indent;
  // One entry per open container: whether it has had an element yet.
  std::vector<bool> m_has_element;
  bool m_after_key = false;
};

// Which members of a record a writer keeps and what it calls them. A record has one serialiser
// (`write_members`, next to its struct) that writes every member in one order; a log payload
// or a view of the record is that serialiser with members left out (`except`, or all but
// `only`) or written under another key (`rename`, {member, key}) — the log's names stay what
// the hash chain recorded. The lists are read while the call that takes them runs.
struct Members
{
  std::initializer_list<std::string_view> only{};
  std::initializer_list<std::string_view> except{};
  std::initializer_list<std::pair<std::string_view, std::string_view>> rename{};

  // The key `member` is written under, or nothing when it is left out.
  std::optional<std::string_view> key_of(std::string_view member) const;
};

// Writes members through a Members selection: `out.member("date", value)` writes `"date": value`
// unless the selection leaves `date` out; `out.key("items")` writes the key alone and says
// whether to write the value (an object or array the caller builds).
class MemberWriter
{
public:
  MemberWriter(JsonWriter& json, const Members& members) : m_json(json), m_members(members) {}

  template<typename Value> MemberWriter& member(std::string_view name, const Value& content)
  {
    if (key(name)) {
      m_json.value(content);
    }
    return *this;
  }
  bool key(std::string_view member);
  JsonWriter& json() { return m_json; }

private:
  JsonWriter& m_json;
  const Members& m_members;
};

} // namespace normdoc::util
