#include "cluster/campaign_view.h"

#include <algorithm>
#include <string_view>

#include "core/bytes.h"
#include "signals/url_extractor.h"
#include "text/json_text.h"

namespace spamradar::cluster {
namespace {

std::string_view KindOfCategory(std::string_view category) {
  static constexpr std::pair<std::string_view, std::string_view> kKinds[] = {
      {"luxury", "Counterfeit luxury goods"},
      {"bank", "Bank phishing"},
      {"parcel", "Parcel delivery scam"},
      {"toll", "Road toll scam"},
      {"government", "Government impersonation"},
      {"retail", "Retail gift card scam"},
      {"tech", "Tech account phishing"},
      {"carrier", "Mobile carrier impersonation"},
      {"payment", "Payment app phishing"},
      {"travel", "Travel scam"},
      {"insurance", "Insurance scam"},
      {"crypto", "Crypto scam"},
      {"utility", "Utility bill scam"},
      {"streaming", "Streaming account phishing"},
      {"prize", "Prize scam"},
      {"pharma", "Pharmacy spam"},
      {"dating", "Dating spam"},
      {"jobs", "Job scam"}};
  for (const auto& [key, kind] : kKinds) {
    if (key == category) return kind;
  }
  return {};
}

std::string_view KindOfCue(std::string_view cue) {
  static constexpr std::pair<std::string_view, std::string_view> kKinds[] = {
      {"prize", "Prize scam"},
      {"claim", "Prize scam"},
      {"delivery", "Delivery scam"},
      {"account_problem", "Account phishing"},
      {"verify", "Account phishing"},
      {"payment_due", "Payment demand scam"},
      {"discount", "Sales spam"},
      {"free", "Free offer spam"},
      {"subscription", "Subscription scam"},
      {"reply_yes", "Reply bait"},
      {"call_now", "Call-back scam"}};
  for (const auto& [key, kind] : kKinds) {
    if (key == cue) return kind;
  }
  return {};
}

std::string Plural(uint64_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

// The shingle form's placeholders as slots.
std::string Slot(std::string_view token) {
  if (token == "<url>") return "{URL}";
  if (token == "<money>") return "{AMOUNT}";
  if (token == "<percent>") return "{PERCENT}";
  if (token == "<phone>") return "{PHONE}";
  if (token == "<shortcode>") return "{SHORTCODE}";
  if (token == "<email>") return "{EMAIL}";
  if (token == "<number>") return "{NUMBER}";
  return std::string(token);
}

std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> out;
  size_t at = 0;
  while (at < text.size()) {
    const size_t end = std::min(text.find(' ', at), text.size());
    if (end > at) out.emplace_back(text.substr(at, end - at));
    at = end + 1;
  }
  return out;
}

// A shape with slots for its typed parts and for the campaign's brands
// (lists of brands become one {BRANDS}).
std::string Templatize(std::string_view shape,
                       const std::vector<std::vector<std::string>>& brands) {
  const std::vector<std::string> words = Words(shape);
  std::vector<std::string> out;
  for (size_t i = 0; i < words.size();) {
    size_t matched = 0;
    for (const std::vector<std::string>& brand : brands) {
      if (brand.empty() || i + brand.size() > words.size()) continue;
      if (std::equal(brand.begin(), brand.end(), words.begin() + static_cast<ptrdiff_t>(i))) {
        matched = std::max(matched, brand.size());
      }
    }
    if (matched > 0) {
      // "{BRAND} and {BRAND}" or "{BRAND} {BRAND}" (commas are not tokens): a list.
      if (!out.empty() && (out.back() == "{BRAND}" || out.back() == "{BRANDS}")) {
        out.back() = "{BRANDS}";
      } else if (out.size() >= 2 && (out.back() == "and" || out.back() == "&") &&
                 (out[out.size() - 2] == "{BRAND}" || out[out.size() - 2] == "{BRANDS}")) {
        out.pop_back();
        out.back() = "{BRANDS}";
      } else {
        out.push_back("{BRAND}");
      }
      i += matched;
      continue;
    }
    out.push_back(Slot(words[i]));
    ++i;
  }
  std::string joined;
  for (const std::string& word : out) {
    if (!joined.empty()) joined.push_back(' ');
    joined.append(word);
  }
  return joined;
}

}  // namespace

bool Scope::Contains(const RollupKey& key) const {
  if (from_day && key.day < *from_day) return false;
  if (to_day && key.day > *to_day) return false;
  if (metro && key.metro != *metro) return false;
  if (channel && key.channel != *channel) return false;
  return true;
}

uint64_t ReportsIn(const Campaign& campaign, const Scope& scope) {
  uint64_t n = 0;
  for (const auto& [key, count] : campaign.rollup) {
    if (scope.Contains(key)) n += count;
  }
  return n;
}

std::vector<std::string> TopKeys(const Counts& counts, size_t n) {
  std::vector<std::pair<uint64_t, std::string_view>> sorted;
  sorted.reserve(counts.size());
  for (const auto& [key, count] : counts) sorted.push_back({count, key});
  auto first = [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  };
  const size_t keep = std::min(n, sorted.size());
  std::partial_sort(sorted.begin(), sorted.begin() + static_cast<ptrdiff_t>(keep), sorted.end(),
                    first);
  std::vector<std::string> out;
  for (size_t i = 0; i < keep; ++i) out.emplace_back(sorted[i].second);
  return out;
}

std::string CampaignKind(const Campaign& campaign) {
  const std::vector<std::string> categories = TopKeys(campaign.categories, 1);
  if (!categories.empty() && 3 * campaign.categories.at(categories[0]) >= campaign.reports) {
    const std::string_view kind = KindOfCategory(categories[0]);
    if (!kind.empty()) return std::string(kind);
  }
  for (const std::string& cue : TopKeys(campaign.cues, 3)) {
    if (3 * campaign.cues.at(cue) < campaign.reports) break;
    const std::string_view kind = KindOfCue(cue);
    if (!kind.empty()) return std::string(kind);
  }
  return "Spam campaign";
}

void AppendCampaignMatchJson(const CampaignMatch& match, std::string_view name, std::string* out) {
  out->append("{\"id\":").append(std::to_string(match.campaign));
  out->append(",\"name\":");
  text::AppendJsonString(name, out);
  out->append(",\"similarity\":");
  text::AppendJsonNumber(match.similarity, out);
  out->append(",\"evidence\":");
  text::AppendJsonString(match.evidence, out);
  out->push_back('}');
}

std::string CampaignNameOf(const CampaignEngine& engine, uint64_t id) {
  if (const Campaign* active = engine.Find(id)) return CampaignName(*active);
  Result<std::optional<CampaignSummary>> summary = engine.Summary(id);
  return summary.ok() && summary->has_value() ? (*summary)->name : std::string();
}

std::string CampaignName(const Campaign& campaign) {
  std::string name = CampaignKind(campaign);
  const std::vector<std::string> brands = TopKeys(campaign.brands, 3);
  for (size_t i = 0; i < brands.size(); ++i) name += (i == 0 ? ": " : ", ") + brands[i];
  name += brands.empty() ? ": " : "; ";
  auto add = [&](const Counts& values, std::string_view one, std::string_view many) {
    const std::vector<std::string> top = TopKeys(values, 1);
    name += top[0];
    if (values.size() > 1)
      name += " and " +
              Plural(values.size() - 1, "more " + std::string(one), "more " + std::string(many));
  };
  // Shorteners say nothing about who is behind a campaign.
  Counts own_domains;
  for (const auto& [domain, count] : campaign.domains) {
    if (!signals::IsShortenerDomain(domain)) own_domains[domain] = count;
  }
  if (!own_domains.empty()) {
    add(own_domains, "domain", "domains");
  } else if (!campaign.phones.empty()) {
    add(campaign.phones, "number", "numbers");
  } else if (!campaign.short_codes.empty()) {
    add(campaign.short_codes, "short code", "short codes");
  } else if (!campaign.senders.empty()) {
    name += "from " + Plural(campaign.senders.size(), "sender", "senders");
  } else {
    name += Plural(campaign.reports, "report", "reports");
  }
  return name;
}

std::string CampaignTemplate(const Campaign& campaign) {
  std::vector<std::vector<std::string>> brands;
  for (const auto& [brand, count] : campaign.brands) {
    std::string lower = brand;
    for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    brands.push_back(Words(lower));
  }
  Counts templates;
  for (const auto& [shape, count] : campaign.shapes) templates[Templatize(shape, brands)] += count;
  const std::vector<std::string> top = TopKeys(templates, 1);
  return top.empty() ? "" : top[0];
}

Channel MainChannel(const Campaign& campaign) {
  Channel best = Channel::kUnknown;
  uint64_t most = 0;
  for (const Channel channel : {Channel::kSms, Channel::kMms, Channel::kImessage, Channel::kRcs}) {
    const auto i = static_cast<int>(channel);
    if (campaign.channels[i][0] + campaign.channels[i][1] > most) {
      most = campaign.channels[i][0] + campaign.channels[i][1];
      best = channel;
    }
  }
  return best;
}

CampaignSummary SummaryOf(const Campaign& campaign) {
  return {campaign.id,      CampaignName(campaign), MainChannel(campaign),
          campaign.reports, campaign.first_seen,    campaign.last_seen};
}

std::string EncodeSummary(const CampaignSummary& summary) {
  ByteWriter out;
  out.PutVarint(1);  // format version
  out.PutVarint(summary.id);
  out.PutString(summary.name);
  out.PutVarint(static_cast<uint64_t>(summary.channel));
  out.PutVarint(summary.reports);
  out.PutSigned(ToUnixMillis(summary.first_seen));
  out.PutSigned(ToUnixMillis(summary.last_seen));
  return out.Release();
}

Result<CampaignSummary> DecodeSummary(std::string_view bytes) {
  ByteReader in(bytes);
  if (in.GetVarint() != 1) return Status::Corruption("campaign summary: unknown format");
  CampaignSummary summary;
  summary.id = in.GetVarint();
  summary.name = std::string(in.GetString());
  const uint64_t channel = in.GetVarint();
  summary.reports = in.GetVarint();
  summary.first_seen = FromUnixMillis(in.GetSigned());
  summary.last_seen = FromUnixMillis(in.GetSigned());
  if (!in.ok() || !in.done() || channel > static_cast<uint64_t>(Channel::kRcs)) {
    return Status::Corruption("campaign summary: truncated or malformed");
  }
  summary.channel = static_cast<Channel>(channel);
  return summary;
}

}  // namespace spamradar::cluster
