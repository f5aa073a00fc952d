// Report: one subscriber's report of one spam message, the unit of the
// report log, and the value types it is made of (channel, sender).
//
// ReportSubmission is what a client sends (docs/report-format.md); Report is
// what the log stores after intake has checked and enriched it: the
// reporter's number replaced by a keyed hash, the sender normalized, the
// channel inferred when it was not declared, the links, brands and numbers of
// the body listed. Plain values; no thread-safety concerns.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/time.h"

namespace spamradar {

enum class Channel : uint8_t { kUnknown = 0, kSms, kMms, kImessage, kRcs };

// "sms", "mms", "imessage", "rcs", "unknown".
std::string_view ChannelName(Channel channel);
// Case-insensitive; "unknown" is not a channel a client can declare.
std::optional<Channel> ParseChannel(std::string_view name);

enum class SenderKind : uint8_t { kNone = 0, kPhone, kShortCode, kEmail, kAlphanumeric };

// "none", "phone", "short_code", "email", "alphanumeric".
std::string_view SenderKindName(SenderKind kind);
std::optional<SenderKind> ParseSenderKind(std::string_view name);

// The first 64 bits of a reporter hash (hex), enough to count distinct
// reporters without keeping 64-character strings per report.
uint64_t ReporterKey(std::string_view reporter_hash);

struct Sender {
  SenderKind kind = SenderKind::kNone;
  // Normalized: E.164 ("+12125551234"), the short code's digits ("87070"), the
  // lower-cased address ("lvshop@icloud.com"), or the sender id as sent ("HSBC").
  std::string value;

  bool operator==(const Sender&) const = default;
};

struct ReportSubmission {
  std::string id;  // idempotency key; empty: intake derives one from the content
  Timestamp reported_at;
  std::string reporter;  // phone number or opaque id; never stored
  std::string body;
  std::string sender;  // as given; empty when absent
  std::optional<Channel> channel;
  std::optional<Timestamp> received_at;
  std::string operator_name;
  std::string metro;  // explicit metro (name or CBSA code); empty: from the reporter's number
};

struct Report {
  uint64_t sequence = 0;  // position in the log, from 1; assigned by the log
  std::string id;
  Timestamp reported_at;
  std::optional<Timestamp> received_at;
  std::string reporter_hash;  // HMAC-SHA256 of the normalized reporter, hex
  std::string metro;          // CBSA code of the reporter's metro, or empty
  Sender sender;
  Channel channel = Channel::kUnknown;
  bool channel_inferred = false;  // false: declared by the client (or unknown)
  std::string operator_name;
  std::string source;  // "api", "import", "7726"
  std::string body;
  // From the message analysis of the body.
  std::vector<std::string> domains;  // registrable domains of its links, in order, distinct
  std::vector<std::string> brands;   // brands it names
  std::vector<std::string> phones;   // E.164 numbers in the text
  std::vector<std::string> short_codes;
  std::vector<std::string> emails;
  std::vector<std::string> cues;  // calls to action it makes ("claim your prize")
  // The normalized text with links, numbers and addresses as slots: what
  // campaigns are told apart by (MessageAnalysis::shingle_text).
  std::string shingle_text;
  // The analysis these lists came from (MessageAnalyzer::stamp()); 0 for
  // reports stored before it was recorded. A fold whose analyzer has another
  // stamp reads the body again rather than trust them.
  uint32_t analysis_stamp = 0;

  bool operator==(const Report&) const = default;
};

}  // namespace spamradar
