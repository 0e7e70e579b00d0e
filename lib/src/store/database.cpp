// SPDX-License-Identifier: MIT
#include <normdoc/store/database.hpp>

#include "store/migrations.hpp"
#include "store/postgres.hpp"

#include <normdoc/error.hpp>
#include <normdoc/store/migrations.hpp>
#include <normdoc/util/file.hpp>

#include <fmt/format.h>
#include <sqlite3.h>

#include <cctype>
#include <charconv>
#include <filesystem>
#include <unordered_map>
#include <utility>

#include <unistd.h>

namespace normdoc::store {

namespace {

// 'NDOC': marks a file as ours, so that `--db` pointed at another program's SQLite file is
// refused instead of migrated.
constexpr int k_application_id = 0x4E444F43;

[[noreturn]] void throw_sqlite(sqlite3* db, int rc, std::string_view context)
{
  const int extended = db ? sqlite3_extended_errcode(db) : rc;
  const std::string detail = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  // The file goes first, as in every error that names a file ("" for an in-memory database).
  const char* file = db ? sqlite3_db_filename(db, "main") : nullptr;
  const std::string where = file && *file ? fmt::format("{}: ", file) : std::string();
  using Kind = DatabaseError::Kind;
  switch (rc & 0xFF) {
  case SQLITE_BUSY:
  case SQLITE_LOCKED:
    throw DatabaseError(Kind::busy, where + "数据库正被另一个进程使用，等待超时", rc, extended,
                        "稍后重试；若持续出现，检查是否有其他 normdoc 进程未结束");
  case SQLITE_CORRUPT:
  case SQLITE_NOTADB:
    throw DatabaseError(Kind::corrupt, fmt::format("{}数据库文件已损坏或不是 SQLite 数据库（{}）", where, detail), rc,
                        extended,
                        Hint(fmt::format("用 {} 做的备份恢复，或用 {} 指定正确的文件", k_remedy_mark, k_remedy_mark),
                             {{Action::backup}, {Action::same, {}, {{"db", ""}}}}));
  case SQLITE_READONLY:
  case SQLITE_PERM:
  case SQLITE_CANTOPEN:
    throw DatabaseError(Kind::read_only, fmt::format("{}无法写入数据库（{}）", where, detail), rc, extended,
                        "检查数据库文件及其所在目录的写权限");
  case SQLITE_CONSTRAINT:
    throw DataError(fmt::format("数据违反约束：{}", detail));
  case SQLITE_FULL:
  case SQLITE_IOERR:
    throw DatabaseError(Kind::other, fmt::format("{}读写数据库失败（{}），数据库未改动", where, detail), rc, extended,
                        "检查磁盘空间");
  default:
    throw DatabaseError(Kind::other, fmt::format("数据库错误：{}（{}）", detail, context), rc, extended);
  }
}

void check(sqlite3* db, int rc, std::string_view context)
{
  if (rc != SQLITE_OK) {
    throw_sqlite(db, rc, context);
  }
}

// Every connection this program opens. normdoc never shares a connection between threads (audit
// verify's replay thread works on events already read), so a connection needs no mutex of its
// own; and SQLite's memory statistics, never read here, take a global mutex on every
// allocation. Together a tenth of `audit verify`'s time at 500,000 events.
int open_connection(const std::string& name, int flags, sqlite3** connection)
{
  static const int configured = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  static_cast<void>(configured); // SQLITE_MISUSE when SQLite was already in use: statistics stay on
  return sqlite3_open_v2(name.c_str(), connection, flags | SQLITE_OPEN_NOMUTEX, nullptr);
}

// Whether this process may write the database file and create files beside it (SQLite's
// -wal, -shm and journal).
bool writable(const std::string& path)
{
  const std::filesystem::path parent = std::filesystem::path(path).parent_path();
  const std::string directory = parent.empty() ? std::string(".") : parent.string();
  return ::access(path.c_str(), W_OK) == 0 && ::access(directory.c_str(), W_OK | X_OK) == 0;
}

// A URI opening `path` read-only. In WAL mode even a reader needs the -shm file; when the
// directory cannot hold it and no -wal exists, no writer can be at work there, and the file
// is opened as immutable (no locks, no -shm).
std::string read_only_uri(const std::string& path)
{
  std::string uri = "file:";
  for (const char c : std::filesystem::absolute(path).string()) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) != 0 || std::string_view("/-._~").find(c) != std::string_view::npos) {
      uri += c;
    } else {
      uri += fmt::format("%{:02X}", byte);
    }
  }
  uri += "?mode=ro";
  const std::filesystem::path parent = std::filesystem::path(path).parent_path();
  const std::string directory = parent.empty() ? std::string(".") : parent.string();
  std::error_code ec;
  if (::access(directory.c_str(), W_OK | X_OK) != 0 && !std::filesystem::exists(path + "-wal", ec)) {
    uri += "&immutable=1";
  }
  return uri;
}

} // namespace

