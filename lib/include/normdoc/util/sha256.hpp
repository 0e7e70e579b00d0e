// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>

namespace normdoc::util {

// Lower-case hexadecimal SHA-256 of `data` (OpenSSL libcrypto).
std::string sha256_hex(std::string_view data);

} // namespace normdoc::util
