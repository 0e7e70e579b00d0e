// SPDX-License-Identifier: MIT
#include "app.hpp"

int main(int argc, char** argv)
{
  return normdoc::cli::run(argc, argv);
}
