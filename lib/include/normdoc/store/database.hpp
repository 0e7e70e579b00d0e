// SPDX-License-Identifier: MIT
#pragma once

#include <normdoc/util/date.hpp>

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

struct sqlite3;
struct sqlite3_blob;
struct sqlite3_stmt;

namespace normdoc::store {

enum class Step
{
  row,
  done
};

// The engine behind a Database: the embedded SQLite file (the default), or a PostgreSQL server
// named by a connection URI (`postgresql://…`, `postgres://…`) or a libpq keyword string
// (`host=… dbname=…`, `service=…`).
enum class Dialect
{
  sqlite,
  postgresql
};

// Which engine `target` (--db, NORMDOC_DB, config `db`) names. Anything that is not a server
// connection string is a SQLite file path.
Dialect dialect_of(std::string_view target);

class StatementCache;
class PgConnection;
class PgStatement;

// A prepared statement. Parameters are always bound, never spliced into the SQL text.
// Made by `Database::prepare`, which keeps it for the next `prepare` of the same SQL: on
// destruction it is reset, its bindings cleared, and it goes back to its connection's cache.
class Statement
{
public:
  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
  Statement& bind(int index, const std::string& text) { return bind(index, std::string_view(text)); }
  Statement& bind(int index, std::int64_t number);
  Statement& bind(int index, int number) { return bind(index, static_cast<std::int64_t>(number)); }
  Statement& bind(int index, bool flag) { return bind(index, static_cast<std::int64_t>(flag ? 1 : 0)); }
  Statement& bind(int index, std::nullopt_t);
  Statement& bind(int index, const util::Date& date) { return bind(index, std::string_view(date.iso())); }
  template<typename T> Statement& bind(int index, const std::optional<T>& value);
  // Binds `values` to parameters 1…N in order.
  template<typename... Args> Statement& bind_all(const Args&... values);

  Step step();
  // Runs a statement that returns no rows.
  void run() { step(); }
  void reset();

  bool is_null(int column) const;
  bool is_integer(int column) const;
  int column_count() const;
  std::string column_name(int column) const;
  std::string text(int column) const;
  // The column's text in place: valid until the next step(), reset() or read of the column as
  // another type. For comparing without a copy.
  std::string_view text_view(int column) const;
  std::optional<std::string> optional_text(int column) const;
  std::int64_t integer(int column) const;
  double real(int column) const;
  std::optional<std::int64_t> optional_integer(int column) const;
  // A `YYYY-MM-DD` column; NULL gives nothing.
  std::optional<util::Date> optional_date(int column) const;

private:
  friend class Database;
  // Gives the statement back to the cache it came from (or finalizes it when it has none).
  struct Release
  {
    std::shared_ptr<StatementCache> cache;
    void operator()(sqlite3_stmt* stmt) const;
  };
  Statement(sqlite3* db, sqlite3_stmt* stmt, std::shared_ptr<StatementCache> cache);
  explicit Statement(std::unique_ptr<PgStatement> pg);
  struct PgDelete
  {
    void operator()(PgStatement* stmt) const;
  };

  sqlite3* m_db = nullptr;
  std::unique_ptr<sqlite3_stmt, Release> m_stmt;
  // Set instead of m_stmt for a PostgreSQL statement. Every accessor tests it first: one
  // predictable branch keeps SQLite's hot paths (a column read per row) as cheap as before.
  std::unique_ptr<PgStatement, PgDelete> m_pg;
};

// One stored TEXT or BLOB value read piece by piece (SQLite's incremental I/O): a caller that
// needs a few bytes of a large text does not copy all of it. Made by `Database::open_value`.
class ValueReader
{
public:
  std::size_t size() const;
  // Replaces `out` with `count` bytes from `offset` (both within `size()`).
  void read(std::size_t offset, std::size_t count, std::string& out) const;

private:
  friend class Database;
  struct Close
  {
    void operator()(sqlite3_blob* blob) const;
  };
  ValueReader(sqlite3* db, sqlite3_blob* blob);
  // On PostgreSQL a slice is read by substring() over the value's UTF-8 bytes.
  ValueReader(PgConnection* pg, std::string select_size, std::string select_slice, std::int64_t key);

  sqlite3* m_db = nullptr;
  std::unique_ptr<sqlite3_blob, Close> m_blob;
  PgConnection* m_pg = nullptr;
  std::string m_select_size;
  std::string m_select_slice;
  std::int64_t m_key = 0;
};

// One SQLite database file (or `:memory:`), opened with foreign keys on, WAL and a busy
// timeout, or one PostgreSQL database (a connection through libpq), migrated to the schema
// this binary knows.
class Database
{
public:
  // `read`: for commands that only read. Opened for writing when the file and its directory
  // are writable (so a migration or a cache refresh can run); otherwise read-only, and when
  // the directory cannot hold SQLite's -wal/-shm files and none exist, as an immutable file.
  enum class OpenMode
  {
    existing,
    create,
    read
  };

  // Throws DatabaseError: `missing` when the file does not exist and `mode` is `existing`,
  // `too_new` when its schema is newer than this binary's (the file is left untouched),
  // `read_only` when an older schema would need a migration and the file is opened read-only,
  // `corrupt` when it is not a normdoc database, `busy` when another process holds it.
  // A PostgreSQL connection string (see `dialect_of`) connects to the server instead; one that
  // carries a password is refused (UsageError): passwords belong in ~/.pgpass or PGPASSWORD.
  static Database open(const std::string& path, OpenMode mode, std::chrono::milliseconds busy_timeout);
  static Database open_in_memory();

