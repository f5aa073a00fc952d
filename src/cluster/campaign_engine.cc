#include "cluster/campaign_engine.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "analysis/enrichment.h"
#include "cluster/campaign_codec.h"
#include "cluster/campaign_view.h"
#include "core/hash.h"
#include "signals/public_suffix_list.h"
#include "signals/url_extractor.h"
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

// The identifiers in a report's text that a campaign can own, keyed by kind:
// "d:" registrable domain (not shorteners or big platforms), "p:" phone
// number, "c:" short code, "e:" e-mail address (not at a big platform).
std::vector<std::string> OwnedIdentifiers(const Report& read) {
  std::vector<std::string> identifiers;
  for (const std::string& domain : read.domains) {
    if (!signals::IsShortenerDomain(domain) && !IsPlatform(domain)) {
      identifiers.push_back("d:" + domain);
    }
  }
  for (const std::string& phone : read.phones) identifiers.push_back("p:" + phone);
  for (const std::string& code : read.short_codes) identifiers.push_back("c:" + code);
  for (const std::string& email : read.emails) {
    const std::string_view host = std::string_view(email).substr(email.rfind('@') + 1);
    if (!IsPlatform(signals::PublicSuffixList::Get().RegistrableDomain(host))) {
      identifiers.push_back("e:" + email);
    }
  }
  return identifiers;
}

uint64_t IdentifierKey(std::string_view identifier) {
  return XXH3_64bits(identifier.data(), identifier.size());
}

uint64_t SenderKey(std::string_view sender) {
  return XXH3_64bits_withSeed(sender.data(), sender.size(), 's');
}

uint64_t BandKey(const Signature& signature, int band) {
  uint32_t rows[kRowsPerBand + 1];
  rows[0] = static_cast<uint32_t>(band);
  std::copy_n(signature.begin() + band * kRowsPerBand, kRowsPerBand, rows + 1);
  return XXH3_64bits(rows, sizeof(rows));
}

void BandKeys(const Signature& signature, uint64_t* keys) {
  for (int band = 0; band < kBands; ++band) keys[band] = BandKey(signature, band);
}

// A dormant campaign's fingerprint: the sketches of its variants, packed.
std::string PackVariants(const std::vector<Signature>& variants) {
  ByteWriter out;
  for (const Signature& signature : variants) {
    for (const uint32_t bin : signature) out.PutFixed32(bin);
  }
  return out.Release();
}

// The similarity of the closest variant in a packed fingerprint (0 if none).
double BestSimilarity(std::string_view packed, const Signature& signature) {
  ByteReader in(packed);
  double best = 0;
  while (!in.done()) {
    Signature variant;
    for (uint32_t& bin : variant) bin = in.GetFixed32();
    if (!in.ok()) break;
    best = std::max(best, Similarity(signature, variant));
  }
  return best;
}

// Whether some variant is at least `threshold` similar; stops at the first
// (a report asks this of every dormant candidate its bands name).
bool AnyVariantSimilar(std::string_view packed, const Signature& signature, double threshold) {
  ByteReader in(packed);
  while (!in.done()) {
    Signature variant;
    for (uint32_t& bin : variant) bin = in.GetFixed32();
    if (!in.ok()) return false;
    if (Similarity(signature, variant) >= threshold) return true;
  }
  return false;
}

// "domain" for "d:lvshop12.com", and so on: how an identifier is named to a person.
std::string_view KindOf(std::string_view identifier) {
  switch (identifier.empty() ? ' ' : identifier[0]) {
    case 'd': return "domain";
    case 'p': return "phone";
    case 'c': return "short code";
    case 'e': return "e-mail";
  }
  return "identifier";
}

void Increment(Counts* counts, std::string_view key) {
  // Abseil's own string_view, which Debian's build does not alias to std's.
  if (const auto it = counts->find(absl::string_view(key.data(), key.size()));
      it != counts->end()) {
    ++it->second;
  } else {
    counts->emplace(key, 1);
  }
}

template <typename Map>
void AddAll(Map* into, const Map& from) {
  for (const auto& [key, count] : from) (*into)[key] += count;
}

// Texts are compared by the 5-character shingles of their shingle text.
constexpr int kShingleSize = 5;

}  // namespace

