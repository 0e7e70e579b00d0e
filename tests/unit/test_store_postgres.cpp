// SPDX-License-Identifier: MIT
// The PostgreSQL side of the store that needs no server: SQL translation and telling a
// connection string from a file path.
#include "store/postgres.hpp"

#include <normdoc/error.hpp>
#include <normdoc/store/database.hpp>

#include <doctest/doctest.h>

#include <string>

using namespace normdoc;
using store::Dialect;

TEST_SUITE_BEGIN("store");

TEST_CASE("store::translate_placeholders numbers markers as SQLite does")
{
  SUBCASE("bare markers count up")
  {
    const auto sql = store::translate_placeholders("INSERT INTO t (a, b, c) VALUES (?, ?, ?)");
    CHECK(sql.text == "INSERT INTO t (a, b, c) VALUES ($1, $2, $3)");
    CHECK(sql.parameters == 3);
  }
  SUBCASE("numbered markers keep their number; a bare one follows the largest so far")
  {
    const auto sql = store::translate_placeholders("SELECT ?2, ?1, ?, ?10 WHERE x = ?");
    CHECK(sql.text == "SELECT $2, $1, $3, $10 WHERE x = $11");
    CHECK(sql.parameters == 11);
  }
  SUBCASE("a repeated number is one parameter")
  {
    const auto sql = store::translate_placeholders("SELECT * FROM t WHERE a = ?1 OR b = ?1");
    CHECK(sql.text == "SELECT * FROM t WHERE a = $1 OR b = $1");
    CHECK(sql.parameters == 1);
  }
  SUBCASE("markers in literals, quoted names and comments stay")
  {
    const auto sql =
      store::translate_placeholders("SELECT '?', 'it''s ?', \"col?\" -- why?\n, ? /* ? */ FROM t WHERE a = ?");
    CHECK(sql.text == "SELECT '?', 'it''s ?', \"col?\" -- why?\n, $1 /* ? */ FROM t WHERE a = $2");
    CHECK(sql.parameters == 2);
  }
  SUBCASE("SQLite's index hints are dropped, outside literals only")
  {
    const auto sql = store::translate_placeholders(
      "SELECT 'INDEXED BY x' FROM document d LEFT JOIN document_text t INDEXED BY document_text_summary ON t.document = d.id"
      " WHERE d.id = ?");
    CHECK(sql.text ==
          "SELECT 'INDEXED BY x' FROM document d LEFT JOIN document_text t ON t.document = d.id WHERE d.id = $1");
  }
  SUBCASE("no markers")
  {
    const auto sql = store::translate_placeholders("SELECT count(*) FROM document");
    CHECK(sql.text == "SELECT count(*) FROM document");
    CHECK(sql.parameters == 0);
  }
  SUBCASE("an unterminated literal is copied as it is, for the server to refuse")
  {
    const auto sql = store::translate_placeholders("SELECT 'open ?");
    CHECK(sql.text == "SELECT 'open ?");
    CHECK(sql.parameters == 0);
  }
}

TEST_CASE("store::dialect_of tells a server connection string from a file path")
{
  CHECK(store::dialect_of("postgresql://normdoc@db.example/registry") == Dialect::postgresql);
  CHECK(store::dialect_of("postgres://localhost:5433/registry") == Dialect::postgresql);
  CHECK(store::dialect_of("postgresql:///registry?host=/run/postgresql") == Dialect::postgresql);
  CHECK(store::dialect_of("host=127.0.0.1 port=5433 dbname=registry") == Dialect::postgresql);
  CHECK(store::dialect_of("dbname = registry") == Dialect::postgresql);
  CHECK(store::dialect_of("service=normdoc") == Dialect::postgresql);

  CHECK(store::dialect_of("registry.db") == Dialect::sqlite);
  CHECK(store::dialect_of("/var/lib/normdoc/registry.db") == Dialect::sqlite);
  CHECK(store::dialect_of(":memory:") == Dialect::sqlite);
  CHECK(store::dialect_of("a=b.db") == Dialect::sqlite);
  CHECK(store::dialect_of("postgresql.db") == Dialect::sqlite);
  CHECK(store::dialect_of("./postgresql://x") == Dialect::sqlite);
  CHECK(store::dialect_of("") == Dialect::sqlite);
}

TEST_CASE("store::check_connection_string refuses a password and what libpq cannot read")
{
  CHECK_NOTHROW(store::check_connection_string("postgresql://normdoc@127.0.0.1:5433/registry"));
  CHECK_NOTHROW(store::check_connection_string("host=127.0.0.1 dbname=registry"));
  for (const std::string with_password :
       {"postgresql://normdoc:secret@127.0.0.1/registry", "postgresql://127.0.0.1/registry?password=secret",
        "host=127.0.0.1 dbname=registry password=secret"}) {
    CAPTURE(with_password);
    try {
      store::check_connection_string(with_password);
      FAIL("accepted");
    } catch (const UsageError& e) {
      const std::string message = e.what();
      CHECK(message.find("不能写密码") != std::string::npos);
      // The password itself is never echoed.
      CHECK(message.find("secret") == std::string::npos);
      CHECK(e.hint().find("~/.pgpass") != std::string::npos);
      CHECK(e.hint().find("PGPASSWORD") != std::string::npos);
    }
  }
  CHECK_THROWS_AS(store::check_connection_string("host=127.0.0.1 nosuchoption=1"), UsageError);
}

TEST_CASE("store::check_target passes file paths and checks connection strings")
{
  CHECK_NOTHROW(store::check_target("registry.db"));
  // A file whose name looks like a URI with a password is still a file.
  CHECK_NOTHROW(store::check_target("./postgresql:x@y.db"));
  CHECK_NOTHROW(store::check_target("postgres://normdoc@localhost/registry"));
  CHECK_THROWS_AS(store::check_target("postgres://normdoc:pw@localhost/registry"), UsageError);
}

TEST_CASE("store::Database::open refuses a password in a connection string before connecting")
{
  // Port 1 on loopback: were the string not refused first, this would be a connection error.
  CHECK_THROWS_AS(store::Database::open("postgresql://u:pw@127.0.0.1:1/x", store::Database::OpenMode::existing,
                                        std::chrono::milliseconds{100}),
                  UsageError);
  CHECK_THROWS_AS(store::Database::open("postgresql://u@127.0.0.1:1/x", store::Database::OpenMode::existing,
                                        std::chrono::milliseconds{100}),
                  DatabaseError);
}

TEST_SUITE_END();