// The prepared statements of one connection, one kept per SQL text. A second statement for
// the same SQL while the first is in use (a query nested in its own loop) is prepared anew
// and finalized when its user is done, if the first has come back by then.
class StatementCache
{
public:
  StatementCache() = default;
  StatementCache(const StatementCache&) = delete;
  StatementCache& operator=(const StatementCache&) = delete;
  ~StatementCache()
  {
    for (auto& [sql, idle] : m_idle) {
      sqlite3_finalize(idle);
    }
  }

  // A statement for `sql` to hand out, or null when none is waiting.
  sqlite3_stmt* take(std::string_view sql)
  {
    const auto found = m_idle.find(sql);
    if (found == m_idle.end() || !found->second) {
      return nullptr;
    }
    return std::exchange(found->second, nullptr);
  }

  void give_back(sqlite3_stmt* stmt)
  {
    // Ends the statement's read (or write) and drops references to bound texts.
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    const char* sql = sqlite3_sql(stmt);
    if (!sql) {
      sqlite3_finalize(stmt);
      return;
    }
    // Bounded: SQL built per call with distinct text (none known today) would otherwise grow
    // the cache without end.
    const auto found = m_idle.find(std::string_view(sql));
    if (found != m_idle.end() ? found->second != nullptr : m_idle.size() >= k_capacity) {
      sqlite3_finalize(stmt);
    } else if (found != m_idle.end()) {
      found->second = stmt;
    } else {
      m_idle.emplace(sql, stmt);
    }
  }

private:
  static constexpr std::size_t k_capacity = 256;
  struct Hash
  {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
  };
  std::unordered_map<std::string, sqlite3_stmt*, Hash, std::equal_to<>> m_idle;
};

Dialect dialect_of(std::string_view target)
{
  return is_connection_string(target) ? Dialect::postgresql : Dialect::sqlite;
}

void Statement::PgDelete::operator()(PgStatement* stmt) const
{
  // NOLINTNEXTLINE(cppcoreguidelines-owning-memory): the deleter of m_pg's unique_ptr
  delete stmt;
}

Statement::Statement(std::unique_ptr<PgStatement> pg) : m_pg(pg.release()) {}

void Statement::Release::operator()(sqlite3_stmt* stmt) const
{
  if (cache) {
    cache->give_back(stmt);
  } else {
    sqlite3_finalize(stmt);
  }
}

Statement::Statement(sqlite3* db, sqlite3_stmt* stmt, std::shared_ptr<StatementCache> cache)
    : m_db(db), m_stmt(stmt, Release{std::move(cache)})
{
}

Statement Database::prepare(std::string_view sql)
{
  if (m_pg) {
    return Statement(std::make_unique<PgStatement>(*m_pg, m_pg->prepare(sql)));
  }
  if (sqlite3_stmt* cached = m_statements->take(sql)) {
    return Statement(m_db.get(), cached, m_statements);
  }
  sqlite3_stmt* raw = nullptr;
  check(m_db.get(), sqlite3_prepare_v2(m_db.get(), sql.data(), static_cast<int>(sql.size()), &raw, nullptr), sql);
  // Kept only when SQLite's copy of the text is the whole of `sql` (the key it is found by
  // again); one that is not (a trailing blank or comment) is finalized after use.
  const bool whole = raw && std::string_view(sqlite3_sql(raw)) == sql;
  return Statement(m_db.get(), raw, whole ? m_statements : nullptr);
}

