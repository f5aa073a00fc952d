#include "signals/host_parser.h"

#include <array>

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

// The first four labels are a dotted-quad IPv4 address.
bool IsIpv4(const std::array<std::string_view, kMaxLabels>& labels) {
  for (size_t i = 0; i < 4; ++i) {
    const std::string_view label = labels[i];
    if (!IsDigits(label) || label.size() > 3) return false;
    int value = 0;
    for (char c : label) value = value * 10 + (c - '0');
    if (value > 255) return false;
  }
  return true;
}

}  // namespace

bool IsNonAsciiHostByte(std::string_view text, uint32_t pos) {
  // Look at the whole character this byte belongs to.
  uint32_t start = pos;
  while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
  const text::DecodedChar d = text::DecodeUtf8(text, start);
  const text::CharClass cls = text::Classify(d.code_point);
  return d.valid && (cls == text::CharClass::kLetter || cls == text::CharClass::kDigit ||
                     cls == text::CharClass::kMark);
}

std::optional<ParsedHost> ParseHost(std::string_view text, uint32_t pos, uint32_t* scanned_to) {
  const auto n = static_cast<uint32_t>(text.size());
  // Called at every word of every message: fixed arrays, no allocation.
  std::array<std::string_view, kMaxLabels> labels;
  std::array<uint32_t, kMaxLabels> label_ends{};
  std::array<bool, kMaxLabels> obfuscated_before{};  // the separator before label i was
  size_t count_parsed = 0;
  uint32_t q = pos;
  bool obfuscated = false;
  while (count_parsed < kMaxLabels) {
    const uint32_t start = q;
    while (q < n && IsHostByte(text, q) && q - start < kMaxLabelBytes * 4) ++q;
    if (q == start) break;
    labels[count_parsed] = text.substr(start, q - start);
    label_ends[count_parsed] = q;
    obfuscated_before[count_parsed] = obfuscated;
    ++count_parsed;
    bool found = false;
    // Every separator starts with one of these bytes.
    const bool maybe_separator =
        q < n && std::string_view(".[({ \\").find(text[q]) != std::string_view::npos;
    for (const Separator& sep : kSeparators) {
      if (!maybe_separator) break;
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
  *scanned_to = count_parsed == 0 ? pos + 1 : label_ends[count_parsed - 1];
  if (count_parsed < 2) return std::nullopt;

  if (count_parsed >= 4 && IsIpv4(labels)) {
    ParsedHost host{pos, label_ends[3], {}, 4, false, true};
    for (size_t i = 0; i < 4; ++i) {
      if (i > 0) host.host.push_back('.');
      host.host += labels[i];
      host.obfuscated = host.obfuscated || obfuscated_before[i];
    }
    return host;
  }

  const PublicSuffixList& psl = PublicSuffixList::Get();
  for (size_t count = count_parsed; count >= 2; --count) {
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
