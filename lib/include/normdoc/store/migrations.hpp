// SPDX-License-Identifier: MIT
#pragma once

namespace normdoc::store {

// The schema version this binary creates and understands (the highest migration number).
int latest_schema_version();

} // namespace normdoc::store
