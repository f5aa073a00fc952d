#include "filter/model.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <fstream>

#include "core/hash.h"
#include "core/mapped_file.h"

namespace spamradar::filter {
namespace {

constexpr char kMagic[8] = {'S', 'P', 'R', 'D', 'M', 'O', 'D', 'L'};
constexpr uint32_t kFormatVersion = 1;
constexpr float kEpsilon = 1e-6f;

// Fixed-size part of the file, after the magic. Little-endian, as every
// machine spamradar runs on; the checksum catches a file from anywhere else.
struct Header {
  uint32_t format_version;
  uint32_t dimension;
  uint64_t feature_fingerprint;
  uint64_t examples_seen;
  float bias;
  float bias_accumulator;
  float spam_threshold;
  float suspect_threshold;
};

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
  if (borrowed_accumulators_.empty()) return;
  accumulators_.resize(weights_.size());  // uninitialized: overwritten here
  std::memcpy(accumulators_.data(), borrowed_accumulators_.data(), borrowed_accumulators_.size());
  borrowed_accumulators_ = {};
  borrowed_owner_.reset();
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
  std::string bytes(kMagic, sizeof(kMagic));
  const Header header{kFormatVersion, dimension(),       fingerprint_,     examples_seen_,
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

Result<LinearModel> LinearModel::Load(const std::string& path, uint64_t expected_fingerprint) {
  // Mapped, not read: the file's pages are already in the page cache, and a
  // buffer for them would have to be zeroed by the kernel and then filled.
  // The mapping stays while the accumulators are borrowed from it.
  Result<MappedFile> file = MappedFile::Open(path);
  if (!file.ok()) {
    if (file.status().code() == StatusCode::kNotFound) {
      return Status::NotFound("cannot open model file " + path);
    }
    return Status::IoError("cannot read model file " + path + " (" + file.status().message() + ")");
  }
  auto mapped = std::make_shared<const MappedFile>(std::move(file).value());
  Result<LinearModel> model =
      ParseBorrowingAccumulators(mapped->bytes(), expected_fingerprint, mapped);
  if (!model.ok()) {
    return Status(Status::InvalidArgument(path + ": " + model.status().message()));
  }
  return model;
}

Result<LinearModel> LinearModel::Parse(std::string_view bytes, uint64_t expected_fingerprint) {
  return Parse(bytes, expected_fingerprint, /*borrow_accumulators=*/false);
}

Result<LinearModel> LinearModel::ParseBorrowingAccumulators(
    std::string_view bytes, uint64_t expected_fingerprint, std::shared_ptr<const void> keep_alive) {
  Result<LinearModel> model = Parse(bytes, expected_fingerprint, /*borrow_accumulators=*/true);
  if (model.ok()) model->borrowed_owner_ = std::move(keep_alive);
  return model;
}

Result<LinearModel> LinearModel::Parse(std::string_view bytes, uint64_t expected_fingerprint,
                                       bool borrow_accumulators) {
  const size_t minimum = sizeof(kMagic) + sizeof(Header) + sizeof(uint64_t);
  if (bytes.size() < sizeof(kMagic) || std::memcmp(bytes.data(), kMagic, sizeof(kMagic)) != 0) {
    return Status::Corruption("not a spamradar model (bad magic number)");
  }
  if (bytes.size() < minimum) return Status::Corruption("model file is truncated");
  Header header;
  std::memcpy(&header, bytes.data() + sizeof(kMagic), sizeof(header));
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
  const size_t expected = minimum + 2ull * header.dimension * sizeof(float);
  if (bytes.size() != expected) {
    return Status::Corruption("model file has " + std::to_string(bytes.size()) +
                              " bytes, expected " + std::to_string(expected) +
                              " (truncated or padded)");
  }
  uint64_t stored_checksum;
  std::memcpy(&stored_checksum, bytes.data() + bytes.size() - sizeof(uint64_t), sizeof(uint64_t));
  if (XXH3_64bits(bytes.data(), bytes.size() - sizeof(uint64_t)) != stored_checksum) {
    return Status::Corruption("model checksum mismatch (the file is corrupted)");
  }
  if (header.feature_fingerprint != expected_fingerprint) {
    return Status::InvalidArgument(
        "model was trained with a different feature configuration; retrain it with this version");
  }
  LinearModel model(0, header.feature_fingerprint);
  model.weights_.resize(header.dimension);  // uninitialized: overwritten here
  const char* data = bytes.data() + sizeof(kMagic) + sizeof(Header);
  std::memcpy(model.weights_.data(), data, header.dimension * sizeof(float));
  model.borrowed_accumulators_ =
      bytes.substr(sizeof(kMagic) + sizeof(Header) + header.dimension * sizeof(float),
                   header.dimension * sizeof(float));
  if (!borrow_accumulators) model.OwnAccumulators();
  model.bias_ = header.bias;
  model.bias_accumulator_ = header.bias_accumulator;
  model.examples_seen_ = header.examples_seen;
  model.thresholds_ = {header.spam_threshold, header.suspect_threshold};
  if (!std::isfinite(model.bias_) ||
      !(model.thresholds_.spam >= 0 && model.thresholds_.spam <= 1) ||
      !(model.thresholds_.suspect >= 0 && model.thresholds_.suspect <= model.thresholds_.spam)) {
    return Status::Corruption("model header holds invalid numbers");
  }
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
