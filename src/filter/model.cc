#include "filter/model.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <fstream>
#include <string>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/check.h"
#include "core/hash.h"

namespace spamradar::filter {
namespace {

constexpr char kMagic[8] = {'S', 'P', 'R', 'D', 'M', 'O', 'D', 'L'};
constexpr uint32_t kFormatVersion = 1;
constexpr float kEpsilon = 1e-6f;

float Sigmoid(float x) {
  if (x > 35) return 1.0f;
  if (x < -35) return 0.0f;
  return 1.0f / (1.0f + std::exp(-x));
}

// A fresh weights version, process-wide.
uint64_t NextWeightsVersion() {
  static std::atomic<uint64_t> last{0};
  return last.fetch_add(1, std::memory_order_relaxed) + 1;
}

}  // namespace

// Fixed-size part of the file, after the magic. Little-endian, as every
// machine spamradar runs on; the checksum catches a file from anywhere else.
struct LinearModel::FileHeader {
  uint32_t format_version;
  uint32_t dimension;
  uint64_t feature_fingerprint;
  uint64_t examples_seen;
  float bias;
  float bias_accumulator;
  float spam_threshold;
  float suspect_threshold;
};

LinearModel::LinearModel(uint32_t dimension, uint64_t feature_fingerprint)
    : weights_(dimension, 0.0f),
      accumulators_(dimension, 0.0f),
      fingerprint_(feature_fingerprint),
      weights_version_(NextWeightsVersion()) {}

float LinearModel::Probability(std::span<const Feature> features) const {
  float z = bias_;
  for (const Feature& f : features) z += weights_[f.index] * f.value;
  return Sigmoid(z);
}

float LinearModel::ProbabilityOfSum(float weighted_sum) const {
  return Sigmoid(bias_ + weighted_sum);
}

void LinearModel::OwnAccumulators() {
  CHECK(!scoring_only_) << "a model loaded for scoring cannot learn";
  if (borrowed_accumulators_.empty()) return;
  accumulators_.resize(weights_.size());  // uninitialized: overwritten here
  std::memcpy(accumulators_.data(), borrowed_accumulators_.data(), borrowed_accumulators_.size());
  borrowed_accumulators_ = {};
}

float LinearModel::Learn(std::span<const Feature> features, bool spam,
                         const TrainingOptions& options, LearnScope scope) {
  OwnAccumulators();
  const float p = Probability(features);
  const float g = p - (spam ? 1.0f : 0.0f);  // d(log loss)/dz
  const size_t learned = features.size() - std::min(scope.fixed_tail, features.size());
  for (const Feature& f : features.first(learned)) {
    float& w = weights_[f.index];
    const float grad = g * f.value + options.l2 * w;
    float& acc = accumulators_[f.index];
    acc += grad * grad;
    w -= options.learning_rate * grad / (std::sqrt(acc) + kEpsilon);
  }
  if (scope.bias) {
    bias_accumulator_ += g * g;
    bias_ -= options.learning_rate * g / (std::sqrt(bias_accumulator_) + kEpsilon);
  }
  ++examples_seen_;
  weights_version_ = NextWeightsVersion();
  return p;
}

Status LinearModel::Save(const std::string& path) const {
  if (scoring_only_) {
    return Status::InvalidArgument("cannot save " + path +
                                   ": the model was loaded for scoring, without its accumulators");
  }
  std::string bytes(kMagic, sizeof(kMagic));
  const FileHeader header{kFormatVersion, dimension(),       fingerprint_,     examples_seen_,
                          bias_,          bias_accumulator_, thresholds_.spam, thresholds_.suspect};
  bytes.append(reinterpret_cast<const char*>(&header), sizeof(header));
  bytes.append(reinterpret_cast<const char*>(weights_.data()), weights_.size() * sizeof(float));
  if (!borrowed_accumulators_.empty()) {
    bytes.append(borrowed_accumulators_);
  } else {
    bytes.append(reinterpret_cast<const char*>(accumulators_.data()),
                 accumulators_.size() * sizeof(float));
  }
  const uint64_t checksum = XXH3_64bits(bytes.data(), bytes.size());
  bytes.append(reinterpret_cast<const char*>(&checksum), sizeof(checksum));
  // Write a temporary file and rename it, so a crash never leaves half a model.
  const std::string temporary = path + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.flush();
    if (!out) return Status::IoError("cannot write " + temporary);
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    return Status::IoError("cannot rename " + temporary + " to " + path);
  }
  return Status::Ok();
}