// The engine reads the shingle text and computes its own shingles from it,
// the same way for a stored report and for a text read again.
analysis::AnalyzerOptions CampaignEngine::AnalysisOptions() {
  analysis::AnalyzerOptions options;
  options.word_shingle_size = 0;
  options.char_shingle_size = 0;
  return options;
}

template <typename Visit>
void CampaignEngine::ForEachInBand(uint64_t key, Visit&& visit) const {
  const auto head = band_heads_.find(key);
  if (head == band_heads_.end()) return;
  for (uint32_t entry = head->second; entry != 0; entry = band_next_[entry - 1]) {
    if (!visit((entry - 1) / kBands)) return;
  }
}

CampaignEngine::CampaignEngine(CampaignOptions options, store::CampaignArchive* archive)
    : options_(options), archive_(archive), analyzer_(AnalysisOptions()) {}

void CampaignEngine::Reset() {
  campaigns_.clear();
  aliases_.clear();
  assignments_.clear();
  first_sequence_ = 0;
  assigned_ = 0;
  far_assignments_.clear();
  exemplars_.clear();
  free_slots_.clear();
  slots_of_.clear();
  band_heads_.clear();
  band_next_.clear();
  owners_.clear();
  now_ = {};
  swept_day_ = 0;
  last_sequence_ = 0;
  dormant_ = 0;
  archive_ready_ = false;
  dormant_keys_ = {};
  cached_lookups_.clear();
  error_ = Status::Ok();
  if (listener_ != nullptr) listener_->OnReset();
}

void CampaignEngine::Fail(Status status) {
  if (error_.ok()) error_ = std::move(status);
}

uint64_t CampaignEngine::Resolve(uint64_t id) const {
  for (auto it = aliases_.find(id); it != aliases_.end(); it = aliases_.find(id)) id = it->second;
  return id;
}

const Campaign* CampaignEngine::Find(uint64_t id) const {
  const auto it = campaigns_.find(Resolve(id));
  return it == campaigns_.end() ? nullptr : &it->second;
}

Result<std::optional<Campaign>> CampaignEngine::Get(uint64_t id) const {
  if (const Campaign* active = Find(id)) return std::optional<Campaign>(*active);
  if (archive_ == nullptr || dormant_ == 0) return std::optional<Campaign>();
  Result<std::optional<std::string>> state = archive_->Get(Resolve(id));
  if (!state.ok()) return state.status();
  if (!state->has_value()) return std::optional<Campaign>();
  Result<CampaignRecord> record = DecodeCampaign(**state);
  if (!record.ok()) return record.status();
  return std::optional<Campaign>(std::move(record->campaign));
}

void CampaignEngine::Assign(uint64_t sequence, uint64_t campaign) {
  if (assigned_ == 0) first_sequence_ = sequence;
  if (sequence < first_sequence_) return;  // the fold applies reports in log order
  const uint64_t index = sequence - first_sequence_;
  if (index >= assignments_.size()) assignments_.resize(index + 1, kUnassigned);
  const uint64_t back = sequence - campaign;
  if (back < kFarBack) {
    assignments_[index] = static_cast<uint32_t>(back);
  } else {
    assignments_[index] = kFarBack;
    far_assignments_[sequence] = campaign;
  }
  ++assigned_;
}

uint64_t CampaignEngine::AssignedAt(uint64_t sequence) const {
  if (sequence < first_sequence_ || sequence - first_sequence_ >= assignments_.size()) return 0;
  const uint32_t back = assignments_[sequence - first_sequence_];
  if (back == kUnassigned) return 0;
  if (back == kFarBack) return far_assignments_.at(sequence);
  return sequence - back;
}

Result<std::optional<CampaignSummary>> CampaignEngine::Summary(uint64_t id) const {
  if (const Campaign* active = Find(id)) return std::optional<CampaignSummary>(SummaryOf(*active));
  if (archive_ == nullptr || dormant_ == 0) return std::optional<CampaignSummary>();
  Result<std::optional<std::string>> stored = archive_->GetSummary(Resolve(id));
  if (!stored.ok()) return stored.status();
  if (!stored->has_value()) return std::optional<CampaignSummary>();
  Result<CampaignSummary> summary = DecodeSummary(**stored);
  if (!summary.ok()) return summary.status();
  return std::optional<CampaignSummary>(std::move(*summary));
}

