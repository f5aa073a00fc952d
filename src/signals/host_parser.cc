#include "signals/host_parser.h"

#include <array>
#include <vector>

#include "signals/public_suffix_list.h"
#include "text/unicode.h"

namespace spamradar::signals {
namespace {

constexpr size_t kMaxLabels = 16;
constexpr size_t kMaxLabelBytes = 63;

struct Separator {
  std::string_view text;
  bool obfuscated;
};

// Longest first, so " dot " wins over " ".
constexpr std::array<Separator, 10> kSeparators = {{
    {" [.] ", true},
    {"[.]", true},
    {"(.)", true},
    {"{.}", true},
    {"[dot]", true},
    {"(dot)", true},
    {" dot ", true},
    {" . ", true},
    {".", false},
    {"\\.", true},
}};

bool IsDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

bool IsIpv4(const std::vector<std::string_view>& labels) {
  if (labels.size() != 4) return false;
  for (std::string_view label : labels) {
    if (!IsDigits(label) || label.size() > 3 || std::stoi(std::string(label)) > 255) return false;
  }
  return true;
}

}  // namespace

bool IsHostByte(std::string_view text, uint32_t pos) {
  const auto c = static_cast<unsigned char>(text[pos]);
  if (c >= 0x80) {
    // Look at the whole character this byte belongs to.
    uint32_t start = pos;
    while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    const text::DecodedChar d = text::DecodeUtf8(text, start);
    const text::CharClass cls = text::Classify(d.code_point);
    return d.valid && (cls == text::CharClass::kLetter || cls == text::CharClass::kDigit ||
                       cls == text::CharClass::kMark);
  }
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || (c >= 'A' && c <= 'Z');
}

std::optional<ParsedHost> ParseHost(std::string_view text, uint32_t pos, uint32_t* scanned_to) {
  const auto n = static_cast<uint32_t>(text.size());
  std::vector<std::string_view> labels;
  std::vector<uint32_t> label_ends;
  std::vector<bool> obfuscated_before;  // separator before label i was obfuscated
  uint32_t q = pos;
  bool obfuscated = false;
  while (labels.size() < kMaxLabels) {
    const uint32_t start = q;
    while (q < n && IsHostByte(text, q) && q - start < kMaxLabelBytes * 4) ++q;
    if (q == start) break;
    labels.push_back(text.substr(start, q - start));
    label_ends.push_back(q);
    obfuscated_before.push_back(obfuscated);
    bool found = false;
    for (const Separator& sep : kSeparators) {
      if (text.substr(q, sep.text.size()) == sep.text && q + sep.text.size() < n &&
          IsHostByte(text, q + static_cast<uint32_t>(sep.text.size()))) {
        q += static_cast<uint32_t>(sep.text.size());
        obfuscated = sep.obfuscated;
        found = true;
        break;
      }
    }
    if (!found) break;
  }
  *scanned_to = labels.empty() ? pos + 1 : label_ends.back();
  if (labels.size() < 2) return std::nullopt;

  if (IsIpv4(std::vector<std::string_view>(labels.begin(),
                                           labels.begin() + std::min<size_t>(4, labels.size()))) &&
      labels.size() >= 4) {
    ParsedHost host{pos, label_ends[3], {}, 4, false, true};
    for (size_t i = 0; i < 4; ++i) {
      if (i > 0) host.host.push_back('.');
      host.host += labels[i];
      host.obfuscated = host.obfuscated || obfuscated_before[i];
    }
    return host;
  }

  const PublicSuffixList& psl = PublicSuffixList::Get();
  for (size_t count = labels.size(); count >= 2; --count) {
    const std::string_view tld = labels[count - 1];
    if (IsDigits(tld) || !psl.IsKnownSuffix(tld)) continue;
    bool valid = true;
    for (size_t i = 0; i < count; ++i) {
      const std::string_view label = labels[i];
      if (label.front() == '-' || label.back() == '-' || label.size() > kMaxLabelBytes * 4)
        valid = false;
    }
    if (!valid) continue;
    ParsedHost host{pos, label_ends[count - 1], {}, static_cast<int>(count), false, false};
    for (size_t i = 0; i < count; ++i) {
      if (i > 0) host.host.push_back('.');
      host.host += labels[i];
      host.obfuscated = host.obfuscated || obfuscated_before[i];
    }
    return host;
  }
  return std::nullopt;
}

}  // namespace spamradar::signals
