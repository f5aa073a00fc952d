#include "analytics/spam_rollups.h"

#include <algorithm>

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
  }
  return it->second;
}

void SpamRollups::OnAssigned(const Report& report, const analysis::MessageAnalysis& analysis,
                             uint64_t campaign) {
  const int64_t day = UtcDay(report.reported_at);
  const uint32_t metro = Intern(report.metro, &metros_, &metro_index_);
  const uint32_t campaign_index = CampaignIndex(campaign);
  ++reports_;
  // Each brand and domain once per report, as the campaign figures count them.
  thread_local std::vector<uint32_t> brands;
  thread_local std::vector<std::string_view> domains;
  brands.clear();
  domains.clear();
  for (const analysis::LexiconMatch& brand : analysis.brands) {
    const uint32_t id = Intern(brand.name, &brands_, &brand_index_);
    if (std::find(brands.begin(), brands.end(), id) == brands.end()) brands.push_back(id);
  }
  for (const analysis::UrlInfo& url : analysis.urls) {
    if (url.registrable_domain.empty()) continue;
    if (std::find(domains.begin(), domains.end(), url.registrable_domain) != domains.end()) {
      continue;
    }
    domains.push_back(url.registrable_domain);
  }
  const uint64_t reporter = ReporterKey(report.reporter_hash);
  // Counted in its metro's slice and in the slice of every metro together, so
  // that a query without a metro reads a handful of slices a day.
  Day& slices = days_[day];
  for (const uint32_t where : {metro, kAllMetros}) {
    Slice& slice = slices[SliceKey(where, report.channel, report.channel_inferred)];
    ++slice.reports;
    ++slice.campaigns[campaign_index];
    for (const uint32_t brand : brands) ++slice.brands[brand];
    for (const std::string_view domain : domains) slice.domains.Add(domain);
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

uint64_t SpamRollups::Slice::ReportsOf(const std::vector<uint32_t>& members) const {
  uint64_t total = 0;
  for (const uint32_t member : members) {
    if (const auto it = campaigns.find(member); it != campaigns.end()) total += it->second;
  }
  return total;
}

void SpamRollups::OnMerged(uint64_t keep, uint64_t gone) {
  const uint32_t into = root_of_[CampaignIndex(keep)];
  const uint32_t from = root_of_[CampaignIndex(gone)];
  if (into == from) return;
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
  *this = SpamRollups();
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
    for (const auto& [key, slice] : day->second) {
      if (metro ? MetroOf(key) != *metro : MetroOf(key) == kAllMetros) continue;
      if (scope.channel && ChannelOf(key) != *scope.channel) continue;
      visit(day->first, key, slice);
    }
  }
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
  std::vector<uint64_t> counts(campaign_ids_.size(), 0);
  ForEachSlice(scope, [&](int64_t, uint32_t, const Slice& slice) {
    for (const auto& [index, reports] : slice.campaigns) counts[root_of_[index]] += reports;
  });
  std::vector<CampaignCount> out;
  uint64_t any = 0;
  for (uint32_t index = 0; index < counts.size(); ++index) {
    any += counts[index] > 0;
    if (counts[index] >= std::max<uint64_t>(min_reports, 1)) {
      out.push_back({campaign_ids_[index], counts[index]});
    }
  }
  if (in_scope != nullptr) *in_scope = any;
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
  ForEachSlice(scope,
               [&](int64_t, uint32_t, const Slice& slice) { total += slice.ReportsOf(members); });
  return total;
}

std::vector<SpamRollups::MetroCount> SpamRollups::Metros(uint64_t campaign,
                                                         const Scope& scope) const {
  const std::vector<uint32_t> members = MembersOf(campaign);
  std::vector<MetroCount> rows(metros_.size());
  ForEachSliceOf(std::nullopt, scope, [&](int64_t, uint32_t key, const Slice& slice) {
    MetroCount& row = rows[MetroOf(key)];
    row.reports += slice.reports;
    row.campaign_reports += slice.ReportsOf(members);
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
  ForEachSlice(window, [&](int64_t day, uint32_t, const Slice& slice) {
    DayCount& row = out[static_cast<size_t>(day - from)];
    row.reports += slice.reports;
    row.campaign_reports += slice.ReportsOf(members);
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
  for (const auto& [day, slices] : days_) {
    for (const auto& [key, slice] : slices) n += MetroOf(key) != kAllMetros;
  }
  return n;
}

}  // namespace spamradar::analytics
