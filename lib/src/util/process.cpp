// SPDX-License-Identifier: MIT
#include <normdoc/util/process.hpp>

#include <normdoc/error.hpp>

#include <fmt/format.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>

extern char** environ; // NOLINT(readability-redundant-declaration): POSIX declares it nowhere

namespace normdoc::util {

namespace {

class Pipe
{
public:
  Pipe()
  {
    if (pipe2(m_fds.data(), O_CLOEXEC) != 0) {
      throw DataError(fmt::format("无法创建管道：{}", std::strerror(errno)));
    }
  }
  Pipe(const Pipe&) = delete;
  Pipe& operator=(const Pipe&) = delete;
  ~Pipe()
  {
    close_read();
    close_write();
  }
  int read_end() const { return m_fds[0]; }
  int write_end() const { return m_fds[1]; }
  void close_read() { close_fd(m_fds[0]); }
  void close_write() { close_fd(m_fds[1]); }

private:
  static void close_fd(int& fd)
  {
    if (fd >= 0) {
      ::close(fd);
      fd = -1;
    }
  }
  std::array<int, 2> m_fds{-1, -1};
};

} // namespace

ProcessResult run_process(const std::vector<std::string>& argv, const std::string& what, std::chrono::seconds timeout,
                          std::size_t max_output)
{
  Pipe out;
  Pipe err;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out.write_end(), STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err.write_end(), STDERR_FILENO);
  std::vector<char*> args;
  args.reserve(argv.size() + 1);
  for (const auto& arg : argv) {
    args.push_back(const_cast<char*>(arg.c_str())); // posix_spawn's signature; it does not write
  }
  args.push_back(nullptr);
  pid_t pid = 0;
  const int spawned = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) {
    throw DataError(fmt::format("无法运行{}（{}）：{}", what, argv[0], std::strerror(spawned)));
  }
  out.close_write();
  err.close_write();

  ProcessResult result;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  std::array<pollfd, 2> fds{pollfd{out.read_end(), POLLIN, 0}, pollfd{err.read_end(), POLLIN, 0}};
  std::array<std::string*, 2> sinks{&result.out, &result.err};
  std::string failure;
  int open = 2;
  std::array<char, 65536> buffer{};
  while (open > 0 && failure.empty()) {
    const auto left =
      std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      failure = fmt::format("{}超过{}秒仍未完成，已停止", what, timeout.count());
      break;
    }
    if (poll(fds.data(), fds.size(), static_cast<int>(left.count())) < 0 && errno != EINTR) {
      failure = fmt::format("{}：{}", what, std::strerror(errno));
      break;
    }
    for (std::size_t i = 0; i < fds.size(); ++i) {
      if (fds[i].fd < 0 || (fds[i].revents & (POLLIN | POLLHUP | POLLERR)) == 0) {
        continue;
      }
      const ssize_t got = ::read(fds[i].fd, buffer.data(), buffer.size());
      if (got > 0) {
        sinks[i]->append(buffer.data(), static_cast<std::size_t>(got));
        if (result.out.size() + result.err.size() > max_output) {
          failure = fmt::format("{}的输出超过 {} MB，已停止", what, max_output >> 20U);
        }
      } else if (got == 0 || errno != EINTR) {
        fds[i].fd = -1;
        --open;
      }
    }
  }
  if (!failure.empty()) {
    ::kill(pid, SIGKILL);
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!failure.empty()) {
    throw DataError(failure);
  }
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

std::optional<std::filesystem::path> find_on_path(const std::vector<std::string>& names)
{
  const char* path = std::getenv("PATH");
  if (!path) {
    return std::nullopt;
  }
  for (const auto& name : names) {
    std::string_view rest(path);
    while (true) {
      const std::size_t colon = rest.find(':');
      const std::filesystem::path candidate = std::filesystem::path(rest.substr(0, colon)) / name;
      if (::access(candidate.c_str(), X_OK) == 0) {
        return candidate;
      }
      if (colon == std::string_view::npos) {
        break;
      }
      rest.remove_prefix(colon + 1);
    }
  }
  return std::nullopt;
}

std::optional<std::filesystem::path> own_directory()
{
  std::error_code ec;
  const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) {
    return std::nullopt;
  }
  return self.parent_path();
}

} // namespace normdoc::util
