// SPDX-License-Identifier: MIT
#include <normdoc/audit/checkpoint.hpp>

#include "util/crypto.hpp"

#include <normdoc/audit/event_log.hpp>
#include <normdoc/error.hpp>
#include <normdoc/util/file.hpp>
#include <normdoc/util/json.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <sys/stat.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <memory>

namespace normdoc::audit {

namespace {

struct FreeKey
{
  void operator()(EVP_PKEY* key) const { util::crypto().EVP_PKEY_free(key); }
};
using Key = std::unique_ptr<EVP_PKEY, FreeKey>;

struct FreeContext
{
  void operator()(EVP_MD_CTX* ctx) const { util::crypto().EVP_MD_CTX_free(ctx); }
};

struct CloseFile
{
  void operator()(std::FILE* file) const { std::fclose(file); }
};
using File = std::unique_ptr<std::FILE, CloseFile>;

std::filesystem::path public_path(const std::filesystem::path& private_key)
{
  return std::filesystem::path(private_key.string() + ".pub");
}

std::string to_hex(const unsigned char* data, std::size_t size)
{
  std::string out;
  for (std::size_t i = 0; i < size; ++i) {
    out += fmt::format("{:02x}", data[i]);
  }
  return out;
}

std::vector<unsigned char> from_hex(const std::string& hex)
{
  std::vector<unsigned char> out;
  if (hex.size() % 2 != 0) {
    return out;
  }
  for (std::size_t i = 0; i < hex.size(); i += 2) {
    unsigned value = 0;
    if (std::sscanf(hex.c_str() + i, "%2x", &value) != 1) {
      return {};
    }
    out.push_back(static_cast<unsigned char>(value));
  }
  return out;
}

std::string raw_public_hex(EVP_PKEY* key)
{
  std::array<unsigned char, 32> raw{};
  std::size_t size = raw.size();
  if (util::crypto().EVP_PKEY_get_raw_public_key(key, raw.data(), &size) != 1) {
    throw Error("OpenSSL 无法读取 Ed25519 公钥");
  }
  return to_hex(raw.data(), size);
}

Key read_key(const std::filesystem::path& path, bool private_key)
{
  const File file(std::fopen(path.c_str(), "rb"));
  if (!file) {
    throw DataError(private_key ? "无法读取审计私钥（用 normdoc init 创建）" : "无法读取审计公钥",
                    Location{path.string(), 0, 0, {}});
  }
  Key key(private_key ? util::crypto().PEM_read_PrivateKey(file.get(), nullptr, nullptr, nullptr)
                      : util::crypto().PEM_read_PUBKEY(file.get(), nullptr, nullptr, nullptr));
  if (!key || util::crypto().EVP_PKEY_get_id(key.get()) != EVP_PKEY_ED25519) {
    throw DataError("不是 Ed25519 密钥（PEM）", Location{path.string(), 0, 0, {}});
  }
  return key;
}

std::string head_hash_at(store::Database& db, std::int64_t event)
{
  auto stmt = db.prepare("SELECT hash FROM event WHERE id = ?");
  stmt.bind(1, event);
  return stmt.step() == store::Step::row ? stmt.text(0) : std::string();
}

} // namespace

std::string Checkpoint::message() const
{
  return fmt::format("normdoc-checkpoint-v1\n{}\n{}\n{}\n{}", events, hash, at, office);
}

std::string create_key_pair(const std::filesystem::path& private_key)
{
  if (std::filesystem::exists(private_key) || std::filesystem::exists(public_path(private_key))) {
    throw DataError("审计密钥已存在，不覆盖", Location{private_key.string(), 0, 0, {}});
  }
  const Key key(util::crypto().EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"));
  if (!key) {
    throw Error("OpenSSL 无法生成 Ed25519 密钥");
  }
  if (private_key.has_parent_path()) {
    std::filesystem::create_directories(private_key.parent_path());
  }
  {
    // Only the owner reads the private key: created with mode 0600, never widened.
    const mode_t old_mask = ::umask(077);
    const File file(std::fopen(private_key.c_str(), "wbx"));
    ::umask(old_mask);
    if (!file ||
        util::crypto().PEM_write_PrivateKey(file.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1) {
      throw DataError("无法写入审计私钥", Location{private_key.string(), 0, 0, {}});
    }
  }
  const File file(std::fopen(public_path(private_key).c_str(), "wbx"));
  if (!file || util::crypto().PEM_write_PUBKEY(file.get(), key.get()) != 1) {
    throw DataError("无法写入审计公钥", Location{public_path(private_key).string(), 0, 0, {}});
  }
  return raw_public_hex(key.get());
}

std::optional<std::string> public_key_hex(const std::filesystem::path& private_key)
{
  if (!std::filesystem::exists(public_path(private_key))) {
    return std::nullopt;
  }
  return raw_public_hex(read_key(public_path(private_key), false).get());
}

std::string read_public_key(const std::filesystem::path& path)
{
  return raw_public_hex(read_key(path, false).get());
}

Signature sign(const std::filesystem::path& private_key, const std::string& message)
{
  const Key key = read_key(private_key, true);
  const std::unique_ptr<EVP_MD_CTX, FreeContext> ctx(util::crypto().EVP_MD_CTX_new());
  std::array<unsigned char, 64> signature{};
  std::size_t size = signature.size();
  if (!ctx || util::crypto().EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) != 1 ||
      util::crypto().EVP_DigestSign(ctx.get(), signature.data(), &size,
                                    reinterpret_cast<const unsigned char*>(message.data()), message.size()) != 1) {
    throw Error("OpenSSL 无法签名");
  }
  return Signature{raw_public_hex(key.get()), to_hex(signature.data(), size)};
}

bool signature_valid(const std::string& public_key, const std::string& message, const std::string& signature)
{
  const auto raw = from_hex(public_key);
  const auto bytes = from_hex(signature);
  const Key key(util::crypto().EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, raw.data(), raw.size()));
  const std::unique_ptr<EVP_MD_CTX, FreeContext> ctx(util::crypto().EVP_MD_CTX_new());
  return key && ctx && util::crypto().EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) == 1 &&
         util::crypto().EVP_DigestVerify(ctx.get(), bytes.data(), bytes.size(),
                                         reinterpret_cast<const unsigned char*>(message.data()), message.size()) == 1;
}

