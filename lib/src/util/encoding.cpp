// SPDX-License-Identifier: MIT
#include <normdoc/util/encoding.hpp>

#include <normdoc/error.hpp>
#include <normdoc/util/text.hpp>

#include <fmt/format.h>

#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <memory>

namespace normdoc::util {

namespace {

struct IconvClose
{
  void operator()(void* handle) const { iconv_close(static_cast<iconv_t>(handle)); }
};

} // namespace

std::optional<std::string> decode_gb18030(std::string_view bytes)
{
  // glibc's iconv knows GB18030; a converter per call keeps this reentrant, and only lines
  // that are not UTF-8 come here.
  const iconv_t raw = iconv_open("UTF-8", "GB18030");
  if (raw == reinterpret_cast<iconv_t>(-1)) { // NOLINT(performance-no-int-to-ptr): iconv_open's failure value
    return std::nullopt;
  }
  const std::unique_ptr<void, IconvClose> handle(raw);
  std::string out(bytes.size() * 2 + 4, '\0');
  char* in_ptr = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  char* out_ptr = out.data();
  std::size_t out_left = out.size();
  if (iconv(raw, &in_ptr, &in_left, &out_ptr, &out_left) == static_cast<std::size_t>(-1)) {
    return std::nullopt;
  }
  out.resize(out.size() - out_left);
  return out;
}

std::string to_utf8(std::string bytes, const std::string& source)
{
  constexpr std::string_view k_bom = "\xEF\xBB\xBF";
  if (std::string_view(bytes).substr(0, k_bom.size()) == k_bom) {
    bytes.erase(0, k_bom.size());
  }
  const auto bad = find_invalid_utf8(bytes);
  if (!bad) {
    return bytes;
  }
  if (auto decoded = decode_gb18030(bytes)) {
    return std::move(*decoded);
  }
  const auto line = 1 + std::count(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(*bad), '\n');
  throw DataError(fmt::format("既不是 UTF-8 也不是 GB18030/GBK 文本（第{}字节）", *bad + 1),
                  Location{source, static_cast<int>(line), 0, {}});
}

} // namespace normdoc::util
