// What a person reads about a campaign: a name ("Counterfeit luxury goods:
// Louis Vuitton, Gucci, Prada; lvshop12.com and 39 more domains"), its
// template with slots ("{BRANDS} up to {PERCENT} off shop now {URL}"), and
// its figures within a scope (time window, metro, channel). Pure functions of
// a Campaign; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cluster/campaign_engine.h"

namespace spamradar::cluster {

// Which reports count: UTC days [from_day, to_day], one metro (CBSA code)
// and one channel (declared or inferred), each optional.
struct Scope {
  std::optional<int64_t> from_day;
  std::optional<int64_t> to_day;
  std::optional<std::string> metro;
  std::optional<Channel> channel;

  bool Contains(const RollupKey& key) const;
};

// The campaign's reports within the scope.
uint64_t ReportsIn(const Campaign& campaign, const Scope& scope);

std::string CampaignName(const Campaign& campaign);
// The name of campaign `id`, active (made now) or dormant (its archived
// summary's); empty when the engine knows no such campaign or its archive
// cannot be read.
std::string CampaignNameOf(const CampaignEngine& engine, uint64_t id);
std::string CampaignTemplate(const Campaign& campaign);
// A message's match to a campaign as the JSON object the classify answers of
// the API and of `spamradar classify` give: {"id","name","similarity","evidence"}.
void AppendCampaignMatchJson(const CampaignMatch& match, std::string_view name, std::string* out);
// The kind of spam, from its brands' category or its calls to action
// ("Counterfeit luxury goods", "Parcel delivery scam").
std::string CampaignKind(const Campaign& campaign);

// The channel it is sent over: the most reported, declared and inferred
// together (reports often leave the channel out); unknown when none is known.
Channel MainChannel(const Campaign& campaign);
CampaignSummary SummaryOf(const Campaign& campaign);
std::string EncodeSummary(const CampaignSummary& summary);
Result<CampaignSummary> DecodeSummary(std::string_view bytes);

// The n most frequent keys, most frequent first (ties: in key order).
std::vector<std::string> TopKeys(const Counts& counts, size_t n);

}  // namespace spamradar::cluster
