#include "filter/default_model.h"

#include <cstdint>
#include <utility>

#include <sys/mman.h>
#include <unistd.h>

namespace spamradar::embedded {
extern const std::string_view kDefaultModel;
}  // namespace spamradar::embedded

namespace spamradar::filter {

std::string_view DefaultModelBytes() {
  return embedded::kDefaultModel;
}

namespace {

// The parsed model holds its own copy of the weights; the compiled-in bytes,
// read once, would otherwise stay resident (8 MB). They are read-only pages
// of the executable, so the kernel can drop them and, if they are ever read
// again (the model's accumulators, by its first learning step), page them
// back in from the file.
void ReleaseDefaultModelBytes() {
  const auto page = static_cast<uintptr_t>(sysconf(_SC_PAGESIZE));
  const auto begin = reinterpret_cast<uintptr_t>(DefaultModelBytes().data());
  const uintptr_t end = begin + DefaultModelBytes().size();
  const uintptr_t first = (begin + page - 1) & ~(page - 1);
  const uintptr_t last = end & ~(page - 1);
  if (last > first) madvise(reinterpret_cast<void*>(first), last - first, MADV_DONTNEED);
}

}  // namespace

Result<SpamFilter> LoadDefaultModel() {
  const FeatureConfig config;
  // The bytes live as long as the program.
  Result<LinearModel> model = LinearModel::ParseBuiltIn(DefaultModelBytes(), config.Fingerprint());
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
  ReleaseDefaultModelBytes();
  return SpamFilter(std::move(model).value(), config);
}

}  // namespace spamradar::filter
