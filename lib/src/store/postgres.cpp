// SPDX-License-Identifier: MIT
#include "store/postgres.hpp"
#include "util/shared_library.hpp"

#include <normdoc/error.hpp>

#include <fmt/format.h>
#include <libpq-fe.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <thread>
#include <utility>

namespace normdoc::store {

namespace {

// The libpq functions normdoc calls, resolved from libpq loaded with dlopen when the first
// server connection string is met. Linked, libpq and what it needs (Kerberos, LDAP, GnuTLS,
// OpenSSL: two dozen libraries) would load at every command's start, for SQLite users too
// (issue 18: start-up; tests/cli/suites/formats.bash checks what `show` loads). Declared from
// libpq-fe.h itself, so a changed signature does not compile.
struct Pq
{
  decltype(&::PQconninfoParse) PQconninfoParse;
  decltype(&::PQfreemem) PQfreemem;
  decltype(&::PQconninfoFree) PQconninfoFree;
  decltype(&::PQconnectdb) PQconnectdb;
  decltype(&::PQstatus) PQstatus;
  decltype(&::PQerrorMessage) PQerrorMessage;
  decltype(&::PQfinish) PQfinish;
  decltype(&::PQresultErrorField) PQresultErrorField;
  decltype(&::PQresultErrorMessage) PQresultErrorMessage;
  decltype(&::PQclear) PQclear;
  decltype(&::PQexec) PQexec;
  decltype(&::PQresultStatus) PQresultStatus;
  decltype(&::PQprepare) PQprepare;
  decltype(&::PQtransactionStatus) PQtransactionStatus;
  decltype(&::PQexecPrepared) PQexecPrepared;
  decltype(&::PQntuples) PQntuples;
  decltype(&::PQgetisnull) PQgetisnull;
  decltype(&::PQftype) PQftype;
  decltype(&::PQnfields) PQnfields;
  decltype(&::PQfname) PQfname;
  decltype(&::PQgetvalue) PQgetvalue;
  decltype(&::PQgetlength) PQgetlength;
  decltype(&::PQsetNoticeReceiver) PQsetNoticeReceiver;
};

Pq load()
{
  const util::SharedLibrary lib("libpq.so.5", "PostgreSQL 客户端库 ",
                                "安装 libpq5（apt-get install libpq5），或改用 SQLite 数据库文件",
                                "安装与构建时同一版本的 libpq5", [](const std::string& message, const char* hint) {
                                  throw DatabaseError(DatabaseError::Kind::other, message, 0, 0, hint);
                                });
  Pq functions{};
  lib.bind(functions.PQconninfoParse, "PQconninfoParse");
  lib.bind(functions.PQfreemem, "PQfreemem");
  lib.bind(functions.PQconninfoFree, "PQconninfoFree");
  lib.bind(functions.PQconnectdb, "PQconnectdb");
  lib.bind(functions.PQstatus, "PQstatus");
  lib.bind(functions.PQerrorMessage, "PQerrorMessage");
  lib.bind(functions.PQfinish, "PQfinish");
  lib.bind(functions.PQresultErrorField, "PQresultErrorField");
  lib.bind(functions.PQresultErrorMessage, "PQresultErrorMessage");
  lib.bind(functions.PQclear, "PQclear");
  lib.bind(functions.PQexec, "PQexec");
  lib.bind(functions.PQresultStatus, "PQresultStatus");
  lib.bind(functions.PQprepare, "PQprepare");
  lib.bind(functions.PQtransactionStatus, "PQtransactionStatus");
  lib.bind(functions.PQexecPrepared, "PQexecPrepared");
  lib.bind(functions.PQntuples, "PQntuples");
  lib.bind(functions.PQgetisnull, "PQgetisnull");
  lib.bind(functions.PQftype, "PQftype");
  lib.bind(functions.PQnfields, "PQnfields");
  lib.bind(functions.PQfname, "PQfname");
  lib.bind(functions.PQgetvalue, "PQgetvalue");
  lib.bind(functions.PQgetlength, "PQgetlength");
  lib.bind(functions.PQsetNoticeReceiver, "PQsetNoticeReceiver");
  return functions;
}

const Pq& pq()
{
  static const Pq k_pq = load();
  return k_pq;
}

} // namespace

TranslatedSql translate_placeholders(std::string_view sql)
{
  TranslatedSql out;
  out.text.reserve(sql.size() + 16);
  std::size_t i = 0;
  // Copies up to and including the `close` that ends a quoted run beginning at i.
  const auto copy_quoted = [&](char close) {
    out.text += sql[i++];
    while (i < sql.size()) {
      const char c = sql[i++];
      out.text += c;
      if (c == close) {
        // A doubled quote is the quote itself, and the run goes on.
        if (i < sql.size() && sql[i] == close) {
          out.text += sql[i++];
          continue;
        }
        return;
      }
    }
  };
  while (i < sql.size()) {
    const char c = sql[i];
    if (c == '\'' || c == '"') {
      copy_quoted(c);
    } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
      const std::size_t end = std::min(sql.find('\n', i), sql.size());
      out.text.append(sql.substr(i, end - i));
      i = end;
    } else if (c == '/' && i + 1 < sql.size() && sql[i + 1] == '*') {
      const std::size_t close = sql.find("*/", i + 2);
      const std::size_t end = close == std::string_view::npos ? sql.size() : close + 2;
      out.text.append(sql.substr(i, end - i));
      i = end;
    } else if (sql.substr(i).starts_with("INDEXED BY ")) {
      // SQLite's index hint: it chooses a plan, never changes a result; PostgreSQL's planner
      // has no such hint. Dropped with its index name (and the blank before it stays).
      i += std::string_view("INDEXED BY ").size();
      while (i < sql.size() && (std::isalnum(static_cast<unsigned char>(sql[i])) != 0 || sql[i] == '_')) {
        ++i;
      }
      if (i < sql.size() && sql[i] == ' ') {
        ++i;
      }
    } else if (c == '?') {
      ++i;
      std::size_t digits = i;
      while (digits < sql.size() && std::isdigit(static_cast<unsigned char>(sql[digits])) != 0) {
        ++digits;
      }
      int number = out.parameters + 1;
      if (digits > i) {
        std::from_chars(sql.data() + i, sql.data() + digits, number);
        i = digits;
      }
      out.parameters = std::max(out.parameters, number);
      out.text += '$';
      out.text += std::to_string(number);
    } else {
      out.text += c;
      ++i;
    }
  }
  return out;
}

