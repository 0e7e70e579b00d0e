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
#include <csignal>
#include <cstdlib>
#include <cstring>

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

// The partial file to remove if the process is interrupted (a signal handler may only read a
// plain buffer). One PartialFile at a time.
constexpr std::size_t k_max_partial_path = 4096;
char g_partial[k_max_partial_path]; // NOLINT: written before the handlers are set, read by them
volatile std::sig_atomic_t g_partial_set = 0;

extern "C" void remove_partial_and_die(int signal)
{
  if (g_partial_set != 0) {
    ::unlink(g_partial);
  }
  ::signal(signal, SIG_DFL);
  ::raise(signal);
}

} // namespace

void require_regular_file(const std::filesystem::path& path, std::string_view what)
{
  struct stat info
  {
  };
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
  struct stat info
  {
  };
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
  throw DataError(fmt::format("含有 NUL 字节（第{}字节），不是文本文件（二进制文件或 UTF-16 编码？）", nul + 1),
                  Location{source, static_cast<int>(line), 0, {}}, "请另存为 UTF-8 或 GBK 编码的纯文本");
}

PartialFile::Buffer::Buffer(int fd) : m_fd(fd)
{
  setp(m_data.data(), m_data.data() + m_data.size());
}

bool PartialFile::Buffer::flush_buffer()
{
  const char* next = pbase();
  while (next < pptr() && !m_failed) {
    const ssize_t wrote = ::write(m_fd, next, static_cast<std::size_t>(pptr() - next));
    if (wrote < 0 && errno == EINTR) {
      continue;
    }
    if (wrote <= 0) {
      m_failed = true;
      break;
    }
    next += wrote;
  }
  setp(m_data.data(), m_data.data() + m_data.size());
  return !m_failed;
}

PartialFile::Buffer::int_type PartialFile::Buffer::overflow(int_type ch)
{
  if (!flush_buffer()) {
    return traits_type::eof();
  }
  if (!traits_type::eq_int_type(ch, traits_type::eof())) {
    *pptr() = traits_type::to_char_type(ch);
    pbump(1);
  }
  return traits_type::not_eof(ch);
}

int PartialFile::Buffer::sync()
{
  return flush_buffer() ? 0 : -1;
}

PartialFile::PartialFile(std::filesystem::path target) : m_target(std::move(target))
{
  std::string name = m_target.string() + ".XXXXXX.partial";
  if (name.size() >= k_max_partial_path) {
    throw DataError("路径过长，无法写入", at(m_target));
  }
  m_fd = ::mkostemps(name.data(), static_cast<int>(std::strlen(".partial")), O_CLOEXEC);
  if (m_fd < 0) {
    throw DataError(fmt::format("无法写入（{}）", std::strerror(errno)), at(m_target),
                    "检查目录是否存在、是否有写权限");
  }
  m_path = name;
  // mkstemp makes it private; the finished file gets the mode any new file of the user gets.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(m_fd, 0666 & ~mask);
  std::copy(name.begin(), name.end(), std::begin(g_partial));
  g_partial[name.size()] = '\0';
  g_partial_set = 1;
  for (const int sig : {SIGINT, SIGTERM, SIGHUP}) {
    std::signal(sig, remove_partial_and_die);
  }
  m_buffer = std::make_unique<Buffer>(m_fd);
  m_stream.rdbuf(m_buffer.get());
}

PartialFile::~PartialFile()
{
  if (m_fd >= 0) {
    ::close(m_fd);
  }
  if (!m_path.empty()) {
    ::unlink(m_path.c_str());
  }
  g_partial_set = 0;
  for (const int sig : {SIGINT, SIGTERM, SIGHUP}) {
    std::signal(sig, SIG_DFL);
  }
}

void PartialFile::commit()
{
  m_stream.flush();
  const bool written = m_stream.good() && !m_buffer->failed() && ::fsync(m_fd) == 0;
  const int closed = ::close(m_fd);
  m_fd = -1;
  if (!written || closed != 0) {
    throw DataError("写入失败（磁盘已满？），未生成文件", at(m_target), "检查磁盘空间");
  }
  g_partial_set = 0;
  if (::rename(m_path.c_str(), m_target.c_str()) != 0) {
    throw DataError(fmt::format("无法写入（{}）", std::strerror(errno)), at(m_target));
  }
  m_path.clear();
}

} // namespace normdoc::util
