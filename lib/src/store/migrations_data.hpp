// SPDX-License-Identifier: MIT
#pragma once

#include <vector>

namespace normdoc::store {

struct Migration
{
  int version;
  const char* name;
  const char* sql;
};

// Every schema step from schemas/sql/, in version order (generated at build time).
const std::vector<Migration>& all_migrations();

} // namespace normdoc::store
