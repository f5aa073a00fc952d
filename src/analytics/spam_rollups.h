// SpamRollups: reported spam counted by UTC day x metro x channel (declared
// and inferred kept apart) x campaign, kept up to date by the campaign fold,
// so that every analytics question is answered from memory without reading
// the log: shares of campaigns in a scope, metro rankings, daily series,
// brands, domains, senders, sender types, channels, distinct reporters.
//
// A slice is one (day, metro, channel, inferred) cell; each report also
// counts in the (day, every metro, channel, inferred) slice, which queries
// without a metro read instead. Each holds its
// reports per campaign (by the campaign's id at assignment; merges are
// applied when queried, through a table of which campaign each one became),
// per brand and per sender type, exactly; its most frequent domains and
// senders (HeavyHitters: approximate, with a stated error); and its distinct
// reporters (ReporterSketch: exact up to 24, then a HyperLogLog). A campaign's
// distinct reporters within a scope come from its sightings: for each of its
// reports, 32 bits of the reporter's key, the day and the slice (12 bytes),
// kept by metro and day so that a scope reads only its own.
//
// Deterministic (a function of the fold's order of reports). Queries are
// const and may run concurrently with each other, not with the fold.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <absl/container/flat_hash_map.h>

#include "analytics/calendar.h"
#include "analytics/heavy_hitters.h"
#include "analytics/reporter_sketch.h"
#include "cluster/assignment_listener.h"
#include "cluster/campaign_view.h"

namespace spamradar::analytics {

using cluster::Scope;

struct KeyCount {
  std::string key;
  uint64_t count = 0;
};

class SpamRollups final : public cluster::AssignmentListener {
 public:
  // Days are counted in `calendar` (UTC unless told otherwise); the days of
  // every scope asked about are days of that calendar.
  explicit SpamRollups(Calendar calendar = {}) : calendar_(std::move(calendar)) {}
  const Calendar& calendar() const { return calendar_; }

  void OnAssigned(const Report& report, uint64_t campaign) override;
  void OnMerged(uint64_t keep, uint64_t gone) override;
  void OnReset() override;

  struct Totals {
    uint64_t reports = 0;
    uint64_t reporters = 0;         // distinct
    bool reporters_exact = true;    // else a HyperLogLog estimate (about 6.5% error)
    uint64_t channels[5][2] = {};   // [Channel][inferred]
    uint64_t sender_kinds[5] = {};  // [SenderKind]
  };
  Totals TotalsIn(const Scope& scope) const;

  struct CampaignCount {
    uint64_t campaign = 0;  // the id it has now (after merges)
    uint64_t reports = 0;
  };
  // The campaigns with at least `min_reports` in scope, most reports first
  // (ties: by id), at most `limit` of them; `in_scope` (optional) is set to
  // how many campaigns have any report in scope.
  std::vector<CampaignCount> Campaigns(const Scope& scope, size_t limit = SIZE_MAX,
                                       uint64_t min_reports = 1,
                                       uint64_t* in_scope = nullptr) const;
  uint64_t CampaignReports(uint64_t campaign, const Scope& scope) const;

  struct Reporters {
    uint64_t distinct = 0;
    bool exact = true;  // else a HyperLogLog estimate (about 1.6% error)
  };
  // The campaign's distinct reporters in scope (merged campaigns included).
  Reporters CampaignReporters(uint64_t campaign, const Scope& scope) const;

  struct MetroCount {
    std::string cbsa;  // empty: reports with no known metro
    uint64_t reports = 0;
    uint64_t campaign_reports = 0;
  };
  // Every metro with reports in scope (the scope's metro is ignored), by CBSA.
  std::vector<MetroCount> Metros(uint64_t campaign, const Scope& scope) const;

  struct DayCount {
    int64_t day = 0;  // days since the epoch, in the rollups' calendar
    uint64_t reports = 0;
    uint64_t campaign_reports = 0;  // 0 when no campaign was asked about
  };
  // Every day of the scope's window (which must be bounded), zeros included.
  std::vector<DayCount> Daily(const Scope& scope, uint64_t campaign = 0) const;

  // Most reported first; `error` bounds how much any count may be over.
  std::vector<KeyCount> TopBrands(const Scope& scope, size_t n) const;
  std::vector<KeyCount> TopDomains(const Scope& scope, size_t n, uint64_t* error) const;
  std::vector<KeyCount> TopSenders(const Scope& scope, size_t n, uint64_t* error) const;

  // The first and last UTC day with reports; false when there are none.
  bool DayRange(int64_t* first, int64_t* last) const;
  uint64_t reports() const { return reports_; }
  size_t slices() const;  // per metro, not counting those of every metro together