uint64_t CampaignEngine::CampaignOf(uint64_t sequence) const {
  const uint64_t campaign = AssignedAt(sequence);
  return campaign == 0 ? 0 : Resolve(campaign);
}

std::vector<uint64_t> CampaignEngine::SortedIds() const {
  std::vector<uint64_t> ids;
  ids.reserve(campaigns_.size());
  for (const auto& [id, campaign] : campaigns_) ids.push_back(id);
  std::sort(ids.begin(), ids.end());
  return ids;
}

std::vector<const Campaign*> CampaignEngine::Campaigns() const {
  std::vector<const Campaign*> out;
  for (const uint64_t id : SortedIds()) out.push_back(&campaigns_.at(id));
  return out;
}

Status CampaignEngine::ForEachCampaign(const std::function<void(const Campaign&)>& visit) const {
  for (const uint64_t id : SortedIds()) visit(campaigns_.at(id));
  if (archive_ == nullptr || dormant_ == 0) return Status::Ok();
  Status decoded = Status::Ok();
  Status scanned = archive_->ScanCampaigns([&](uint64_t, std::string_view state) {
    Result<CampaignRecord> record = DecodeCampaign(state);
    if (!record.ok()) {
      decoded = record.status();
      return false;
    }
    visit(record->campaign);
    return true;
  });
  return scanned.ok() ? decoded : scanned;
}

void CampaignEngine::Merge(uint64_t keep, uint64_t gone) {
  Campaign& into = campaigns_.at(keep);
  Campaign& from = campaigns_.at(gone);
  into.reports += from.reports;
  into.first_seen = std::min(into.first_seen, from.first_seen);
  into.last_seen = std::max(into.last_seen, from.last_seen);
  into.reporters.insert(from.reporters.begin(), from.reporters.end());
  for (auto [to, source] : {std::pair{&into.brands, &from.brands},
                            {&into.domains, &from.domains},
                            {&into.senders, &from.senders},
                            {&into.phones, &from.phones},
                            {&into.short_codes, &from.short_codes},
                            {&into.emails, &from.emails},
                            {&into.shapes, &from.shapes},
                            {&into.categories, &from.categories},
                            {&into.cues, &from.cues}}) {
    AddAll(to, *source);
  }
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
  std::vector<uint32_t>& slots = slots_of_[keep];
  if (const auto it = slots_of_.find(gone); it != slots_of_.end()) {
    slots.insert(slots.end(), it->second.begin(), it->second.end());
    slots_of_.erase(it);
  }
  aliases_[gone] = keep;
  campaigns_.erase(gone);
  if (listener_ != nullptr) listener_->OnMerged(keep, gone);
}

void CampaignEngine::AddExemplar(const Signature& signature, const uint64_t* band_keys,
                                 uint64_t campaign) {
  uint32_t index;
  if (!free_slots_.empty()) {
    index = free_slots_.back();
    free_slots_.pop_back();
    exemplars_[index] = {signature, campaign};
  } else {
    index = static_cast<uint32_t>(exemplars_.size());
    exemplars_.push_back({signature, campaign});
    band_next_.resize(exemplars_.size() * kBands, 0);
  }
  slots_of_[campaign].push_back(index);
  // A band that already leads to this campaign needs no second entry: the
  // variants of one template share most bands, and long runs of equal keys
  // would make every lookup slow. A band shared by many campaigns is
  // common phrasing, not evidence; it stops taking entries.
  for (int band = 0; band < kBands; ++band) {
    const uint32_t entry = index * kBands + static_cast<uint32_t>(band);
    band_next_[entry] = 0;
    size_t entries = 0;
    bool known = false;
    ForEachInBand(band_keys[band], [&](uint32_t other) {
      known = Resolve(exemplars_[other].campaign) == campaign;
      ++entries;
      return !known;
    });
    if (known || entries >= kMaxEntriesPerBand) continue;
    uint32_t& head = band_heads_[band_keys[band]];
    band_next_[entry] = head;
    head = entry + 1;
  }
}

