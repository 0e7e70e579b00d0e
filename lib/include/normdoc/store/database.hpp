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

enum class Step { row, done };

class StatementCache;

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

  sqlite3* m_db;
  std::unique_ptr<sqlite3_stmt, Release> m_stmt;
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

  sqlite3* m_db;
  std::unique_ptr<sqlite3_blob, Close> m_blob;
};

// One SQLite database file (or `:memory:`), opened with foreign keys on, WAL and a busy
// timeout, and migrated to the schema this binary knows.
class Database
{
public:
  // `read`: for commands that only read. Opened for writing when the file and its directory
  // are writable (so a migration or a cache refresh can run); otherwise read-only, and when
  // the directory cannot hold SQLite's -wal/-shm files and none exist, as an immutable file.
  enum class OpenMode { existing, create, read };

  // Throws DatabaseError: `missing` when the file does not exist and `mode` is `existing`,
  // `too_new` when its schema is newer than this binary's (the file is left untouched),
  // `read_only` when an older schema would need a migration and the file is opened read-only,
  // `corrupt` when it is not a normdoc database, `busy` when another process holds it.
  static Database open(const std::string& path, OpenMode mode, std::chrono::milliseconds busy_timeout);
  static Database open_in_memory();

  Database(Database&&) noexcept = default;
  Database& operator=(Database&&) noexcept = default;
  ~Database() = default;

  // A statement for `sql`, from this connection's cache when it was prepared before (preparing
  // was most of the time of commands that run the same few statements per document).
  Statement prepare(std::string_view sql);
  // The value in `column` of the row with `rowid` in `table`, opened for reading in pieces.
  // The row must exist (DatabaseError otherwise); the reader must not outlive a change to it.
  ValueReader open_value(const char* table, const char* column, std::int64_t rowid);
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
  // Whether SQLite opened the file for reading only (no write permission).
  bool read_only() const;

  // Copies the database, consistent as of one moment, into a new file at `target` while
  // other processes go on writing (SQLite's online backup, under WAL). The copy is written
  // beside `target` and renamed into place only when complete. Throws DataError when
  // `target` exists, DatabaseError when the copy fails (nothing is left at `target`).
  void backup_to(const std::string& target);

private:
  struct Close
  {
    void operator()(sqlite3* db) const;
  };
  Database(sqlite3* db, std::string path);
  void configure(std::chrono::milliseconds busy_timeout);
  void migrate();

  std::unique_ptr<sqlite3, Close> m_db;
  std::string m_path;
  // Declared after m_db, so destroyed (its statements finalized) before the connection closes.
  std::shared_ptr<StatementCache> m_statements;
};

// `BEGIN IMMEDIATE` on construction; rolls back on destruction unless `commit()` was called.
// Every write goes through one, so an error leaves the database as it was.
class Transaction
{
public:
  explicit Transaction(Database& db);
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();

  void commit();
  Database& database() { return m_db; }

private:
  Database& m_db;
  bool m_open = true;
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

template<typename T>
Statement& Statement::bind(int index, const std::optional<T>& value)
{
  return value ? bind(index, *value) : bind(index, std::nullopt);
}

template<typename... Args>
Statement& Statement::bind_all(const Args&... values)
{
  int index = 0;
  (bind(++index, values), ...);
  return *this;
}

} // namespace normdoc::store
