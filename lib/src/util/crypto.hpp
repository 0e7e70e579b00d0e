// SPDX-License-Identifier: MIT
#pragma once

#include <openssl/evp.h>
#include <openssl/pem.h>

namespace normdoc::util {

// The libcrypto functions normdoc calls (SHA-256 of the log chain, Ed25519 checkpoints),
// resolved from libcrypto loaded with dlopen the first time one is needed. Linked, libcrypto's
// 21,000 relocations (bound at load) cost every command's start about 2.9 M instructions,
// more than `normdoc show` does itself; linked statically, its pointer tables still make ~90
// pages to relocate at every start. Loaded here, only a command that hashes or signs pays.
// Declared from OpenSSL's own headers, so a changed signature does not compile.
struct Crypto
{
  decltype(&::EVP_Digest) EVP_Digest;
  decltype(&::EVP_sha256) EVP_sha256;
  decltype(&::EVP_PKEY_free) EVP_PKEY_free;
  decltype(&::EVP_PKEY_get_id) EVP_PKEY_get_id;
  decltype(&::EVP_PKEY_get_raw_public_key) EVP_PKEY_get_raw_public_key;
  decltype(&::EVP_PKEY_new_raw_public_key) EVP_PKEY_new_raw_public_key;
  decltype(&::EVP_PKEY_Q_keygen) EVP_PKEY_Q_keygen;
  decltype(&::EVP_MD_CTX_new) EVP_MD_CTX_new;
  decltype(&::EVP_MD_CTX_free) EVP_MD_CTX_free;
  decltype(&::EVP_DigestSignInit) EVP_DigestSignInit;
  decltype(&::EVP_DigestSign) EVP_DigestSign;
  decltype(&::EVP_DigestVerifyInit) EVP_DigestVerifyInit;
  decltype(&::EVP_DigestVerify) EVP_DigestVerify;
  decltype(&::PEM_read_PrivateKey) PEM_read_PrivateKey;
  decltype(&::PEM_read_PUBKEY) PEM_read_PUBKEY;
  decltype(&::PEM_write_PrivateKey) PEM_write_PrivateKey;
  decltype(&::PEM_write_PUBKEY) PEM_write_PUBKEY;
};

// Loads libcrypto (the major version normdoc was built against) once per process. Throws
// Error when it or one of the functions is missing.
const Crypto& crypto();

} // namespace normdoc::util
