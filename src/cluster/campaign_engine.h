// CampaignEngine: groups reports into campaigns as they are folded from the
// report log, although spammers vary every message.
//
// Evidence (see design.md beside this file): near-duplicate text (MinHash
// sketches of the normalized text with typed placeholders, LSH-banded, checked
// against each campaign's exemplars), and identifiers a campaign owns: the
// registrable domains of its links (not shorteners or big platforms), phone
// numbers, short codes and e-mail addresses in its text, and its senders.
// When a report carries evidence of two campaigns, they merge: the older id
// survives and the other becomes its alias.
//
// Deterministic: reports applied in log order give the same campaign ids
// (the log sequence of a campaign's first report) on any machine. Not
// thread-safe; the fold runs on one thread.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <absl/container/flat_hash_map.h>
#include <absl/container/flat_hash_set.h>

#include "analysis/message_analyzer.h"
#include "cluster/signature.h"
#include "domain/report.h"
#include "store/fold.h"

namespace spamradar::cluster {

struct CampaignOptions {
  double text_threshold = 0.5;    // estimated Jaccard for "the same template"
  double novelty = 0.8;           // a report less similar than this to its campaign is an exemplar
  double extend_threshold = 0.7;  // text-only matches weaker than this add no exemplar
  size_t max_samples = 5;         // sample messages kept per campaign
};

// Reports of a campaign on one UTC day, from one metro, over one channel.
struct RollupKey {
  int64_t day;
  std::string metro;  // CBSA code, empty when unknown
  Channel channel;
  bool inferred;
  auto operator<=>(const RollupKey&) const = default;
};

struct Campaign {
  uint64_t id = 0;  // sequence of its first report
  uint64_t reports = 0;
  Timestamp first_seen;
  Timestamp last_seen;
  absl::flat_hash_set<uint64_t> reporters;  // first 64 bits of the reporter hashes
  std::map<std::string, uint64_t> brands, domains, senders, phones, short_codes;
  uint64_t channels[5][2] = {};  // [Channel][inferred]
  std::vector<std::string> samples;
  uint32_t exemplars = 0;                      // signatures of its variants in the index
  std::map<std::string, uint64_t> shapes;      // normalized text with placeholders -> reports
  std::map<std::string, uint64_t> categories;  // brand categories ("luxury") -> reports
  std::map<std::string, uint64_t> cues;        // calls to action ("claim") -> reports
  std::map<RollupKey, uint64_t> rollup;
  std::vector<uint64_t> aliases;  // ids of campaigns merged into this one
  uint64_t merged_into = 0;       // non-zero: an alias of that campaign
};

// A new message matched against the known campaigns.
struct CampaignMatch {
  uint64_t campaign = 0;  // 0: none
  double similarity = 0;  // estimated Jaccard to the closest variant; 1 for a shared identifier
  std::string evidence;   // "text", "domain lvshop12.com", "phone +18885550199"...
};

class CampaignEngine final : public store::Fold {
 public:
  explicit CampaignEngine(CampaignOptions options = {});

  std::string_view name() const override { return "campaigns/v1"; }
  bool persistent() const override { return false; }
  void Apply(const Report& report) override;
  void Reset() override;
  std::string Serialize() const override;
  Status Restore(std::string_view state) override;

  // The campaign a report (by log sequence) belongs to now, after merges; 0 if unknown.
  uint64_t CampaignOf(uint64_t sequence) const;
  // The campaign itself, following aliases; null if there is none.
  const Campaign* Find(uint64_t id) const;
  // Live campaigns (not aliases), by id.
  std::vector<const Campaign*> Campaigns() const;
  uint64_t reports() const { return assignments_.size(); }

  // The campaign a new message most likely belongs to, by the same evidence
  // the engine assigns reports with (the campaigns' fingerprints: the
  // sketches of their variants and the identifiers they own), without
  // changing anything. Thread-safe against other const calls.
  CampaignMatch MatchCampaign(std::string_view message) const;

 private:
  uint64_t Resolve(uint64_t id) const;
  void Merge(uint64_t keep, uint64_t gone);

  CampaignOptions options_;
  analysis::MessageAnalyzer analyzer_;
  std::map<uint64_t, Campaign> campaigns_;
  struct Exemplar {
    Signature signature;
    uint64_t campaign;
  };
  std::vector<std::pair<uint64_t, uint64_t>> assignments_;  // (sequence, campaign at assignment)
  std::vector<Exemplar> exemplars_;                         // one per text variant seen
  // The LSH index: band key -> a chain of entries, entry e = exemplar * 16 + band,
  // stored as e + 1 (0 ends a chain). A flat table: most lookups miss, and a
  // node-based map made each of them a cache miss.
  absl::flat_hash_map<uint64_t, uint32_t> band_heads_;
  std::vector<uint32_t> band_next_;  // per entry: the next entry + 1
  template <typename Visit>
  void ForEachInBand(uint64_t key, Visit&& visit) const;
  std::unordered_map<std::string, uint64_t> owners_;  // "d:lvshop12.com" -> campaign
};

}  // namespace spamradar::cluster
