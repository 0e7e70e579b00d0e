// SPDX-License-Identifier: MIT
#include <normdoc/util/file.hpp>

#include <normdoc/error.hpp>

#include <fmt/format.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>

namespace normdoc::util {

namespace {

Location at(const std::filesystem::path& path)
{
  return Location{path.string(), 0, 0, {}};
}

// Why a file of this type is not read, in Chinese; empty for a regular file.
std::string refusal(const struct stat& info)
{
  if (S_ISREG(info.st_mode)) {
    return {};
  }
  if (S_ISDIR(info.st_mode)) {
    return "是目录，不是文件";
  }
  if (S_ISFIFO(info.st_mode)) {
    return "是管道，不是普通文件，拒绝读取";
  }
  if (S_ISCHR(info.st_mode) || S_ISBLK(info.st_mode)) {
    return "是设备，不是普通文件，拒绝读取";
  }
  return "不是普通文件，拒绝读取";
}

std::string too_large(std::uintmax_t max_bytes)
{
  return fmt::format("超过 {} MB，拒绝读取", max_bytes >> 20U);
}

// Closes the descriptor on every path out.
struct Descriptor
{
  int fd;
  explicit Descriptor(int descriptor) : fd(descriptor) {}
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  ~Descriptor()
  {
    if (fd >= 0) {
      ::close(fd);
    }
  }
};

} // namespace

void require_regular_file(const std::filesystem::path& path, std::string_view what)
{
  struct stat info{};
  if (::stat(path.c_str(), &info) != 0) {
    throw DataError("无法读取" + std::string(what), at(path));
  }
  if (const std::string why = refusal(info); !why.empty()) {
    throw DataError(why, at(path));
  }
}

std::string read_file(const std::filesystem::path& path, std::string_view what, std::uintmax_t max_bytes)
{
  // Opened without blocking (a FIFO would wait for a writer) and checked on the descriptor,
  // so the file checked is the file read.
  const Descriptor file{::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC)};
  struct stat info{};
  if (file.fd < 0 || ::fstat(file.fd, &info) != 0) {
    throw DataError("无法读取" + std::string(what), at(path));
  }
  if (const std::string why = refusal(info); !why.empty()) {
    throw DataError(why, at(path));
  }
  if (static_cast<std::uintmax_t>(info.st_size) > max_bytes) {
    throw DataError(too_large(max_bytes), at(path));
  }
  std::string content;
  content.reserve(static_cast<std::size_t>(info.st_size));
  std::array<char, 65536> piece{};
  for (;;) {
    const ssize_t got = ::read(file.fd, piece.data(), piece.size());
    if (got < 0 && errno == EINTR) {
      continue;
    }
    if (got < 0) {
      throw DataError("无法读取" + std::string(what), at(path));
    }
    if (got == 0) {
      break;
    }
    // A file that grows while it is read is held to the same limit.
    if (content.size() + static_cast<std::size_t>(got) > max_bytes) {
      throw DataError(too_large(max_bytes), at(path));
    }
    content.append(piece.data(), static_cast<std::size_t>(got));
  }
  return content;
}

void require_no_nul(std::string_view text, const std::string& source)
{
  const auto nul = text.find('\0');
  if (nul == std::string_view::npos) {
    return;
  }
  const auto before = text.substr(0, nul);
  const auto line = 1 + std::count(before.begin(), before.end(), '\n');
  throw DataError(fmt::format("含有 NUL 字节（第 {} 字节），不是文本文件（二进制文件或 UTF-16 编码？）", nul + 1),
                  Location{source, static_cast<int>(line), 0, {}}, "请另存为 UTF-8 或 GBK 编码的纯文本");
}

} // namespace normdoc::util