void CampaignEngine::RemoveExemplar(uint32_t slot, std::vector<uint64_t>* linked_keys) {
  uint64_t band_keys[kBands];
  BandKeys(exemplars_[slot].signature, band_keys);
  for (int band = 0; band < kBands; ++band) {
    const uint32_t entry = slot * kBands + static_cast<uint32_t>(band) + 1;
    const auto head = band_heads_.find(band_keys[band]);
    if (head == band_heads_.end()) continue;
    // Unlink the entry from its chain (at most kMaxEntriesPerBand long).
    uint32_t* link = &head->second;
    while (*link != 0 && *link != entry) link = &band_next_[*link - 1];
    if (*link == entry) {
      *link = band_next_[entry - 1];
      if (linked_keys != nullptr) linked_keys->push_back(band_keys[band]);
    }
    if (head->second == 0) band_heads_.erase(head);
    band_next_[entry - 1] = 0;
  }
  exemplars_[slot].campaign = 0;
  free_slots_.push_back(slot);
}

void CampaignEngine::PrepareArchive() {
  archive_ready_ = true;
  cached_lookups_.clear();
  if (archive_ == nullptr) return;
  // Changes stamped after the state in memory belong to a fold that was
  // lost (a crash before its snapshot) or is being redone.
  if (Status status = archive_->Rewind(last_sequence_); !status.ok()) return Fail(status);
  RefillFilter();
}

void CampaignEngine::RefillFilter() {
  dormant_keys_.Clear(0);
  if (dormant_ == 0) return;
  std::vector<uint64_t> keys;
  Status scanned = archive_->ScanKeys([&](uint64_t key) { keys.push_back(key); });
  if (!scanned.ok()) return Fail(scanned);
  dormant_keys_.Clear(keys.size() * 2);
  for (const uint64_t key : keys) dormant_keys_.Add(key);
}

void CampaignEngine::Sweep(Timestamp now, uint64_t sequence) {
  const Timestamp cutoff = now - options_.dormant_after;
  const Timestamp single_cutoff =
      now - (options_.single_dormant_after.count() > 0
                 ? std::min(options_.single_dormant_after, options_.dormant_after)
                 : options_.dormant_after);
  std::vector<uint64_t> quiet;
  for (const uint64_t id : SortedIds()) {
    const Campaign& campaign = campaigns_.at(id);
    if (campaign.last_seen < (campaign.reports == 1 ? single_cutoff : cutoff)) quiet.push_back(id);
  }
  std::vector<uint64_t> keys;
  bool filter_full = false;
  if (!quiet.empty()) cached_lookups_.clear();  // the archive is about to change
  for (const uint64_t id : quiet) {
    CampaignRecord record;
    record.campaign = std::move(campaigns_.at(id));
    campaigns_.erase(id);
    keys.clear();
    // Its text is found again by the bands through which the index found it
    // (not those it shared with too many others). A campaign of one report
    // comes back only by an identifier it owns: its text matched nothing for
    // the whole dormancy period, and keeping the bands of every one-off
    // message would send every common phrase to the archive.
    const bool by_text = record.campaign.reports > 1;
    if (const auto slots = slots_of_.find(id); slots != slots_of_.end()) {
      for (const uint32_t slot : slots->second) {
        record.variants.push_back(exemplars_[slot].signature);
        RemoveExemplar(slot, by_text ? &keys : nullptr);
      }
      slots_of_.erase(slots);
    }
    // The identifiers it owns leave with it.
    const Campaign& c = record.campaign;
    auto release = [&](uint64_t key) {
      const auto owner = owners_.find(key);
      if (owner == owners_.end() || Resolve(owner->second) != id) return;
      owners_.erase(owner);
      record.owned.push_back(key);
      keys.push_back(key);
    };
    for (const auto& [domain, count] : c.domains) release(IdentifierKey("d:" + domain));
    for (const auto& [phone, count] : c.phones) release(IdentifierKey("p:" + phone));
    for (const auto& [code, count] : c.short_codes) release(IdentifierKey("c:" + code));
    for (const auto& [email, count] : c.emails) release(IdentifierKey("e:" + email));
    for (const auto& [sender, count] : c.senders) release(SenderKey(sender));
    std::sort(record.owned.begin(), record.owned.end());
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    if (Status status =
            archive_->Put(id, sequence, EncodeCampaign(record), PackVariants(record.variants),
                          EncodeSummary(SummaryOf(record.campaign)), keys);
        !status.ok()) {
      return Fail(status);
    }
    ++dormant_;
    for (const uint64_t key : keys) filter_full |= !dormant_keys_.Add(key);
  }
  if (filter_full) RefillFilter();  // a larger one
}

