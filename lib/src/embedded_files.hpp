// SPDX-License-Identifier: MIT
#pragma once

#include <string_view>
#include <vector>

namespace normdoc {

// A data file from schemas/, compiled into the program.
struct EmbeddedFile
{
  std::string_view name; // file name, e.g. `001_init.sql`
  std::string_view text;
};

// schemas/sql/NNN_*.sql, sorted by name.
const std::vector<EmbeddedFile>& migration_files();
// schemas/sql/postgresql/NNN_*.sql (the same steps for PostgreSQL), sorted by name.
const std::vector<EmbeddedFile>& postgresql_migration_files();
// schemas/sql/postgresql/roles.sql: the group roles and their grants (store::ensure_roles).
const std::vector<EmbeddedFile>& postgresql_role_files();
// schemas/calendar/*.toml, sorted by name.
const std::vector<EmbeddedFile>& calendar_files();
// schemas/checklists/*.toml, sorted by name.
const std::vector<EmbeddedFile>& checklist_files();
// schemas/gazetteer/*.txt (administrative division names), sorted by name.
const std::vector<EmbeddedFile>& gazetteer_files();

} // namespace normdoc
