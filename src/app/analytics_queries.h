// The analyst's questions over a data directory, answered from the folded
// state (campaign engine and rollups) as JSON: the same answers for the CLI
// (`spamradar stats`, `spamradar regions`, `spamradar campaigns`) and the
// HTTP API. Read-only; the caller has brought the folds up to date.
#pragma once

#include <cstdint>
#include <string>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "app/data_directory.h"
#include "cluster/campaign_view.h"
#include "core/status.h"

namespace spamradar::app {

// --from, --to, --region, --channel as the user wrote them.
struct ScopeOptions {
  std::string from, to, region, channel;
  std::string tz = "UTC";  // the calendar the days are in
};
void AddScopeOptions(CLI::App* cmd, ScopeOptions* options);
// Opens a data directory and folds it, counting days in `tz`.
Result<std::unique_ptr<DataDirectory>> OpenFolded(const std::string& path, const std::string& tz);
// The scope, or an error naming the option at fault.
Result<cluster::Scope> ParseScope(const ScopeOptions& options);

// One campaign: id, name, reports (in the scope asked about), share, first
// and last seen, template, brands, domains, senders, channels (declared and
// inferred), reporters; with `full`, also kind, phones, short codes,
// distinct counts, aliases and sample messages.
nlohmann::ordered_json CampaignJson(const cluster::Campaign& c, uint64_t reports, double share,
                                    bool full);

// A campaign's distinct reporters in scope.
analytics::SpamRollups::Reporters ScopedReporters(const DataDirectory& data, uint64_t campaign,
                                                  const cluster::Scope& scope);

// Campaigns ranked by reports in scope, with their share of all reported
// spam in the same scope.
Result<nlohmann::ordered_json> CampaignRanking(const DataDirectory& data,
                                               const cluster::Scope& scope, size_t limit);

// Daily and weekly (Monday to Sunday) reported spam in scope, and of
// `campaign` (0: none) beside it.
nlohmann::ordered_json TimeSeries(const DataDirectory& data, const cluster::Scope& scope,
                                  uint64_t campaign);

struct StatsOptions {
  size_t limit = 10;                 // rows in each ranking
  uint64_t campaign = 0;             // also give this campaign's series; 0: none
  uint64_t min_growth_reports = 20;  // a campaign's reports in the last week to rank its growth
};
// Totals, channel split, sender types, top campaigns, brands, domains and
// senders, daily and weekly series, the campaigns growing fastest.
Result<nlohmann::ordered_json> Stats(const DataDirectory& data, const cluster::Scope& scope,
                                     const StatsOptions& options);

struct RegionsOptions {
  uint64_t campaign = 0;
  uint64_t min_reports = 100;  // a metro with fewer reported spam in scope is not ranked
  size_t limit = 0;            // 0: every metro
};
// Metros ranked by the campaign's share of the metro's reported spam.
Result<nlohmann::ordered_json> Regions(const DataDirectory& data, const cluster::Scope& scope,
                                       const RegionsOptions& options);

// Campaigns a user looks for by a piece of text, a domain or a sender: the
// campaign the engine would give `query` as a message (by fingerprint,
// dormant campaigns included), then active campaigns whose name, brands,
// domains, senders, phone numbers, short codes or sample messages contain
// it (letters compared without case, runs of spaces as one; a phone number
// by its digits), most reported first, at most `limit`. An empty query is an
// error.
Result<nlohmann::ordered_json> Search(const DataDirectory& data, std::string_view query,
                                      size_t limit);

}  // namespace spamradar::app
