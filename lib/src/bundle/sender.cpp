// SPDX-License-Identifier: MIT
#include "sender.hpp"

#include <normdoc/audit/checkpoint.hpp>
#include <normdoc/audit/event_log.hpp>
#include <normdoc/error.hpp>
#include <normdoc/util/json.hpp>
#include <normdoc/util/sha256.hpp>

#include <fmt/format.h>

namespace normdoc::bundle::detail {

namespace {

[[noreturn]] void refuse(const std::string& source, int line, std::string field, const std::string& why)
{
  throw DataError(why, Location{source, line, 0, std::move(field)});
}

std::string event_field(std::size_t index, const char* name)
{
  return fmt::format("events[{}].{}", index, name);
}

// The key a signature is checked with: the trusted one when given (the carried key must be
// it), else the one the bundle carries, which only shows the bundle is as its signer left it.
std::string checking_key(const std::string& source, int line, const std::string& field, const std::string& carried,
                         const std::optional<std::string>& trusted)
{
  if (trusted && carried != *trusted) {
    refuse(source, line, field, "不是发送方交来的公钥（数据包被重新签名或来自别的机关）");
  }
  return trusted ? *trusted : carried;
}

} // namespace

std::string listing_line(std::int64_t id, const std::string& hash)
{
  return fmt::format("{} {}\n", id, hash);
}

std::string Sealed::message() const
{
  return fmt::format("normdoc-bundle-v1\n{}\n{}\n{}\n{}\n{}\n{}", office, head_events, head_hash, sent_events, digest,
                     at);
}

std::string received_line(const std::string& office, const std::string& at, const std::string& actor,
                          const std::string& kind, const std::string& payload)
{
  std::string content = "[";
  for (const std::string* field : {&office, &at, &actor, &kind, &payload}) {
    if (content.size() > 1) {
      content += ',';
    }
    util::append_json_quoted(content, *field);
  }
  content += ']';
  return fmt::format("- {}\n", util::sha256_hex(content));
}

void SenderChain::add(const std::string& source, int line, std::int64_t document, const Json& events)
{
  std::int64_t previous = 0;
  for (std::size_t i = 0; i < events.size(); ++i) {
    const Json& event = events[i];
    if (event.contains("office")) {
      // Received by the sender from a third registry: not in the sender's chain, but sealed.
      listing_ += received_line(event.at("office").get<std::string>(), event.at("at").get<std::string>(),
                                event.at("actor").get<std::string>(), event.at("kind").get<std::string>(),
                                event.at("payload").get<std::string>());
      ++listed_;
      continue;
    }
    if (!event.contains("hash") && !event.contains("id") && !event.contains("prev_hash")) {
      if (!unhashed_) {
        unhashed_ = std::pair(line, i);
      }
      continue;
    }
    for (const char* name : {"id", "prev_hash", "hash"}) {
      if (!event.contains(name) || event.at(name).is_null()) {
        refuse(source, line, event_field(i, name), "缺少此字段");
      }
    }
    audit::Event recomputed{event.at("id").get<std::int64_t>(),
                            event.at("at").get<std::string>(),
                            event.at("actor").get<std::string>(),
                            document,
                            event.at("kind").get<std::string>(),
                            event.at("payload").get<std::string>(),
                            event.at("prev_hash").get<std::string>(),
                            {},
                            std::nullopt};
    // A sender on PostgreSQL records the role that wrote each event, and hashes it.
    if (event.contains("db_role")) {
      recomputed.db_role = event.at("db_role").get<std::string>();
    }
    const std::string hash = event.at("hash").get<std::string>();
    if (audit::compute_hash(recomputed) != hash) {
      refuse(source, line, event_field(i, "hash"), "与事件内容不符（发送方的事件被改动）");
    }
    if (recomputed.id <= previous) {
      refuse(source, line, event_field(i, "id"), "事件顺序被改动（同一文件的事件应按编号递增）");
    }
    previous = recomputed.id;
    const auto [at, fresh] = events_.try_emplace(recomputed.id, Seen{hash, recomputed.prev_hash, line, i});
    if (!fresh) {
      refuse(source, line, event_field(i, "id"),
             fmt::format("发送方的事件 {} 在数据包中出现两次（第{}行）", at->first, at->second.line));
    }
    listing_ += listing_line(recomputed.id, hash);
    ++listed_;
  }
}

SenderCheck SenderChain::finish(const std::string& source, int header_line, const Json& header,
                                const std::optional<std::string>& trusted_key, std::vector<std::string>& notices) const
{
  if (!header.contains("sent")) {
    // A bundle from before the sender's events carried their hashes, or one stripped of them.
    for (const char* part : {"seal", "checkpoint"}) {
      if (header.contains(part)) {
        refuse(source, header_line, "sent", fmt::format("缺少此字段（数据包头部有 {}）", part));
      }
    }
    if (!events_.empty()) {
      const Seen& first = events_.begin()->second;
      refuse(source, first.line, event_field(first.index, "hash"), "数据包头部缺少 sent（事件的哈希无从对照）");
    }
    if (trusted_key) {
      refuse(source, header_line, "seal", "数据包没有发送方的签名和日志哈希，无法用发送方交来的公钥核对");
    }
    notices.emplace_back("数据包不含发送方日志的哈希（较早版本导出的数据包），发送方的操作历史未能核对");
    return SenderCheck::none;
  }
  if (unhashed_) {
    refuse(source, unhashed_->first, event_field(unhashed_->second, "hash"), "缺少此字段");
  }
  const Json& head = header.value("head", Json::object());
  const std::int64_t head_events = head.value("events", std::int64_t{0});
  const std::string head_hash = head.value("hash", std::string(audit::k_genesis_hash));
  for (const auto& [id, seen] : events_) {
    if (id > head_events) {
      refuse(source, seen.line, event_field(seen.index, "id"),
             fmt::format("超出发送方日志的末尾（链头为事件 {}）", head_events));
    }
    const auto before = events_.find(id - 1);
    const std::string expected = id == 1                   ? std::string(audit::k_genesis_hash)
                                 : before != events_.end() ? before->second.hash
                                                           : "";
    if (!expected.empty() && seen.prev_hash != expected) {
      refuse(source, seen.line, event_field(seen.index, "prev_hash"),
             fmt::format("与发送方事件 {} 的哈希不符（其间的事件被改动、删除或调换）", id - 1));
    }
  }
  if (const auto last = events_.find(head_events); last != events_.end() && last->second.hash != head_hash) {
    refuse(source, header_line, "head.hash", fmt::format("与数据包中发送方事件 {} 的哈希不符", head_events));
  }
  // What no single event shows: one left out, added or moved.
  const Json& sent = header.at("sent");
  if (sent.at("events").get<std::size_t>() != listed_ ||
      sent.at("digest").get<std::string>() != util::sha256_hex(listing_)) {
    refuse(source, header_line, "sent.digest",
           fmt::format("与数据包中的{}条事件不符（事件或整行被删除、增加、改动或调换）", listed_));
  }
  SenderCheck check = SenderCheck::hashes;
  if (header.contains("seal")) {
    const Json& seal = header.at("seal");
    const std::string key =
      checking_key(source, header_line, "seal.public_key", seal.at("public_key").get<std::string>(), trusted_key);
    const Sealed sealed{header.value("office", std::string()),
                        head_events,
                        head_hash,
                        sent.at("events").get<std::int64_t>(),
                        sent.at("digest").get<std::string>(),
                        seal.at("at").get<std::string>()};
    if (!audit::signature_valid(key, sealed.message(), seal.at("signature").get<std::string>())) {
      refuse(source, header_line, "seal.signature", "签名无效（数据包头部或发送方的事件被改动）");
    }
    check = trusted_key ? SenderCheck::trusted_key : SenderCheck::bundle_key;
  } else if (trusted_key) {
    refuse(source, header_line, "seal", "数据包没有发送方的签名，无法用发送方交来的公钥核对");
  }
  if (header.contains("checkpoint")) {
    const Json& value = header.at("checkpoint");
    const audit::Checkpoint checkpoint{
      value.at("events").get<std::int64_t>(),    value.at("hash").get<std::string>(),
      value.at("at").get<std::string>(),         value.at("office").get<std::string>(),
      value.at("public_key").get<std::string>(), value.at("signature").get<std::string>()};
    const std::string key =
      checking_key(source, header_line, "checkpoint.public_key", checkpoint.public_key, trusted_key);
    if (!audit::signature_valid(key, checkpoint.message(), checkpoint.signature)) {
      refuse(source, header_line, "checkpoint.signature", "签名无效（检查点被改动）");
    }
    if (header.contains("office") && checkpoint.office != header.at("office").get<std::string>()) {
      refuse(source, header_line, "checkpoint.office", "与数据包的发送机关不符");
    }
    if (checkpoint.events > head_events) {
      refuse(source, header_line, "checkpoint.events",
             fmt::format("发送方日志比其检查点短：检查点记录了{}条事件，链头为事件 {}（最新的事件被删除）",
                         checkpoint.events, head_events));
    }
    const auto at_checkpoint = events_.find(checkpoint.events);
    if ((checkpoint.events == head_events && checkpoint.hash != head_hash) ||
        (at_checkpoint != events_.end() && at_checkpoint->second.hash != checkpoint.hash)) {
      refuse(source, header_line, "checkpoint.hash",
             fmt::format("与发送方事件 {} 的哈希不符（发送方日志被改写）", checkpoint.events));
    }
  }
  if (check == SenderCheck::hashes) {
    notices.emplace_back(
      "数据包没有发送方的签名（导出时没有审计私钥）：发送方的事件只核对了哈希和链接，不能排除重算哈希的伪造");
  } else if (check == SenderCheck::bundle_key) {
    notices.emplace_back("发送方的签名只用数据包自带的公钥核对（能发现改动，不能排除重新签名的伪造）；"
                         "导入时指定发送方交来的公钥才能排除");
  }
  return check;
}

} // namespace normdoc::bundle::detail