Statement& Statement::bind(int index, std::string_view text)
{
  if (m_pg) {
    m_pg->bind(index, std::string(text));
    return *this;
  }
  check(m_db, sqlite3_bind_text64(m_stmt.get(), index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8),
        sqlite3_sql(m_stmt.get()));
  return *this;
}

Statement& Statement::bind(int index, std::int64_t number)
{
  if (m_pg) {
    m_pg->bind(index, std::to_string(number));
    return *this;
  }
  check(m_db, sqlite3_bind_int64(m_stmt.get(), index, number), sqlite3_sql(m_stmt.get()));
  return *this;
}

Statement& Statement::bind(int index, std::nullopt_t)
{
  if (m_pg) {
    m_pg->bind(index, std::nullopt);
    return *this;
  }
  check(m_db, sqlite3_bind_null(m_stmt.get(), index), sqlite3_sql(m_stmt.get()));
  return *this;
}

Step Statement::step()
{
  if (m_pg) {
    return m_pg->step();
  }
  const int rc = sqlite3_step(m_stmt.get());
  if (rc == SQLITE_ROW) {
    return Step::row;
  }
  if (rc == SQLITE_DONE) {
    return Step::done;
  }
  throw_sqlite(m_db, rc, sqlite3_sql(m_stmt.get()));
}

void Statement::reset()
{
  if (m_pg) {
    m_pg->reset();
    return;
  }
  sqlite3_reset(m_stmt.get());
  sqlite3_clear_bindings(m_stmt.get());
}

bool Statement::is_null(int column) const
{
  if (m_pg) {
    return m_pg->is_null(column);
  }
  return sqlite3_column_type(m_stmt.get(), column) == SQLITE_NULL;
}

bool Statement::is_integer(int column) const
{
  if (m_pg) {
    return m_pg->is_integer(column);
  }
  return sqlite3_column_type(m_stmt.get(), column) == SQLITE_INTEGER;
}

int Statement::column_count() const
{
  if (m_pg) {
    return m_pg->column_count();
  }
  return sqlite3_column_count(m_stmt.get());
}

std::string Statement::column_name(int column) const
{
  if (m_pg) {
    return m_pg->column_name(column);
  }
  const char* name = sqlite3_column_name(m_stmt.get(), column);
  return name ? name : "";
}

std::string Statement::text(int column) const
{
  if (m_pg) {
    return std::string(m_pg->text_view(column));
  }
  const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt.get(), column));
  const int size = sqlite3_column_bytes(m_stmt.get(), column);
  return data ? std::string(data, static_cast<std::size_t>(size)) : std::string();
}

std::string_view Statement::text_view(int column) const
{
  if (m_pg) {
    return m_pg->text_view(column);
  }
  const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt.get(), column));
  const int size = sqlite3_column_bytes(m_stmt.get(), column);
  return data ? std::string_view(data, static_cast<std::size_t>(size)) : std::string_view();
}

std::optional<std::string> Statement::optional_text(int column) const
{
  if (is_null(column)) {
    return std::nullopt;
  }
  return text(column);
}

std::int64_t Statement::integer(int column) const
{
  if (m_pg) {
    return m_pg->integer(column);
  }
  return sqlite3_column_int64(m_stmt.get(), column);
}

std::optional<std::int64_t> Statement::optional_integer(int column) const
{
  if (is_null(column)) {
    return std::nullopt;
  }
  return integer(column);
}

double Statement::real(int column) const
{
  if (m_pg) {
    return m_pg->real(column);
  }
  return sqlite3_column_double(m_stmt.get(), column);
}

