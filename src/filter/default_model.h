// The default model: compiled into the binary from models/default.model, so
// `spamradar classify` and the server have a filter without being told where
// a model file lives. How it is trained, and what it reached, is in
// models/README.md.
#pragma once

#include <string_view>

#include "core/status.h"
#include "filter/spam_filter.h"

namespace spamradar::filter {

// The bytes of models/default.model as compiled in.
std::string_view DefaultModelBytes();

// Parses the compiled-in model. Fails (with the command that rebuilds it)
// only when the model no longer matches the feature definition, which
// default_model_test catches before a release.
Result<SpamFilter> LoadDefaultModel();

}  // namespace spamradar::filter
