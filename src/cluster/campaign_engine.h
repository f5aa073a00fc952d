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
// Bounded memory: a campaign without reports for `dormant_after` (by report
// time) leaves memory for the CampaignArchive, its fingerprints with it; a
// report that carries its evidence brings it back before it is assigned.
//
// Deterministic: reports applied in log order give the same campaign ids
// (the log sequence of a campaign's first report) on any machine. Not
// thread-safe; the fold runs on one thread.
#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <absl/container/flat_hash_map.h>
#include <absl/container/flat_hash_set.h>
#include <absl/container/node_hash_map.h>

#include "analysis/message_analyzer.h"
#include "cluster/assignment_listener.h"
#include "cluster/key_filter.h"
#include "cluster/signature.h"
#include "domain/report.h"
#include "store/campaign_archive.h"
#include "store/fold.h"

namespace spamradar::cluster {

struct CampaignOptions {
  double text_threshold = 0.5;    // estimated Jaccard for "the same template"
  double novelty = 0.8;           // a report less similar than this to its campaign is an exemplar
  double extend_threshold = 0.7;  // text-only matches weaker than this add no exemplar
  size_t max_samples = 5;         // sample messages kept per campaign
  // A campaign without reports for this long leaves memory for the archive
  // (when the engine has one); zero keeps every campaign in memory.
  std::chrono::milliseconds dormant_after = std::chrono::days(14);
  // The same for a campaign of one report: most spam is never reported
  // twice, and such campaigns are most of the campaigns at any time. Once
  // archived, one comes back by the identifiers and sender it owns. Zero:
  // the same as dormant_after.
  std::chrono::milliseconds single_dormant_after = std::chrono::days(2);
};

// Reports of a campaign on one UTC day, from one metro, over one channel.
struct RollupKey {
  int64_t day;
  std::string metro;  // CBSA code, empty when unknown
  Channel channel;
  bool inferred;
  auto operator<=>(const RollupKey&) const = default;
  template <typename H>
  friend H AbslHashValue(H h, const RollupKey& key) {
    return H::combine(std::move(h), key.day, key.metro, key.channel, key.inferred);
  }
};

// Occurrences by key (looked up by string_view without building a string).
// Unordered: whoever shows or writes them sorts them.
using Counts = absl::flat_hash_map<std::string, uint64_t>;

struct Campaign {
  uint64_t id = 0;  // sequence of its first report
  uint64_t reports = 0;
  Timestamp first_seen;
  Timestamp last_seen;
  absl::flat_hash_set<uint64_t> reporters;  // first 64 bits of the reporter hashes
  Counts brands, domains, senders, phones, short_codes, emails;
  uint64_t channels[5][2] = {};  // [Channel][inferred]
  std::vector<std::string> samples;
  uint32_t exemplars = 0;  // signatures of its variants in the index
  Counts shapes;           // normalized text with placeholders -> reports
  Counts categories;       // brand categories ("luxury") -> reports
  Counts cues;             // calls to action ("claim") -> reports
  absl::flat_hash_map<RollupKey, uint64_t> rollup;
  std::vector<uint64_t> aliases;  // ids of campaigns merged into this one
};

// What a listing shows of a campaign, readable for a dormant one without
// loading it whole.
struct CampaignSummary {
  uint64_t id = 0;
  std::string name;
  Channel channel = Channel::kUnknown;  // most reported, declared and inferred together
  uint64_t reports = 0;
  Timestamp first_seen;
  Timestamp last_seen;
};

// A new message matched against the known campaigns.
struct CampaignMatch {
  uint64_t campaign = 0;  // 0: none
  double similarity = 0;  // estimated Jaccard to the closest variant; 1 for a shared identifier
  // "text", "domain lvshop12.com", "phone +18885550199", "sender lvshop@icloud.com"...
  std::string evidence;
};

class CampaignEngine final : public store::Fold {
 public:
  // `archive` (not owned, may be null: everything stays in memory) keeps the
  // dormant campaigns.
  explicit CampaignEngine(CampaignOptions options = {}, store::CampaignArchive* archive = nullptr);

