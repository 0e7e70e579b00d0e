// SPDX-License-Identifier: MIT
#pragma once

// The PostgreSQL side of store::Database (libpq). Private to lib: the rest of lib sees only
// Database, Statement, Transaction and Savepoint, and writes its SQL with SQLite's `?`
// parameter markers, translated here once per statement.

#include <normdoc/store/database.hpp>
#include <normdoc/store/target.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

struct pg_conn;
struct pg_result;

namespace normdoc::store {

// `sql` with SQLite's parameter markers written as PostgreSQL's: `?NNN` → `$NNN`, a bare `?`
// → one more than the largest number used before it (SQLite's rule), so `?, ?, ?2` is
// `$1, $2, $2`. Markers inside string literals, quoted identifiers and comments stay.
// SQLite's index hints (`INDEXED BY name`), which choose a plan and never a result, are
// dropped: lib's read paths keep them for SQLite without a second text for PostgreSQL.
struct TranslatedSql
{
  std::string text;
  int parameters = 0;
};
TranslatedSql translate_placeholders(std::string_view sql);

// Whether `target` is a libpq connection string: a `postgresql://` or `postgres://` URI, or
// keyword=value pairs beginning with a libpq keyword (`host=…`, `dbname=…`, `service=…`).
bool is_connection_string(std::string_view target);

// Throws UsageError when `target` cannot be parsed by libpq or carries a password (see
// check_target, which calls it for connection strings only).
void check_connection_string(const std::string& target);

// Marks the server as lost for this process: connections made from now on wait for it to come
// back (up to 30 s) instead of failing at once.
void note_server_lost();

class PgConnection
{
public:
  struct Prepared
  {
    std::string name;
    int parameters = 0;
  };

  // Connects; throws DatabaseError (with the server's message) when it cannot.
  explicit PgConnection(const std::string& target);
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;
  ~PgConnection();

  // The server-side prepared statement for `sql`, prepared on first use (one per SQL text,
  // kept for the connection's life, as SQLite's statement cache keeps its statements).
  const Prepared& prepare(std::string_view sql);
  // Runs SQL without parameters; several statements separated by `;` are allowed.
  void exec(std::string_view sql);
  // Throws the error of a failed result as DatabaseError or DataError; `result` may be null
  // (then the connection's error).
  [[noreturn]] void fail(const pg_result* result, std::string_view context) const;
  pg_conn* raw() const { return m_conn; }
  // Set once the schema is migrated: every table with an identity column then exists.
  bool identities_ready = false;
  const std::string& target() const { return m_target; }
  // Whether the server has ended this session (restart, shutdown, network).
  bool lost() const;
  // After a connection lost while COMMIT was on its way: connects again (waiting for the
  // server) and asks what became of the transaction `transaction_id` (pg_current_xact_id):
  // true committed, false rolled back, nothing when it cannot be known.
  std::optional<bool> committed(const std::string& transaction_id);

private:
  void connect();
  void reconnect();
  static void receive_notice(void* self, const pg_result* notice);

  pg_conn* m_conn = nullptr;
  std::string m_target;
  // Set by a FATAL notice: the server is ending the session.
  bool m_ending = false;
  struct Hash
  {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
  };
  std::unordered_map<std::string, Prepared, Hash, std::equal_to<>> m_prepared;
};

// One execution of a prepared statement: parameters kept as text until step() runs it, the
// whole result then held (libpq allows one query in flight per connection, and lib nests
// queries inside the loops of others) and read row by row, in text format.
class PgStatement
{
public:
  PgStatement(PgConnection& connection, const PgConnection::Prepared& prepared);
  PgStatement(const PgStatement&) = delete;
  PgStatement& operator=(const PgStatement&) = delete;
  ~PgStatement();

  void bind(int index, std::optional<std::string> value);
  Step step();
  void reset();

  bool is_null(int column) const;
  bool is_integer(int column) const;
  int column_count() const;
  std::string column_name(int column) const;
  std::string_view text_view(int column) const;
  std::int64_t integer(int column) const;
  double real(int column) const;

private:
  void clear();

  PgConnection& m_connection;
  const PgConnection::Prepared& m_prepared;
  std::vector<std::optional<std::string>> m_parameters;
  pg_result* m_result = nullptr;
  int m_row = -1;
  int m_rows = 0;
};

} // namespace normdoc::store
