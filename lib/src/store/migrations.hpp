// SPDX-License-Identifier: MIT
#pragma once

#include <normdoc/store/database.hpp>

#include <string_view>
#include <vector>

namespace normdoc::store {

struct Migration
{
  int version; // NNN from the file name
  std::string_view name;
  std::string_view sql;
};

// Every schema step from schemas/sql/ (SQLite) or schemas/sql/postgresql/, in version order.
const std::vector<Migration>& all_migrations(Dialect dialect = Dialect::sqlite);

} // namespace normdoc::store
