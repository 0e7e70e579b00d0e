// SPDX-License-Identifier: MIT
#include <normdoc/error.hpp>
#include <normdoc/registry/doc_no.hpp>

#include <doctest/doctest.h>

using normdoc::DataError;
using normdoc::registry::DocNo;

TEST_SUITE_BEGIN("registry");

TEST_CASE("registry::DocNo::parse")
{
  SUBCASE("canonical form passes through")
  {
    const DocNo no = DocNo::parse("济示文旅〔2024〕5号");
    CHECK(no.agency == "济示文旅");
    CHECK(no.year == 2024);
    CHECK(no.number == 5);
    CHECK(no.canonical() == "济示文旅〔2024〕5号");
  }
  SUBCASE("other brackets, full-width digits and spaces normalise to one form")
  {
    for (const char* variant : {"济示文旅[2024]5号", "济示文旅（2024）5号", "济示文旅(2024)5号", "济示文旅【2024】5号",
                                "济示文旅［２０２４］５号", " 济示文旅 〔2024〕 5 号", "济示文旅〔2024〕第5号",
                                "济示文旅〔2024〕005号", "济示文旅﹝2024﹞5号"}) {
      CAPTURE(variant);
      CHECK(DocNo::parse(variant).canonical() == "济示文旅〔2024〕5号");
    }
  }
  SUBCASE("national and provincial numbers")
  {
    CHECK(DocNo::parse("国办发〔2018〕115号").canonical() == "国办发〔2018〕115号");
    CHECK(DocNo::parse("国市监反垄规〔2021〕2号").agency == "国市监反垄规");
    CHECK(DocNo::parse("豫政办明电〔2024〕12号").number == 12);
  }
  SUBCASE("what is not a 文号 is rejected with the expected shape")
  {
    for (const char* bad : {"", "2024年5号", "〔2024〕5号", "济示文旅2024-5", "济示文旅〔24〕5号", "济示文旅〔2024〕号",
                            "济示文旅〔2024〕5", "济示文旅〔2024〕5号附件", "济示文旅〔2024〔5号", "国务院令第722号",
                            "济示文旅〔2024〕0号",
                            // found by fuzz_doc_no: a year of thirteen digits overflowed the parser
                            "济示文旅〔2033333333324〕5号", "济示文旅〔20240〕5号"}) {
      CAPTURE(bad);
      try {
        DocNo::parse(bad);
        FAIL("accepted");
      } catch (const DataError& e) {
        CHECK(e.hint().find("济示文旅〔2024〕5号") != std::string::npos);
      }
    }
  }
}

TEST_SUITE_END();