  // `listener` (not owned; null: none) hears of every assignment and merge
  // from the next report on.
  void SetListener(AssignmentListener* listener) { listener_ = listener; }

  std::string_view name() const override { return "campaigns/v1"; }
  bool persistent() const override { return false; }
  void Apply(const Report& report) override;
  void Reset() override;
  Status Sync() override;
  std::string Serialize() const override;
  Status Restore(std::string_view state) override;

  // The campaign a report (by log sequence) belongs to now, after merges; 0 if unknown.
  uint64_t CampaignOf(uint64_t sequence) const;
  // The id an alias was merged into (itself when it is no alias).
  uint64_t Resolve(uint64_t id) const;
  // An active campaign (in memory), following aliases; null when there is
  // none or it is dormant.
  const Campaign* Find(uint64_t id) const;
  // Active or dormant, following aliases.
  Result<std::optional<Campaign>> Get(uint64_t id) const;
  // The same, only what a listing shows (cheap for a dormant campaign).
  Result<std::optional<CampaignSummary>> Summary(uint64_t id) const;
  // The active campaigns, by id.
  std::vector<const Campaign*> Campaigns() const;
  // Every campaign, active ones first, each group by id; `visit` may keep
  // nothing it is handed.
  Status ForEachCampaign(const std::function<void(const Campaign&)>& visit) const;
  uint64_t reports() const { return assigned_; }
  uint64_t dormant_campaigns() const { return dormant_; }
  uint64_t active_campaigns() const { return campaigns_.size(); }

  // The campaign a new message most likely belongs to, by the same evidence
  // the engine assigns reports with, in the same order: the identifiers its
  // text shares with a campaign and the sketches of the campaigns' variants,
  // then, when neither names one, its sender (spoofed senders collide, so it
  // is the weakest evidence); active campaigns first, then dormant ones (read
  // from the archive, without reviving them), without changing anything. Reads the archive (its
  // answers are cached until the archive changes): callers serialize it with the fold and each
  // other (the server holds its campaigns lock).
  CampaignMatch MatchCampaign(std::string_view message) const;
  // The same for a message already analyzed: `probe` holds its body, its
  // sender (normalized: intake::NormalizeSender) if known, and the lists
  // analysis::StoreAnalysis() made of its analysis. With an analyzer of
  // AnalysisOptions() the stamps agree and the text is not analyzed again.
  CampaignMatch MatchCampaign(const Report& probe) const;
  // How the engine analyzes a text it must read again (no shingles of its
  // own: it takes them from the shingle text).
  static analysis::AnalyzerOptions AnalysisOptions();

 private:
  // The report with its analysis lists current: `report` itself when intake's
  // analysis had this engine's stamp, else a copy with them read again from
  // the body (valid until the next call on this thread). `shingles` gets the
  // shingles of its shingle text.
  const Report& Read(const Report& report, std::vector<uint64_t>* shingles) const;
  // MatchCampaign's two kinds of evidence: the text (its identifiers, then
  // its sketch) of `read`, whose shingles are `shingles`; and a sender.
  CampaignMatch MatchText(const Report& read, const std::vector<uint64_t>& shingles) const;
  CampaignMatch MatchSender(const Sender& sender) const;
  void Merge(uint64_t keep, uint64_t gone);
  // Adds a variant's sketch to the LSH index for `campaign`.
  void AddExemplar(const Signature& signature, const uint64_t* band_keys, uint64_t campaign);
  // Takes a variant out of the index; the band keys that led to it go to
  // `linked_keys` when given.
  void RemoveExemplar(uint32_t slot, std::vector<uint64_t>* linked_keys);
  // Archives the campaigns quiet for their dormancy period at `now`.
  void Sweep(Timestamp now, uint64_t sequence);
  // Brings back the dormant campaigns the evidence of a report names: its
  // identifiers and sender, and its text when `by_text`.
  void Revive(const Signature& signature, const uint64_t* band_keys,
              std::span<const uint64_t> identifier_keys, std::optional<uint64_t> sender_key,
              bool by_text, uint64_t sequence);
  // Makes the archive agree with the state in memory (after a reset or restore).
  void PrepareArchive();
  // Fills the filter of dormant keys again from the archive, larger.
  void RefillFilter();
  void Fail(Status status);