bool is_connection_string(std::string_view target)
{
  if (target.starts_with("postgresql://") || target.starts_with("postgres://")) {
    return true;
  }
  // A keyword string begins `keyword=` (spaces allowed around `=`) with one of libpq's
  // keywords; a file name such as `a=b.db` does not.
  std::size_t start = 0;
  while (start < target.size() && target[start] == ' ') {
    ++start;
  }
  std::size_t end = start;
  while (end < target.size() && (std::isalnum(static_cast<unsigned char>(target[end])) != 0 || target[end] == '_')) {
    ++end;
  }
  const std::string_view keyword = target.substr(start, end - start);
  while (end < target.size() && target[end] == ' ') {
    ++end;
  }
  if (end >= target.size() || target[end] != '=') {
    return false;
  }
  static constexpr std::array<std::string_view, 12> k_keywords = {"host",
                                                                  "hostaddr",
                                                                  "port",
                                                                  "dbname",
                                                                  "user",
                                                                  "service",
                                                                  "sslmode",
                                                                  "options",
                                                                  "application_name",
                                                                  "connect_timeout",
                                                                  "passfile",
                                                                  "target_session_attrs"};
  return std::find(k_keywords.begin(), k_keywords.end(), keyword) != k_keywords.end();
}

void check_connection_string(const std::string& target)
{
  char* error = nullptr;
  PQconninfoOption* options = pq().PQconninfoParse(target.c_str(), &error);
  if (!options) {
    std::string detail = error ? error : "内存不足";
    pq().PQfreemem(error);
    while (!detail.empty() && (detail.back() == '\n' || detail.back() == ' ')) {
      detail.pop_back();
    }
    throw UsageError(fmt::format("数据库连接串无法解析：{}", detail),
                     "写成 postgresql://用户@主机:端口/数据库名，或 host=… dbname=… 的形式");
  }
  bool has_password = false;
  for (const PQconninfoOption* option = options; option->keyword; ++option) {
    if (std::string_view(option->keyword) == "password" && option->val && *option->val) {
      has_password = true;
    }
  }
  pq().PQconninfoFree(options);
  if (has_password) {
    // The string itself is not repeated: it holds the password.
    throw UsageError("数据库连接串中不能写密码（会留在命令历史、配置文件和进程列表中）",
                     "把密码写在 ~/.pgpass 中（权限 0600），或由环境变量 PGPASSWORD 给出");
  }
}

