#include "analytics/spam_rollups.h"

#include <algorithm>

#include "analytics/distinct_counter.h"

namespace spamradar::analytics {
namespace {

constexpr uint32_t SliceKey(uint32_t metro, Channel channel, bool inferred) {
  return metro << 8 | static_cast<uint32_t>(channel) << 1 | (inferred ? 1 : 0);
}
// The metro index of the slices that count every metro together.
constexpr uint32_t kAllMetros = 0xFFFFFF;
constexpr uint32_t MetroOf(uint32_t key) {
  return key >> 8;
}
constexpr Channel ChannelOf(uint32_t key) {
  return static_cast<Channel>((key >> 1) & 0x7F);
}
constexpr bool InferredOf(uint32_t key) {
  return (key & 1) != 0;
}

// Most first; ties by key, so that output never depends on hash order.
void SortByCount(std::vector<KeyCount>* rows) {
  std::sort(rows->begin(), rows->end(), [](const KeyCount& a, const KeyCount& b) {
    return a.count != b.count ? a.count > b.count : a.key < b.key;
  });
}

}  // namespace

uint32_t SpamRollups::Intern(std::string_view value, std::vector<std::string>* names,
                             absl::flat_hash_map<std::string, uint32_t>* index) {
  const auto it = index->find(absl::string_view(value.data(), value.size()));
  if (it != index->end()) return it->second;
  const auto id = static_cast<uint32_t>(names->size());
  names->emplace_back(value);
  index->emplace(std::string(value), id);
  return id;
}

uint32_t SpamRollups::CampaignIndex(uint64_t campaign) {
  const auto [it, added] =
      campaign_index_.emplace(campaign, static_cast<uint32_t>(campaign_ids_.size()));
  if (added) {
    campaign_ids_.push_back(campaign);
    root_of_.push_back(it->second);
    reports_of_.push_back(0);
    first_day_.push_back(0);
    first_key_.push_back(0);
    first_reporter_.push_back(0);
  }
  return it->second;
}

bool SpamRollups::IsSingle(uint32_t index) const {
  return reports_of_[index] == 1 && root_of_[index] == index && !members_.contains(index);
}

bool SpamRollups::SingleIn(uint32_t index, int64_t day, uint32_t key) const {
  if (first_day_[index] != day) return false;
  return key == first_key_[index] ||
         key == SliceKey(kAllMetros, ChannelOf(first_key_[index]), InferredOf(first_key_[index]));
}

void SpamRollups::Promote(uint32_t index) {
  if (!IsSingle(index)) return;
  Day& slices = days_[first_day_[index]];
  const uint32_t key = first_key_[index];
  for (const uint32_t where : {key, SliceKey(kAllMetros, ChannelOf(key), InferredOf(key))}) {
    Slice& slice = slices.At(where);
    auto& singles = slice.singles;
    singles.erase(std::find(singles.begin(), singles.end(), index));
    slice.campaigns[index] = 1;
  }
  reports_of_[index] = 2;  // no longer single; corrected by the caller's count
}

void SpamRollups::OnAssigned(const Report& report, uint64_t campaign) {
  const int64_t day = calendar_.DayOf(report.reported_at);
  const uint32_t metro = Intern(report.metro, &metros_, &metro_index_);
  const uint32_t campaign_index = CampaignIndex(campaign);
  ++reports_;
  // Each brand and domain once per report (the lists hold each once), as the
  // campaign figures count them.
  thread_local std::vector<uint32_t> brands;
  brands.clear();
  for (const std::string& brand : report.brands) {
    brands.push_back(Intern(brand, &brands_, &brand_index_));
  }
  const uint64_t reporter = ReporterKey(report.reporter_hash);
  // Counted in its metro's slice and in the slice of every metro together, so
  // that a query without a metro reads a handful of slices a day.
  // A campaign's first report is kept in its slices' list of single reports;
  // most campaigns never get a second, and rankings count those lists whole.
  const bool first = reports_of_[campaign_index] == 0;
  if (reports_of_[campaign_index] == 1) {
    Promote(campaign_index);
    reports_of_[campaign_index] = 1;
  }
  ++reports_of_[campaign_index];
  const uint32_t key = SliceKey(metro, report.channel, report.channel_inferred);
  const auto reporter32 = static_cast<uint32_t>(reporter >> 32);
  if (first) {
    first_day_[campaign_index] = static_cast<int32_t>(day);
    first_key_[campaign_index] = key;
    first_reporter_[campaign_index] = reporter32;
  } else {
    Sightings& seen = sightings_[campaign_index];
    if (seen.few.list.empty() && seen.by_metro.empty()) {
      seen.few.Add({first_reporter_[campaign_index], first_key_[campaign_index],
                    first_day_[campaign_index]});
    }
    const Sighting now{reporter32, key, static_cast<int32_t>(day)};
    if (!seen.by_metro.empty()) {
      seen.by_metro[MetroOf(key)].Add(now);
    } else if (seen.few.Add(now); seen.few.list.size() > Sightings::kFew) {
      for (const Sighting& earlier : seen.few.list)
        seen.by_metro[MetroOf(earlier.key)].Add(earlier);
      seen.few = {};
    }
  }
  Day& slices = days_[day];
  for (const uint32_t where : {metro, kAllMetros}) {
    Slice& slice = slices.At(SliceKey(where, report.channel, report.channel_inferred));
    ++slice.reports;
    if (first) {
      slice.singles.push_back(campaign_index);
    } else {
      ++slice.campaigns[campaign_index];
    }
    for (const uint32_t brand : brands) ++slice.brands[brand];
    for (const std::string_view domain : report.domains) slice.domains.Add(domain);
    ++slice.sender_kinds[static_cast<int>(report.sender.kind)];
    if (!report.sender.value.empty()) slice.senders.Add(report.sender.value);
    slice.reporters.Add(reporter);
  }
}

std::vector<uint32_t> SpamRollups::MembersOf(uint64_t campaign) const {
  const auto it = campaign_index_.find(campaign);
  if (it == campaign_index_.end()) return {};
  const uint32_t root = root_of_[it->second];
  const auto members = members_.find(root);
  return members == members_.end() ? std::vector<uint32_t>{root} : members->second;
}

uint64_t SpamRollups::ReportsIn(const Slice& slice, int64_t day, uint32_t key,
                                const std::vector<uint32_t>& members) const {
  uint64_t total = 0;
  for (const uint32_t member : members) {
    if (IsSingle(member)) {
      total += SingleIn(member, day, key);
    } else if (const auto it = slice.campaigns.find(member); it != slice.campaigns.end()) {
      total += it->second;
    }
  }
  return total;
}

void SpamRollups::OnMerged(uint64_t keep, uint64_t gone) {
  const uint32_t into = root_of_[CampaignIndex(keep)];
  const uint32_t from = root_of_[CampaignIndex(gone)];
  if (into == from) return;
  // Single reports are counted as campaigns of their own; merged, they are not.
  Promote(into);
  Promote(from);
  std::vector<uint32_t>& members = members_[into];
  if (members.empty()) members.push_back(into);
  auto moved = members_.extract(from);
  const std::vector<uint32_t> single{from};
  for (const uint32_t member : moved.empty() ? single : moved.mapped()) {
    root_of_[member] = into;
    members.push_back(member);
  }
}

void SpamRollups::OnReset() {
  *this = SpamRollups(std::move(calendar_));
}

template <typename Visit>
void SpamRollups::ForEachSlice(const Scope& scope, Visit&& visit) const {
  uint32_t metro = kAllMetros;
  if (scope.metro) {
    const auto it = metro_index_.find(*scope.metro);
    if (it == metro_index_.end()) return;
    metro = it->second;
  }
  ForEachSliceOf(metro, scope, visit);
}

template <typename Visit>
void SpamRollups::ForEachSliceOf(std::optional<uint32_t> metro, const Scope& scope,
                                 Visit&& visit) const {
  auto day = scope.from_day ? days_.lower_bound(*scope.from_day) : days_.begin();
  for (; day != days_.end() && (!scope.to_day || day->first <= *scope.to_day); ++day) {
    const Day& slices = day->second;
    if (!metro) {  // each metro apart
      for (const auto& [key, slice] : slices.metros) {
        if (scope.channel && ChannelOf(key) != *scope.channel) continue;
        visit(day->first, key, slice);
      }
      continue;
    }
    // One metro (or every metro together): ten slices at most, found directly.
    for (uint32_t channel_bits = 0; channel_bits < Day::kChannels; ++channel_bits) {
      const uint32_t key = *metro << 8 | channel_bits;
      if (scope.channel && ChannelOf(key) != *scope.channel) continue;
      if (const Slice* slice = slices.Find(key)) visit(day->first, key, *slice);
    }
  }
}

SpamRollups::Slice& SpamRollups::Day::At(uint32_t key) {
  return MetroOf(key) == kAllMetros ? all[key & 0xFF] : metros[key];
}

const SpamRollups::Slice* SpamRollups::Day::Find(uint32_t key) const {
  if (MetroOf(key) == kAllMetros) return all[key & 0xFF].reports > 0 ? &all[key & 0xFF] : nullptr;
  const auto it = metros.find(key);
  return it == metros.end() ? nullptr : &it->second;
}

SpamRollups::Totals SpamRollups::TotalsIn(const Scope& scope) const {
  Totals totals;
  ReporterSketch::Union reporters;
  ForEachSlice(scope, [&](int64_t, uint32_t key, const Slice& slice) {
    totals.reports += slice.reports;
    totals.channels[static_cast<int>(ChannelOf(key))][InferredOf(key) ? 1 : 0] += slice.reports;
    for (int kind = 0; kind < 5; ++kind) totals.sender_kinds[kind] += slice.sender_kinds[kind];
    reporters.Add(slice.reporters);
  });
  totals.reporters = reporters.Count(&totals.reporters_exact);
  return totals;
}

std::vector<SpamRollups::CampaignCount> SpamRollups::Campaigns(const Scope& scope, size_t limit,
                                                               uint64_t min_reports,
                                                               uint64_t* in_scope) const {
  // Dense by campaign index: a window can hold a million one-report campaigns.
  // Campaigns of more than one report, summed by what they are part of now.
  absl::flat_hash_map<uint32_t, uint64_t> counts;
  uint64_t singles = 0;
  ForEachSlice(scope, [&](int64_t, uint32_t, const Slice& slice) {
    for (const auto& [index, reports] : slice.campaigns) counts[root_of_[index]] += reports;
    singles += slice.singles.size();
  });
  std::vector<CampaignCount> out;
  for (const auto& [index, reports] : counts) {
    if (reports >= std::max<uint64_t>(min_reports, 1))
      out.push_back({campaign_ids_[index], reports});
  }
  if (in_scope != nullptr) *in_scope = counts.size() + singles;
  // One-report campaigns rank after every other, by id: read only when the
  // ranking reaches them.
  if (min_reports <= 1 && out.size() < limit && singles > 0) {
    std::vector<uint64_t> ids;
    ids.reserve(singles);
    ForEachSlice(scope, [&](int64_t, uint32_t, const Slice& slice) {
      for (const uint32_t index : slice.singles) ids.push_back(campaign_ids_[index]);
    });
    const size_t wanted = std::min(ids.size(), limit - out.size());
    std::partial_sort(ids.begin(), ids.begin() + static_cast<ptrdiff_t>(wanted), ids.end());
    for (size_t i = 0; i < wanted; ++i) out.push_back({ids[i], 1});
  }
  const auto before = [](const CampaignCount& a, const CampaignCount& b) {
    return a.reports != b.reports ? a.reports > b.reports : a.campaign < b.campaign;
  };
  // Only the first `limit` need an order (most are one-report campaigns).
  if (limit < out.size()) {
    std::nth_element(out.begin(), out.begin() + static_cast<ptrdiff_t>(limit), out.end(), before);
    out.resize(limit);
  }
  std::sort(out.begin(), out.end(), before);
  return out;
}

uint64_t SpamRollups::CampaignReports(uint64_t campaign, const Scope& scope) const {
  const std::vector<uint32_t> members = MembersOf(campaign);
  uint64_t total = 0;
  ForEachSlice(scope, [&](int64_t day, uint32_t key, const Slice& slice) {
    total += ReportsIn(slice, day, key, members);
  });
  return total;
}

template <typename Visit>
void SpamRollups::ForEachSighting(const std::vector<uint32_t>& members, const Scope& scope,
                                  Visit&& visit) const {
  std::optional<uint32_t> metro;
  if (scope.metro) {
    const auto it = metro_index_.find(*scope.metro);
    if (it == metro_index_.end()) return;
    metro = it->second;
  }
  const auto in_scope = [&](uint32_t key, int64_t day) {
    return (!scope.from_day || day >= *scope.from_day) && (!scope.to_day || day <= *scope.to_day) &&
           (!metro || MetroOf(key) == *metro) &&
           (!scope.channel || ChannelOf(key) == *scope.channel);
  };
  // A run by day is read from the scope's first day to its last.
  const auto scan = [&](const SightingRun& run) {
    auto seen = run.list.begin();
    if (run.by_day && scope.from_day) {
      seen = std::lower_bound(run.list.begin(), run.list.end(), *scope.from_day,
                              [](const Sighting& s, int64_t day) { return s.day < day; });
    }
    for (; seen != run.list.end(); ++seen) {
      if (run.by_day && scope.to_day && seen->day > *scope.to_day) break;
      if (in_scope(seen->key, seen->day)) visit(seen->reporter, seen->key);
    }
  };
  for (const uint32_t member : members) {
    if (const auto it = sightings_.find(member); it != sightings_.end()) {
      const Sightings& sightings = it->second;
      scan(sightings.few);
      if (metro) {
        if (const auto run = sightings.by_metro.find(*metro); run != sightings.by_metro.end()) {
          scan(run->second);
        }
      } else {
        for (const auto& [where, run] : sightings.by_metro) scan(run);
      }
    } else if (reports_of_[member] > 0 && in_scope(first_key_[member], first_day_[member])) {
      visit(first_reporter_[member], first_key_[member]);
    }
  }
}

void SpamRollups::SightingRun::Add(const Sighting& seen) {
  if (!list.empty() && seen.day < list.back().day) by_day = false;
  list.push_back(seen);
}

SpamRollups::Reporters SpamRollups::CampaignReporters(uint64_t campaign, const Scope& scope) const {
  DistinctCounter counter;
  ForEachSighting(MembersOf(campaign), scope,
                  [&](uint32_t reporter, uint32_t) { counter.Add(reporter); });
  return {counter.Count(), counter.exact()};
}

std::vector<SpamRollups::MetroCount> SpamRollups::Metros(uint64_t campaign,
                                                         const Scope& scope) const {
  const std::vector<uint32_t> members = MembersOf(campaign);
  std::vector<MetroCount> rows(metros_.size());
  ForEachSliceOf(std::nullopt, scope, [&](int64_t day, uint32_t key, const Slice& slice) {
    MetroCount& row = rows[MetroOf(key)];
    row.reports += slice.reports;
    row.campaign_reports += ReportsIn(slice, day, key, members);
  });
  std::vector<MetroCount> out;
  for (size_t i = 0; i < rows.size(); ++i) {
    if (rows[i].reports == 0) continue;
    rows[i].cbsa = metros_[i];
    out.push_back(std::move(rows[i]));
  }
  std::sort(out.begin(), out.end(),
            [](const MetroCount& a, const MetroCount& b) { return a.cbsa < b.cbsa; });
  return out;
}

std::vector<SpamRollups::DayCount> SpamRollups::Daily(const Scope& scope, uint64_t campaign) const {
  int64_t first = 0, last = -1;
  if (!DayRange(&first, &last)) return {};
  const int64_t from = scope.from_day.value_or(first);
  const int64_t to = scope.to_day.value_or(last);
  if (to < from) return {};
  std::vector<DayCount> out(static_cast<size_t>(to - from + 1));
  for (int64_t day = from; day <= to; ++day) out[static_cast<size_t>(day - from)].day = day;
  const std::vector<uint32_t> members =
      campaign == 0 ? std::vector<uint32_t>() : MembersOf(campaign);
  Scope window = scope;
  window.from_day = from;
  window.to_day = to;
  ForEachSlice(window, [&](int64_t day, uint32_t key, const Slice& slice) {
    DayCount& row = out[static_cast<size_t>(day - from)];
    row.reports += slice.reports;
    row.campaign_reports += ReportsIn(slice, day, key, members);
  });
  return out;
}

std::vector<KeyCount> SpamRollups::TopBrands(const Scope& scope, size_t n) const {
  std::vector<uint64_t> counts(brands_.size(), 0);
  ForEachSlice(scope, [&](int64_t, uint32_t, const Slice& slice) {
    for (const auto& [brand, reports] : slice.brands) counts[brand] += reports;
  });
  std::vector<KeyCount> out;
  for (size_t i = 0; i < counts.size(); ++i) {
    if (counts[i] > 0) out.push_back({brands_[i], counts[i]});
  }
  SortByCount(&out);
  if (out.size() > n) out.resize(n);
  return out;
}

std::vector<KeyCount> SpamRollups::TopOf(const Scope& scope, size_t n, uint64_t* error,
                                         HeavyHitters Slice::*field) const {
  absl::flat_hash_map<std::string, uint64_t> counts;
  uint64_t bound = 0;
  ForEachSlice(scope, [&](int64_t, uint32_t, const Slice& slice) {
    const HeavyHitters& hitters = slice.*field;
    for (const auto& [key, count] : hitters.counters()) counts[key] += count;
    bound += hitters.error();
  });
  std::vector<KeyCount> out;
  out.reserve(counts.size());
  for (auto& [key, count] : counts) out.push_back({key, count});
  SortByCount(&out);
  if (out.size() > n) out.resize(n);
  if (error != nullptr) *error = bound;
  return out;
}

std::vector<KeyCount> SpamRollups::TopDomains(const Scope& scope, size_t n, uint64_t* error) const {
  return TopOf(scope, n, error, &Slice::domains);
}

std::vector<KeyCount> SpamRollups::TopSenders(const Scope& scope, size_t n, uint64_t* error) const {
  return TopOf(scope, n, error, &Slice::senders);
}

bool SpamRollups::DayRange(int64_t* first, int64_t* last) const {
  if (days_.empty()) return false;
  *first = days_.begin()->first;
  *last = days_.rbegin()->first;
  return true;
}

size_t SpamRollups::slices() const {
  size_t n = 0;
  for (const auto& [day, slices] : days_) n += slices.metros.size();
  return n;
}

}  // namespace spamradar::analytics
