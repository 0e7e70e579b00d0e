// SPDX-License-Identifier: MIT
#include <normdoc/error.hpp>
#include <normdoc/remedy.hpp>

#include <doctest/doctest.h>

using namespace normdoc;

TEST_SUITE_BEGIN("remedy");

TEST_CASE("remedy: a stored remedy reads back as it was written")
{
  const Remedy written{
    Action::filing_corrected, {"12"}, {{"to", "市人民政府 办公室"}, {"note", k_placeholder}, {"x", ""}}};
  const Remedy read = decode_remedy(encode_remedy(written));
  CHECK(read.action == Action::filing_corrected);
  CHECK(read.arguments == written.arguments);
  CHECK(read.fields == written.fields);
  CHECK(action_command(Action::review_conclude) == "review conclude");
  CHECK(action_command(Action::same).empty());
}

TEST_CASE("remedy: stored text it did not write is refused as data, pointing at doctor --fix")
{
  for (const char* text : {"", "{", R"({"action":"format-disk","arguments":[],"fields":[]})",
                           R"({"action":"file","arguments":[1],"fields":[]})", R"({"action":"file"})"}) {
    CAPTURE(text);
    try {
      decode_remedy(text);
      FAIL("no error");
    } catch (const DataError& e) {
      REQUIRE(e.remedies().size() == 1);
      CHECK(e.remedies()[0].action == Action::doctor);
    }
  }
}
