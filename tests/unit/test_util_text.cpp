// SPDX-License-Identifier: MIT
#include <normdoc/error.hpp>
#include <normdoc/util/duration.hpp>
#include <normdoc/util/json.hpp>
#include <normdoc/util/sha256.hpp>
#include <normdoc/util/text.hpp>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

using namespace normdoc;

TEST_SUITE_BEGIN("util");

TEST_CASE("util::display_width counts CJK as two columns")
{
  CHECK(util::display_width("abc") == 3);
  CHECK(util::display_width("现行有效") == 8);
  CHECK(util::display_width("济示文旅〔2024〕5号") == 4 * 2 + 2 + 4 + 2 + 1 + 2);
  CHECK(util::display_width("ＡＢ") == 4);
  CHECK(util::display_width("e\u0301") == 1);
}

TEST_CASE("util::find_invalid_utf8")
{
  CHECK_FALSE(util::find_invalid_utf8("规范性文件 ok"));
  CHECK(util::find_invalid_utf8("ab\xC4\xE3") == 2u);           // GBK 你
  CHECK(util::find_invalid_utf8("\xC0\xAF") == 0u);             // overlong '/'
  CHECK(util::find_invalid_utf8("\xED\xA0\x80") == 0u);         // surrogate
  CHECK(util::find_invalid_utf8("\xE4\xBD") == 0u);             // truncated
  CHECK(util::find_invalid_utf8("abcdefgh\xE0\x9F\xBF") == 8u); // overlong U+07FF
  CHECK(util::find_invalid_utf8("abcdefgh\xED\xBF\xBF") == 8u); // surrogate
  CHECK_FALSE(
    util::find_invalid_utf8("\xE0\xA0\x80\xED\x9F\xBF\xEF\xBF\xBF\xF0\x90\x80\x80")); // U+0800 U+D7FF U+FFFF U+10000
}

TEST_CASE("util::find_invalid_utf8 on long text: the first bad byte wherever it falls")
{
  // Long runs of ASCII and of three-byte characters, a bad byte at every position of a run.
  const std::string ascii(40, 'a');
  std::string cjk;
  for (int i = 0; i < 13; ++i) {
    cjk += "规";
  }
  for (const std::string& run : {ascii, cjk, ascii + cjk + "é" + ascii}) {
    CHECK_FALSE(util::find_invalid_utf8(run));
    for (std::size_t at = 0; at < run.size(); ++at) {
      std::string bad = run;
      bad[at] = '\xFF';
      // Reported at the start of the character the byte belonged to.
      std::size_t lead = at;
      while (lead > 0 && (static_cast<unsigned char>(run[lead]) & 0xC0) == 0x80) {
        --lead;
      }
      CHECK(util::find_invalid_utf8(bad) == lead);
    }
  }
}

namespace {

// RFC 3629 / Unicode table 3-7 (well-formed UTF-8 byte sequences) as data, row by row: what the
// fast paths of find_invalid_utf8 must agree with. A character is well formed when some row's
// ranges hold its bytes.
std::optional<std::size_t> first_invalid_utf8(std::string_view text)
{
  struct Range
  {
    unsigned low;
    unsigned high;
  };
  static const std::vector<std::vector<Range>> rows{
    {{0x00, 0x7F}},
    {{0xC2, 0xDF}, {0x80, 0xBF}},
    {{0xE0, 0xE0}, {0xA0, 0xBF}, {0x80, 0xBF}},
    {{0xE1, 0xEC}, {0x80, 0xBF}, {0x80, 0xBF}},
    {{0xED, 0xED}, {0x80, 0x9F}, {0x80, 0xBF}},
    {{0xEE, 0xEF}, {0x80, 0xBF}, {0x80, 0xBF}},
    {{0xF0, 0xF0}, {0x90, 0xBF}, {0x80, 0xBF}, {0x80, 0xBF}},
    {{0xF1, 0xF3}, {0x80, 0xBF}, {0x80, 0xBF}, {0x80, 0xBF}},
    {{0xF4, 0xF4}, {0x80, 0x8F}, {0x80, 0xBF}, {0x80, 0xBF}},
  };
  std::size_t pos = 0;
  while (pos < text.size()) {
    const auto holds = [&](const std::vector<Range>& row) {
      return pos + row.size() <= text.size() &&
             std::equal(row.begin(), row.end(), text.begin() + static_cast<std::ptrdiff_t>(pos),
                        [](const Range& range, char ch) {
                          const auto byte = static_cast<unsigned>(static_cast<unsigned char>(ch));
                          return range.low <= byte && byte <= range.high;
                        });
    };
    const auto row = std::find_if(rows.begin(), rows.end(), holds);
    if (row == rows.end()) {
      return pos;
    }
    pos += row->size();
  }
  return std::nullopt;
}

} // namespace

