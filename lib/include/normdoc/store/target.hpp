// SPDX-License-Identifier: MIT
#pragma once

#include <string>

namespace normdoc::store {

// Throws UsageError when `target` (--db, NORMDOC_DB, config `db`) is a PostgreSQL connection
// string that libpq cannot parse or that carries a password: the password of a connection
// string ends up in shell history, config files and process lists. A file path passes.
void check_target(const std::string& target);

} // namespace normdoc::store
