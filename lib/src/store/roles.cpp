// SPDX-License-Identifier: MIT
#include <normdoc/store/roles.hpp>

#include "embedded_files.hpp"

namespace normdoc::store {

RolesOutcome ensure_roles(Database& db)
{
  RolesOutcome outcome;
  auto who = db.prepare("SELECT current_user::text, rolsuper OR rolcreaterole FROM pg_catalog.pg_roles"
                        " WHERE rolname = current_user");
  const bool may = who.step() == Step::row && who.integer(1) != 0;
  if (who.column_count() > 0 && !who.is_null(0)) {
    outcome.role = who.text(0);
  }
  if (!may) {
    return outcome;
  }
  Transaction txn(db);
  for (const EmbeddedFile& file : postgresql_role_files()) {
    db.exec(file.text);
  }
  txn.commit();
  outcome.applied = true;
  return outcome;
}

} // namespace normdoc::store
