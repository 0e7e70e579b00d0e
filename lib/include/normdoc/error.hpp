// SPDX-License-Identifier: MIT
#pragma once

#include <normdoc/remedy.hpp>

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace normdoc {

// Root of every failure the library reports. Messages are in Chinese: they reach the legal
// officer verbatim. `hint`, when set, is a remedy printed on a second line; where it names
// something to do, it holds a mark for each of its remedies (remedy.hpp), which the caller says
// in its own terms (the CLI: a command line).
class Error : public std::runtime_error
{
public:
  explicit Error(const std::string& message, Hint hint = {});
  // The hint's text, remedy marks included.
  const std::string& hint() const noexcept { return m_hint.text; }
  const std::vector<Remedy>& remedies() const noexcept { return m_hint.remedies; }
  const Hint& full_hint() const noexcept { return m_hint; }

private:
  Hint m_hint;
};

// The command line asks for something impossible (exit 2).
class UsageError : public Error
{
public:
  using Error::Error;
};

// Where in an input a bad value sits; every part is optional.
struct Location
{
  std::string file;
  int line = 0;
  int column = 0;
  std::string field;

  // "file:line:col: field" with the missing parts left out; empty when nothing is known.
  std::string to_string() const;
};

// Bad data in an argument or an input file (exit 3).
class DataError : public Error
{
public:
  explicit DataError(const std::string& message, Location where = {}, Hint hint = {});
  const Location& where() const noexcept { return m_where; }
  // A copy with the parts of `outer` that this error does not know yet filled in.
  DataError located(const Location& outer) const;
  // The message without the location prefix.
  const std::string& bare_message() const noexcept { return m_bare; }

private:
  Location m_where;
  std::string m_bare;
};

// Output could not be written: standard output or an output file (disk full, /dev/full),
// exit 5 — unlike exit 3 the input was fine, and unlike 4 retrying the same command is no use.
class OutputError : public Error
{
public:
  using Error::Error;
};

// The database is busy, locked, corrupt, missing or from a newer normdoc (exit 4).
class DatabaseError : public Error
{
public:
  enum class Kind
  {
    busy,
    // The connection to the database server was lost (server restarted or shut down) before
    // the write committed: the server rolled it back, so running the command again is safe.
    disconnected,
    corrupt,
    too_new,
    missing,
    read_only,
    other
  };
  DatabaseError(Kind kind, const std::string& message, int code = 0, int extended_code = 0, Hint hint = {});
  Kind kind() const noexcept { return m_kind; }
  int code() const noexcept { return m_code; }
  int extended_code() const noexcept { return m_extended_code; }

private:
  Kind m_kind;
  int m_code;
  int m_extended_code;
};

} // namespace normdoc