namespace {

using FileHeader = LinearModel::FileHeader;

constexpr size_t kPrefixSize = sizeof(kMagic) + sizeof(FileHeader);
constexpr size_t kMinimumSize = kPrefixSize + sizeof(uint64_t);

// The header of a model file of `size` bytes from its first bytes (`prefix`,
// at most kPrefixSize of them): everything that can be checked before the
// weights are read.
Result<FileHeader> CheckFileHeader(std::string_view prefix, size_t size) {
  if (prefix.size() < sizeof(kMagic) || std::memcmp(prefix.data(), kMagic, sizeof(kMagic)) != 0) {
    return Status::Corruption("not a spamradar model (bad magic number)");
  }
  if (size < kMinimumSize) return Status::Corruption("model file is truncated");
  FileHeader header;
  std::memcpy(&header, prefix.data() + sizeof(kMagic), sizeof(header));
  if (header.format_version != kFormatVersion) {
    return Status::InvalidArgument("model format version " + std::to_string(header.format_version) +
                                   " is not supported (this spamradar reads version " +
                                   std::to_string(kFormatVersion) + ")");
  }
  if (header.dimension == 0 || header.dimension > (1u << 26) ||
      (header.dimension & (header.dimension - 1)) != 0) {
    return Status::Corruption("model dimension " + std::to_string(header.dimension) +
                              " is invalid");
  }
  const size_t expected = kMinimumSize + 2ull * header.dimension * sizeof(float);
  if (size != expected) {
    return Status::Corruption("model file has " + std::to_string(size) + " bytes, expected " +
                              std::to_string(expected) + " (truncated or padded)");
  }
  return header;
}

// Reads exactly `size` bytes at `offset`. An end before them means the file
// shrank after its size was taken.
Status ReadFully(int fd, void* out, size_t size, size_t offset) {
  char* to = static_cast<char*>(out);
  while (size > 0) {
    const ssize_t got = ::pread(fd, to, size, static_cast<off_t>(offset));
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return Status::IoError(std::strerror(errno));
    if (got == 0)
      return Status::Corruption("model file is truncated (it changed while it was read)");
    to += got;
    offset += got;
    size -= static_cast<size_t>(got);
  }
  return Status::Ok();
}

}  // namespace

Status LinearModel::CheckAndAdopt(const FileHeader& header, uint64_t computed_checksum,
                                  uint64_t stored_checksum, uint64_t expected_fingerprint) {
  if (computed_checksum != stored_checksum) {
    return Status::Corruption("model checksum mismatch (the file is corrupted)");
  }
  if (header.feature_fingerprint != expected_fingerprint) {
    return Status::InvalidArgument(
        "model was trained with a different feature configuration; retrain it with this version");
  }
  fingerprint_ = header.feature_fingerprint;
  bias_ = header.bias;
  bias_accumulator_ = header.bias_accumulator;
  examples_seen_ = header.examples_seen;
  thresholds_ = {header.spam_threshold, header.suspect_threshold};
  if (!std::isfinite(bias_) || !(thresholds_.spam >= 0 && thresholds_.spam <= 1) ||
      !(thresholds_.suspect >= 0 && thresholds_.suspect <= thresholds_.spam)) {
    return Status::Corruption("model header holds invalid numbers");
  }
  return Status::Ok();
}

