// SPDX-License-Identifier: MIT
#include <normdoc/review/screen.hpp>

#include <iconv.h>

#include <cerrno>
#include <memory>

namespace normdoc::review {

namespace {

struct IconvClose
{
  void operator()(void* handle) const { iconv_close(static_cast<iconv_t>(handle)); }
};

} // namespace

std::string_view encoding_key(Encoding encoding)
{
  return encoding == Encoding::utf8 ? "utf-8" : "gb18030";
}

std::optional<std::string> decode_gb18030(std::string_view bytes)
{
  // glibc's iconv knows GB18030; a converter per call keeps this reentrant, and only lines
  // that are not UTF-8 come here.
  const iconv_t raw = iconv_open("UTF-8", "GB18030");
  if (raw == reinterpret_cast<iconv_t>(-1)) {
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

} // namespace normdoc::review
