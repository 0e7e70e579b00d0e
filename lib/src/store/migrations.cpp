// SPDX-License-Identifier: MIT
#include <normdoc/store/migrations.hpp>

#include "store/migrations_data.hpp"

namespace normdoc::store {

int latest_schema_version()
{
  const auto& migrations = all_migrations();
  return migrations.empty() ? 0 : migrations.back().version;
}

} // namespace normdoc::store
