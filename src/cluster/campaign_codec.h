// The binary form of a campaign, for the archive of dormant campaigns and the
// engine's snapshots: everything in a Campaign plus the sketches of its
// variants and the hashes of the identifiers it owns, which bring it back
// when it resurfaces. Decoding checks every length and count: a corrupt
// record is an error, never a crash.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "cluster/campaign_engine.h"
#include "core/bytes.h"
#include "core/status.h"

namespace spamradar::cluster {

struct CampaignRecord {
  Campaign campaign;
  std::vector<Signature> variants;  // the sketches of its exemplars
  std::vector<uint64_t> owned;      // hashes of the identifiers it owns ("d:lvshop12.com"...)
};

void EncodeCampaign(const CampaignRecord& record, ByteWriter* out);
std::string EncodeCampaign(const CampaignRecord& record);
// Reads one record from `in` (which may hold more after it).
Status DecodeCampaign(ByteReader* in, CampaignRecord* record);
Result<CampaignRecord> DecodeCampaign(std::string_view bytes);

}  // namespace spamradar::cluster
