// SPDX-License-Identifier: MIT
#include "util/crypto.hpp"
#include "util/shared_library.hpp"

#include <normdoc/error.hpp>

#include <fmt/format.h>
#include <openssl/opensslv.h>

#include <string>

namespace normdoc::util {

namespace {

Crypto load()
{
  const SharedLibrary lib(fmt::format("libcrypto.so.{}", OPENSSL_VERSION_MAJOR), "",
                          "安装 OpenSSL 的运行库（apt-get install libssl3）", "安装与构建时同一版本的 OpenSSL 运行库",
                          [](const std::string& message, const char* hint) { throw Error(message, hint); });
  Crypto c{};
  lib.bind(c.EVP_Digest, "EVP_Digest");
  lib.bind(c.EVP_sha256, "EVP_sha256");
  lib.bind(c.EVP_PKEY_free, "EVP_PKEY_free");
  lib.bind(c.EVP_PKEY_get_id, "EVP_PKEY_get_id");
  lib.bind(c.EVP_PKEY_get_raw_public_key, "EVP_PKEY_get_raw_public_key");
  lib.bind(c.EVP_PKEY_new_raw_public_key, "EVP_PKEY_new_raw_public_key");
  lib.bind(c.EVP_PKEY_Q_keygen, "EVP_PKEY_Q_keygen");
  lib.bind(c.EVP_MD_CTX_new, "EVP_MD_CTX_new");
  lib.bind(c.EVP_MD_CTX_free, "EVP_MD_CTX_free");
  lib.bind(c.EVP_DigestSignInit, "EVP_DigestSignInit");
  lib.bind(c.EVP_DigestSign, "EVP_DigestSign");
  lib.bind(c.EVP_DigestVerifyInit, "EVP_DigestVerifyInit");
  lib.bind(c.EVP_DigestVerify, "EVP_DigestVerify");
  lib.bind(c.PEM_read_PrivateKey, "PEM_read_PrivateKey");
  lib.bind(c.PEM_read_PUBKEY, "PEM_read_PUBKEY");
  lib.bind(c.PEM_write_PrivateKey, "PEM_write_PrivateKey");
  lib.bind(c.PEM_write_PUBKEY, "PEM_write_PUBKEY");
  return c;
}

} // namespace

const Crypto& crypto()
{
  static const Crypto k_crypto = load();
  return k_crypto;
}

} // namespace normdoc::util
