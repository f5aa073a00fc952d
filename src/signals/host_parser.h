// ParseHost: reads a host name written the way spam writes it, shared by the
// URL and e-mail extractors. Besides "shop.example.com" it accepts the
// defanged and spoken forms used to dodge link filters: "example[.]com",
// "example(.)com", "example dot com", "www . example . com". The host must end
// in a known public suffix, so "end.of sentence" or "G.U.C.C.I" are not hosts.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace spamradar::signals {

struct ParsedHost {
  uint32_t begin;  // in the scanned text
  uint32_t end;
  std::string host;  // labels joined by '.', as written (lower-case, maybe Unicode)
  int labels = 0;
  bool obfuscated = false;  // some separator was not a plain '.'
  bool ipv4 = false;
};

// Tries to read a host starting at `pos` in the clean (case-folded) `text`.
// `*scanned_to` receives the end of the last label looked at, so a caller that
// moves on from there scans the text once in all.
std::optional<ParsedHost> ParseHost(std::string_view text, uint32_t pos, uint32_t* scanned_to);

// True for bytes that can be part of a host label (ASCII letters, digits, '-',
// or any byte of a non-ASCII letter: IDN labels). Inline for the ASCII case:
// extraction asks this of nearly every byte of every message.
bool IsNonAsciiHostByte(std::string_view text, uint32_t pos);
inline bool IsHostByte(std::string_view text, uint32_t pos) {
  const auto c = static_cast<unsigned char>(text[pos]);
  if (c >= 0x80) return IsNonAsciiHostByte(text, pos);
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || (c >= 'A' && c <= 'Z');
}

}  // namespace spamradar::signals
