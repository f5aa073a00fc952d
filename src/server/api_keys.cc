#include "server/api_keys.h"

#include <openssl/evp.h>
#include <openssl/rand.h>

namespace spamradar::server {
namespace {

std::string Hex(const unsigned char* bytes, size_t n) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(2 * n);
  for (size_t i = 0; i < n; ++i) {
    out.push_back(kDigits[bytes[i] >> 4]);
    out.push_back(kDigits[bytes[i] & 15]);
  }
  return out;
}

}  // namespace

std::string_view RoleName(Role role) {
  switch (role) {
    case Role::kIntake: return "intake";
    case Role::kAnalyst: return "analyst";
    case Role::kAdmin: return "admin";
  }
  return "unknown";
}

std::optional<Role> ParseRole(std::string_view name) {
  for (const Role role : {Role::kIntake, Role::kAnalyst, Role::kAdmin}) {
    if (RoleName(role) == name) return role;
  }
  return std::nullopt;
}

bool Allows(Role role, Permission permission) {
  switch (role) {
    case Role::kAdmin: return true;
    case Role::kIntake:
      return permission == Permission::kSubmit || permission == Permission::kClassify;
    case Role::kAnalyst:
      return permission == Permission::kRead || permission == Permission::kClassify;
  }
  return false;
}

std::string HashKey(std::string_view key) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(key.data(), key.size(), digest, &length, EVP_sha256(), nullptr);
  return Hex(digest, length);
}

Result<NewKey> CreateKey(store::KeyStore& keys, Role role, std::string_view label, Timestamp now) {
  unsigned char secret[20];
  if (RAND_bytes(secret, sizeof(secret)) != 1) {
    return Status::Internal("the system's random generator failed");
  }
  NewKey made;
  made.key = "sr_" + Hex(secret, sizeof(secret));
  made.stored.hash = HashKey(made.key);
  // The public name: a prefix of the hash, which tells nothing of the key.
  made.stored.id = "k_" + made.stored.hash.substr(0, 10);
  made.stored.role = std::string(RoleName(role));
  made.stored.label = std::string(label);
  made.stored.created_at = now;
  if (Status status = keys.AddKey(made.stored); !status.ok()) return status;
  return made;
}

}  // namespace spamradar::server
