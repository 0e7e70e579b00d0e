// SPDX-License-Identifier: MIT
#pragma once

#include <normdoc/store/database.hpp>

#include <string>

namespace normdoc::store {

// What ensure_roles did.
struct RolesOutcome
{
  std::string role;     // the role connected (current_user)
  bool applied = false; // roles.sql ran: the four group roles exist and the grants are current
};

// On a PostgreSQL registry: when the connected role may create roles (superuser or
// CREATEROLE), applies schemas/sql/postgresql/roles.sql (normdoc_reader, normdoc_drafter,
// normdoc_reviewer, normdoc_admin and their grants; idempotent) in one transaction. When it
// may not, changes nothing and says so in the outcome: the caller tells the user what to run.
// Throws DatabaseError when the script fails (the transaction is rolled back).
RolesOutcome ensure_roles(Database& db);

} // namespace normdoc::store
