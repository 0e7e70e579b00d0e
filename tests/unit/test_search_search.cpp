// SPDX-License-Identifier: MIT
#include "fixture.hpp"

#include <normdoc/error.hpp>
#include <normdoc/search/search.hpp>

#include <doctest/doctest.h>

#include <sqlite3.h>

#include <algorithm>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace normdoc;
using test::day;

namespace {

std::vector<std::int64_t> ids(test::Fixture& f, const char* query, std::size_t limit = 20)
{
  std::vector<std::int64_t> found;
  for (const auto& hit : search::find(f.db, query, registry::ListFilter{day("2026-06-01")}, limit)) {
    found.push_back(hit.document.id);
  }
  return found;
}

} // namespace

TEST_CASE("search: three characters or more through the index, titles first, with marked snippets")
{
  test::Fixture f;
  f.add_with_text("文化市场管理办法", "第一条 为了规范文化市场秩序……第九条 旅游市场另行规定。");
  f.add_with_text("旅游市场管理办法", "第一条 为了规范旅游市场，促进旅游市场健康发展。");
  f.add_with_text("景区管理办法", "第一条 景区门票价格……");
  CHECK(ids(f, "旅游市场") == std::vector<std::int64_t>{2, 1});
  const auto hits = search::find(f.db, "旅游市场", registry::ListFilter{day("2026-06-01")}, 20);
  CHECK(hits[0].title == "【旅游市场】管理办法");
  CHECK(hits[1].snippet.find("【旅游市场】") != std::string::npos);
  CHECK(ids(f, "门票价格") == std::vector<std::int64_t>{3});
  CHECK(ids(f, "不存在的词").empty());
  CHECK(ids(f, "旅游市场", 1).size() == 1);
  // Quotes in the query are text, not FTS syntax.
  CHECK(ids(f, "\"旅游 OR 景区\"").empty());
}

TEST_CASE("search: one and two characters scan titles and texts correctly")
{
  test::Fixture f;
  f.add_with_text("文化市场管理办法", "处罚款。罚款。");
  f.add_with_text("罚款标准", "无");
  f.add_with_text("景区办法", "门票");
  CHECK(ids(f, "罚款") == std::vector<std::int64_t>{2, 1});
  CHECK(ids(f, "票") == std::vector<std::int64_t>{3});
  // The index's vocabulary finds short queries by prefix; what ends a title or a text is found too.
  f.add_with_text("关于处以罚款", "正文");
  f.add_with_text("规定", "第一条 处以罚");
  CHECK(ids(f, "罚款") == std::vector<std::int64_t>{2, 4, 1});
  CHECK(ids(f, "处以罚") == std::vector<std::int64_t>{4, 5});
  CHECK(ids(f, "以罚") == std::vector<std::int64_t>{4, 5});
  CHECK(ids(f, "门") == std::vector<std::int64_t>{3});
  CHECK(ids(f, "规") == std::vector<std::int64_t>{5}); // the last character but one of a title
  CHECK(ids(f, "定") == std::vector<std::int64_t>{5});
  const auto hits = search::find(f.db, "罚款", registry::ListFilter{day("2026-06-01")}, 20);
  CHECK(hits[2].snippet == "处【罚款】。【罚款】。");
  CHECK(hits[1].title == "关于处以【罚款】");
  CHECK_THROWS_AS(search::find(f.db, "  ", registry::ListFilter{day("2026-06-01")}, 20), UsageError);
}

TEST_CASE("the index follows every change to titles and texts, in the same transaction")
{
  test::Fixture f;
  const auto doc = f.add_with_text("旧标题办法", "旧的正文内容");
  {
    store::Transaction txn(f.db);
    registry::Changes changes;
    changes.title = "新标题办法";
    changes.text = registry::DocumentText{"新的正文内容", "v2.txt"};
    f.reg.edit(txn, doc, changes, test::k_stamp);
    txn.commit();
  }
  CHECK(ids(f, "旧标题").empty());
  CHECK(ids(f, "旧的正文").empty());
  CHECK(ids(f, "新标题") == std::vector<std::int64_t>{doc.id});
  CHECK(ids(f, "新的正文") == std::vector<std::int64_t>{doc.id});
  {
    store::Transaction txn(f.db);
    registry::Changes changes;
    changes.title = "回滚的标题";
    f.reg.edit(txn, *registry::find(f.db, doc.id), changes, test::k_stamp);
    // not committed
  }
  CHECK(ids(f, "回滚的").empty());
  CHECK(search::index_mismatches(f.db) == 0);
  f.db.exec("UPDATE document_fts SET text = '' WHERE rowid = 1");
  CHECK(search::index_mismatches(f.db) == 1);
  store::Transaction txn(f.db);
  CHECK(search::rebuild_index(txn) == 1);
  txn.commit();
  CHECK(search::index_mismatches(f.db) == 0);
}

