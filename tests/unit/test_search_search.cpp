// SPDX-License-Identifier: MIT
#include "fixture.hpp"

#include <normdoc/error.hpp>
#include <normdoc/search/search.hpp>

#include <doctest/doctest.h>

#include <chrono>

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
