// SPDX-License-Identifier: MIT
#include <normdoc/store/migrations.hpp>

#include "embedded_files.hpp"
#include "store/migrations.hpp"

#include <charconv>

namespace normdoc::store {

const std::vector<Migration>& all_migrations()
{
  static const std::vector<Migration> k_migrations = [] {
    std::vector<Migration> migrations;
    for (const EmbeddedFile& file : migration_files()) {
      int version = 0;
      std::from_chars(file.name.data(), file.name.data() + 3, version);
      migrations.push_back(Migration{version, file.name, file.text});
    }
    return migrations;
  }();
  return k_migrations;
}

int latest_schema_version()
{
  const auto& migrations = all_migrations();
  return migrations.empty() ? 0 : migrations.back().version;
}

} // namespace normdoc::store
