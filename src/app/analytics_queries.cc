#include "app/analytics_queries.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/ascii.h"
#include "geo/metro_directory.h"

namespace spamradar::app {
namespace {

using nlohmann::ordered_json;

double Share(uint64_t part, uint64_t whole) {
  return whole == 0 ? 0.0 : static_cast<double>(part) / static_cast<double>(whole);
}

// "New York" for "35620"; "(no metro)" for reports whose metro is unknown.
std::string MetroName(const std::string& cbsa) {
  if (cbsa.empty()) return "(no metro)";
  const geo::Metro* metro = geo::MetroDirectory::Default().FindMetro(cbsa);
  return metro != nullptr ? metro->name : cbsa;
}

ordered_json ScopeJson(const DataDirectory& data, const cluster::Scope& scope) {
  int64_t first = 0, last = -1;
  const bool any = data.rollups->DayRange(&first, &last);
  ordered_json out;
  // An open end of the window is shown as the first or last day with reports.
  if (scope.from_day || any) {
    out["from"] = FormatDay(scope.from_day ? *scope.from_day : first);
  } else {
    out["from"] = nullptr;
  }
  if (scope.to_day || any) {
    out["to"] = FormatDay(scope.to_day ? *scope.to_day : last);
  } else {
    out["to"] = nullptr;
  }
  out["time_zone"] = data.rollups->calendar().name();
  out["region"] = scope.metro ? ordered_json(MetroName(*scope.metro)) : ordered_json();
  out["cbsa"] = scope.metro ? ordered_json(*scope.metro) : ordered_json();
  out["channel"] =
      scope.channel ? ordered_json(std::string(ChannelName(*scope.channel))) : ordered_json();
  return out;
}

// What a listing shows of a campaign (for a dormant one, without loading it).
Result<cluster::CampaignSummary> SummaryOf(const DataDirectory& data, uint64_t id) {
  Result<std::optional<cluster::CampaignSummary>> summary = data.campaigns->Summary(id);
  if (!summary.ok()) return summary.status();
  if (!summary->has_value()) {
    return Status::NotFound("no campaign " + std::to_string(id));
  }
  return std::move(**summary);
}

ordered_json ChannelSplit(const uint64_t channels[5][2]) {
  ordered_json out = ordered_json::object();
  for (const Channel channel :
       {Channel::kSms, Channel::kMms, Channel::kImessage, Channel::kRcs, Channel::kUnknown}) {
    const auto c = static_cast<int>(channel);
    if (channels[c][0] + channels[c][1] == 0) continue;
    out[std::string(ChannelName(channel))] = {{"declared", channels[c][0]},
                                              {"inferred", channels[c][1]}};
  }
  return out;
}

ordered_json KeyCounts(const std::vector<analytics::KeyCount>& rows, const char* name,
                       uint64_t whole) {
  ordered_json out = ordered_json::array();
  for (const analytics::KeyCount& row : rows) {
    out.push_back({{name, row.key}, {"reports", row.count}, {"share", Share(row.count, whole)}});
  }
  return out;
}

int64_t WeekStart(int64_t day) {  // the Monday on or before `day` (day 0 was a Thursday)
  return day - ((day % 7 + 7 + 3) % 7);
}

}  // namespace

analytics::SpamRollups::Reporters ScopedReporters(const DataDirectory& data, uint64_t campaign,
                                                  const cluster::Scope& scope) {
  // A scope holding an active campaign's whole life, in every metro and on
  // every channel: the engine's own exact count, without reading the sightings.
  if (!scope.metro && !scope.channel) {
    if (const cluster::Campaign* c = data.campaigns->Find(campaign)) {
      const analytics::Calendar& calendar = data.rollups->calendar();
      if ((!scope.from_day || *scope.from_day <= calendar.DayOf(c->first_seen)) &&
          (!scope.to_day || *scope.to_day >= calendar.DayOf(c->last_seen))) {
        return {c->reporters.size(), true};
      }
    }
  }
  return data.rollups->CampaignReporters(campaign, scope);
}

nlohmann::ordered_json CampaignJson(const cluster::Campaign& c, uint64_t reports, double share,
                                    bool full) {
  const size_t n = full ? 20 : 5;
  nlohmann::ordered_json row = {{"id", c.id},
                                {"name", cluster::CampaignName(c)},
                                {"reports", reports},
                                {"share", share},
                                {"first_seen", FormatRfc3339(c.first_seen)},
                                {"last_seen", FormatRfc3339(c.last_seen)},
                                {"template", cluster::CampaignTemplate(c)},
                                {"brands", cluster::TopKeys(c.brands, n)},
                                {"domains", cluster::TopKeys(c.domains, n)},
                                {"senders", cluster::TopKeys(c.senders, n)},
                                {"channels", ChannelSplit(c.channels)},
                                {"reporters", c.reporters.size()}};
  if (full) {
    row["kind"] = cluster::CampaignKind(c);
    row["all_reports"] = c.reports;
    row["phones"] = cluster::TopKeys(c.phones, n);
    row["short_codes"] = cluster::TopKeys(c.short_codes, n);
    row["distinct_domains"] = c.domains.size();
    row["distinct_senders"] = c.senders.size();
    row["aliases"] = c.aliases;
    row["samples"] = c.samples;
  }
  return row;
}

Result<std::unique_ptr<DataDirectory>> OpenFolded(const std::string& path, const std::string& tz) {
  Result<std::unique_ptr<DataDirectory>> directory = DataDirectory::Open(path);
  if (!directory.ok()) return directory.status();
  if (Status status = (*directory)->UseTimeZone(tz); !status.ok()) {
    return Status::InvalidArgument("--tz: " + status.message());
  }
  if (Status status = (*directory)->CatchUpCampaigns(); !status.ok()) return status;
  return directory;
}

void AddScopeOptions(CLI::App* cmd, ScopeOptions* options) {
  cmd->add_option("--from", options->from, "First day, inclusive (YYYY-MM-DD, in --tz)");
  cmd->add_option("--to", options->to, "Last day, inclusive (YYYY-MM-DD, in --tz)");
  cmd->add_option("--tz", options->tz,
                  "Time zone the days are in: UTC (default) or an IANA name (America/New_York)")
      ->capture_default_str();
  cmd->add_option("--region", options->region, "Metro area: name ('New York') or CBSA code");
  cmd->add_option("--channel", options->channel,
                  "sms, mms, imessage or rcs (declared or inferred)");
}

Result<cluster::Scope> ParseScope(const ScopeOptions& options) {
  cluster::Scope scope;
  if (Result<analytics::Calendar> calendar = analytics::Calendar::Named(options.tz);
      !calendar.ok()) {
    return Status::InvalidArgument("--tz: " + calendar.status().message());
  }
  if (!options.from.empty()) {
    Result<int64_t> day = ParseDay(options.from);
    if (!day.ok()) return Status::InvalidArgument("--from: " + day.status().message());
    scope.from_day = *day;
  }
  if (!options.to.empty()) {
    Result<int64_t> day = ParseDay(options.to);
    if (!day.ok()) return Status::InvalidArgument("--to: " + day.status().message());
    scope.to_day = *day;
  }
  if (scope.from_day && scope.to_day && *scope.to_day < *scope.from_day) {
    return Status::InvalidArgument("--to is before --from");
  }
  if (!options.region.empty()) {
    const geo::Metro* metro = geo::MetroDirectory::Default().FindMetro(options.region);
    if (metro == nullptr) {
      return Status::InvalidArgument("--region: '" + options.region +
                                     "' is not a US metro area's name or CBSA code");
    }
    scope.metro = metro->cbsa;
  }
  if (!options.channel.empty()) {
    scope.channel = ParseChannel(options.channel);
    if (!scope.channel) {
      return Status::InvalidArgument("--channel: must be sms, mms, imessage or rcs");
    }
  }
  return scope;
}

Result<ordered_json> CampaignRanking(const DataDirectory& data, const cluster::Scope& scope,
                                     size_t limit) {
  const uint64_t total = data.rollups->TotalsIn(scope).reports;
  uint64_t in_scope = 0;
  const std::vector<analytics::SpamRollups::CampaignCount> ranked =
      data.rollups->Campaigns(scope, limit, 1, &in_scope);
  ordered_json rows = ordered_json::array();
  for (size_t i = 0; i < ranked.size() && i < limit; ++i) {
    Result<cluster::CampaignSummary> c = SummaryOf(data, ranked[i].campaign);
    if (!c.ok()) return c.status();
    const analytics::SpamRollups::Reporters reporters = ScopedReporters(data, c->id, scope);
    rows.push_back({{"rank", i + 1},
                    {"id", c->id},
                    {"name", c->name},
                    {"reports", ranked[i].reports},
                    {"share", Share(ranked[i].reports, total)},
                    {"reporters", reporters.distinct},
                    {"reporters_exact", reporters.exact},
                    {"channel", std::string(ChannelName(c->channel))}});
  }
  ordered_json out;
  out["scope"] = ScopeJson(data, scope);
  out["reports"] = total;
  out["campaigns_in_scope"] = in_scope;
  out["campaigns"] = std::move(rows);
  return out;
}

ordered_json TimeSeries(const DataDirectory& data, const cluster::Scope& scope, uint64_t campaign) {
  // Every day of the window, and weeks (Monday to Sunday) from them.
  const std::vector<analytics::SpamRollups::DayCount> days = data.rollups->Daily(scope, campaign);
  ordered_json daily = ordered_json::array();
  std::map<int64_t, std::pair<uint64_t, uint64_t>> weeks;
  std::map<int64_t, int> week_days;
  for (const auto& day : days) {
    ordered_json row = {{"day", FormatDay(day.day)}, {"reports", day.reports}};
    if (campaign != 0) row["campaign_reports"] = day.campaign_reports;
    daily.push_back(std::move(row));
    auto& week = weeks[WeekStart(day.day)];
    week.first += day.reports;
    week.second += day.campaign_reports;
    ++week_days[WeekStart(day.day)];
  }
  ordered_json weekly = ordered_json::array();
  for (const auto& [start, counts] : weeks) {
    ordered_json row = {{"week_of", FormatDay(start)},
                        {"days_in_window", week_days[start]},
                        {"reports", counts.first}};
    if (campaign != 0) row["campaign_reports"] = counts.second;
    weekly.push_back(std::move(row));
  }
  ordered_json out;
  out["scope"] = ScopeJson(data, scope);
  if (campaign != 0) out["campaign"] = campaign;
  out["daily"] = std::move(daily);
  out["weekly"] = std::move(weekly);
  return out;
}

Result<ordered_json> Stats(const DataDirectory& data, const cluster::Scope& scope,
                           const StatsOptions& options) {
  const analytics::SpamRollups& rollups = *data.rollups;
  const analytics::SpamRollups::Totals totals = rollups.TotalsIn(scope);
  ordered_json out;
  out["scope"] = ScopeJson(data, scope);
  out["reports"] = totals.reports;
  out["reporters"] = {
      {"distinct", totals.reporters},
      {"exact", totals.reporters_exact},
      {"note", totals.reporters_exact ? "exact" : "HyperLogLog estimate, about 6.5% error"}};
  out["channels"] = ChannelSplit(totals.channels);
  ordered_json kinds = ordered_json::object();
  for (const SenderKind kind : {SenderKind::kPhone, SenderKind::kShortCode, SenderKind::kEmail,
                                SenderKind::kAlphanumeric, SenderKind::kNone}) {
    const uint64_t n = totals.sender_kinds[static_cast<int>(kind)];
    if (n > 0) kinds[std::string(SenderKindName(kind))] = n;
  }
  out["sender_types"] = std::move(kinds);

  Result<ordered_json> ranking = CampaignRanking(data, scope, options.limit);
  if (!ranking.ok()) return ranking.status();
  out["campaigns_in_scope"] = (*ranking)["campaigns_in_scope"];
  out["campaigns"] = std::move((*ranking)["campaigns"]);
  out["brands"] = KeyCounts(rollups.TopBrands(scope, options.limit), "brand", totals.reports);
  uint64_t error = 0;
  const auto domains = rollups.TopDomains(scope, options.limit, &error);
  out["domains"] = {{"top", KeyCounts(domains, "domain", totals.reports)},
                    {"overcount_at_most", error}};
  const auto senders = rollups.TopSenders(scope, options.limit, &error);
  out["senders"] = {{"top", KeyCounts(senders, "sender", totals.reports)},
                    {"overcount_at_most", error}};

  ordered_json series = TimeSeries(data, scope, options.campaign);
  if (options.campaign != 0) out["series_campaign"] = options.campaign;
  out["daily"] = std::move(series["daily"]);
  out["weekly"] = std::move(series["weekly"]);
  // Growth: the last seven days of the window against the seven before.
  ordered_json growing = ordered_json::array();
  int64_t first = 0, last = 0;
  if (rollups.DayRange(&first, &last)) {
    const int64_t end = scope.to_day.value_or(last);
    cluster::Scope this_week = scope, last_week = scope;
    this_week.from_day = end - 6;
    this_week.to_day = end;
    last_week.from_day = end - 13;
    last_week.to_day = end - 7;
    struct Growth {
      uint64_t id, now, before;
      double ratio;
    };
    std::vector<Growth> rows;
    for (const auto& row : rollups.Campaigns(this_week, SIZE_MAX, options.min_growth_reports)) {
      const uint64_t was = rollups.CampaignReports(row.campaign, last_week);
      rows.push_back(
          {row.campaign, row.reports, was,
           static_cast<double>(row.reports) / static_cast<double>(std::max<uint64_t>(was, 1))});
    }
    std::sort(rows.begin(), rows.end(), [](const Growth& a, const Growth& b) {
      return a.ratio != b.ratio ? a.ratio > b.ratio : a.id < b.id;
    });
    for (size_t i = 0; i < rows.size() && i < options.limit; ++i) {
      Result<cluster::CampaignSummary> c = SummaryOf(data, rows[i].id);
      if (!c.ok()) return c.status();
      growing.push_back({{"id", rows[i].id},
                         {"name", c->name},
                         {"last_7_days", rows[i].now},
                         {"previous_7_days", rows[i].before},
                         {"growth", rows[i].ratio}});
    }
    out["growth"] = {{"week_ending", FormatDay(end)},
                     {"min_reports", options.min_growth_reports},
                     {"campaigns", std::move(growing)}};
  }
  return out;
}

Result<ordered_json> Regions(const DataDirectory& data, const cluster::Scope& scope,
                             const RegionsOptions& options) {
  Result<cluster::CampaignSummary> campaign = SummaryOf(data, options.campaign);
  if (!campaign.ok()) return campaign.status();
  const uint64_t id = campaign->id;
  const std::vector<analytics::SpamRollups::MetroCount> metros = data.rollups->Metros(id, scope);
  struct Row {
    const analytics::SpamRollups::MetroCount* metro;
    double share;
  };
  std::vector<Row> ranked;
  uint64_t below_minimum = 0, total = 0, campaign_total = 0;
  for (const auto& metro : metros) {
    total += metro.reports;
    campaign_total += metro.campaign_reports;
    if (metro.cbsa.empty()) continue;  // not a place
    if (metro.reports < options.min_reports) {
      ++below_minimum;
      continue;
    }
    ranked.push_back({&metro, Share(metro.campaign_reports, metro.reports)});
  }
  std::sort(ranked.begin(), ranked.end(), [](const Row& a, const Row& b) {
    return a.share != b.share ? a.share > b.share : a.metro->cbsa < b.metro->cbsa;
  });
  ordered_json rows = ordered_json::array();
  for (size_t i = 0; i < ranked.size() && (options.limit == 0 || i < options.limit); ++i) {
    const auto& metro = *ranked[i].metro;
    const geo::Metro* place = geo::MetroDirectory::Default().FindMetro(metro.cbsa);
    ordered_json row = {{"rank", i + 1},
                        {"region", MetroName(metro.cbsa)},
                        {"cbsa", metro.cbsa},
                        {"reports", metro.reports},
                        {"campaign_reports", metro.campaign_reports},
                        {"share", ranked[i].share}};
    if (place != nullptr && (place->latitude != 0 || place->longitude != 0)) {
      row["latitude"] = place->latitude;
      row["longitude"] = place->longitude;
    }
    if (place != nullptr && place->population > 0) {
      row["population"] = place->population;
      row["campaign_reports_per_100k"] = 1e5 * static_cast<double>(metro.campaign_reports) /
                                         static_cast<double>(place->population);
    }
    rows.push_back(std::move(row));
  }
  cluster::Scope shown = scope;
  shown.metro.reset();
  ordered_json out;
  out["scope"] = ScopeJson(data, shown);
  out["campaign"] = {{"id", id}, {"name", campaign->name}};
  out["reports"] = total;
  out["campaign_reports"] = campaign_total;
  const analytics::SpamRollups::Reporters reporters = ScopedReporters(data, id, shown);
  out["campaign_reporters"] = {{"distinct", reporters.distinct}, {"exact", reporters.exact}};
  out["share"] = Share(campaign_total, total);
  out["rule"] = {
      {"min_reports", options.min_reports},
      {"text", "a metro is ranked only with at least " + std::to_string(options.min_reports) +
                   " reported spam messages in scope"},
      {"metros_below_minimum", below_minimum}};
  out["regions"] = std::move(rows);
  return out;
}

namespace {

std::string DigitsOf(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c >= '0' && c <= '9') out.push_back(c);
  }
  return out;
}

