// KeyStore: the API keys of a data directory, by the SHA-256 of the key (the
// key itself is shown once, when made, and never stored). Safe to use from
// one thread at a time per instance.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "core/time.h"

namespace spamradar::store {

struct StoredKey {
  std::string id;     // a short public name for the key ("k_3f9a2c1b"), for logs and listings
  std::string hash;   // hex SHA-256 of the key
  std::string role;   // "intake", "analyst", "admin", "demo"
  std::string label;  // who it is for, free text
  Timestamp created_at;
  bool revoked = false;
};

class KeyStore {
 public:
  virtual ~KeyStore() = default;
  virtual Status AddKey(const StoredKey& key) = 0;
  virtual Result<std::optional<StoredKey>> FindKey(std::string_view hash) = 0;
  virtual Result<std::vector<StoredKey>> ListKeys() = 0;
  // Whether a key with this id existed (and is now revoked).
  virtual Result<bool> RevokeKey(std::string_view id) = 0;
};

}  // namespace spamradar::store
