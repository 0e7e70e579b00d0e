// SPDX-License-Identifier: MIT
#pragma once

#include "values.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

// The sending registry's own events in a bundle, checked against its chain. A bundle carries
// only the events of the documents it holds, while the sender's chain runs through all of its
// events: each event's hash is recomputed from its content and the hash before it, events
// next to each other in the chain must link, the event at the sender's head must have the
// head's hash, and the list of every event sent (id and hash, in bundle order; a hash of the
// content for events the sender received from elsewhere) must match the header's digest. What binds that list to the
// head is the sender's signature (the header's seal), and the sender's newest checkpoint is checked against the head:
// both only prove something against a forger when checked with a key the receiver already trusts.
namespace normdoc::bundle::detail {

enum class SenderCheck
{
  none,
  hashes,
  bundle_key,
  trusted_key
};

class SenderChain
{
public:
  // The events of one line (a document `document` of the sender), first pass. Throws
  // DataError naming `source`, `line` and the field.
  void add(const std::string& source, int line, std::int64_t document, const Json& events);

  // After every line: the header's head, digest, seal and checkpoint against the events seen.
  // `trusted_key` (hex) is the sender's public key as the receiver knows it. Notices (Chinese)
  // go to `notices`; returns how far the sender's history was checked.
  SenderCheck finish(const std::string& source, int header_line, const Json& header,
                     const std::optional<std::string>& trusted_key, std::vector<std::string>& notices) const;

private:
  struct Seen
  {
    std::string hash;
    std::string prev_hash;
    int line = 0;
    std::size_t index = 0;
  };
  std::map<std::int64_t, Seen> events_;
  std::string listing_; // a line per event, in bundle order: what the digest covers
  std::size_t listed_ = 0;
  std::optional<std::pair<int, std::size_t>> unhashed_; // the first event without a hash
};

// "id hash\n" for one of the sender's events: a line of what the bundle header's digest covers.
std::string listing_line(std::int64_t id, const std::string& hash);

// "- sha256\n" for an event the sender received from a third registry (the SHA-256 of the JSON
// array [office, at, actor, kind, payload]): the seal covers those too, as the sender has them.
std::string received_line(const std::string& office, const std::string& at, const std::string& actor,
                          const std::string& kind, const std::string& payload);

// What the bundle's seal signs: the sender's office, chain head, the events sent (number and
// digest of their listing) and when.
struct Sealed
{
  std::string office;
  std::int64_t head_events = 0;
  std::string head_hash;
  std::int64_t sent_events = 0;
  std::string digest;
  std::string at;
  std::string message() const;
};

} // namespace normdoc::bundle::detail
