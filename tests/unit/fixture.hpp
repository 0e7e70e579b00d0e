// SPDX-License-Identifier: MIT
#pragma once

#include <normdoc/calendar/calendar.hpp>
#include <normdoc/config/config.hpp>
#include <normdoc/registry/registry.hpp>

#include <doctest/doctest.h>

#include <string>

// Failed date comparisons print the dates.
template<> struct doctest::StringMaker<normdoc::util::Date>
{
  static doctest::String convert(const normdoc::util::Date& date) { return date.iso().c_str(); }
};

namespace normdoc::test {

inline const audit::Stamp k_stamp{"tester", "2026-01-01T00:00:00Z"};

inline util::Date day(const char* text)
{
  return util::Date::parse(text);
}

// An in-memory registry with default settings and helpers that commit one change each.
struct Fixture
{
  store::Database db = store::Database::open_in_memory();
  config::Config config;
  registry::Registry reg{config};
  calendar::Calendar calendar = calendar::Calendar::built_in();

  registry::Document add(const std::string& title, std::optional<std::string> doc_no = std::nullopt,
                         bool concerns_business = false)
  {
    store::Transaction txn(db);
    registry::NewDocument input;
    input.title = title;
    input.issuer = "济源示范区文化广电和旅游局";
    input.doc_no = std::move(doc_no);
    input.concerns_business = concerns_business;
    auto doc = reg.add(txn, input, k_stamp);
    txn.commit();
    return doc;
  }

  registry::Document add_with_text(const std::string& title, const std::string& text, bool concerns_business = false)
  {
    store::Transaction txn(db);
    registry::NewDocument input;
    input.title = title;
    input.issuer = "某局";
    input.concerns_business = concerns_business;
    input.text = registry::DocumentText{text, "t.txt"};
    auto doc = reg.add(txn, input, k_stamp);
    txn.commit();
    return doc;
  }

  registry::Document publish(const registry::Document& doc, const char* date)
  {
    store::Transaction txn(db);
    auto published = reg.publish(txn, doc, registry::Publication{day(date)}, k_stamp);
    txn.commit();
    return published;
  }

  std::int64_t count(const char* table) { return db.single_integer(std::string("SELECT count(*) FROM ") + table); }
};

} // namespace normdoc::test