void Database::backup_to(const std::string& target)
{
  if (m_pg) {
    throw UsageError("normdoc backup 只适用于 SQLite 数据库文件；PostgreSQL 数据库请用 pg_dump 备份",
                     "例如 pg_dump -Fc -f registry.dump 数据库名，恢复用 pg_restore");
  }
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::exists(target, ec)) {
    throw DataError("文件已存在，不覆盖", Location{target, 0, 0, {}}, "换一个文件名，或先移走原文件");
  }
  // Like cp, a backup does not invent directories: a mistyped path is reported, not created.
  if (const fs::path folder = fs::path(target).parent_path(); !folder.empty() && !fs::is_directory(folder, ec)) {
    throw DataError(fmt::format("备份的目标目录 {} 不存在", folder.string()), Location{target, 0, 0, {}},
                    fmt::format("先建好目录（mkdir -p {}），或换一个路径", folder.string()));
  }
  // Created new under a random name (a planted symlink is never followed), removed on any
  // failure or interruption, renamed onto the target when complete.
  util::PartialFile partial(target);
  sqlite3* raw = nullptr;
  const int opened = open_connection(partial.path().string(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, &raw);
  std::unique_ptr<sqlite3, Close> copy(raw);
  const auto fail = [&](int rc) {
    const std::string detail = sqlite3_errstr(rc);
    throw DatabaseError(DatabaseError::Kind::other, fmt::format("备份失败（{}），未生成 {}", detail, target), rc, rc,
                        "检查目标目录的写权限和磁盘空间");
  };
  if (opened != SQLITE_OK) {
    fail(opened);
  }
  // No rollback journal beside the copy: a failed copy is deleted whole, and a journal file
  // would be left behind.
  if (const int off = sqlite3_exec(copy.get(), "PRAGMA journal_mode = OFF", nullptr, nullptr, nullptr);
      off != SQLITE_OK) {
    fail(off);
  }
  sqlite3_backup* backup = sqlite3_backup_init(copy.get(), "main", m_db.get(), "main");
  if (!backup) {
    fail(sqlite3_errcode(copy.get()));
  }
  // Copying everything in one step reads one snapshot; under WAL, writers are not blocked.
  int rc = SQLITE_OK;
  do {
    rc = sqlite3_backup_step(backup, -1);
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
      sqlite3_sleep(50);
    }
  } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  const int finished = sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE) {
    fail(rc);
  }
  if (finished != SQLITE_OK) {
    fail(finished);
  }
  // A backup is one self-contained file: leave no WAL beside it.
  check(copy.get(), sqlite3_exec(copy.get(), "PRAGMA journal_mode = DELETE", nullptr, nullptr, nullptr), "备份");
  copy.reset();
  partial.commit();
}

std::optional<util::Date> Statement::optional_date(int column) const
{
  return util::parse_optional_date(optional_text(column));
}

ValueReader::ValueReader(sqlite3* db, sqlite3_blob* blob) : m_db(db), m_blob(blob) {}

ValueReader::ValueReader(PgConnection* pg, std::string select_size, std::string select_slice, std::int64_t key)
    : m_pg(pg), m_select_size(std::move(select_size)), m_select_slice(std::move(select_slice)), m_key(key)
{
}

void ValueReader::Close::operator()(sqlite3_blob* blob) const
{
  sqlite3_blob_close(blob);
}

std::size_t ValueReader::size() const
{
  if (m_pg) {
    PgStatement stmt(*m_pg, m_pg->prepare(m_select_size));
    stmt.bind(1, std::to_string(m_key));
    if (stmt.step() != Step::row) {
      throw DatabaseError(DatabaseError::Kind::other, "数据库错误：要读取的记录已不存在");
    }
    return static_cast<std::size_t>(stmt.integer(0));
  }
  return static_cast<std::size_t>(sqlite3_blob_bytes(m_blob.get()));
}

