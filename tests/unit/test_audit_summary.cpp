// SPDX-License-Identifier: MIT
#include <normdoc/audit/summary.hpp>

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

using namespace normdoc;

TEST_SUITE("audit")
{
  TEST_CASE("audit::summarize says a payload in Chinese, codes as labels, nulls left out")
  {
    CHECK(audit::summarize("cleanup-decide", R"({"cleanup":"c1","decision":"keep","reason":"仍适用"})") ==
          "清理：c1；决定：继续有效；理由：仍适用");
    CHECK(
      audit::summarize("filing-result", R"({"body":"市政府","result":"passed","date":"2023-04-20","until":null})") ==
      "备案机关：市政府；结果：审查通过；日期：2023-04-20");
    CHECK(audit::summarize("record", R"({"step":"fair-competition-review","result":"compliant","note":null})") ==
          "步骤：公平竞争审查；结果：符合");
    CHECK(audit::summarize("add", R"({"kind":"normative","trial":false,"materials":["备案报告","正式文本"]})") ==
          "类别：规范性文件；暂行/试行：否；报送材料：备案报告、正式文本");
    CHECK(audit::summarize("review-start", R"({"review":3,"checklist":"legality"})") == "审查：R3；清单：合法性审核");
    CHECK(audit::summarize("review-start", R"({"review":3,"checklist":"legality"})", "审核") ==
          "审核：R3；清单：合法性审核");
    CHECK(audit::summarize("void-step", R"({"step":4,"kind":"fair-competition-review","voided":"2026-11-20"})") ==
          "步骤：4；类别：公平竞争审查；作废：2026-11-20");
    CHECK(audit::summarize("basis-change", R"({"law":"旅游法","change":"repealed","date":"2026-01-01"})") ==
          "法律：旅游法；变更：废止；日期：2026-01-01");
    // Periods as `show` says them; every key in Chinese, a hash shortened.
    CHECK(audit::summarize("add", R"({"validity":"5y"})") == "有效期：5年");
    CHECK(audit::summarize(
            "renew", R"({"expires":{"from":"2026-11-30","to":"2031-11-09"},"reg_no":{"from":"A-1","to":"A-1"}})") ==
          "有效期至：由2026-11-30改为2031-11-09；登记编号：A-1（未变）");
    CHECK(audit::summarize("edit", R"({"doc_no":{"from":null,"to":"甲〔2024〕1号"}})") ==
          "文号：由（空）改为甲〔2024〕1号");
    CHECK(audit::summarize("add", R"({"validity":"15wd"})") == "有效期：15个工作日");
    CHECK(audit::summarize("add", R"({"validity":"永久"})") == "有效期：永久");
    CHECK(audit::summarize("evaluate",
                           R"({"report_sha256":"8bf95e440838dbda1dbb8639274bf3aeab40165d6f88ff6c2625d0c21d8714f6"})") ==
          "评估报告哈希：8bf95e440838…");
    CHECK(audit::summarize("acknowledge", R"({"subject":"published-without-deliberation"})") ==
          "事项：发布前未经集体审议决定");
    CHECK(audit::summarize("acknowledge", R"({"subject":"filed-before-registry"})") ==
          "事项：使用 normdoc 前已报送备案");
    // A document's own subject (主题分类) is not an acknowledgement's.
    CHECK(audit::summarize("add", R"({"subject":"expired"})") == "事项：expired");
    const std::string hash(64, 'a');
    CHECK(audit::summarize("add", R"({"text_sha256":")" + hash + "\"}") == "全文：aaaaaaaaaaaa…");
    // Not an object (a damaged or foreign payload): shown as it is rather than lost.
    CHECK(audit::summarize("x", "[1,2]") == "[1,2]");
  }

  TEST_CASE("audit::review_words: 审核 for a legality review's events, 审查 for a fair-competition review's")
  {
    const auto event = [](std::string kind, std::string payload) {
      audit::Event e;
      e.kind = std::move(kind);
      e.payload = std::move(payload);
      return e;
    };
    const std::vector<audit::Event> events{
      event("add", R"({"title":"甲"})"),
      event("review-start", R"({"review":1,"checklist":"legality"})"),
      event("review-start", R"({"review":2,"checklist":"fair-competition"})"),
      event("review-answer", R"({"review":2,"answers":[]})"),
      event("review-dismiss", R"({"review":1,"finding":1})"),
      event("review-conclude", R"({"review":1,"result":"passed"})"),
      event("review-conclude", R"({"review":2,"result":"compliant"})"),
      event("review-conclude", R"({"review":9,"result":"passed"})"), // its start is not in the list
      event("outdate-review", R"({"step":4,"kind":"legality-review"})"),
      event("outdate-review", R"({"step":5,"kind":"fair-competition-review"})"),
    };
    const std::vector<std::string_view> expected{"审查", "审核", "审查", "审查", "审核",
                                                 "审核", "审查", "审查", "审核", "审查"};
    CHECK(audit::review_words(events) == expected);
  }
}
