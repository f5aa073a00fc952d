// API keys: made at random, shown once, stored as their SHA-256 (store::KeyStore),
// each with a role that says what it may do:
//   intake   submit reports, the 7726 webhook, classify
//   analyst  read campaigns and analytics, classify (the dashboard's key)
//   admin    everything, and manage keys
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"
#include "core/time.h"
#include "store/key_store.h"

namespace spamradar::server {

enum class Role { kIntake, kAnalyst, kAdmin };

std::string_view RoleName(Role role);
std::optional<Role> ParseRole(std::string_view name);

// What a route needs.
enum class Permission { kSubmit, kRead, kClassify, kManageKeys };
bool Allows(Role role, Permission permission);

// Hex SHA-256 of a key as sent ("sr_...").
std::string HashKey(std::string_view key);

struct NewKey {
  std::string key;  // shown once: "sr_" and 40 hex digits
  store::StoredKey stored;
};
// Makes a key with `role`, stores its hash, and returns it.
Result<NewKey> CreateKey(store::KeyStore& keys, Role role, std::string_view label, Timestamp now);

}  // namespace spamradar::server
