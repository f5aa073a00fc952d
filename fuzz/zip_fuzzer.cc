// A super-sms corpus read straight from a zip archive, on arbitrary bytes:
// the .csv member's bytes or a clear error, never a crash, and never more
// than the size allowed, whatever the archive's directory claims.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/check.h"
#include "filter/corpus.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  constexpr size_t kMaxSize = 1 << 20;
  const std::string_view archive(reinterpret_cast<const char*>(data), size);
  const auto csv = spamradar::filter::ReadCsvFromZip(archive, "fuzz.zip", kMaxSize);
  if (csv.ok()) {
    CHECK(csv->size() <= kMaxSize) << "more than the allowed size";
  } else {
    CHECK(!csv.status().message().empty()) << "error without a message";
  }
  return 0;
}