// "+1 (212) 555-0100", "212.555.0100": a number to compare by digits.
bool LooksLikePhoneNumber(std::string_view text) {
  for (const char c : text) {
    if (!((c >= '0' && c <= '9') || c == '+' || c == '(' || c == ')' || c == '-' || c == '.' ||
          c == ' ')) {
      return false;
    }
  }
  return DigitsOf(text).size() >= 5;
}

}  // namespace

Result<ordered_json> Search(const DataDirectory& data, std::string_view query, size_t limit) {
  constexpr size_t kMaxQueryBytes = 1000;
  if (query.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return Status::InvalidArgument("q: say what to look for (text, a domain or a sender)");
  }
  if (query.size() > kMaxQueryBytes) {
    return Status::InvalidArgument("q: at most 1000 bytes");
  }
  const cluster::CampaignEngine& engine = *data.campaigns;
  ordered_json matches = ordered_json::array();
  std::set<uint64_t> shown;
  // As a message: the fingerprints (what the filter would say).
  const cluster::CampaignMatch match = engine.MatchCampaign(query);
  if (match.campaign != 0) {
    Result<cluster::CampaignSummary> c = SummaryOf(data, match.campaign);
    if (!c.ok()) return c.status();
    matches.push_back({{"id", c->id},
                       {"name", c->name},
                       {"reports", c->reports},
                       {"channel", std::string(ChannelName(c->channel))},
                       {"last_seen", FormatRfc3339(c->last_seen)},
                       {"why", "fingerprint: " + match.evidence},
                       {"similarity", match.similarity}});
    shown.insert(c->id);
  }
  // As a part of what the active campaigns hold.
  const std::string needle = LowerCollapsed(query);
  const std::string digits = LooksLikePhoneNumber(query) ? DigitsOf(query) : "";
  const auto contains = [&](std::string_view value) {
    if (!digits.empty()) return DigitsOf(value).find(digits) != std::string::npos;
    return LowerCollapsed(value).find(needle) != std::string::npos;
  };
  struct Found {
    const cluster::Campaign* campaign;
    std::string why;
  };
  std::vector<Found> found;
  for (const cluster::Campaign* c : engine.Campaigns()) {
    if (shown.contains(c->id)) continue;
    std::string why;
    const auto look = [&](const cluster::Counts& counts, const char* what) {
      if (!why.empty()) return;
      for (const auto& [key, count] : counts) {
        if (contains(key)) {
          why = std::string(what) + " " + key;
          return;
        }
      }
    };
    // A number is looked for among numbers only.
    if (digits.empty() && contains(cluster::CampaignName(*c))) why = "name";
    look(c->senders, "sender");
    look(c->phones, "phone");
    look(c->short_codes, "short code");
    if (digits.empty()) {
      look(c->domains, "domain");
      look(c->brands, "brand");
    }
    if (why.empty() && digits.empty()) {
      for (const std::string& sample : c->samples) {
        if (contains(sample)) {
          why = "sample message";
          break;
        }
      }
    }
    if (!why.empty()) found.push_back({c, std::move(why)});
  }
  std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) {
    return a.campaign->reports != b.campaign->reports ? a.campaign->reports > b.campaign->reports
                                                      : a.campaign->id < b.campaign->id;
  });
  for (size_t i = 0; i < found.size() && matches.size() < limit; ++i) {
    const cluster::Campaign& c = *found[i].campaign;
    matches.push_back({{"id", c.id},
                       {"name", cluster::CampaignName(c)},
                       {"reports", c.reports},
                       {"channel", std::string(ChannelName(cluster::MainChannel(c)))},
                       {"last_seen", FormatRfc3339(c.last_seen)},
                       {"why", found[i].why}});
  }
  ordered_json out;
  out["query"] = std::string(query);
  out["searched"] = {{"active_campaigns", engine.active_campaigns()},
                     {"note", "dormant campaigns are found by fingerprint only"}};
  out["matches"] = std::move(matches);
  return out;
}

}  // namespace spamradar::app
