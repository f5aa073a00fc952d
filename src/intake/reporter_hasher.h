// ReporterHasher: the reporter's phone number never reaches the log.
//
// Reports keep HMAC-SHA256(key, normalized reporter) instead: the same
// subscriber always hashes the same (distinct-reporter counts, duplicate
// windows), but the hash cannot be reversed by trying every phone number
// without the key. The key is 32 random bytes created at first start in the
// data directory as reporter.key, mode 0600; losing it only means new reports
// of a subscriber no longer match old ones. OpenSSL enters spamradar here.
// Immutable after construction; thread-safe.
#pragma once

#include <array>
#include <memory>
#include <string>
#include <string_view>

#include "core/status.h"

namespace spamradar::intake {

class ReporterHasher {
 public:
  static constexpr size_t kKeyBytes = 32;
  static constexpr const char* kKeyFile = "reporter.key";

  // Reads DIR/reporter.key, creating it (0600) when absent. Refuses a key file
  // of the wrong size or one that others can read.
  static Result<ReporterHasher> OpenOrCreate(const std::string& data_dir);
  explicit ReporterHasher(const std::array<unsigned char, kKeyBytes>& key);
  ~ReporterHasher();
  ReporterHasher(ReporterHasher&&) noexcept;
  ReporterHasher& operator=(ReporterHasher&&) noexcept;

  // A phone number in any common form is reduced to E.164 first, so
  // "(212) 555-0142" and "+12125550142" are the same reporter; anything else
  // (an app's opaque id) is used as given, trimmed.
  static std::string NormalizeReporter(std::string_view reporter);
  // 64 lower-case hex digits.
  std::string Hash(std::string_view reporter) const;

 private:
  // An HMAC context keyed once; each Hash() works on a copy of it, because
  // setting an HMAC up (algorithm lookup, key schedule) costs ten times the
  // hashing of a phone number.
  struct KeyedContext;
  std::unique_ptr<KeyedContext> keyed_;
};

}  // namespace spamradar::intake
