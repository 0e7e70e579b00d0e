// SPDX-License-Identifier: MIT
#include <normdoc/error.hpp>

#include <fmt/format.h>

namespace normdoc {

Error::Error(const std::string& message, Hint hint) : std::runtime_error(message), m_hint(std::move(hint)) {}

std::string Location::to_string() const
{
  std::string out = file;
  if (!file.empty() && line > 0) {
    out += fmt::format(":{}", line);
    if (column > 0) {
      out += fmt::format(":{}", column);
    }
  }
  if (!field.empty()) {
    out += out.empty() ? field : ": " + field;
  }
  return out;
}

namespace {

std::string with_location(const std::string& message, const Location& where)
{
  const std::string prefix = where.to_string();
  return prefix.empty() ? message : prefix + ": " + message;
}

} // namespace

DataError::DataError(const std::string& message, Location where, Hint hint)
    : Error(with_location(message, where), std::move(hint)), m_where(std::move(where)), m_bare(message)
{
}

DataError DataError::located(const Location& outer) const
{
  Location merged = m_where;
  if (merged.file.empty()) {
    merged.file = outer.file;
  }
  if (merged.line == 0) {
    merged.line = outer.line;
    merged.column = outer.column;
  }
  if (merged.field.empty()) {
    merged.field = outer.field;
  }
  return DataError(m_bare, merged, full_hint());
}

DatabaseError::DatabaseError(Kind kind, const std::string& message, int code, int extended_code, Hint hint)
    : Error(message, std::move(hint)), m_kind(kind), m_code(code), m_extended_code(extended_code)
{
}

} // namespace normdoc
