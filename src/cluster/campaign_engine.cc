#include "cluster/campaign_engine.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/hash.h"
#include "text/shingles.h"

namespace spamradar::cluster {
namespace {

constexpr int kBands = 16;
constexpr int kRowsPerBand = kSignatureBins / kBands;
constexpr size_t kMaxEntriesPerBand = 8;

// Registrable domains too many unrelated senders link to for a shared one to
// mean a shared campaign.
bool IsPlatform(std::string_view domain) {
  static constexpr std::string_view kPlatforms[] = {"google.com",
                                                    "apple.com",
                                                    "icloud.com",
                                                    "facebook.com",
                                                    "whatsapp.com",
                                                    "wa.me",
                                                    "t.me",
                                                    "telegram.me",
                                                    "instagram.com",
                                                    "youtube.com",
                                                    "twitter.com",
                                                    "x.com",
                                                    "tiktok.com",
                                                    "amazon.com",
                                                    "microsoft.com",
                                                    "linkedin.com",
                                                    "github.com",
                                                    "dropbox.com",
                                                    "paypal.com",
                                                    "gmail.com",
                                                    "yahoo.com",
                                                    "outlook.com",
                                                    "live.com",
                                                    "forms.gle",
                                                    "linktr.ee",
                                                    "blogspot.com",
                                                    "wordpress.com",
                                                    "wixsite.com",
                                                    "weebly.com",
                                                    "github.io",
                                                    "herokuapp.com",
                                                    "netlify.app",
                                                    "vercel.app",
                                                    "web.app",
                                                    "firebaseapp.com",
                                                    "ngrok.io",
                                                    "000webhostapp.com",
                                                    "square.site",
                                                    "godaddysites.com",
                                                    "cloudfront.net"};
  return std::find(std::begin(kPlatforms), std::end(kPlatforms), domain) != std::end(kPlatforms);
}

// The identifiers in a message that a campaign can own, keyed by kind:
// "d:" registrable domain (not shorteners or big platforms), "p:" phone
// number, "c:" short code, "e:" e-mail address.
std::vector<std::string> OwnedIdentifiers(const analysis::MessageAnalysis& analysis) {
  std::vector<std::string> identifiers;
  for (const analysis::UrlInfo& url : analysis.urls) {
    if (!url.shortener && !url.registrable_domain.empty() && !IsPlatform(url.registrable_domain)) {
      identifiers.push_back("d:" + url.registrable_domain);
    }
  }
  for (const analysis::PhoneInfo& phone : analysis.phones) identifiers.push_back("p:" + phone.e164);
  for (const analysis::NumberInfo& number : analysis.numbers) {
    if (number.kind == analysis::NumberKind::kShortCode) identifiers.push_back("c:" + number.text);
  }
  for (const analysis::EmailInfo& email : analysis.emails) {
    if (!IsPlatform(email.domain)) identifiers.push_back("e:" + email.address);
  }
  return identifiers;
}

uint64_t BandKey(const Signature& signature, int band) {
  uint32_t rows[kRowsPerBand + 1];
  rows[0] = static_cast<uint32_t>(band);
  std::copy_n(signature.begin() + band * kRowsPerBand, kRowsPerBand, rows + 1);
  return XXH3_64bits(rows, sizeof(rows));
}

template <typename Map>
void AddAll(Map* into, const Map& from) {
  for (const auto& [key, count] : from) (*into)[key] += count;
}

}  // namespace

template <typename Visit>
void CampaignEngine::ForEachInBand(uint64_t key, Visit&& visit) const {
  const auto head = band_heads_.find(key);
  if (head == band_heads_.end()) return;
  for (uint32_t entry = head->second; entry != 0; entry = band_next_[entry - 1]) {
    if (!visit((entry - 1) / kBands)) return;
  }
}

CampaignEngine::CampaignEngine(CampaignOptions options)
    : options_(options), analyzer_(analysis::AnalyzerOptions{}) {}

void CampaignEngine::Reset() {
  campaigns_.clear();
  assignments_.clear();
  exemplars_.clear();
  band_heads_.clear();
  band_next_.clear();
  owners_.clear();
}

uint64_t CampaignEngine::Resolve(uint64_t id) const {
  for (;;) {
    const auto it = campaigns_.find(id);
    if (it == campaigns_.end() || it->second.merged_into == 0) return id;
    id = it->second.merged_into;
  }
}

const Campaign* CampaignEngine::Find(uint64_t id) const {
  const auto it = campaigns_.find(Resolve(id));
  return it == campaigns_.end() ? nullptr : &it->second;
}

uint64_t CampaignEngine::CampaignOf(uint64_t sequence) const {
  const auto it = std::lower_bound(assignments_.begin(), assignments_.end(),
                                   std::make_pair(sequence, uint64_t{0}));
  if (it == assignments_.end() || it->first != sequence) return 0;
  return Resolve(it->second);
}

std::vector<const Campaign*> CampaignEngine::Campaigns() const {
  std::vector<const Campaign*> out;
  for (const auto& [id, campaign] : campaigns_) {
    if (campaign.merged_into == 0) out.push_back(&campaign);
  }
  return out;
}

void CampaignEngine::Merge(uint64_t keep, uint64_t gone) {
  Campaign& into = campaigns_.at(keep);
  Campaign& from = campaigns_.at(gone);
  into.reports += from.reports;
  into.first_seen = std::min(into.first_seen, from.first_seen);
  into.last_seen = std::max(into.last_seen, from.last_seen);
  into.reporters.insert(from.reporters.begin(), from.reporters.end());
  AddAll(&into.brands, from.brands);
  AddAll(&into.domains, from.domains);
  AddAll(&into.senders, from.senders);
  AddAll(&into.phones, from.phones);
  AddAll(&into.short_codes, from.short_codes);
  AddAll(&into.shapes, from.shapes);
  AddAll(&into.categories, from.categories);
  AddAll(&into.cues, from.cues);
  AddAll(&into.rollup, from.rollup);
  for (int c = 0; c < 5; ++c) {
    for (int i = 0; i < 2; ++i) into.channels[c][i] += from.channels[c][i];
  }
  for (std::string& sample : from.samples) {
    if (into.samples.size() < options_.max_samples) into.samples.push_back(std::move(sample));
  }
  into.exemplars += from.exemplars;
  into.aliases.push_back(gone);
  into.aliases.insert(into.aliases.end(), from.aliases.begin(), from.aliases.end());
  std::sort(into.aliases.begin(), into.aliases.end());
  // What stays of the alias: where it went.
  Campaign tombstone;
  tombstone.id = gone;
  tombstone.merged_into = keep;
  from = std::move(tombstone);
}

void CampaignEngine::Apply(const Report& report) {
  thread_local analysis::MessageAnalysis analysis;
  analyzer_.Analyze(report.body, &analysis);
  const Signature signature = ComputeSignature(analysis.char_shingles);

  // Evidence. Strong evidence (the text of a known variant, or an identifier
  // the campaign owns in the text) both assigns the report and merges the
  // campaigns it names; a shared sender only assigns, because spoofed
  // numbers collide and one coincidence must not fuse two campaigns.
  std::map<uint64_t, double> text_match;  // campaign -> best similarity to one of its variants
  uint64_t band_keys[kBands];
  // A near-duplicate shares most bands with its exemplar: compare once.
  thread_local std::vector<uint32_t> compared;
  compared.clear();
  for (int band = 0; band < kBands; ++band) {
    band_keys[band] = BandKey(signature, band);
    ForEachInBand(band_keys[band], [&](uint32_t index) {
      if (std::find(compared.begin(), compared.end(), index) != compared.end()) return true;
      compared.push_back(index);
      const Exemplar& exemplar = exemplars_[index];
      const double similarity = Similarity(signature, exemplar.signature);
      if (similarity >= options_.text_threshold) {
        double& best = text_match[Resolve(exemplar.campaign)];
        best = std::max(best, similarity);
      }
      return true;
    });
  }
  std::set<uint64_t> strong;
  for (const auto& [id, similarity] : text_match) strong.insert(id);
  const std::vector<std::string> identifiers = OwnedIdentifiers(analysis);
  bool identified = false;  // some identifier of the text names a campaign
  for (const std::string& identifier : identifiers) {
    if (const auto it = owners_.find(identifier); it != owners_.end()) {
      strong.insert(Resolve(it->second));
      identified = true;
    }
  }
  std::string sender_key;
  uint64_t by_sender = 0;
  if (report.sender.kind != SenderKind::kNone) {
    sender_key = "s:" + report.sender.value;
    if (const auto it = owners_.find(sender_key); it != owners_.end())
      by_sender = Resolve(it->second);
  }

  uint64_t target;
  if (!strong.empty()) {
    target = *strong.begin();  // the oldest survives
    for (auto it = std::next(strong.begin()); it != strong.end(); ++it) Merge(target, *it);
  } else if (by_sender != 0) {
    target = by_sender;
  } else {
    target = report.sequence;
    Campaign& fresh = campaigns_[target];
    fresh.id = target;
    fresh.first_seen = fresh.last_seen = report.reported_at;
  }
  Campaign& campaign = campaigns_.at(target);
  double closest = 0;
  for (const auto& [id, similarity] : text_match) {
    if (Resolve(id) == target) closest = std::max(closest, similarity);
  }

  ++campaign.reports;
  campaign.first_seen = std::min(campaign.first_seen, report.reported_at);
  campaign.last_seen = std::max(campaign.last_seen, report.reported_at);
  campaign.reporters.insert(ReporterKey(report.reporter_hash));
  // From this analysis rather than the report's stored lists, so that the
  // figures follow the engine's reading of the text even for old logs.
  std::set<std::string_view> brands, domains, phones, codes;
  for (const analysis::LexiconMatch& brand : analysis.brands) brands.insert(brand.name);
  for (const analysis::UrlInfo& url : analysis.urls) {
    if (!url.registrable_domain.empty()) domains.insert(url.registrable_domain);
  }
  for (const analysis::PhoneInfo& phone : analysis.phones) phones.insert(phone.e164);
  for (const analysis::NumberInfo& number : analysis.numbers) {
    if (number.kind == analysis::NumberKind::kShortCode) codes.insert(number.text);
  }
  for (std::string_view brand : brands) ++campaign.brands[std::string(brand)];
  for (std::string_view domain : domains) ++campaign.domains[std::string(domain)];
  for (std::string_view phone : phones) ++campaign.phones[std::string(phone)];
  for (std::string_view code : codes) ++campaign.short_codes[std::string(code)];
  if (!report.sender.value.empty()) ++campaign.senders[report.sender.value];
  ++campaign.channels[static_cast<int>(report.channel)][report.channel_inferred ? 1 : 0];
  if (campaign.samples.size() < options_.max_samples) campaign.samples.push_back(report.body);
  ++campaign.rollup[{UtcDay(report.reported_at), report.metro, report.channel,
                     report.channel_inferred}];
  std::set<std::string_view> categories, cues;
  for (const analysis::LexiconMatch& brand : analysis.brands) categories.insert(brand.category);
  for (const analysis::LexiconMatch& cue : analysis.cues) cues.insert(cue.name);
  for (std::string_view category : categories) ++campaign.categories[std::string(category)];
  for (std::string_view cue : cues) ++campaign.cues[std::string(cue)];
  std::string shape;
  text::ShingleText(analysis.tokens, analysis.normalized, &shape);
  if (campaign.shapes.size() < 64 || campaign.shapes.contains(shape)) ++campaign.shapes[shape];
  // A variant unlike the campaign's known ones is indexed, so that the next
  // message written like it finds this campaign.
  // A report that joined only by a weak likeness of text does not extend the
  // campaign's reach: single-linkage chains of coincidences would otherwise
  // fuse unrelated one-off spam into one "campaign".
  // Nor does one that joined only by its sender.
  const bool weak_text_only = !identified && closest > 0 && closest < options_.extend_threshold;
  const bool sender_only = strong.empty() && by_sender != 0;
  if (closest < options_.novelty && !weak_text_only && !sender_only &&
      !analysis.char_shingles.empty()) {
    const auto index = static_cast<uint32_t>(exemplars_.size());
    exemplars_.push_back({signature, target});
    ++campaign.exemplars;
    // A band that already leads to this campaign needs no second entry: the
    // variants of one template share most bands, and long runs of equal keys
    // would make every lookup slow. A band shared by many campaigns is
    // common phrasing, not evidence; it stops taking entries.
    band_next_.resize(exemplars_.size() * kBands, 0);
    for (int band = 0; band < kBands; ++band) {
      size_t entries = 0;
      bool known = false;
      ForEachInBand(band_keys[band], [&](uint32_t other) {
        known = Resolve(exemplars_[other].campaign) == target;
        ++entries;
        return !known;
      });
      if (known || entries >= kMaxEntriesPerBand) continue;
      const uint32_t entry = index * kBands + static_cast<uint32_t>(band);
      uint32_t& head = band_heads_[band_keys[band]];
      band_next_[entry] = head;
      head = entry + 1;
    }
  }
  for (const std::string& identifier : identifiers) owners_.emplace(identifier, target);
  if (!sender_key.empty()) owners_.emplace(sender_key, target);
  assignments_.emplace_back(report.sequence, target);
}

CampaignMatch CampaignEngine::MatchCampaign(std::string_view message) const {
  thread_local analysis::MessageAnalysis analysis;
  analyzer_.Analyze(message, &analysis);
  CampaignMatch best;
  // Identifiers first: a shared shop or number is the strongest evidence.
  for (const std::string& identifier : OwnedIdentifiers(analysis)) {
    const auto it = owners_.find(identifier);
    if (it == owners_.end()) continue;
    static constexpr std::pair<char, std::string_view> kKinds[] = {
        {'d', "domain"}, {'p', "phone"}, {'c', "short code"}, {'e', "e-mail"}};
    std::string_view kind;
    for (const auto& [letter, name] : kKinds) {
      if (identifier[0] == letter) kind = name;
    }
    best = {Resolve(it->second), 1.0, std::string(kind) + " " + identifier.substr(2)};
    return best;
  }
  if (analysis.char_shingles.empty()) return best;
  const Signature signature = ComputeSignature(analysis.char_shingles);
  for (int band = 0; band < kBands; ++band) {
    ForEachInBand(BandKey(signature, band), [&](uint32_t index) {
      const Exemplar& exemplar = exemplars_[index];
      const double similarity = Similarity(signature, exemplar.signature);
      const uint64_t campaign = Resolve(exemplar.campaign);
      if (similarity >= options_.text_threshold &&
          (similarity > best.similarity ||
           (similarity == best.similarity && campaign < best.campaign))) {
        best = {campaign, similarity, "text"};
      }
      return true;
    });
  }
  return best;
}

std::string CampaignEngine::Serialize() const {
  // The campaigns and every report's assignment, for comparing two folds;
  // snapshots of this fold are not kept yet (persistent() is false).
  nlohmann::ordered_json out;
  nlohmann::ordered_json campaigns = nlohmann::ordered_json::array();
  for (const auto& [id, c] : campaigns_) {
    campaigns.push_back({{"id", id},
                         {"merged_into", c.merged_into},
                         {"reports", c.reports},
                         {"reporters", c.reporters.size()},
                         {"first_seen", ToUnixMillis(c.first_seen)},
                         {"last_seen", ToUnixMillis(c.last_seen)},
                         {"aliases", c.aliases},
                         {"domains", c.domains},
                         {"senders", c.senders.size()},
                         {"exemplars", c.exemplars}});
  }
  out["campaigns"] = std::move(campaigns);
  uint64_t digest = 0;
  for (const auto& [sequence, campaign] : assignments_) {
    const uint64_t pair[2] = {sequence, Resolve(campaign)};
    digest = XXH3_64bits_withSeed(pair, sizeof(pair), digest);
  }
  out["assignments"] = assignments_.size();
  out["assignment_digest"] = digest;
  return out.dump();
}

Status CampaignEngine::Restore(std::string_view) {
  return Status::Internal("campaign snapshots are not kept yet; the log is folded again");
}

}  // namespace spamradar::cluster