void check_target(const std::string& target)
{
  if (is_connection_string(target)) {
    check_connection_string(target);
  }
}

namespace {

// The first line of a libpq message, without its `ERROR:` / `FATAL:` prefix and newline.
std::string first_line(const char* message)
{
  std::string line = message ? message : "";
  line = line.substr(0, line.find('\n'));
  for (const std::string_view prefix : {"ERROR:  ", "FATAL:  ", "错误:  ", "致命错误:  "}) {
    if (line.starts_with(prefix)) {
      line.erase(0, prefix.size());
    }
  }
  while (!line.empty() && line.back() == ' ') {
    line.pop_back();
  }
  return line;
}

struct ResultDeleter
{
  void operator()(PGresult* result) const { pq().PQclear(result); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

} // namespace

namespace {

// When this process last lost its server (steady clock), or never: after a loss, connecting
// waits for the server to come back (a restart takes seconds) instead of failing at once.
std::optional<std::chrono::steady_clock::time_point>& server_lost_at()
{
  static std::optional<std::chrono::steady_clock::time_point> k_lost_at;
  return k_lost_at;
}

// How long after a loss connections keep trying, and how often.
constexpr std::chrono::seconds k_reconnect_wait{30};
constexpr std::chrono::milliseconds k_reconnect_pause{200};

} // namespace

namespace {

// libpq's reason for a failed connection, for the officer: the usual ones said in Chinese,
// others (authentication, a database that does not exist: the server's words, which name what
// is wrong) without libpq's "connection to server at …failed:" and "FATAL:" around them.
constexpr std::string_view k_server_restarting = "服务器正在启动、关闭或重启";

std::string connect_failure(const char* message)
{
  std::string line = message ? message : "";
  line = line.substr(0, line.find('\n'));
  if (const std::size_t failed = line.find(" failed: ");
      line.starts_with("connection to server") && failed != std::string::npos) {
    line.erase(0, failed + std::string_view(" failed: ").size());
  }
  for (const std::string_view prefix : {"FATAL:  ", "致命错误:  "}) {
    if (line.starts_with(prefix)) {
      line.erase(0, prefix.size());
    }
  }
  while (!line.empty() && line.back() == ' ') {
    line.pop_back();
  }
  if (line.find("starting up") != std::string::npos || line.find("shutting down") != std::string::npos ||
      line.find("server closed the connection") != std::string::npos ||
      line.find("in recovery mode") != std::string::npos) {
    return std::string(k_server_restarting);
  }
  if (line.find("Connection refused") != std::string::npos) {
    return "服务器未在运行，或不接受连接";
  }
  if (line.find("timeout expired") != std::string::npos || line.find("timed out") != std::string::npos) {
    return "连接超时";
  }
  return line;
}

} // namespace

void note_server_lost()
{
  server_lost_at() = std::chrono::steady_clock::now();
}

PgConnection::PgConnection(const std::string& target) : m_target(target)
{
  check_connection_string(target);
  connect();
}

void PgConnection::connect()
{
  for (;;) {
    m_conn = pq().PQconnectdb(m_target.c_str());
    if (!m_conn) {
      throw std::bad_alloc();
    }
    if (pq().PQstatus(m_conn) == CONNECTION_OK) {
      break;
    }
    const std::string detail = connect_failure(pq().PQerrorMessage(m_conn));
    pq().PQfinish(m_conn);
    m_conn = nullptr;
    // A server starting up or shutting down (a restart) refuses sessions for a moment: nothing
    // has begun, so waiting for it is safe, as after a loss.
    if (detail == k_server_restarting && !server_lost_at()) {
      note_server_lost();
    }
    const auto lost = server_lost_at();
    if (lost && std::chrono::steady_clock::now() < *lost + k_reconnect_wait) {
      std::this_thread::sleep_for(k_reconnect_pause);
      continue;
    }
    throw DatabaseError(DatabaseError::Kind::other, fmt::format("无法连接数据库服务器（{}）", detail), 0, 0,
                        "检查服务器是否在运行、连接串中的主机、端口、数据库名和用户，以及 ~/.pgpass");
  }
  // libpq prints the server's notices on stderr by default, in the server's words: among them
  // the FATAL a server sends an idle session it is about to end ("terminating connection due
  // to administrator command"). They come here instead (see receive_notice).
  pq().PQsetNoticeReceiver(m_conn, &PgConnection::receive_notice, this);
  // Server messages stay in the server's words; the context around them is ours, in Chinese.
  // Dates and times go in and out as text in ISO form, whatever the server's settings.
  exec("SET client_encoding = 'UTF8'; SET DateStyle = 'ISO, YMD'; SET TimeZone = 'UTC';"
       " SET client_min_messages = warning");
}

void PgConnection::receive_notice(void* self, const pg_result* notice)
{
  const char* severity = pq().PQresultErrorField(notice, PG_DIAG_SEVERITY_NONLOCALIZED);
  const std::string level = severity ? severity : "";
  const std::string text = first_line(pq().PQresultErrorMessage(notice));
  if (level == "FATAL" || level == "PANIC") {
    // The server is ending this session; the next statement fails, and fail() says so in
    // normdoc's words.
    static_cast<PgConnection*>(self)->m_ending = true;
    return;
  }
  if (level == "WARNING") {
    std::fputs(fmt::format("normdoc: 警告：数据库服务器：{}\n", text).c_str(), stderr);
  }
}

bool PgConnection::lost() const
{
  return m_conn == nullptr || pq().PQstatus(m_conn) == CONNECTION_BAD;
}

void PgConnection::reconnect()
{
  note_server_lost();
  if (m_conn) {
    pq().PQfinish(m_conn);
    m_conn = nullptr;
  }
  // Prepared statements belong to the session that is gone.
  m_prepared.clear();
  m_ending = false;
  connect();
}

std::optional<bool> PgConnection::committed(const std::string& transaction_id)
{
  try {
    reconnect();
    PgStatement stmt(*this, prepare("SELECT pg_xact_status(?::xid8)"));
    stmt.bind(1, transaction_id);
    if (stmt.step() != Step::row || stmt.is_null(0)) {
      return std::nullopt;
    }
    const std::string_view status = stmt.text_view(0);
    if (status == "committed") {
      return true;
    }
    if (status == "aborted") {
      return false;
    }
    return std::nullopt;
  } catch (const DatabaseError&) {
    return std::nullopt;
  }
}

PgConnection::~PgConnection()
{
  if (m_conn) {
    pq().PQfinish(m_conn);
  }
}

void PgConnection::fail(const pg_result* result, std::string_view context) const
{
  const char* state = result ? pq().PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  const std::string code = state ? state : "";
  const std::string detail = first_line(result ? pq().PQresultErrorMessage(result) : pq().PQerrorMessage(m_conn));
  using Kind = DatabaseError::Kind;
  if (lost() || m_ending || code.starts_with("08") || code == "57P01" || code == "57P02" || code == "57P03") {
    // libpq's own words here ("server closed the connection unexpectedly", "terminating
    // connection due to administrator command") say nothing an officer can act on.
    note_server_lost();
    throw DatabaseError(Kind::disconnected, "与数据库服务器的连接中断（服务器关闭或重启），本次操作未生效", 0, 0,
                        "服务器恢复后重试");
  }
  if (code == "40001" || code == "40P01" || code == "55P03" || code == "57014") {
    throw DatabaseError(Kind::busy, fmt::format("数据库正忙，操作与其他用户的操作冲突（{}），本次操作未生效", detail),
                        0, 0, "稍后重试");
  }
  if (code.starts_with("23")) {
    throw DataError(fmt::format("数据违反约束：{}", detail));
  }
  if (code == "42501") {
    throw DatabaseError(Kind::read_only, fmt::format("数据库拒绝了本操作：当前数据库角色无此权限（{}）", detail), 0, 0,
                        "请管理员为该数据库角色授予相应权限，或换用有权限的角色连接");
  }
  if (code == "3D000") {
    throw DatabaseError(Kind::missing, fmt::format("数据库不存在（{}）", detail), 0, 0,
                        "先在服务器上建库（createdb），再运行 normdoc init --db …");
  }
  if (code.starts_with("53")) {
    throw DatabaseError(Kind::other, fmt::format("数据库服务器资源不足（{}），本次操作未生效", detail), 0, 0,
                        "检查服务器的磁盘空间和连接数");
  }
  throw DatabaseError(Kind::other, fmt::format("数据库错误：{}（{}）", detail, context));
}

void PgConnection::exec(std::string_view sql)
{
  const std::string copy(sql);
  const Result result(pq().PQexec(m_conn, copy.c_str()));
  const ExecStatusType status = result ? pq().PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    fail(result.get(), sql);
  }
}

const PgConnection::Prepared& PgConnection::prepare(std::string_view sql)
{
  if (const auto found = m_prepared.find(sql); found != m_prepared.end()) {
    return found->second;
  }
  const TranslatedSql translated = translate_placeholders(sql);
  Prepared prepared{fmt::format("normdoc_{}", m_prepared.size() + 1), translated.parameters};
  // The server infers each parameter's type from where it is used. One used only where any
  // type goes (lib's optional filters: `?1 IS NULL OR issuer = ?1`) it cannot always infer
  // (42P08 or 42P18, "could not determine data type of parameter $N"): that one is declared text, as
  // SQLite would take it, and the statement prepared again.
  std::vector<Oid> types(static_cast<std::size_t>(translated.parameters), 0);
  constexpr Oid k_text = 25;
  // Inside a transaction a failed PREPARE would abort it: each try gets a savepoint.
  const bool in_transaction = pq().PQtransactionStatus(m_conn) == PQTRANS_INTRANS;
  for (;;) {
    if (in_transaction) {
      exec("SAVEPOINT normdoc_prepare");
    }
    const Result result(pq().PQprepare(m_conn, prepared.name.c_str(), translated.text.c_str(), translated.parameters,
                                       types.empty() ? nullptr : types.data()));
    const bool prepared_ok = result && pq().PQresultStatus(result.get()) == PGRES_COMMAND_OK;
    if (in_transaction) {
      exec(prepared_ok ? "RELEASE SAVEPOINT normdoc_prepare"
                       : "ROLLBACK TO SAVEPOINT normdoc_prepare; RELEASE SAVEPOINT normdoc_prepare");
    }
    if (prepared_ok) {
      break;
    }
    const char* state = result ? pq().PQresultErrorField(result.get(), PG_DIAG_SQLSTATE) : nullptr;
    const std::string message = result ? pq().PQresultErrorMessage(result.get()) : "";
    const std::size_t marker = message.find('$');
    std::size_t number = 0;
    const bool indeterminate = state && (std::string_view(state) == "42P08" || std::string_view(state) == "42P18");
    if (indeterminate && marker != std::string::npos) {
      std::from_chars(message.data() + marker + 1, message.data() + message.size(), number);
    }
    if (number < 1 || number > types.size() || types[number - 1] == k_text) {
      fail(result.get(), sql);
    }
    types[number - 1] = k_text;
  }
  return m_prepared.emplace(std::string(sql), std::move(prepared)).first->second;
}

PgStatement::PgStatement(PgConnection& connection, const PgConnection::Prepared& prepared)
    : m_connection(connection), m_prepared(prepared), m_parameters(static_cast<std::size_t>(prepared.parameters))
{
}

PgStatement::~PgStatement()
{
  clear();
}

void PgStatement::clear()
{
  if (m_result) {
    pq().PQclear(m_result);
    m_result = nullptr;
  }
  m_row = -1;
  m_rows = 0;
}

void PgStatement::bind(int index, std::optional<std::string> value)
{
  if (index < 1 || index > m_prepared.parameters) {
    throw DatabaseError(DatabaseError::Kind::other,
                        fmt::format("数据库错误：参数序号 {} 超出范围（共 {} 个）", index, m_prepared.parameters));
  }
  m_parameters[static_cast<std::size_t>(index - 1)] = std::move(value);
}

Step PgStatement::step()
{
  if (!m_result) {
    std::vector<const char*> values;
    values.reserve(m_parameters.size());
    for (const auto& parameter : m_parameters) {
      values.push_back(parameter ? parameter->c_str() : nullptr);
    }
    m_result = pq().PQexecPrepared(m_connection.raw(), m_prepared.name.c_str(), m_prepared.parameters, values.data(),
                                   nullptr, nullptr, 0);
    const ExecStatusType status = m_result ? pq().PQresultStatus(m_result) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
      const Result failed(std::exchange(m_result, nullptr));
      m_connection.fail(failed.get(), m_prepared.name);
    }
    m_rows = pq().PQntuples(m_result);
  }
  if (m_row < m_rows) {
    ++m_row;
  }
  return m_row < m_rows ? Step::row : Step::done;
}

