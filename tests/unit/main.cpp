// SPDX-License-Identifier: MIT
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>

// Every run works in a fresh temporary directory, removed on success and kept on failure
// so the files a failing test left behind can be read.
int main(int argc, char** argv)
{
  namespace fs = std::filesystem;
  const fs::path original = fs::current_path();
  char pattern[] = "/tmp/normdoc-unit-XXXXXX";
  const char* dir = mkdtemp(pattern);
  if (!dir) {
    std::cerr << "cannot create a temporary directory\n";
    return 1;
  }
  fs::current_path(dir);
  doctest::Context context(argc, argv);
  const int result = context.run();
  fs::current_path(original);
  if (result == 0) {
    fs::remove_all(dir);
  } else {
    std::cerr << "test files kept in " << dir << '\n';
  }
  return result;
}