TEST_CASE("util::find_invalid_utf8 agrees with the table on random mixes of characters and stray bytes")
{
  // Pieces that meet the fast paths' edges: ASCII runs, CJK (E4–E9), the leads whose second
  // byte is limited (E0, ED, F0, F4), full-width forms (EF BC), stray continuation bytes, GBK.
  const std::vector<std::string> pieces{"a",
                                        "abcdefgh",
                                        "规",
                                        "。",
                                        "，",
                                        "\xE0\xA0\x80",
                                        "\xE0\x9F\xBF",
                                        "\xED\x9F\xBF",
                                        "\xED\xA0\x80",
                                        "\xF0\x90\x80\x80",
                                        "\xF4\x90\x80\x80",
                                        "\x80",
                                        "\xBF",
                                        "\xC4\xE3",
                                        "é",
                                        "\xEF\xBF\xBF",
                                        "\xE4\xBD"};
  std::uint32_t seed = 18;
  const auto random = [&] { return seed = seed * 1664525U + 1013904223U; };
  for (int trial = 0; trial < 3000; ++trial) {
    std::string text;
    const auto count = random() >> 27;
    for (std::uint32_t i = 0; i < count; ++i) {
      // Valid pieces more often than not, so that long valid runs come before a bad byte.
      const auto pick = random() >> 8;
      text += pieces[pick % 4 == 0 ? pick / 4 % pieces.size() : pick / 4 % 5];
    }
    INFO(text.size());
    CHECK(util::find_invalid_utf8(text) == first_invalid_utf8(text));
  }
}

TEST_CASE("util::line_aligned_cuts cuts only at line starts")
{
  using Cuts = std::vector<std::size_t>;
  CHECK(util::line_aligned_cuts("", 3) == Cuts{0, 0, 0, 0});
  CHECK(util::line_aligned_cuts("one line", 2) == Cuts{0, 8, 8});
  CHECK(util::line_aligned_cuts("ab\ncd\nef\ngh\n", 2) == Cuts{0, 6, 12});     // 6 is already a line start
  CHECK(util::line_aligned_cuts("ab\ncd\nef\ngh", 4) == Cuts{0, 3, 6, 6, 11}); // the third stretch empty
  CHECK(util::line_aligned_cuts("a long first line\nb\nc\n", 3) == Cuts{0, 18, 18, 22});
  CHECK(util::line_aligned_cuts("x\n", 1) == Cuts{0, 2});
  // Every inner cut is a line start, and the stretches cover the text in order.
  const std::string text = "第一行\n\n第三行较长一些\n四\n第五行";
  for (std::size_t parts = 1; parts <= 9; ++parts) {
    const Cuts cuts = util::line_aligned_cuts(text, parts);
    REQUIRE(cuts.size() == parts + 1);
    CHECK(cuts.front() == 0);
    CHECK(cuts.back() == text.size());
    for (std::size_t p = 1; p < parts; ++p) {
      CHECK(cuts[p - 1] <= cuts[p]);
      CHECK((cuts[p] == text.size() || text[cuts[p] - 1] == '\n'));
    }
  }
}

TEST_CASE("util::normalize_width and remove_spaces")
{
  CHECK(util::normalize_width("ＡＢＣ１２３，") == "ABC123,");
  CHECK(util::normalize_width("中\u3000文") == "中 文");
  CHECK(util::remove_spaces(" a\tb\u3000c\n") == "abc");
  CHECK(util::trim("  x y \n") == "x y");
  // Invalid bytes (a stray continuation byte, a cut sequence, an overlong form) count and are
  // kept as U+FFFD, one per byte, as decode_utf8 gives them.
  for (const std::string& text :
       {std::string("中 文\u00A0a"), std::string("a\x80 b\xE4\xB8"), std::string("\xC0\xAF 中")}) {
    CAPTURE(text);
    CHECK(util::code_point_count(text) == util::decode_utf8(text).size());
    std::string expected;
    for (const char32_t c : util::decode_utf8(text)) {
      if (c != U' ' && c != 0xA0) {
        util::append_utf8(expected, c);
      }
    }
    CHECK(util::remove_spaces(text) == expected);
  }
}