void CampaignEngine::Revive(const Signature& signature, const uint64_t* band_keys,
                            std::span<const uint64_t> identifier_keys,
                            std::optional<uint64_t> sender_key, bool by_text, uint64_t sequence) {
  // Candidates: dormant campaigns sharing an identifier (revived outright)
  // or, for a report no active campaign's text matches, a band of the
  // sketch (revived when a variant is similar enough). Like the index in
  // memory, a band leads to at most kMaxEntriesPerBand campaigns.
  std::set<uint64_t> revive;
  auto look = [&](uint64_t key, bool identifier) {
    if (!dormant_keys_.MayContain(key)) return;
    Result<std::vector<store::CampaignArchive::Candidate>> candidates =
        archive_->Lookup(key, identifier ? 64 : kMaxEntriesPerBand);
    if (!candidates.ok()) return Fail(candidates.status());
    for (const store::CampaignArchive::Candidate& candidate : *candidates) {
      if (identifier ||
          AnyVariantSimilar(candidate.fingerprint, signature, options_.text_threshold)) {
        revive.insert(candidate.id);
      }
    }
  };
  for (const uint64_t key : identifier_keys) look(key, true);
  if (sender_key) look(*sender_key, true);
  if (by_text) {
    for (int band = 0; band < kBands; ++band) look(band_keys[band], false);
  }
  if (!revive.empty()) cached_lookups_.clear();
  for (const uint64_t id : revive) {
    Result<std::optional<std::string>> state = archive_->Take(id, sequence);
    if (!state.ok()) return Fail(state.status());
    if (!state->has_value()) continue;
    Result<CampaignRecord> record = DecodeCampaign(**state);
    if (!record.ok()) return Fail(record.status());
    --dormant_;
    Campaign& campaign = campaigns_[id] = std::move(record->campaign);
    campaign.exemplars = 0;
    for (const Signature& variant : record->variants) {
      uint64_t variant_keys[kBands];
      BandKeys(variant, variant_keys);
      AddExemplar(variant, variant_keys, id);
      ++campaign.exemplars;
    }
    for (const uint64_t key : record->owned) owners_.emplace(key, id);
  }
}

const Report& CampaignEngine::Read(const Report& report, std::vector<uint64_t>* shingles) const {
  const Report* read = &report;
  if (report.analysis_stamp != analyzer_.stamp()) {
    // Stored before the stamp was, or by another analysis: read it again.
    thread_local analysis::MessageAnalysis analysis;
    thread_local Report reread;
    analyzer_.Analyze(report.body, &analysis);
    reread = report;
    analysis::StoreAnalysis(analysis, analyzer_.stamp(), &reread);
    read = &reread;
  }
  text::CharShingles(read->shingle_text, kShingleSize, shingles);
  return *read;
}

