#include "cluster/campaign_codec.h"

#include <gtest/gtest.h>

namespace spamradar::cluster {
namespace {

CampaignRecord Sample() {
  CampaignRecord record;
  Campaign& c = record.campaign;
  c.id = 42;
  c.reports = 3;
  c.first_seen = *ParseRfc3339("2014-03-01T12:00:00Z");
  c.last_seen = *ParseRfc3339("2014-03-02T08:30:00Z");
  c.reporters = {7, 3, 1u << 30};
  c.brands = {{"Gucci", 3}, {"Prada", 1}};
  c.domains = {{"lvshop12.com", 2}};
  c.senders = {{"lv1@icloud.com", 3}};
  c.emails = {{"orders@lvshop12.com", 1}};
  c.shapes = {{"gucci up to <percent> off <url>", 3}};
  c.channels[3][1] = 2;
  c.channels[3][0] = 1;
  c.samples = {"Gucci up to 80% off lvshop12.com"};
  c.rollup[{16130, "35620", Channel::kImessage, true}] = 2;
  c.rollup[{16131, "", Channel::kImessage, false}] = 1;
  c.aliases = {50, 61};
  Signature signature;
  for (size_t i = 0; i < signature.size(); ++i) signature[i] = static_cast<uint32_t>(i * 977);
  record.variants = {signature};
  record.owned = {0xfeedbeefcafe, 12};
  return record;
}

TEST(CampaignCodecTest, RoundTripsEveryField) {
  const CampaignRecord record = Sample();
  Result<CampaignRecord> decoded = DecodeCampaign(EncodeCampaign(record));
  ASSERT_TRUE(decoded.ok()) << decoded.status().message();
  const Campaign& c = decoded->campaign;
  EXPECT_EQ(c.id, 42u);
  EXPECT_EQ(c.reports, 3u);
  EXPECT_EQ(c.first_seen, record.campaign.first_seen);
  EXPECT_EQ(c.last_seen, record.campaign.last_seen);
  EXPECT_EQ(c.reporters, record.campaign.reporters);
  EXPECT_EQ(c.brands, record.campaign.brands);
  EXPECT_EQ(c.emails, record.campaign.emails);
  EXPECT_EQ(c.shapes, record.campaign.shapes);
  EXPECT_EQ(c.channels[3][1], 2u);
  EXPECT_EQ(c.samples, record.campaign.samples);
  EXPECT_EQ(c.rollup, record.campaign.rollup);
  EXPECT_EQ(c.aliases, record.campaign.aliases);
  EXPECT_EQ(decoded->variants, record.variants);
  EXPECT_EQ(decoded->owned, record.owned);
  EXPECT_EQ(c.exemplars, 1u);
}

TEST(CampaignCodecTest, EveryTruncationAndAnyTrailingByteIsAnError) {
  const std::string bytes = EncodeCampaign(Sample());
  for (size_t size = 0; size < bytes.size(); ++size) {
    EXPECT_FALSE(DecodeCampaign(std::string_view(bytes).substr(0, size)).ok()) << size;
  }
  EXPECT_FALSE(DecodeCampaign(bytes + "x").ok());
}

}  // namespace
}  // namespace spamradar::cluster
