// SPDX-License-Identifier: MIT
#pragma once

#include <normdoc/store/database.hpp>

#include <string>
#include <vector>

// `normdoc doctor`: everything that can be checked about a registry without changing it.
namespace normdoc::doctor {

struct Check
{
  std::string key;    // stable English: integrity, foreign-keys, schema, audit, search-index
  std::string label;  // Chinese
  bool ok = false;
  std::string detail; // what was found, in Chinese
};

std::vector<Check> examine(store::Database& db);

} // namespace normdoc::doctor