void ValueReader::read(std::size_t offset, std::size_t count, std::string& out) const
{
  if (m_pg) {
    // The slice comes as bytea in text format: `\x` and two hex digits a byte.
    PgStatement stmt(*m_pg, m_pg->prepare(m_select_slice));
    stmt.bind(1, std::to_string(m_key));
    stmt.bind(2, std::to_string(offset + 1));
    stmt.bind(3, std::to_string(count));
    if (stmt.step() != Step::row) {
      throw DatabaseError(DatabaseError::Kind::other, "数据库错误：要读取的记录已不存在");
    }
    const std::string_view hex = stmt.text_view(0).substr(2);
    out.resize(hex.size() / 2);
    for (std::size_t i = 0; i < out.size(); ++i) {
      unsigned byte = 0;
      std::from_chars(hex.data() + 2 * i, hex.data() + 2 * i + 2, byte, 16);
      out[i] = static_cast<char>(byte);
    }
    return;
  }
  out.resize(count);
  check(m_db, sqlite3_blob_read(m_blob.get(), out.data(), static_cast<int>(count), static_cast<int>(offset)),
        "sqlite3_blob_read");
}

ValueReader Database::open_value(const char* table, const char* column, const char* key, std::int64_t id)
{
  if (m_pg) {
    // Names are the caller's constants, never input.
    ValueReader reader(
      m_pg.get(), fmt::format("SELECT octet_length({}) FROM {} WHERE {} = ?", column, table, key),
      fmt::format("SELECT substring(convert_to({}, 'UTF8') FROM ?2 FOR ?3) FROM {} WHERE {} = ?1", column, table, key),
      id);
    static_cast<void>(reader.size()); // the row must exist, as on SQLite
    return reader;
  }
  sqlite3_blob* blob = nullptr;
  const int rc = sqlite3_blob_open(m_db.get(), "main", table, column, id, 0, &blob);
  if (rc != SQLITE_OK) {
    sqlite3_blob_close(blob);
    throw_sqlite(m_db.get(), rc, "sqlite3_blob_open");
  }
  return ValueReader(m_db.get(), blob);
}

void Database::Close::operator()(sqlite3* db) const
{
  sqlite3_close_v2(db);
}

Database::Database(sqlite3* db, std::string path)
    : m_db(db), m_path(std::move(path)), m_statements(std::make_shared<StatementCache>())
{
}

Database::Database(std::unique_ptr<PgConnection, PgClose> pg, std::string target)
    : m_path(std::move(target)), m_pg(std::move(pg))
{
}

Database::Database(Database&&) noexcept = default;
Database& Database::operator=(Database&&) noexcept = default;
Database::~Database() = default;

void Database::PgClose::operator()(PgConnection* pg) const
{
  // NOLINTNEXTLINE(cppcoreguidelines-owning-memory): the deleter of m_pg's unique_ptr
  delete pg;
}