void PgStatement::reset()
{
  clear();
  std::fill(m_parameters.begin(), m_parameters.end(), std::nullopt);
}

bool PgStatement::is_null(int column) const
{
  return !m_result || m_row >= m_rows || pq().PQgetisnull(m_result, m_row, column) != 0;
}

bool PgStatement::is_integer(int column) const
{
  // int8, int4, int2 (pg_type.oid): SQLite's INTEGER storage class.
  constexpr unsigned k_int8 = 20;
  constexpr unsigned k_int2 = 21;
  constexpr unsigned k_int4 = 23;
  if (is_null(column)) {
    return false;
  }
  const Oid type = pq().PQftype(m_result, column);
  return type == k_int8 || type == k_int4 || type == k_int2;
}

int PgStatement::column_count() const
{
  return m_result ? pq().PQnfields(m_result) : 0;
}

std::string PgStatement::column_name(int column) const
{
  const char* name = m_result ? pq().PQfname(m_result, column) : nullptr;
  return name ? name : "";
}

std::string_view PgStatement::text_view(int column) const
{
  if (is_null(column)) {
    return {};
  }
  return {pq().PQgetvalue(m_result, m_row, column),
          static_cast<std::size_t>(pq().PQgetlength(m_result, m_row, column))};
}

std::int64_t PgStatement::integer(int column) const
{
  const std::string_view text = text_view(column);
  // A boolean comes as t/f; SQLite has none and gives 1/0.
  if (text == "t") {
    return 1;
  }
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() && !text.empty() && text != "f") {
    // A numeric or real column read as an integer truncates, as sqlite3_column_int64 does.
    return static_cast<std::int64_t>(std::strtod(std::string(text).c_str(), nullptr));
  }
  static_cast<void>(end);
  return value;
}

double PgStatement::real(int column) const
{
  const std::string_view text = text_view(column);
  return text.empty() ? 0.0 : std::strtod(std::string(text).c_str(), nullptr);
}

} // namespace normdoc::store