TEST_CASE("util::closest_match suggests near misses only")
{
  const std::vector<std::string> words{"publish", "repeal", "amend", "list"};
  CHECK(util::closest_match("pubish", words) == std::optional<std::string>("publish"));
  CHECK(util::closest_match("lst", words) == std::optional<std::string>("list"));
  // Two neighbours swapped are one slip, not two edits.
  CHECK(util::closest_match("lsit", words) == std::optional<std::string>("list"));
  CHECK(util::closest_match("amned", words) == std::optional<std::string>("amend"));
  CHECK_FALSE(util::closest_match("tsil", words));
  CHECK_FALSE(util::closest_match("frobnicate", words));
}

TEST_CASE("util::Duration::parse")
{
  using util::Duration;
  CHECK(Duration::parse("30d") == Duration{30, Duration::Unit::days});
  CHECK(Duration::parse("6m") == Duration{6, Duration::Unit::months});
  CHECK(Duration::parse("5y") == Duration{5, Duration::Unit::years});
  CHECK(Duration::parse("5年") == Duration{5, Duration::Unit::years});
  CHECK(Duration::parse("6个月") == Duration{6, Duration::Unit::months});
  CHECK(Duration::parse("５ｙ").to_string() == "5y");
  CHECK(Duration::parse("15wd") == Duration{15, Duration::Unit::working_days});
  CHECK(Duration::parse("15个工作日").to_string() == "15wd");
  CHECK_THROWS_AS(Duration::parse("15wd").after(util::Date::parse("2024-01-01")), DataError);
  for (const char* bad : {"", "y", "0d", "-3d", "5", "5w", "5yy"}) {
    CAPTURE(bad);
    CHECK_THROWS_AS(Duration::parse(bad), DataError);
  }
  CHECK(Duration::parse("6m").after(util::Date::parse("2024-08-31")).iso() == "2025-02-28");
}

TEST_CASE("util::sha256_hex")
{
  CHECK(util::sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(util::sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("util::json_quote escapes wherever the byte falls among runs of text")
{
  // The quoting skips eight bytes at a time: every escaped byte at every offset of a long run.
  const auto plain = [](std::string_view text) {
    std::string out = "\"";
    for (const char ch : text) {
      const auto byte = static_cast<unsigned char>(ch);
      if (ch == '"' || ch == '\\') {
        out += '\\';
        out += ch;
      } else if (ch == '\n') {
        out += "\\n";
      } else if (ch == '\r') {
        out += "\\r";
      } else if (ch == '\t') {
        out += "\\t";
      } else if (byte < 0x20) {
        out += fmt::format("\\u{:04x}", static_cast<unsigned>(byte));
      } else {
        out += ch;
      }
    }
    return out + "\"";
  };
  const std::string run = "第三条 规范性文件~\x7F ok " + std::string("审查意见书");
  CHECK(util::json_quote(run) == plain(run));
  for (const char special : {'"', '\\', '\n', '\r', '\t', '\x01', '\x1F', '\0'}) {
    for (std::size_t at = 0; at < run.size(); ++at) {
      std::string text = run;
      text[at] = special;
      text.insert(text.begin() + static_cast<std::ptrdiff_t>(at / 2), special); // two of them, sometimes side by side
      CHECK(util::json_quote(text) == plain(text));
    }
  }
}

TEST_CASE("util::JsonWriter")
{
  util::JsonWriter json;
  json.begin_object()
    .member("a", "引号\"与\\反斜杠\n")
    .key("b")
    .begin_array()
    .value(1)
    .value(true)
    .null()
    .end_array()
    .member("c", std::optional<std::string>())
    .key("d")
    .raw("{\"x\":1}")
    .member("e", "\x01")
    .end_object();
  CHECK(json.str() == R"({"a":"引号\"与\\反斜杠\n","b":[1,true,null],"c":null,"d":{"x":1},"e":"\u0001"})");

  util::JsonWriter pretty(2);
  pretty.begin_array().begin_object().member("k", "v").end_object().begin_array().end_array().end_array();
  CHECK(pretty.str() == "[\n  {\n    \"k\": \"v\"\n  },\n  []\n]");
}

TEST_SUITE_END();
