// SPDX-License-Identifier: MIT
#include <normdoc/util/file.hpp>

#include <normdoc/error.hpp>

#include <fstream>
#include <sstream>

namespace normdoc::util {

std::string read_file(const std::filesystem::path& path, std::string_view what)
{
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw DataError("无法读取" + std::string(what), Location{path.string(), 0, 0, {}});
  }
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

} // namespace normdoc::util
