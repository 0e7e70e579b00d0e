// SPDX-License-Identifier: MIT
#include <normdoc/util/sha256.hpp>

#include "util/crypto.hpp"

#include <openssl/evp.h>

#include <array>
#include <stdexcept>

namespace normdoc::util {

std::string sha256_hex(std::string_view data)
{
  const Crypto& c = crypto();
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  if (c.EVP_Digest(data.data(), data.size(), digest.data(), &length, c.EVP_sha256(), nullptr) != 1) {
    throw std::runtime_error("OpenSSL EVP_Digest(SHA-256) failed");
  }
  static constexpr char k_hex[] = "0123456789abcdef";
  std::string out;
  out.reserve(std::size_t{length} * 2);
  for (unsigned int i = 0; i < length; ++i) {
    out.push_back(k_hex[digest[i] >> 4]);
    out.push_back(k_hex[digest[i] & 0x0F]);
  }
  return out;
}

} // namespace normdoc::util
