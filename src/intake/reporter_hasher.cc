#include "intake/reporter_hasher.h"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/check.h"
#include "geo/phone_number.h"

namespace spamradar::intake {
namespace {

Status Errno(std::string what) {
  what.append(": ");
  what.append(std::strerror(errno));
  return Status::IoError(std::move(what));
}

}  // namespace

struct ReporterHasher::KeyedContext {
  EVP_MAC* mac = nullptr;
  EVP_MAC_CTX* context = nullptr;
  ~KeyedContext() {
    EVP_MAC_CTX_free(context);
    EVP_MAC_free(mac);
  }
};

ReporterHasher::ReporterHasher(const std::array<unsigned char, kKeyBytes>& key)
    : keyed_(std::make_unique<KeyedContext>()) {
  keyed_->mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
  CHECK(keyed_->mac != nullptr) << "OpenSSL has no HMAC";
  keyed_->context = EVP_MAC_CTX_new(keyed_->mac);
  char digest[] = "SHA256";
  const OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
                               OSSL_PARAM_END};
  CHECK(keyed_->context != nullptr &&
        EVP_MAC_init(keyed_->context, key.data(), key.size(), params) == 1)
      << "cannot set up HMAC-SHA256";
}

ReporterHasher::~ReporterHasher() = default;
ReporterHasher::ReporterHasher(ReporterHasher&&) noexcept = default;
ReporterHasher& ReporterHasher::operator=(ReporterHasher&&) noexcept = default;

Result<ReporterHasher> ReporterHasher::OpenOrCreate(const std::string& data_dir) {
  const std::string path = data_dir + "/" + kKeyFile;
  std::array<unsigned char, kKeyBytes> key{};
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0 && errno == ENOENT) {
    if (RAND_bytes(key.data(), static_cast<int>(key.size())) != 1) {
      return Status::Internal("cannot draw random bytes for the reporter key");
    }
    // Written to a temporary name and linked into place, so a crash never
    // leaves a short key file, and two processes starting at once agree.
    const std::string temporary = path + ".tmp." + std::to_string(getpid());
    const int out = open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (out < 0) return Errno("cannot create " + temporary);
    const bool written =
        write(out, key.data(), key.size()) == static_cast<ssize_t>(key.size()) && fsync(out) == 0;
    close(out);
    if (!written) {
      unlink(temporary.c_str());
      return Errno("cannot write " + temporary);
    }
    const int linked = link(temporary.c_str(), path.c_str());
    const int link_errno = errno;
    unlink(temporary.c_str());
    if (linked != 0 && link_errno != EEXIST) {
      errno = link_errno;
      return Errno("cannot create " + path);
    }
    if (const int dir = open(data_dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dir >= 0) {
      fsync(dir);
      close(dir);
    }
    fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  }
  if (fd < 0) return Errno("cannot open " + path);
  struct stat info {};
  if (fstat(fd, &info) != 0) {
    close(fd);
    return Errno("cannot stat " + path);
  }
  if ((info.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
    close(fd);
    return Status::InvalidArgument(path +
                                   " can be read by other users; it protects subscribers' "
                                   "numbers: chmod 600 it");
  }
  const ssize_t n = read(fd, key.data(), key.size());
  unsigned char extra;
  const ssize_t more = read(fd, &extra, 1);
  close(fd);
  if (n != static_cast<ssize_t>(key.size()) || more != 0) {
    return Status::Corruption(path + " is not a 32-byte key; restore it from a backup");
  }
  return Result<ReporterHasher>(ReporterHasher(key));
}

std::string ReporterHasher::NormalizeReporter(std::string_view reporter) {
  while (!reporter.empty() && (reporter.front() == ' ' || reporter.front() == '\t')) {
    reporter.remove_prefix(1);
  }
  while (!reporter.empty() && (reporter.back() == ' ' || reporter.back() == '\t')) {
    reporter.remove_suffix(1);
  }
  if (std::optional<geo::PhoneNumber> phone = geo::ParsePhoneNumber(reporter)) {
    return phone->e164;
  }
  return std::string(reporter);
}

std::string ReporterHasher::Hash(std::string_view reporter) const {
  const std::string normalized = NormalizeReporter(reporter);
  EVP_MAC_CTX* context = EVP_MAC_CTX_dup(keyed_->context);
  CHECK(context != nullptr) << "out of memory";
  unsigned char digest[EVP_MAX_MD_SIZE];
  size_t length = 0;
  const bool hashed =
      EVP_MAC_update(context, reinterpret_cast<const unsigned char*>(normalized.data()),
                     normalized.size()) == 1 &&
      EVP_MAC_final(context, digest, &length, sizeof(digest)) == 1;
  EVP_MAC_CTX_free(context);
  CHECK(hashed && length == 32) << "HMAC-SHA256 failed";
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex(2 * length, '0');
  for (size_t i = 0; i < length; ++i) {
    hex[2 * i] = kHex[digest[i] >> 4];
    hex[2 * i + 1] = kHex[digest[i] & 15];
  }
  return hex;
}

}  // namespace spamradar::intake
