// SPDX-License-Identifier: MIT
// The bundle reader (import --bundle) into an empty in-memory registry.
#include "fuzz_input.hpp"

#include <normdoc/audit/event_log.hpp>
#include <normdoc/bundle/bundle.hpp>
#include <normdoc/error.hpp>
#include <normdoc/store/database.hpp>

#include <sstream>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  auto db = normdoc::store::Database::open_in_memory();
  std::istringstream in{std::string(normdoc::fuzz::as_text(data, size))};
  try {
    normdoc::store::Transaction txn(db);
    (void)normdoc::bundle::read(txn, in, "fuzz.jsonl", normdoc::bundle::ReadOptions{},
                                {"fuzz", "2026-01-01T00:00:00Z"});
    txn.commit();
  } catch (const normdoc::Error&) {
  }
  return 0;
}