Checkpoint make_checkpoint(store::Database& db, const std::filesystem::path& private_key, const std::string& at,
                           const std::string& office)
{
  Checkpoint checkpoint;
  auto head = db.prepare("SELECT event, hash FROM chain_head WHERE singleton = 1");
  checkpoint.hash = std::string(k_genesis_hash);
  if (head.step() == store::Step::row) {
    checkpoint.events = head.integer(0);
    checkpoint.hash = head.text(1);
  }
  checkpoint.at = at;
  checkpoint.office = office;
  auto [public_key, signature] = sign(private_key, checkpoint.message());
  checkpoint.public_key = std::move(public_key);
  checkpoint.signature = std::move(signature);
  return checkpoint;
}

std::string to_json(const Checkpoint& checkpoint)
{
  util::JsonWriter json;
  json.begin_object()
    .member("events", checkpoint.events)
    .member("hash", checkpoint.hash)
    .member("at", checkpoint.at)
    .member("office", checkpoint.office)
    .member("public_key", checkpoint.public_key)
    .member("signature", checkpoint.signature)
    .end_object();
  return json.str();
}

std::vector<Checkpoint> read_checkpoints(const std::filesystem::path& file)
{
  const std::string content = util::read_file(file, "检查点文件");
  std::vector<Checkpoint> checkpoints;
  int number = 0;
  std::size_t start = 0;
  while (start < content.size()) {
    const std::size_t end = std::min(content.find('\n', start), content.size());
    const std::string line = content.substr(start, end - start);
    start = end + 1;
    ++number;
    if (line.empty()) {
      continue;
    }
    try {
      const auto value = nlohmann::json::parse(line);
      checkpoints.push_back(Checkpoint{value.at("events").get<std::int64_t>(), value.at("hash").get<std::string>(),
                                       value.at("at").get<std::string>(), value.at("office").get<std::string>(),
                                       value.at("public_key").get<std::string>(),
                                       value.at("signature").get<std::string>()});
    } catch (const nlohmann::json::exception&) {
      throw DataError("不是检查点（应为 normdoc audit checkpoint 写的一行 JSON）",
                      Location{file.string(), number, 0, {}});
    }
  }
  return checkpoints;
}

void append_checkpoint(const std::filesystem::path& file, const Checkpoint& checkpoint)
{
  if (file.has_parent_path()) {
    std::filesystem::create_directories(file.parent_path());
  }
  std::ofstream out(file, std::ios::binary | std::ios::app);
  out << to_json(checkpoint) << '\n';
  out.close();
  if (!out) {
    throw OutputError(fmt::format("{}: 无法写入检查点文件", file.string()));
  }
}

std::string disagreement(store::Database& db, const Checkpoint& checkpoint, const std::string& public_key)
{
  if (checkpoint.public_key != public_key) {
    return fmt::format("检查点（{}，第{}条事件）不是用本机关的密钥签名的", checkpoint.at, checkpoint.events);
  }
  if (!signature_valid(public_key, checkpoint.message(), checkpoint.signature)) {
    return fmt::format("检查点（{}，第{}条事件）的签名无效（检查点被改动）", checkpoint.at, checkpoint.events);
  }
  if (checkpoint.events == 0) {
    return {};
  }
  const std::string hash = head_hash_at(db, checkpoint.events);
  if (hash.empty()) {
    return fmt::format("日志比检查点短：检查点（{}）记录了{}条事件（最新的事件被删除）", checkpoint.at,
                       checkpoint.events);
  }
  if (hash != checkpoint.hash) {
    return fmt::format("事件 {} 的哈希与检查点（{}）记录的不同（日志被改写）", checkpoint.events, checkpoint.at);
  }
  return {};
}

} // namespace normdoc::audit