Result<LinearModel> LinearModel::Load(const std::string& path, uint64_t expected_fingerprint,
                                      Use use) {
  // Read into the model's own (huge-page) memory, not mapped: a process's
  // first touch of each 4 KiB page of a mapping costs a fault, or on a
  // virtual machine a trap to the host: mapping and checksumming the 8 MiB
  // took 3.9 ms where reading and checksumming them took 2.3 (the seventeenth
  // session's machine). The checksum is summed over the bytes as they come in.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    const int error = errno;
    if (error == ENOENT) return Status::NotFound("cannot open model file " + path);
    return Status::IoError("cannot read model file " + path + " (" + std::strerror(error) + ")");
  }
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  // A read error is the file's or the disk's (an I/O error); anything else
  // wrong is in the bytes, said with the file's name.
  const auto failed = [&path](const Status& status) {
    if (status.code() == StatusCode::kIoError) {
      return Status::IoError("cannot read model file " + path + " (" + status.message() + ")");
    }
    return Status::InvalidArgument(path + ": " + status.message());
  };
  struct stat info {};
  if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
    return failed(Status::IoError("not a regular file"));
  }
  const auto size = static_cast<size_t>(info.st_size);

  char prefix[kPrefixSize];
  const size_t prefix_size = std::min(size, kPrefixSize);
  if (Status read = ReadFully(fd, prefix, prefix_size, 0); !read.ok()) return failed(read);
  Result<FileHeader> header = CheckFileHeader(std::string_view(prefix, prefix_size), size);
  if (!header.ok()) return failed(header.status());

  LinearModel model(0, 0);
  const size_t table_bytes = header->dimension * sizeof(float);
  model.weights_.resize(header->dimension);  // uninitialized: overwritten here
  XXH3_state_t state;
  XXH3_64bits_reset(&state);
  XXH3_64bits_update(&state, prefix, kPrefixSize);
  uint64_t stored_checksum = 0;
  Status read = ReadFully(fd, model.weights_.data(), table_bytes, kPrefixSize);
  if (read.ok()) XXH3_64bits_update(&state, model.weights_.data(), table_bytes);
  if (read.ok() && use == Use::kLearning) {
    model.accumulators_.resize(header->dimension);  // uninitialized: overwritten here
    read = ReadFully(fd, model.accumulators_.data(), table_bytes, kPrefixSize + table_bytes);
    if (read.ok()) XXH3_64bits_update(&state, model.accumulators_.data(), table_bytes);
  } else if (read.ok()) {
    // Through a buffer that stays in cache: checked, not kept.
    model.scoring_only_ = true;
    std::vector<char> buffer(std::min<size_t>(table_bytes, size_t{256} << 10));
    for (size_t done = 0; read.ok() && done < table_bytes; done += buffer.size()) {
      const size_t n = std::min(buffer.size(), table_bytes - done);
      read = ReadFully(fd, buffer.data(), n, kPrefixSize + table_bytes + done);
      if (read.ok()) XXH3_64bits_update(&state, buffer.data(), n);
    }
  }
  if (read.ok()) {
    read = ReadFully(fd, &stored_checksum, sizeof(stored_checksum), kPrefixSize + 2 * table_bytes);
  }
  if (!read.ok()) return failed(read);
  if (Status status = model.CheckAndAdopt(*header, XXH3_64bits_digest(&state), stored_checksum,
                                          expected_fingerprint);
      !status.ok()) {
    return failed(status);
  }
  return model;
}

Result<LinearModel> LinearModel::Parse(std::string_view bytes, uint64_t expected_fingerprint) {
  return Parse(bytes, expected_fingerprint, /*built_in=*/false);
}

Result<LinearModel> LinearModel::ParseBuiltIn(std::string_view bytes,
                                              uint64_t expected_fingerprint) {
  return Parse(bytes, expected_fingerprint, /*built_in=*/true);
}

Result<LinearModel> LinearModel::Parse(std::string_view bytes, uint64_t expected_fingerprint,
                                       bool built_in) {
  Result<FileHeader> header = CheckFileHeader(bytes.substr(0, kPrefixSize), bytes.size());
  if (!header.ok()) return header.status();
  uint64_t stored_checksum;
  std::memcpy(&stored_checksum, bytes.data() + bytes.size() - sizeof(uint64_t), sizeof(uint64_t));
  // The built-in bytes' checksum is checked where the binary is built
  // (default_model_test), so it is taken as found right here.
  const uint64_t computed_checksum =
      built_in ? stored_checksum : XXH3_64bits(bytes.data(), bytes.size() - sizeof(uint64_t));
  LinearModel model(0, 0);
  if (Status status =
          model.CheckAndAdopt(*header, computed_checksum, stored_checksum, expected_fingerprint);
      !status.ok()) {
    return status;
  }
  const size_t table_bytes = header->dimension * sizeof(float);
  model.weights_.resize(header->dimension);  // uninitialized: overwritten here
  std::memcpy(model.weights_.data(), bytes.data() + kPrefixSize, table_bytes);
  model.borrowed_accumulators_ = bytes.substr(kPrefixSize + table_bytes, table_bytes);
  if (!built_in) model.OwnAccumulators();
  return model;
}

Status LinearModel::OverrideThresholds(std::optional<float> spam, std::optional<float> suspect) {
  Thresholds overridden = thresholds_;
  overridden.spam = spam.value_or(overridden.spam);
  overridden.suspect = suspect.value_or(overridden.suspect);
  if (!overridden.valid()) {
    return Status::InvalidArgument("the suspect threshold (" + std::to_string(overridden.suspect) +
                                   ") must not exceed the spam threshold (" +
                                   std::to_string(overridden.spam) + ")");
  }
  thresholds_ = overridden;
  return Status::Ok();
}

}  // namespace spamradar::filter