TEST_CASE("search filters like list")
{
  test::Fixture f;
  const auto draft = f.add_with_text("旅游草案", "旅游市场");
  const auto published = f.publish(f.add_with_text("旅游办法", "旅游市场"), "2026-01-01");
  registry::ListFilter filter{day("2026-06-01")};
  filter.status = registry::Status::published;
  const auto hits = search::find(f.db, "旅游市场", filter, 20);
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].document.id == published.id);
  CHECK(draft.id != published.id);
}

TEST_CASE("search: the passage comes from a window of a large text, around its first match")
{
  test::Fixture f;
  // 4 MB of articles, the searched phrase near the end: FTS5's snippet() took 15 s here.
  std::string text;
  while (text.size() < (4U << 20U)) {
    text += "第一条 为了加强文化市场管理，维护文化市场秩序，制定本办法。\n";
  }
  text += "第九十九条 乡村民宿的经营者应当依法办理登记。";
  f.add_with_text("文化市场管理办法", text);
  f.add_with_text("民宿管理办法", "第一条 乡村民宿 乡村民宿。");
  const auto started = std::chrono::steady_clock::now();
  const auto hits = search::find(f.db, "乡村民宿", registry::ListFilter{day("2026-06-01")}, 20);
  const auto took = std::chrono::steady_clock::now() - started;
  REQUIRE(hits.size() == 2);
  const auto& large = hits[0].document.id == 1 ? hits[0] : hits[1];
  CHECK(large.snippet == "…理，维护文化市场秩序，制定本办法。 第九十九条 【乡村民宿】的经营者应当依法办理登记。");
  const auto& small = hits[0].document.id == 2 ? hits[0] : hits[1];
  CHECK(small.snippet == "第一条 【乡村民宿】 【乡村民宿】。");
  // Milliseconds in fact; the bound only catches a return to tokenising the whole text.
  CHECK(took < std::chrono::seconds(3));
  // ASCII case is folded as the index folds it; the window marks the occurrence as written.
  f.add_with_text("网络办法", "第一条 适用于 App 运营者。");
  const auto folded = search::find(f.db, "app", registry::ListFilter{day("2026-06-01")}, 20);
  REQUIRE(folded.size() == 1);
  CHECK(folded[0].snippet == "第一条 适用于 【App】 运营者。");
}

TEST_CASE("search: the stored text is read in pieces; a match across two pieces is found whole")
{
  test::Fixture f;
  // The search reads 1 MiB at a time: the phrase (12 bytes) starts 5 bytes before the end of
  // the first piece. ASCII padding keeps the byte arithmetic exact.
  const std::size_t piece = std::size_t{1} << 20U;
  std::string text(piece - 5, 'a');
  text += "乡村民宿";
  text += std::string(200, 'b');
  f.add_with_text("民宿办法", text);
  // The same phrase in the first bytes of a text: no ellipsis before it.
  f.add_with_text("乡村旅游办法", "乡村民宿的经营者应当依法办理登记。");
  const auto hits = search::find(f.db, "乡村民宿", registry::ListFilter{day("2026-06-01")}, 20);
  REQUIRE(hits.size() == 2);
  const auto& across = hits[0].document.id == 1 ? hits[0] : hits[1];
  CHECK(across.snippet == "…" + std::string(24, 'a') + "【乡村民宿】" + std::string(24, 'b') + "…");
  const auto& first = hits[0].document.id == 2 ? hits[0] : hits[1];
  CHECK(first.snippet == "【乡村民宿】的经营者应当依法办理登记。");
}

namespace {

// What the index answers for `query`, straight from FTS5: (document, bm25 score) for three
// characters or more, (document, column, offset) of every occurrence by prefix for shorter.
std::vector<std::string> index_answers(sqlite3* db, const std::string& query)
{
  const bool is_short = query.size() <= 6; // one or two CJK characters
  const std::string sql =
    is_short
      ? "SELECT doc || ' ' || col || ' ' || offset FROM temp.vocab WHERE term >= ?1 AND term < ?1 || char(1114111)"
        " ORDER BY doc, col, offset"
      : "SELECT rowid || ' ' || bm25(document_fts, 10.0, 1.0) FROM document_fts WHERE document_fts MATCH"
        " '\"' || ?1 || '\"' ORDER BY rowid";
  sqlite3_exec(db, "CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab USING fts5vocab(main, document_fts, 'instance')",
               nullptr, nullptr, nullptr);
  sqlite3_stmt* stmt = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK);
  sqlite3_bind_text(stmt, 1, query.c_str(), -1, SQLITE_TRANSIENT);
  std::vector<std::string> rows;
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    rows.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)));
  }
  sqlite3_finalize(stmt);
  return rows;
}

} // namespace

