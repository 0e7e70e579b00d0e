// SPDX-License-Identifier: MIT
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <ostream>
#include <streambuf>
#include <string>
#include <string_view>

namespace normdoc::util {

// What any one input file may hold when it is read whole: far above a normative document
// (a long .docx is a few megabytes), low enough that a wrong path cannot exhaust memory.
inline constexpr std::uintmax_t k_max_input_bytes = std::uintmax_t{256} << 20U;

// Refuses anything that is not a regular file once symlinks are followed: a FIFO blocks
// for ever, a device (/dev/zero) never ends, a directory has no content. Throws DataError
// naming the file.
void require_regular_file(const std::filesystem::path& path, std::string_view what);

// The whole content of a regular file of at most `max_bytes`. Throws DataError "无法读取<what>"
// naming the file, or saying why it was refused (not a regular file, too large).
std::string read_file(const std::filesystem::path& path, std::string_view what,
                      std::uintmax_t max_bytes = k_max_input_bytes);

// Refuses a text holding a NUL byte (binary data, or a UTF-16 file), naming its line and
// byte: SQLite and every printer stop at it, so the stored text and the shown one differ.
void require_no_nul(std::string_view text, const std::string& source);

// A file written beside `target` under a new random name (`target.XXXXXX.partial`, created
// with O_EXCL, so a symlink or file planted there is never followed or truncated)
// and renamed onto `target` by commit(). Until then, leaving the scope — an error, an
// exception, SIGINT/SIGTERM/SIGHUP — removes it: a partial file is never left behind
// (only SIGKILL or a power cut can). One at a time per process. Throws DataError naming
// `target` when the file cannot be created, written or renamed.
class PartialFile
{
public:
  explicit PartialFile(std::filesystem::path target);
  PartialFile(const PartialFile&) = delete;
  PartialFile& operator=(const PartialFile&) = delete;
  ~PartialFile();

  const std::filesystem::path& path() const { return m_path; }
  // Writes to the file (buffered); errors surface in commit().
  std::ostream& stream() { return m_stream; }
  // Flushes, syncs and closes the file; renames it onto the target.
  void commit();

private:
  class Buffer : public std::streambuf
  {
  public:
    explicit Buffer(int fd);
    bool failed() const { return m_failed; }

  protected:
    int_type overflow(int_type ch) override;
    int sync() override;

  private:
    bool flush_buffer();
    int m_fd;
    bool m_failed = false;
    std::array<char, 65536> m_data{};
  };

  std::filesystem::path m_target;
  std::filesystem::path m_path;
  int m_fd = -1;
  std::unique_ptr<Buffer> m_buffer;
  std::ostream m_stream{nullptr};
};

} // namespace normdoc::util
