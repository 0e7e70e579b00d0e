// SPDX-License-Identifier: MIT
#include <normdoc/store/migrations.hpp>

#include "embedded_files.hpp"
#include "store/migrations.hpp"

#include <charconv>

namespace normdoc::store {

namespace {

std::vector<Migration> read_migrations(const std::vector<EmbeddedFile>& files)
{
  std::vector<Migration> migrations;
  for (const EmbeddedFile& file : files) {
    int version = 0;
    std::from_chars(file.name.data(), file.name.data() + 3, version);
    migrations.push_back(Migration{version, file.name, file.text});
  }
  return migrations;
}

} // namespace

const std::vector<Migration>& all_migrations(Dialect dialect)
{
  static const std::vector<Migration> k_sqlite = read_migrations(migration_files());
  static const std::vector<Migration> k_postgresql = read_migrations(postgresql_migration_files());
  return dialect == Dialect::postgresql ? k_postgresql : k_sqlite;
}

int latest_schema_version()
{
  const auto& migrations = all_migrations();
  return migrations.empty() ? 0 : migrations.back().version;
}

} // namespace normdoc::store