  Database(Database&&) noexcept;
  Database& operator=(Database&&) noexcept;
  ~Database();

  Dialect dialect() const { return m_pg ? Dialect::postgresql : Dialect::sqlite; }
  // `sqlite` or `postgresql` by this database's dialect: for the few statements whose text
  // must differ, written side by side where they are used.
  std::string_view pick(std::string_view sqlite, std::string_view postgresql) const
  {
    return m_pg ? postgresql : sqlite;
  }

  // A statement for `sql`, from this connection's cache when it was prepared before (preparing
  // was most of the time of commands that run the same few statements per document).
  Statement prepare(std::string_view sql);
  // The value in `column` of the row whose integer primary key `key` (SQLite's rowid) is `id`
  // in `table`, opened for reading in pieces. The row must exist (DatabaseError otherwise);
  // the reader must not outlive a change to it.
  ValueReader open_value(const char* table, const char* column, const char* key, std::int64_t id);
  // Runs SQL without parameters (schema scripts, pragmas).
  void exec(std::string_view sql);
  // For writes that touch many pages over and over (a bulk load building the search index,
  // search::BulkLoad): a 64 MB page cache instead of SQLite's 2 MB.
  void use_bulk_cache();
  std::int64_t last_insert_rowid() const;
  int schema_version();
  // The first column of the first row of a parameterless query.
  std::int64_t single_integer(std::string_view sql);
  const std::string& path() const { return m_path; }
  // Whether SQLite opened the file for reading only (no write permission); never on a server,
  // where the server's privileges decide.
  bool read_only() const;
  // Makes appends to the event log of this transaction wait for any other writer's (the hash
  // chain must never fork): PostgreSQL's transaction-scoped advisory lock; nothing on SQLite,
  // where a write transaction already excludes every other writer.
  void lock_event_chain();
  // PostgreSQL: sets each identity column's sequence to one past the largest id stored. A
  // rolled-back insert uses up a sequence value, where SQLite takes the largest rowid plus
  // one; without this the ids an officer sees (#4, R1) would differ between the backends
  // after a failed file of an import batch. Called by Transaction under the writers' lock
  // and after a savepoint rolls back; roles without UPDATE on the sequences skip it.
  void align_identities();

  // Copies the database, consistent as of one moment, into a new file at `target` while
  // other processes go on writing (SQLite's online backup, under WAL). The copy is written
  // beside `target` and renamed into place only when complete. Throws DataError when
  // `target` exists, DatabaseError when the copy fails (nothing is left at `target`).
  // Refused (UsageError) on PostgreSQL, whose tool for this is pg_dump.
  void backup_to(const std::string& target);

private:
  friend class Transaction;
  struct Close
  {
    void operator()(sqlite3* db) const;
  };
  struct PgClose
  {
    void operator()(PgConnection* pg) const;
  };
  Database(sqlite3* db, std::string path);
  Database(std::unique_ptr<PgConnection, PgClose> pg, std::string target);
  void configure(std::chrono::milliseconds busy_timeout);
  void migrate();
  void migrate_postgresql(OpenMode mode);

  std::unique_ptr<sqlite3, Close> m_db;
  std::string m_path;
  // Declared after m_db, so destroyed (its statements finalized) before the connection closes.
  std::shared_ptr<StatementCache> m_statements;
  // The server connection when the dialect is PostgreSQL (m_db is then null).
  std::unique_ptr<PgConnection, PgClose> m_pg;
};

// `BEGIN IMMEDIATE` on construction; rolls back on destruction unless `commit()` was called.
// Every write goes through one, so an error leaves the database as it was. On PostgreSQL:
// BEGIN (read committed) and the writers' advisory lock, so that writers take turns as they
// do on SQLite (every read-then-write in lib was written for one writer at a time) while
// readers go on.
class Transaction
{
public:
  explicit Transaction(Database& db);
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();

  // On PostgreSQL, a connection lost while COMMIT was on its way is settled before this
  // returns: once the server is back, it is asked whether the transaction committed (then
  // commit() returns as usual) or was rolled back (DatabaseError, Kind::disconnected: running
  // the command again is safe). Only when the server does not come back is the outcome
  // unknown, and the error says so.
  void commit();
  Database& database() { return m_db; }

private:
  Database& m_db;
  bool m_open = true;
  // PostgreSQL's id of this transaction (pg_current_xact_id), for commit().
  std::string m_transaction_id;
};

// A savepoint inside a transaction: one part of a batch that can fail on its own. Rolls back
// to where it began on destruction unless `release()` was called.
class Savepoint
{
public:
  explicit Savepoint(Database& db);
  Savepoint(const Savepoint&) = delete;
  Savepoint& operator=(const Savepoint&) = delete;
  ~Savepoint();

  void release();

private:
  Database& m_db;
  bool m_open = true;
};

// --- Inline implementations ---

template<typename T> Statement& Statement::bind(int index, const std::optional<T>& value)
{
  return value ? bind(index, *value) : bind(index, std::nullopt);
}

template<typename... Args> Statement& Statement::bind_all(const Args&... values)
{
  int index = 0;
  (bind(++index, values), ...);
  return *this;
}

} // namespace normdoc::store
