// Model files from anywhere: LinearModel::Parse must refuse anything that is
// not a whole, intact model with a clear error, and never crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/check.h"
#include "filter/model.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // The fingerprint of the seed model in fuzz/seeds/model/.
  const auto model = spamradar::filter::LinearModel::Parse(bytes, 0x5eed);
  if (model.ok()) {
    CHECK(model->dimension() > 0) << "empty model accepted";
  } else {
    CHECK(!model.status().message().empty()) << "error without a message";
  }
  return 0;
}
