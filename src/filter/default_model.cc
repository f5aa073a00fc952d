#include "filter/default_model.h"

#include <utility>

namespace spamradar::embedded {
extern const std::string_view kDefaultModel;
}  // namespace spamradar::embedded

namespace spamradar::filter {

std::string_view DefaultModelBytes() {
  return embedded::kDefaultModel;
}

Result<SpamFilter> LoadDefaultModel() {
  const FeatureConfig config;
  Result<LinearModel> model = LinearModel::Parse(DefaultModelBytes(), config.Fingerprint());
  if (!model.ok() || model->dimension() != (1u << config.hash_bits)) {
    return Status::InvalidArgument(
        "the built-in default model does not match this build's features (" +
        (model.ok() ? std::string("dimension") : model.status().message()) +
        "); rebuild it with the command in models/README.md");
  }
  return SpamFilter(std::move(model).value(), config);
}

}  // namespace spamradar::filter