  CampaignOptions options_;
  store::CampaignArchive* archive_;
  AssignmentListener* listener_ = nullptr;
  analysis::MessageAnalyzer analyzer_;
  // The active ones. Node-based: Find() hands out pointers. Iterated only
  // through SortedIds(), so that hash order never shows.
  absl::node_hash_map<uint64_t, Campaign> campaigns_;
  std::vector<uint64_t> SortedIds() const;
  absl::flat_hash_map<uint64_t, uint64_t> aliases_;  // merged id -> the id it went into
  struct Exemplar {
    Signature signature;
    uint64_t campaign;  // 0: a free slot
  };
  // Each report's campaign at assignment, 4 bytes a report (the fold's
  // largest table at scale): indexed by sequence - first_sequence_ (log
  // sequences are dense; a gap holds kUnassigned), holding how far back the
  // campaign's id lies from the report's sequence (an id is the sequence of
  // the campaign's first report). A deque: it grows without copying itself.
  static constexpr uint32_t kUnassigned = 0xFFFFFFFF;
  static constexpr uint32_t kFarBack = 0xFFFFFFFE;  // see far_assignments_
  std::deque<uint32_t> assignments_;
  uint64_t first_sequence_ = 0;
  uint64_t assigned_ = 0;
  absl::flat_hash_map<uint64_t, uint64_t> far_assignments_;  // sequence -> campaign
  void Assign(uint64_t sequence, uint64_t campaign);
  uint64_t AssignedAt(uint64_t sequence) const;                    // 0: none
  std::vector<Exemplar> exemplars_;                                // one per text variant seen
  std::vector<uint32_t> free_slots_;                               // of exemplars_, for reuse
  absl::flat_hash_map<uint64_t, std::vector<uint32_t>> slots_of_;  // campaign -> its exemplars
  // The LSH index: band key -> a chain of entries, entry e = exemplar * 16 + band,
  // stored as e + 1 (0 ends a chain). A flat table: most lookups miss, and a
  // node-based map made each of them a cache miss.
  absl::flat_hash_map<uint64_t, uint32_t> band_heads_;
  std::vector<uint32_t> band_next_;  // per entry: the next entry + 1
  template <typename Visit>
  void ForEachInBand(uint64_t key, Visit&& visit) const;
  // Hash of an owned identifier ("d:lvshop12.com", "s:+12125550142") -> campaign.
  absl::flat_hash_map<uint64_t, uint64_t> owners_;

  // Dormancy.
  Timestamp now_{};             // the latest report time seen
  int64_t swept_day_ = 0;       // the UTC day of the last sweep
  uint64_t last_sequence_ = 0;  // the last report applied
  uint64_t dormant_ = 0;        // campaigns in the archive
  bool archive_ready_ = false;  // rewound to last_sequence_ and filter built
  KeyFilter dormant_keys_;      // the archive's fingerprint keys, approximately
  Status error_;                // the first archive failure, reported by Sync()
  // MatchCampaign's archive answers by (key, limit). A message no active
  // campaign matches asks the archive (SQLite, ~30 us) for every band the
  // filter lets through, and a filter in the message path meets the same
  // texts again and again. Emptied whenever the archive changes (Sweep,
  // Revive, PrepareArchive, Reset) and when it holds kMaxCachedLookups.
  static constexpr size_t kMaxCachedLookups = 8192;
  mutable absl::flat_hash_map<std::pair<uint64_t, size_t>,
                              std::vector<store::CampaignArchive::Candidate>>
      cached_lookups_;
  Result<const std::vector<store::CampaignArchive::Candidate>*> CachedLookup(uint64_t key,
                                                                             size_t limit) const;
};

}  // namespace spamradar::cluster
