#include "filter/default_model.h"

#include <cstdint>
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
  // Read where the bytes lie, in the executable's read-only pages: no copy,
  // and clean pages, which the kernel can drop under pressure and read again.
  Result<LinearModel> model =
      LinearModel::FromStaticBytes(DefaultModelBytes(), config.Fingerprint());
  if (!model.ok()) {
    return Status::InvalidArgument("the built-in default model cannot be used (" +
                                   model.status().message() +
                                   "): rebuild it with the command in models/README.md");
  }
  if (model->dimension() != (1u << config.hash_bits)) {
    return Status::InvalidArgument(
        "the built-in default model has the wrong dimension: rebuild it with the command in "
        "models/README.md");
  }
  return SpamFilter(std::move(model).value(), config);
}

}  // namespace spamradar::filter