Database Database::open(const std::string& path, OpenMode mode, std::chrono::milliseconds busy_timeout)
{
  namespace fs = std::filesystem;
  if (dialect_of(path) == Dialect::postgresql) {
    Database db(std::unique_ptr<PgConnection, PgClose>(new PgConnection(path)), path);
    db.migrate_postgresql(mode);
    db.m_pg->identities_ready = true;
    return db;
  }
  std::error_code ec;
  const bool exists = fs::exists(path, ec);
  if (!exists && mode != OpenMode::create) {
    throw DatabaseError(
      DatabaseError::Kind::missing, fmt::format("数据库不存在：{}", path), 0, 0,
      Hint(fmt::format("先运行 {} 创建数据库，或用 {} 指定已有的数据库", k_remedy_mark, k_remedy_mark),
           {{Action::init}, {Action::same, {}, {{"db", ""}}}}));
  }
  if (!exists) {
    const fs::path parent = fs::path(path).parent_path();
    if (!parent.empty()) {
      fs::create_directories(parent, ec);
      if (ec) {
        throw DatabaseError(DatabaseError::Kind::read_only,
                            fmt::format("无法创建数据库目录 {}：{}", parent.string(), ec.message()));
      }
    }
  }
  sqlite3* raw = nullptr;
  std::string name = path;
  int flags = SQLITE_OPEN_READWRITE | (mode == OpenMode::create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_NOFOLLOW;
  if (mode == OpenMode::read && !writable(path)) {
    flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_URI;
    name = read_only_uri(path);
  }
  const int rc = open_connection(name, flags, &raw);
  Database db(raw, path);
  check(raw, rc, path);
  db.configure(busy_timeout);
  db.migrate();
  return db;
}

Database Database::open_in_memory()
{
  sqlite3* raw = nullptr;
  const int rc = open_connection(":memory:", SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, &raw);
  Database db(raw, ":memory:");
  check(raw, rc, ":memory:");
  db.configure(std::chrono::milliseconds{0});
  db.migrate();
  return db;
}

void Database::configure(std::chrono::milliseconds busy_timeout)
{
  // Only SQLite connections are configured here; a server connection is set up as it opens.
  check(m_db.get(), sqlite3_busy_timeout(m_db.get(), static_cast<int>(busy_timeout.count())), "busy_timeout");
  exec("PRAGMA foreign_keys = ON");
  // A large import's transaction grows the -wal file to its size; truncate it back after each
  // checkpoint instead of keeping gigabytes of disk (seen at 40,000 documents: a 1.5 GB -wal).
  exec("PRAGMA journal_size_limit = 67108864");
}

void Database::use_bulk_cache()
{
  if (m_pg) {
    return; // the server's shared buffers are the server's business
  }
  // Building the full-text index of a large import with SQLite's default 2 MB cache re-reads
  // the same pages from the file over and over; 64 MB (an upper bound, allocated as used) keeps
  // them. Only bulk writers ask for it: a scan through a large cache takes a fresh page of
  // memory for every page it reads (audit verify over 50,000 events: 3× the CPU time).
  exec("PRAGMA cache_size = -65536");
}

void Database::exec(std::string_view sql)
{
  if (m_pg) {
    m_pg->exec(sql);
    return;
  }
  const std::string copy(sql);
  check(m_db.get(), sqlite3_exec(m_db.get(), copy.c_str(), nullptr, nullptr, nullptr), sql);
}

std::int64_t Database::last_insert_rowid() const
{
  if (m_pg) {
    // The value the last INSERT's identity column took in this session (lastval()); like
    // SQLite's, only meaningful right after an INSERT into a table with one.
    PgStatement stmt(*m_pg, m_pg->prepare("SELECT lastval()"));
    stmt.step();
    return stmt.integer(0);
  }
  return sqlite3_last_insert_rowid(m_db.get());
}

bool Database::read_only() const
{
  if (m_pg) {
    return false;
  }
  return sqlite3_db_readonly(m_db.get(), "main") == 1;
}

std::int64_t Database::single_integer(std::string_view sql)
{
  // The statement is finalised on return, so no read transaction stays open behind it.
  Statement stmt = prepare(sql);
  stmt.step();
  return stmt.integer(0);
}

int Database::schema_version()
{
  if (m_pg) {
    return static_cast<int>(single_integer("SELECT coalesce(max(version), 0) FROM normdoc_schema"));
  }
  return static_cast<int>(single_integer("PRAGMA user_version"));
}

void Database::migrate()
{
  const int latest = latest_schema_version();
  int current = schema_version();
  if (current > latest) {
    throw DatabaseError(
      DatabaseError::Kind::too_new,
      fmt::format("数据库由更新版本的 normdoc 创建（结构版本 {} > {}），未做任何改动", current, latest), 0, 0,
      "升级 normdoc 后再使用此数据库");
  }
  const auto id = single_integer("PRAGMA application_id");
  if (current == 0) {
    if (single_integer("SELECT count(*) FROM sqlite_schema") > 0 && id != k_application_id) {
      throw DatabaseError(DatabaseError::Kind::corrupt, fmt::format("{} 不是 normdoc 数据库", m_path), 0, 0,
                          Hint(fmt::format("用 {} 指定 normdoc 的数据库，或用 {} 新建", k_remedy_mark, k_remedy_mark),
                               {{Action::same, {}, {{"db", ""}}}, {Action::init}}));
    }
  } else if (id != k_application_id) {
    throw DatabaseError(DatabaseError::Kind::corrupt, fmt::format("{} 不是 normdoc 数据库", m_path));
  }
  if (current == latest) {
    return;
  }
  if (read_only()) {
    throw DatabaseError(
      DatabaseError::Kind::read_only,
      fmt::format("{}: 数据库结构版本 {} 需要升级到 {}，但数据库只读，未做任何改动", m_path, current, latest), 0, 0,
      Hint(fmt::format("用有写权限的账户运行一次 normdoc（例如 {}）完成升级", k_remedy_mark), {{Action::doctor}}));
  }
  // WAL lets readers go on while one writer works; it is a property of the file, so it is set
  // once, when the file is created, and never rewritten by a later open.
  if (current == 0 && m_path != ":memory:") {
    exec("PRAGMA journal_mode = WAL");
  }
  for (const Migration& migration : all_migrations()) {
    if (migration.version <= current) {
      continue;
    }
    Transaction txn(*this);
    exec(migration.sql);
    // PRAGMA takes no bound parameters; the values are our own integer constants.
    exec(fmt::format("PRAGMA user_version = {}", migration.version));
    exec(fmt::format("PRAGMA application_id = {}", k_application_id));
    txn.commit();
    current = migration.version;
  }
}

void Database::migrate_postgresql(OpenMode mode)
{
  const std::vector<Migration>& migrations = all_migrations(Dialect::postgresql);
  const int latest = migrations.empty() ? 0 : migrations.back().version;
  const auto tracked = [this] {
    return single_integer("SELECT count(*) FROM pg_catalog.pg_tables"
                          " WHERE schemaname = current_schema() AND tablename = 'normdoc_schema'") > 0;
  };
  const int current = tracked() ? schema_version() : 0;
  if (current > latest) {
    throw DatabaseError(
      DatabaseError::Kind::too_new,
      fmt::format("数据库由更新版本的 normdoc 创建（结构版本 {} > {}），未做任何改动", current, latest), 0, 0,
      "升级 normdoc 后再使用此数据库");
  }
  if (current == latest && latest > 0) {
    return;
  }
  if (latest < latest_schema_version()) {
    // Both dialects' migrations are kept in step; a build without them cannot make a registry.
    throw UsageError(fmt::format("这一版 normdoc 没有 PostgreSQL 的数据库结构（第 {} 步，SQLite 已到第 {} 步）", latest,
                                 latest_schema_version()),
                     "暂用 SQLite 数据库文件（--db 文件路径）");
  }
  if (current == 0) {
    if (mode != OpenMode::create) {
      throw DatabaseError(DatabaseError::Kind::missing, fmt::format("数据库 {} 中还没有 normdoc 登记簿", m_path), 0, 0,
                          fmt::format("先运行 normdoc init --db {}", m_path));
    }
    if (single_integer("SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema()") > 0) {
      throw DatabaseError(DatabaseError::Kind::corrupt, fmt::format("{} 不是 normdoc 数据库（已有别的表）", m_path), 0,
                          0, "为 normdoc 新建一个空数据库（createdb），再用 --db 指定它");
    }
    // Chinese search (pg_trgm) needs a locale that counts CJK characters as letters: under
    // `C` or `POSIX`, or another encoding than UTF-8, every Chinese character is dropped.
    if (single_integer("SELECT count(*) FROM pg_catalog.pg_database WHERE datname = current_database()"
                       " AND pg_encoding_to_char(encoding) = 'UTF8' AND datctype NOT IN ('C', 'POSIX')") == 0) {
      throw UsageError(
        fmt::format("数据库 {} 的编码或区域设置不支持中文检索（须为 UTF8 编码，LC_CTYPE 不能是 C 或 POSIX）", m_path),
        "重建数据库：createdb -E UTF8 --locale=C.UTF-8 -T template0 数据库名");
    }
  }
  for (const Migration& migration : migrations) {
    if (migration.version <= current) {
      continue;
    }
    Transaction txn(*this);
    // Another process may have migrated while this one waited for the writers' lock.
    const bool exists = tracked();
    if (exists && schema_version() >= migration.version) {
      continue;
    }
    if (!exists) {
      exec("CREATE TABLE normdoc_schema (version integer NOT NULL)");
    }
    exec(migration.sql);
    prepare("DELETE FROM normdoc_schema").run();
    prepare("INSERT INTO normdoc_schema (version) VALUES (?)").bind(1, migration.version).run();
    txn.commit();
  }
}

namespace {

// pg_advisory_xact_lock keys (two 32-bit halves: 'NDOC' and what is locked). Held until the
// transaction ends, released by COMMIT and ROLLBACK alike, so no crash leaves one behind.
// The writers' lock comes with the transaction's id: what commit() asks the server about when
// the connection is lost during COMMIT.
constexpr std::string_view k_lock_writers =
  "SELECT pg_current_xact_id()::text FROM (SELECT pg_advisory_xact_lock(1313099587, 1)) AS writers_lock";
constexpr std::string_view k_lock_event_chain = "SELECT pg_advisory_xact_lock(1313099587, 2)";

} // namespace

void Database::align_identities()
{
  if (!m_pg || !m_pg->identities_ready) {
    return;
  }
  // One round trip; max(id) is read from each primary key's index. The text is built once from
  // the fixed table names (no value of the user's in it) and prepared once per connection.
  static const std::string k_align = [] {
    constexpr std::array<std::string_view, 12> k_tables = {
      "document",   "event",   "procedure_step", "filing",   "filing_outcome", "review",
      "evaluation", "cleanup", "law_change",     "due_item", "received_event", "acknowledgement"};
    std::string values;
    for (const std::string_view table : k_tables) {
      values +=
        fmt::format("{}('{}', (SELECT coalesce(max(id), 0) FROM {}))", values.empty() ? "" : ", ", table, table);
    }
    return fmt::format("SELECT count(setval(s, m + 1, false)) FROM (SELECT pg_get_serial_sequence(t, 'id') AS s, m"
                       " FROM (VALUES {}) v (t, m)) w WHERE has_sequence_privilege(s, 'UPDATE')",
                       values);
  }();
  prepare(k_align).run();
}

void Database::lock_event_chain()
{
  if (m_pg) {
    prepare(k_lock_event_chain).run();
  }
}

Transaction::Transaction(Database& db) : m_db(db)
{
  if (m_db.dialect() == Dialect::postgresql) {
    m_db.exec("BEGIN ISOLATION LEVEL READ COMMITTED");
    try {
      Statement locked = m_db.prepare(k_lock_writers);
      if (locked.step() == Step::row) {
        m_transaction_id = locked.text(0);
      }
      m_db.align_identities();
    } catch (...) {
      try {
        m_db.exec("ROLLBACK");
      } catch (const DatabaseError&) {
        // The connection is gone: the server has rolled the transaction back itself.
      }
      throw;
    }
    return;
  }
  m_db.prepare("BEGIN IMMEDIATE").run();
}

Transaction::~Transaction()
{
  if (m_open) {
    try {
      m_db.prepare("ROLLBACK").run();
    } catch (...) {
      // Never throw from a destructor; SQLite rolls back on close anyway.
    }
  }
}

void Transaction::commit()
{
  try {
    m_db.prepare("COMMIT").run();
  } catch (const DatabaseError& e) {
    if (e.kind() != DatabaseError::Kind::disconnected || !m_db.m_pg) {
      throw;
    }
    m_open = false;
    const std::optional<bool> committed = m_db.m_pg->committed(m_transaction_id);
    if (committed == true) {
      return;
    }
    if (committed == false) {
      throw;
    }
    throw DatabaseError(DatabaseError::Kind::other,
                        "提交时与数据库服务器的连接中断，服务器未能及时恢复，无法确认本次操作是否已生效", 0, 0,
                        "服务器恢复后用 normdoc log 查看最近的记录，确认是否已生效，再决定是否重做");
  }
  m_open = false;
}

Savepoint::Savepoint(Database& db) : m_db(db)
{
  m_db.prepare("SAVEPOINT part").run();
}

Savepoint::~Savepoint()
{
  if (m_open) {
    try {
      m_db.prepare("ROLLBACK TO part").run();
      m_db.prepare("RELEASE part").run();
      m_db.align_identities();
    } catch (...) {
      // Never throw from a destructor; the enclosing transaction still rolls back.
    }
  }
}

void Savepoint::release()
{
  m_db.prepare("RELEASE part").run();
  m_open = false;
}

} // namespace normdoc::store
