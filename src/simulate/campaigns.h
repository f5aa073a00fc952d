// The campaigns of the simulated scenario: what their messages look like, who
// sends them, when and where. Data, with a small generator per campaign;
// simulator.cc drives them.
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace spamradar::simulate {

enum class SenderStyle { kAppleId, kPhone, kShortCode, kAlphanumeric };

struct CampaignSpec {
  std::string id{};       // truth id, "counterfeit-luxury"
  std::string channel{};  // true channel: "imessage", "sms", "mms", "rcs"
  SenderStyle sender_style = SenderStyle::kPhone;
  std::vector<std::string> templates{};  // slots: {BRAND} {BRANDS} {PERCENT} {URL} {AMOUNT} {NAME}
                                         // {PHONE} {CODE} {CARRIER} {DAYS} {CITY}
  std::vector<std::string> brands{};
  std::vector<std::string> domain_patterns{};  // "lvshop{N}.com"; {N} a number, {B} a brand slug
  int domain_count = 30;                       // distinct domains the campaign rotates through
  double shortener_rate = 0;                   // links through a URL shortener instead
  double weight = 1;                           // share among the non-headline campaigns
  // Life: active from `start` to `end` (fractions of the window), peaking at `peak`.
  double start = 0, peak = 0.5, end = 1;
  std::vector<std::pair<std::string, double>> regional_skew{};  // metro name -> multiplier
  // Tricks, each the probability that a report's text has it.
  double lookalike = 0, leet = 0, filler = 0, spacing = 0, invisible = 0;
};

// The default scenario's campaigns; the first is the headline campaign.
const std::vector<CampaignSpec>& DefaultCampaigns();

}  // namespace spamradar::simulate
