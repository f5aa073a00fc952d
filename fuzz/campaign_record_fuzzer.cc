// Archived campaigns and snapshots are read back from disk, where they may be
// damaged: DecodeCampaign (and DecodeSummary) must refuse anything that is not a whole record
// with a clear error, never crash, and a record it accepts must encode back
// to a record that decodes the same.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "cluster/campaign_codec.h"
#include "cluster/campaign_view.h"
#include "core/check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace spamradar::cluster;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // The same bytes as an archived campaign's summary.
  const auto summary = DecodeSummary(bytes);
  if (summary.ok()) {
    CHECK(DecodeSummary(EncodeSummary(*summary)).ok()) << "an accepted summary does not read back";
  } else {
    CHECK(!summary.status().message().empty()) << "error without a message";
  }
  const auto record = DecodeCampaign(bytes);
  if (!record.ok()) {
    CHECK(!record.status().message().empty()) << "error without a message";
    return 0;
  }
  const std::string again = EncodeCampaign(*record);
  const auto reread = DecodeCampaign(again);
  CHECK(reread.ok()) << "an accepted record does not read back: " << reread.status().message();
  CHECK(EncodeCampaign(*reread) == again) << "encoding is not stable";
  return 0;
}