TEST_CASE("schema 17: the index reads the registry's texts; a registry indexed before answers the same")
{
  namespace fs = std::filesystem;
  const std::string path = "schema16.db";
  fs::remove(path);
  const std::vector<std::string> queries{"管理办法", "市场管理", "旅游", "罚款", "门", "定"};
  std::vector<std::vector<std::string>> before;
  {
    // A registry as schema 16 left it: the migrations up to 16, documents written by SQL.
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &raw) == SQLITE_OK);
    std::vector<fs::path> scripts;
    for (const auto& entry : fs::directory_iterator(fs::path(NORMDOC_SOURCE_DIR) / "schemas" / "sql")) {
      if (entry.path().filename().string() < "017") {
        scripts.push_back(entry.path());
      }
    }
    std::sort(scripts.begin(), scripts.end());
    REQUIRE(scripts.size() == 16);
    for (const auto& script : scripts) {
      std::ifstream in(script);
      std::stringstream text;
      text << in.rdbuf();
      REQUIRE(sqlite3_exec(raw, text.str().c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
    }
    REQUIRE(sqlite3_exec(raw,
                         "PRAGMA user_version = 16; PRAGMA application_id = 1313099587;"
                         "INSERT INTO document (id, title, issuer, created_at, updated_at) VALUES"
                         " (1, '文化市场管理办法', '甲局', 'x', 'x'), (2, '罚款标准', '甲局', 'x', 'x'),"
                         " (3, '景区门票规定', '甲局', 'x', 'x'), (4, '无正文的管理办法', '甲局', 'x', 'x');"
                         "INSERT INTO document_text (document, text, sha256) VALUES"
                         " (1, '第一条 为了规范文化市场和旅游市场，制定本办法。处罚款。', 'a'),"
                         " (2, '罚款', 'b'), (3, '门票价格由旅游主管部门规定', 'c');",
                         nullptr, nullptr, nullptr) == SQLITE_OK);
    for (const auto& query : queries) {
      before.push_back(index_answers(raw, query));
      CHECK(!before.back().empty());
    }
    sqlite3_close(raw);
  }
  {
    auto db = store::Database::open(path, store::Database::OpenMode::existing, std::chrono::milliseconds{100});
    CHECK(db.single_integer("SELECT count(*) FROM sqlite_schema WHERE name = 'document_fts_content'") == 0);
    CHECK(search::index_mismatches(db) == 0);
  }
  sqlite3* raw = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &raw) == SQLITE_OK);
  for (std::size_t i = 0; i < queries.size(); ++i) {
    CHECK(index_answers(raw, queries[i]) == before[i]);
  }
  sqlite3_close(raw);
}

TEST_CASE("a bulk load leaves the index to its end, then indexes what it added")
{
  test::Fixture f;
  f.add_with_text("早已登记的管理办法", "第一条 旧的正文");
  const auto retitle = [&](store::Transaction& txn) {
    registry::Changes changes;
    changes.title = "改过的暂行办法";
    f.reg.edit(txn, *registry::find(f.db, 1), changes, test::k_stamp);
  };
  SUBCASE("added documents are indexed once, at the end")
  {
    store::Transaction txn(f.db);
    search::BulkLoad bulk(txn, search::BulkLoad::k_bulk_threshold + 1);
    registry::NewDocument input;
    input.title = "新登记的管理办法";
    input.issuer = "某局";
    input.text = registry::DocumentText{"第一条 新的正文", "n.txt"};
    f.reg.add(txn, input, test::k_stamp);
    CHECK(search::index_mismatches(f.db) == 1); // not yet indexed
    bulk.finish(false);
    txn.commit();
    CHECK(search::index_mismatches(f.db) == 0);
    auto found = ids(f, "管理办法");
    std::sort(found.begin(), found.end());
    CHECK(found == std::vector<std::int64_t>{1, 2});
  }
  SUBCASE("a load that changed an indexed document rebuilds the index")
  {
    store::Transaction txn(f.db);
    search::BulkLoad bulk(txn, search::BulkLoad::k_bulk_threshold + 1);
    retitle(txn);
    CHECK(search::index_mismatches(f.db) == 1);
    bulk.finish(true);
    txn.commit();
    CHECK(search::index_mismatches(f.db) == 0);
    CHECK(ids(f, "暂行办法") == std::vector<std::int64_t>{1});
    CHECK(ids(f, "管理办法").empty());
  }
  SUBCASE("a small load keeps the triggers")
  {
    store::Transaction txn(f.db);
    search::BulkLoad bulk(txn, search::BulkLoad::k_bulk_threshold);
    retitle(txn);
    CHECK(search::index_mismatches(f.db) == 0);
    bulk.finish(false);
    txn.commit();
  }
}
