#include "domain/report.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <utility>

namespace spamradar {
namespace {

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (x != b[i]) return false;
  }
  return true;
}

constexpr std::array<std::pair<Channel, std::string_view>, 5> kChannels = {{
    {Channel::kUnknown, "unknown"},
    {Channel::kSms, "sms"},
    {Channel::kMms, "mms"},
    {Channel::kImessage, "imessage"},
    {Channel::kRcs, "rcs"},
}};

constexpr std::array<std::pair<SenderKind, std::string_view>, 5> kSenderKinds = {{
    {SenderKind::kNone, "none"},
    {SenderKind::kPhone, "phone"},
    {SenderKind::kShortCode, "short_code"},
    {SenderKind::kEmail, "email"},
    {SenderKind::kAlphanumeric, "alphanumeric"},
}};

}  // namespace

uint64_t ReporterKey(std::string_view reporter_hash) {
  uint64_t key = 0;
  std::from_chars(reporter_hash.data(),
                  reporter_hash.data() + std::min<size_t>(16, reporter_hash.size()), key, 16);
  return key;
}

std::string_view ChannelName(Channel channel) {
  for (const auto& [value, name] : kChannels) {
    if (value == channel) return name;
  }
  return "unknown";
}

std::optional<Channel> ParseChannel(std::string_view name) {
  for (const auto& [value, known] : kChannels) {
    if (value != Channel::kUnknown && EqualsIgnoringCase(name, known)) return value;
  }
  return std::nullopt;
}

std::string_view SenderKindName(SenderKind kind) {
  for (const auto& [value, name] : kSenderKinds) {
    if (value == kind) return name;
  }
  return "none";
}

std::optional<SenderKind> ParseSenderKind(std::string_view name) {
  for (const auto& [value, known] : kSenderKinds) {
    if (name == known) return value;
  }
  return std::nullopt;
}

}  // namespace spamradar
