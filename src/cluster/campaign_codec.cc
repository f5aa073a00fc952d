#include "cluster/campaign_codec.h"

#include <algorithm>

namespace spamradar::cluster {
namespace {

constexpr uint64_t kRecordVersion = 1;

// Sorted, so that a campaign encodes to the same bytes whatever order its
// hash tables iterate in.
void PutCounts(const Counts& counts, ByteWriter* out) {
  std::vector<std::pair<std::string_view, uint64_t>> sorted(counts.begin(), counts.end());
  std::sort(sorted.begin(), sorted.end());
  out->PutVarint(sorted.size());
  for (const auto& [key, count] : sorted) {
    out->PutString(key);
    out->PutVarint(count);
  }
}

void GetCounts(ByteReader* in, Counts* counts) {
  const uint64_t n = in->GetCount(2);
  for (uint64_t i = 0; i < n && in->ok(); ++i) {
    std::string key(in->GetString());
    (*counts)[std::move(key)] = in->GetVarint();
  }
}

}  // namespace

void EncodeCampaign(const CampaignRecord& record, ByteWriter* out) {
  const Campaign& c = record.campaign;
  out->PutVarint(kRecordVersion);
  out->PutVarint(c.id);
  out->PutVarint(c.reports);
  out->PutSigned(ToUnixMillis(c.first_seen));
  out->PutSigned(ToUnixMillis(c.last_seen));
  // Reporters sorted and delta-coded: the same campaign encodes the same way
  // whatever order its hash set iterates in.
  std::vector<uint64_t> reporters(c.reporters.begin(), c.reporters.end());
  std::sort(reporters.begin(), reporters.end());
  out->PutVarint(reporters.size());
  uint64_t previous = 0;
  for (const uint64_t reporter : reporters) {
    out->PutVarint(reporter - previous);
    previous = reporter;
  }
  for (const auto* counts : {&c.brands, &c.domains, &c.senders, &c.phones, &c.short_codes,
                             &c.emails, &c.shapes, &c.categories, &c.cues}) {
    PutCounts(*counts, out);
  }
  for (const auto& per_channel : c.channels) {
    for (const uint64_t count : per_channel) out->PutVarint(count);
  }
  out->PutVarint(c.samples.size());
  for (const std::string& sample : c.samples) out->PutString(sample);
  std::vector<std::pair<RollupKey, uint64_t>> rollup(c.rollup.begin(), c.rollup.end());
  std::sort(rollup.begin(), rollup.end());
  out->PutVarint(rollup.size());
  for (const auto& [key, count] : rollup) {
    out->PutSigned(key.day);
    out->PutString(key.metro);
    out->PutVarint(static_cast<uint64_t>(key.channel) * 2 + (key.inferred ? 1 : 0));
    out->PutVarint(count);
  }
  out->PutVarint(c.aliases.size());
  for (const uint64_t alias : c.aliases) out->PutVarint(alias);
  out->PutVarint(record.variants.size());
  for (const Signature& signature : record.variants) {
    for (const uint32_t bin : signature) out->PutFixed32(bin);
  }
  out->PutVarint(record.owned.size());
  for (const uint64_t key : record.owned) out->PutVarint(key);
}

std::string EncodeCampaign(const CampaignRecord& record) {
  ByteWriter out;
  EncodeCampaign(record, &out);
  return out.Release();
}

Status DecodeCampaign(ByteReader* in, CampaignRecord* record) {
  *record = {};
  Campaign& c = record->campaign;
  if (in->GetVarint() != kRecordVersion || !in->ok()) {
    return Status::Corruption("campaign record: unknown version");
  }
  c.id = in->GetVarint();
  c.reports = in->GetVarint();
  c.first_seen = FromUnixMillis(in->GetSigned());
  c.last_seen = FromUnixMillis(in->GetSigned());
  const uint64_t reporters = in->GetCount(1);
  c.reporters.reserve(reporters);
  uint64_t reporter = 0;
  for (uint64_t i = 0; i < reporters && in->ok(); ++i)
    c.reporters.insert(reporter += in->GetVarint());
  for (auto* counts : {&c.brands, &c.domains, &c.senders, &c.phones, &c.short_codes, &c.emails,
                       &c.shapes, &c.categories, &c.cues}) {
    GetCounts(in, counts);
  }
  for (auto& per_channel : c.channels) {
    for (uint64_t& count : per_channel) count = in->GetVarint();
  }
  const uint64_t samples = in->GetCount(1);
  for (uint64_t i = 0; i < samples && in->ok(); ++i) c.samples.emplace_back(in->GetString());
  const uint64_t cells = in->GetCount(4);
  for (uint64_t i = 0; i < cells && in->ok(); ++i) {
    RollupKey key;
    key.day = in->GetSigned();
    key.metro = std::string(in->GetString());
    const uint64_t channel = in->GetVarint();
    if (channel >= 10) return Status::Corruption("campaign record: unknown channel");
    key.channel = static_cast<Channel>(channel / 2);
    key.inferred = channel % 2 == 1;
    c.rollup[std::move(key)] = in->GetVarint();
  }
  const uint64_t aliases = in->GetCount(1);
  for (uint64_t i = 0; i < aliases && in->ok(); ++i) c.aliases.push_back(in->GetVarint());
  const uint64_t variants = in->GetCount(4 * kSignatureBins);
  record->variants.resize(variants);
  for (Signature& signature : record->variants) {
    for (uint32_t& bin : signature) bin = in->GetFixed32();
  }
  const uint64_t owned = in->GetCount(1);
  for (uint64_t i = 0; i < owned && in->ok(); ++i) record->owned.push_back(in->GetVarint());
  c.exemplars = static_cast<uint32_t>(record->variants.size());
  if (!in->ok()) return Status::Corruption("campaign record: truncated");
  return Status::Ok();
}

Result<CampaignRecord> DecodeCampaign(std::string_view bytes) {
  ByteReader in(bytes);
  CampaignRecord record;
  if (Status status = DecodeCampaign(&in, &record); !status.ok()) return status;
  if (!in.done()) return Status::Corruption("campaign record: trailing bytes");
  return record;
}

}  // namespace spamradar::cluster
