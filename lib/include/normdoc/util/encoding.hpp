// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace normdoc::util {

// Decodes GB18030 (a superset of GBK and GB2312) to UTF-8; nothing when `bytes` is not GB18030.
std::optional<std::string> decode_gb18030(std::string_view bytes);

// A whole file's bytes as UTF-8: a UTF-8 byte-order mark is dropped; text that is not UTF-8 is
// decoded as GB18030/GBK (what Excel and WPS save on Chinese Windows). Throws DataError naming
// `source` and the line when it is neither.
std::string to_utf8(std::string bytes, const std::string& source);

} // namespace normdoc::util