void CampaignEngine::Apply(const Report& stored) {
  if (!archive_ready_) PrepareArchive();
  // The text as intake read it, the lists kept with the report, unless
  // another analysis made them.
  thread_local std::vector<uint64_t> shingles;
  const Report& report = Read(stored, &shingles);
  const Signature signature = ComputeSignature(shingles);
  uint64_t band_keys[kBands];
  BandKeys(signature, band_keys);
  const std::vector<std::string> identifiers = OwnedIdentifiers(report);
  std::vector<uint64_t> identifier_keys;
  for (const std::string& identifier : identifiers) {
    identifier_keys.push_back(IdentifierKey(identifier));
  }
  const bool has_sender = report.sender.kind != SenderKind::kNone;
  const uint64_t sender_key = has_sender ? SenderKey(report.sender.value) : 0;
  // The index lookups below are random reads in tables of millions of
  // entries: ask for all of them at once, so that the misses overlap.
  for (const uint64_t key : band_keys) band_heads_.prefetch(key);
  for (const uint64_t key : identifier_keys) owners_.prefetch(key);
  if (has_sender) owners_.prefetch(sender_key);

  // Campaigns quiet for the dormancy period leave memory, once a day of
  // report time.
  now_ = std::max(now_, report.reported_at);
  const bool dormancy = archive_ != nullptr && options_.dormant_after.count() > 0;
  if (dormancy) {
    if (const int64_t day = UtcDay(now_); day > swept_day_) {
      swept_day_ = day;
      Sweep(now_, report.sequence);
    }
  }

  // Evidence. Strong evidence (the text of a known variant, or an identifier
  // the campaign owns in the text) both assigns the report and merges the
  // campaigns it names; a shared sender only assigns, because spoofed
  // numbers collide and one coincidence must not fuse two campaigns.
  // Campaign -> best similarity to one of its variants; a handful at most.
  thread_local std::vector<std::pair<uint64_t, double>> text_match;
  auto match_text = [&] {
    text_match.clear();
    // A near-duplicate shares most bands with its exemplar: compare once.
    thread_local std::vector<uint32_t> compared;
    compared.clear();
    for (int band = 0; band < kBands; ++band) {
      ForEachInBand(band_keys[band], [&](uint32_t index) {
        if (std::find(compared.begin(), compared.end(), index) != compared.end()) return true;
        compared.push_back(index);
        const Exemplar& exemplar = exemplars_[index];
        const double similarity = Similarity(signature, exemplar.signature);
        if (similarity >= options_.text_threshold) {
          const uint64_t campaign = Resolve(exemplar.campaign);
          auto known = std::find_if(text_match.begin(), text_match.end(),
                                    [&](const auto& match) { return match.first == campaign; });
          if (known == text_match.end()) {
            text_match.emplace_back(campaign, similarity);
          } else {
            known->second = std::max(known->second, similarity);
          }
        }
        return true;
      });
    }
  };
  match_text();
  // Dormant campaigns this report names come back, and the evidence is read
  // again with them.
  if (dormancy && dormant_ > 0) {
    const size_t active = campaigns_.size();
    Revive(signature, band_keys, identifier_keys,
           has_sender ? std::optional<uint64_t>(sender_key) : std::nullopt, text_match.empty(),
           report.sequence);
    if (campaigns_.size() != active) match_text();
  }
  thread_local std::vector<uint64_t> strong;  // the campaigns named, sorted, distinct
  strong.clear();
  for (const auto& [id, similarity] : text_match) strong.push_back(id);
  bool identified = false;  // some identifier of the text names a campaign
  for (const uint64_t key : identifier_keys) {
    if (const auto it = owners_.find(key); it != owners_.end()) {
      strong.push_back(Resolve(it->second));
      identified = true;
    }
  }
  std::sort(strong.begin(), strong.end());
  strong.erase(std::unique(strong.begin(), strong.end()), strong.end());
  uint64_t by_sender = 0;
  if (has_sender) {
    if (const auto it = owners_.find(sender_key); it != owners_.end()) {
      by_sender = Resolve(it->second);
    }
  }

  uint64_t target;
  if (!strong.empty()) {
    target = strong.front();  // the oldest survives
    for (size_t i = 1; i < strong.size(); ++i) Merge(target, strong[i]);
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
  // Each value counts once per report (the lists hold each once).
  auto count_each = [&](const std::vector<std::string>& values, Counts* counts) {
    for (const std::string& value : values) Increment(counts, value);
  };
  count_each(report.brands, &campaign.brands);
  thread_local std::vector<std::string_view> categories;
  categories.clear();
  for (const std::string& brand : report.brands) {
    const std::string_view category = analysis::MessageAnalyzer::BrandCategory(brand);
    if (std::find(categories.begin(), categories.end(), category) == categories.end()) {
      categories.push_back(category);
    }
  }
  for (const std::string_view category : categories) Increment(&campaign.categories, category);
  count_each(report.cues, &campaign.cues);
  count_each(report.domains, &campaign.domains);
  count_each(report.phones, &campaign.phones);
  count_each(report.short_codes, &campaign.short_codes);
  count_each(report.emails, &campaign.emails);
  if (!report.sender.value.empty()) Increment(&campaign.senders, report.sender.value);
  ++campaign.channels[static_cast<int>(report.channel)][report.channel_inferred ? 1 : 0];
  if (campaign.samples.size() < options_.max_samples) campaign.samples.push_back(report.body);
  ++campaign.rollup[{UtcDay(report.reported_at), report.metro, report.channel,
                     report.channel_inferred}];
  if (const auto shape = campaign.shapes.find(absl::string_view(report.shingle_text));
      shape != campaign.shapes.end()) {
    ++shape->second;
  } else if (campaign.shapes.size() < 64) {
    campaign.shapes.emplace(report.shingle_text, 1);
  }
  // A variant unlike the campaign's known ones is indexed, so that the next
  // message written like it finds this campaign.
  // A report that joined only by a weak likeness of text does not extend the
  // campaign's reach: single-linkage chains of coincidences would otherwise
  // fuse unrelated one-off spam into one "campaign".
  // Nor does one that joined only by its sender.
  const bool weak_text_only = !identified && closest > 0 && closest < options_.extend_threshold;
  const bool sender_only = strong.empty() && by_sender != 0;
  if (closest < options_.novelty && !weak_text_only && !sender_only && !shingles.empty()) {
    AddExemplar(signature, band_keys, target);
    ++campaign.exemplars;
  }
  for (const uint64_t key : identifier_keys) owners_.emplace(key, target);
  if (has_sender) owners_.emplace(sender_key, target);
  Assign(report.sequence, target);
  last_sequence_ = report.sequence;
  if (listener_ != nullptr) listener_->OnAssigned(report, target);
}

Status CampaignEngine::Sync() {
  if (!error_.ok()) return error_;
  return archive_ != nullptr ? archive_->Sync() : Status::Ok();
}

Result<const std::vector<store::CampaignArchive::Candidate>*> CampaignEngine::CachedLookup(
    uint64_t key, size_t limit) const {
  const auto cached = cached_lookups_.find(std::pair(key, limit));
  if (cached != cached_lookups_.end()) return &cached->second;
  Result<std::vector<store::CampaignArchive::Candidate>> found = archive_->Lookup(key, limit);
  if (!found.ok()) return found.status();
  if (cached_lookups_.size() >= kMaxCachedLookups) cached_lookups_.clear();
  return &cached_lookups_.emplace(std::pair(key, limit), std::move(found).value()).first->second;
}

CampaignMatch CampaignEngine::MatchCampaign(std::string_view message) const {
  thread_local Report unstamped;  // read exactly as a report of this text would be
  unstamped.body = message;
  return MatchCampaign(unstamped);
}

CampaignMatch CampaignEngine::MatchCampaign(const Report& probe) const {
  thread_local std::vector<uint64_t> shingles;
  const Report& read = Read(probe, &shingles);
  CampaignMatch best = MatchText(read, shingles);
  // As in Apply: the sender counts only when the text names no campaign.
  if (best.campaign == 0 && probe.sender.kind != SenderKind::kNone) {
    best = MatchSender(probe.sender);
  }
  return best;
}

CampaignMatch CampaignEngine::MatchSender(const Sender& sender) const {
  const uint64_t key = SenderKey(sender.value);
  if (const auto it = owners_.find(key); it != owners_.end()) {
    return {Resolve(it->second), 1.0, "sender " + sender.value};
  }
  const bool dormant = archive_ != nullptr && dormant_ > 0 && archive_ready_;
  if (!dormant || !dormant_keys_.MayContain(key)) return {};
  Result<const std::vector<store::CampaignArchive::Candidate>*> found = CachedLookup(key, 1);
  if (!found.ok() || (*found)->empty()) return {};
  return {(**found)[0].id, 1.0, "sender " + sender.value + " (dormant)"};
}

CampaignMatch CampaignEngine::MatchText(const Report& read,
                                        const std::vector<uint64_t>& shingles) const {
  CampaignMatch best;
  // Identifiers first: a shared shop or number is the strongest evidence.
  const std::vector<std::string> identifiers = OwnedIdentifiers(read);
  for (const std::string& identifier : identifiers) {
    const auto it = owners_.find(IdentifierKey(identifier));
    if (it == owners_.end()) continue;
    best = {Resolve(it->second), 1.0, std::string(KindOf(identifier)) + " " + identifier.substr(2)};
    return best;
  }
  const bool dormant = archive_ != nullptr && dormant_ > 0 && archive_ready_;
  if (dormant) {
    // A dormant campaign's shop or number is as strong as an active one's.
    for (const std::string& identifier : identifiers) {
      const uint64_t key = IdentifierKey(identifier);
      if (!dormant_keys_.MayContain(key)) continue;
      Result<const std::vector<store::CampaignArchive::Candidate>*> found = CachedLookup(key, 1);
      if (!found.ok() || (*found)->empty()) continue;
      return {(**found)[0].id, 1.0,
              std::string(KindOf(identifier)) + " " + identifier.substr(2) + " (dormant)"};
    }
  }
  if (shingles.empty()) return best;
  const Signature signature = ComputeSignature(shingles);
  uint64_t band_keys[kBands];
  BandKeys(signature, band_keys);
  for (int band = 0; band < kBands; ++band) {
    ForEachInBand(band_keys[band], [&](uint32_t index) {
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
  if (best.campaign != 0 || !dormant) return best;
  // No active campaign is written like it: perhaps a dormant one.
  for (int band = 0; band < kBands; ++band) {
    if (!dormant_keys_.MayContain(band_keys[band])) continue;
    Result<const std::vector<store::CampaignArchive::Candidate>*> found =
        CachedLookup(band_keys[band], kMaxEntriesPerBand);
    if (!found.ok()) continue;
    for (const store::CampaignArchive::Candidate& candidate : **found) {
      const double similarity = BestSimilarity(candidate.fingerprint, signature);
      if (similarity >= options_.text_threshold &&
          (similarity > best.similarity ||
           (similarity == best.similarity && candidate.id < best.campaign))) {
        best = {candidate.id, similarity, "text (dormant)"};
      }
    }
  }
  return best;
}

std::string CampaignEngine::Serialize() const {
  // The campaigns (active and dormant) and every report's assignment, for
  // comparing two folds; snapshots of this fold are not kept yet
  // (persistent() is false).
  nlohmann::ordered_json out;
  nlohmann::ordered_json campaigns = nlohmann::ordered_json::array();
  std::map<uint64_t, nlohmann::ordered_json> rows;  // by id: active and dormant interleaved
  Status visited = ForEachCampaign([&](const Campaign& c) {
    rows.emplace(c.id, nlohmann::ordered_json{{"id", c.id},
                                              {"reports", c.reports},
                                              {"reporters", c.reporters.size()},
                                              {"first_seen", ToUnixMillis(c.first_seen)},
                                              {"last_seen", ToUnixMillis(c.last_seen)},
                                              {"aliases", c.aliases},
                                              {"domains", std::map<std::string, uint64_t>(
                                                              c.domains.begin(), c.domains.end())},
                                              {"senders", c.senders.size()},
                                              {"exemplars", c.exemplars}});
  });
  for (auto& [id, row] : rows) campaigns.push_back(std::move(row));
  out["campaigns"] = std::move(campaigns);
  if (!visited.ok()) out["error"] = visited.message();
  uint64_t digest = 0;
  for (uint64_t i = 0; i < assignments_.size(); ++i) {
    const uint64_t sequence = first_sequence_ + i;
    const uint64_t campaign = AssignedAt(sequence);
    if (campaign == 0) continue;
    const uint64_t pair[2] = {sequence, Resolve(campaign)};
    digest = XXH3_64bits_withSeed(pair, sizeof(pair), digest);
  }
  out["assignments"] = assigned_;
  out["assignment_digest"] = digest;
  out["dormant"] = dormant_;
  return out.dump();
}

Status CampaignEngine::Restore(std::string_view) {
  return Status::Internal("campaign snapshots are not kept yet; the log is folded again");
}

}  // namespace spamradar::cluster