 private:
  struct Slice {
    uint64_t reports = 0;
    absl::flat_hash_map<uint32_t, uint32_t> campaigns;  // campaign index -> reports
    absl::flat_hash_map<uint32_t, uint32_t> brands;     // brand index -> reports
    uint32_t sender_kinds[5] = {};
    HeavyHitters domains;
    HeavyHitters senders;
    ReporterSketch reporters;
    // Campaigns (by index) whose only report is in this slice: most
    // campaigns, kept apart so that rankings need not count them one by one.
    std::vector<uint32_t> singles;
  };
  // The slices of one day, keyed metro index << 8 | channel << 1 | inferred;
  // those of every metro together apart, by channel << 1 | inferred.
  struct Day {
    static constexpr uint32_t kChannels = 10;  // 5 channels, declared or inferred
    absl::flat_hash_map<uint32_t, Slice> metros;
    std::array<Slice, kChannels> all;
    Slice& At(uint32_t key);
    const Slice* Find(uint32_t key) const;  // null when it has no report
  };

  // The slices of the scope: of its metro, or those of every metro together.
  template <typename Visit>
  void ForEachSlice(const Scope& scope, Visit&& visit) const;
  // The same for one metro index, or (nullopt) for each metro apart.
  template <typename Visit>
  void ForEachSliceOf(std::optional<uint32_t> metro, const Scope& scope, Visit&& visit) const;
  // The campaign indexes that are now part of `campaign`; empty if unknown.
  std::vector<uint32_t> MembersOf(uint64_t campaign) const;
  // Reports in `slice` (of `day`, `key`) of campaigns with these indexes.
  uint64_t ReportsIn(const Slice& slice, int64_t day, uint32_t key,
                     const std::vector<uint32_t>& members) const;
  // A campaign of one report, not merged with any: its report is in the
  // `singles` of its slices rather than in their counts.
  bool IsSingle(uint32_t index) const;
  bool SingleIn(uint32_t index, int64_t day, uint32_t key) const;
  // Moves a single campaign's report from `singles` into the counts (before
  // its second report or a merge).
  void Promote(uint32_t index);
  uint32_t CampaignIndex(uint64_t campaign);
  static uint32_t Intern(std::string_view value, std::vector<std::string>* names,
                         absl::flat_hash_map<std::string, uint32_t>* index);
  std::vector<KeyCount> TopOf(const Scope& scope, size_t n, uint64_t* error,
                              HeavyHitters Slice::*field) const;
  // Calls visit(reporter, slice key) for each report in scope of the
  // campaigns with these indexes.
  template <typename Visit>
  void ForEachSighting(const std::vector<uint32_t>& members, const Scope& scope,
                       Visit&& visit) const;

  Calendar calendar_;
  std::map<int64_t, Day> days_;
  uint64_t reports_ = 0;
  std::vector<std::string> metros_{""};  // index 0: no metro
  absl::flat_hash_map<std::string, uint32_t> metro_index_{{"", 0}};
  std::vector<std::string> brands_;
  absl::flat_hash_map<std::string, uint32_t> brand_index_;
  // Campaigns by dense index: their id, and the index of the campaign each
  // is part of now (itself unless merged); members_ lists, for a campaign
  // others merged into, every index that now points at it.
  absl::flat_hash_map<uint64_t, uint32_t> campaign_index_;
  std::vector<uint64_t> campaign_ids_;
  std::vector<uint32_t> root_of_;
  std::vector<uint32_t> reports_of_;  // reports assigned to each index itself
  std::vector<int32_t> first_day_;    // the day and slice of each index's first report
  std::vector<uint32_t> first_key_;
  absl::flat_hash_map<uint32_t, std::vector<uint32_t>> members_;
  // Each report of a campaign of more than one (by index; a campaign's first
  // report is in first_day_, first_key_ and first_reporter_ until its second).
  struct Sighting {
    uint32_t reporter;  // the high 32 bits of the reporter's key
    uint32_t key;       // its metro's slice
    int32_t day;
  };
  // Sightings in the order reports came: by day, unless one came late.
  struct SightingRun {
    std::vector<Sighting> list;
    bool by_day = true;
    void Add(const Sighting& seen);
  };
  // A campaign's sightings: in one run while few, then one run per metro.
  struct Sightings {
    static constexpr size_t kFew = 256;
    SightingRun few;
    absl::flat_hash_map<uint32_t, SightingRun> by_metro;  // metro index -> run
  };
  std::vector<uint32_t> first_reporter_;
  absl::flat_hash_map<uint32_t, Sightings> sightings_;
};

}  // namespace spamradar::analytics
