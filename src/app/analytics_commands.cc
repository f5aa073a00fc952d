#include "app/analytics_commands.h"

#include <cstdio>
#include <iostream>
#include <memory>

#include "app/analytics_queries.h"
#include "app/data_directory.h"

namespace spamradar::app {
namespace {

using nlohmann::ordered_json;

constexpr const char* kDatesFooter =
    "Dates are inclusive calendar days (YYYY-MM-DD) in UTC unless a time zone is given\n"
    "with --tz (an IANA name such as America/New_York; daylight saving included): the\n"
    "reports are then counted by that zone's days. Without --from or --to the window runs\n"
    "from the first or to the last day with reports. --channel counts declared and\n"
    "inferred channels.";

struct StatsCommandOptions {
  std::string data = kDefaultDataDirectory;
  ScopeOptions scope;
  StatsOptions stats;
  bool json = false;
};

struct RegionsCommandOptions {
  std::string data = kDefaultDataDirectory;
  ScopeOptions scope;
  RegionsOptions regions;
  bool json = false;
};

std::string Percent(const ordered_json& share) {
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%.2f%%", 100 * share.get<double>());
  return buffer;
}

std::string Window(const ordered_json& scope) {
  std::string text = scope["from"].is_null() ? std::string("(no reports)")
                                             : scope["from"].get<std::string>() + " to " +
                                                   scope["to"].get<std::string>() + " (" +
                                                   scope["time_zone"].get<std::string>() + ")";
  if (!scope["region"].is_null()) text += ", " + scope["region"].get<std::string>();
  if (!scope["channel"].is_null()) text += ", " + scope["channel"].get<std::string>();
  return text;
}

void PrintStats(const ordered_json& s) {
  std::printf("%s\n", Window(s["scope"]).c_str());
  std::printf("%llu reports from %llu distinct reporters%s; %llu campaigns\n",
              s["reports"].get<unsigned long long>(),
              s["reporters"]["distinct"].get<unsigned long long>(),
              s["reporters"]["exact"].get<bool>() ? "" : " (estimated)",
              s["campaigns_in_scope"].get<unsigned long long>());
  std::printf("\nchannels (declared + inferred):\n");
  for (const auto& [channel, counts] : s["channels"].items()) {
    std::printf("  %-9s %9llu + %llu\n", channel.c_str(),
                counts["declared"].get<unsigned long long>(),
                counts["inferred"].get<unsigned long long>());
  }
  std::printf("\nsender types:\n");
  for (const auto& [kind, n] : s["sender_types"].items()) {
    std::printf("  %-13s %9llu\n", kind.c_str(), n.get<unsigned long long>());
  }
  std::printf("\ncampaigns by share of reported spam:\n");
  for (const auto& c : s["campaigns"]) {
    std::printf("  %3llu. %7s %9llu  [%s] %s (id %llu)\n", c["rank"].get<unsigned long long>(),
                Percent(c["share"]).c_str(), c["reports"].get<unsigned long long>(),
                c["channel"].get<std::string>().c_str(), c["name"].get<std::string>().c_str(),
                c["id"].get<unsigned long long>());
  }
  auto table = [](const std::string& title, const ordered_json& rows, const char* key) {
    std::printf("\n%s:\n", title.c_str());
    for (const auto& row : rows) {
      std::printf("  %7s %9llu  %s\n", Percent(row["share"]).c_str(),
                  row["reports"].get<unsigned long long>(), row[key].get<std::string>().c_str());
    }
  };
  table("brands", s["brands"], "brand");
  table("domains (counts may be over by at most " +
            std::to_string(s["domains"]["overcount_at_most"].get<uint64_t>()) + ")",
        s["domains"]["top"], "domain");
  table("senders (counts may be over by at most " +
            std::to_string(s["senders"]["overcount_at_most"].get<uint64_t>()) + ")",
        s["senders"]["top"], "sender");
  std::printf("\nweekly reports%s:\n", s.contains("series_campaign") ? " (all, campaign)" : "");
  for (const auto& week : s["weekly"]) {
    std::printf("  week of %s (%d days) %9llu", week["week_of"].get<std::string>().c_str(),
                week["days_in_window"].get<int>(), week["reports"].get<unsigned long long>());
    if (week.contains("campaign_reports")) {
      std::printf(" %9llu", week["campaign_reports"].get<unsigned long long>());
    }
    std::printf("\n");
  }
  if (s.contains("growth")) {
    std::printf("\ngrowing fastest (7 days to %s vs the 7 before; at least %llu reports):\n",
                s["growth"]["week_ending"].get<std::string>().c_str(),
                s["growth"]["min_reports"].get<unsigned long long>());
    for (const auto& g : s["growth"]["campaigns"]) {
      std::printf("  x%-7.2f %7llu <- %-7llu %s (id %llu)\n", g["growth"].get<double>(),
                  g["last_7_days"].get<unsigned long long>(),
                  g["previous_7_days"].get<unsigned long long>(),
                  g["name"].get<std::string>().c_str(), g["id"].get<unsigned long long>());
    }
  }
}

void PrintRegions(const ordered_json& r) {
  std::printf("%s: %s (id %llu)\n", Window(r["scope"]).c_str(),
              r["campaign"]["name"].get<std::string>().c_str(),
              r["campaign"]["id"].get<unsigned long long>());
  std::printf("%s of %llu reports overall; %s (%llu metros below it)\n",
              Percent(r["share"]).c_str(), r["reports"].get<unsigned long long>(),
              r["rule"]["text"].get<std::string>().c_str(),
              r["rule"]["metros_below_minimum"].get<unsigned long long>());
  std::printf("%4s  %-28s %9s %9s %8s %9s\n", "rank", "region", "reports", "campaign", "share",
              "per 100k");
  for (const auto& row : r["regions"]) {
    std::printf("%4llu  %-28s %9llu %9llu %8s", row["rank"].get<unsigned long long>(),
                row["region"].get<std::string>().c_str(), row["reports"].get<unsigned long long>(),
                row["campaign_reports"].get<unsigned long long>(), Percent(row["share"]).c_str());
    if (row.contains("campaign_reports_per_100k")) {
      std::printf(" %9.1f", row["campaign_reports_per_100k"].get<double>());
    }
    std::printf("\n");
  }
}

void PrintSearch(const ordered_json& r) {
  if (r["matches"].empty()) {
    std::printf("no campaign matches '%s'\n", r["query"].get<std::string>().c_str());
    return;
  }
  for (const auto& m : r["matches"]) {
    std::printf("%10llu %9llu  [%s] %s\n           (%s)\n", m["id"].get<unsigned long long>(),
                m["reports"].get<unsigned long long>(), m["channel"].get<std::string>().c_str(),
                m["name"].get<std::string>().c_str(), m["why"].get<std::string>().c_str());
  }
}

template <typename Query>
int Run(const char* command, const std::string& data, const ScopeOptions& scope_options, bool json,
        Query&& query, void (*print)(const ordered_json&)) {
  Result<cluster::Scope> scope = ParseScope(scope_options);
  if (!scope.ok()) {
    std::cerr << "spamradar " << command << ": " << scope.status().message() << "\n";
    return 2;
  }
  Result<std::unique_ptr<DataDirectory>> directory = OpenFolded(data, scope_options.tz);
  if (!directory.ok()) {
    std::cerr << "spamradar " << command << ": " << directory.status().message() << "\n";
    return directory.status().code() == StatusCode::kInvalidArgument ? 2 : 1;
  }
  Result<ordered_json> answer = query(**directory, *scope);
  if (!answer.ok()) {
    std::cerr << "spamradar " << command << ": " << answer.status().message() << "\n";
    return answer.status().code() == StatusCode::kNotFound ? 2 : 1;
  }
  if (json) {
    std::cout << answer->dump(-1, ' ', false, ordered_json::error_handler_t::replace) << "\n";
  } else {
    print(*answer);
  }
  return 0;
}

}  // namespace

void AddAnalyticsCommands(CLI::App& app, int* exit_code) {
  auto stats = std::make_shared<StatsCommandOptions>();
  CLI::App* cmd = app.add_subcommand(
      "stats",
      "Reported spam in a scope: campaigns and their shares, brands, domains, senders, "
      "channels, daily and weekly series, fastest-growing campaigns");
  cmd->footer(std::string(kDatesFooter) +
              "\nDomain and sender counts come from bounded per-day summaries and may be over\n"
              "by at most the stated amount. Examples:\n"
              "  spamradar stats --data ./spamradar-data --from 2014-03-01 --to 2014-04-30\n"
              "  spamradar stats --region 'New York' --channel imessage --json");
  cmd->add_option("--data", stats->data, "Data directory")->capture_default_str();
  AddScopeOptions(cmd, &stats->scope);
  cmd->add_option("--limit", stats->stats.limit, "Rows in each ranking")->capture_default_str();
  cmd->add_option("--campaign", stats->stats.campaign,
                  "Also give this campaign's daily and weekly series");
  cmd->add_option("--min-growth-reports", stats->stats.min_growth_reports,
                  "Reports a campaign needs in the last 7 days to rank its growth")
      ->capture_default_str();
  cmd->add_flag("--json", stats->json, "Print one JSON object");
  cmd->callback([stats, exit_code] {
    *exit_code = Run(
        "stats", stats->data, stats->scope, stats->json,
        [&](const DataDirectory& d, const cluster::Scope& s) { return Stats(d, s, stats->stats); },
        PrintStats);
  });

  struct SearchCommandOptions {
    std::string data = kDefaultDataDirectory;
    std::string query;
    size_t limit = 20;
    bool json = false;
  };
  auto search = std::make_shared<SearchCommandOptions>();
  CLI::App* find = app.add_subcommand(
      "search", "Campaigns by a piece of message text, a domain, a sender or a phone number");
  find->footer(
      "First the campaign the text would be assigned to as a message (by fingerprint, dormant\n"
      "campaigns included), then active campaigns whose name, brands, domains, senders, phone\n"
      "numbers, short codes or sample messages contain it, most reported first. Examples:\n"
      "  spamradar search lvshop12.com --data ./spamradar-data\n"
      "  spamradar search '+1 212 555 0100' --json");
  find->add_option("query", search->query, "What to look for")->required();
  find->add_option("--data", search->data, "Data directory")->capture_default_str();
  find->add_option("--limit", search->limit, "At most this many campaigns")->capture_default_str();
  find->add_flag("--json", search->json, "Print one JSON object");
  find->callback([search, exit_code] {
    *exit_code = Run(
        "search", search->data, ScopeOptions{}, search->json,
        [&](const DataDirectory& d, const cluster::Scope&) {
          return Search(d, search->query, search->limit);
        },
        PrintSearch);
  });

  auto regions = std::make_shared<RegionsCommandOptions>();
  CLI::App* reg = app.add_subcommand(
      "regions", "Metro areas ranked by a campaign's share of their reported spam");
  reg->footer(std::string(kDatesFooter) +
              "\nA metro is ranked only when it has at least --min-reports reported spam\n"
              "messages in scope, so that a metro with three reports cannot top the list; the\n"
              "rule is stated in the output. Per 100k: the campaign's reports per 100,000\n"
              "residents (Census CBSA population). Example:\n"
              "  spamradar regions --data ./spamradar-data --campaign 1 --from 2014-03-01 "
              "--to 2014-04-30");
  reg->add_option("--data", regions->data, "Data directory")->capture_default_str();
  reg->add_option("--campaign", regions->regions.campaign, "Campaign id")->required();
  AddScopeOptions(reg, &regions->scope);
  reg->add_option("--min-reports", regions->regions.min_reports,
                  "Reported spam a metro needs in scope to be ranked")
      ->capture_default_str();
  reg->add_option("--limit", regions->regions.limit, "How many metros (0: all)")
      ->capture_default_str();
  reg->add_flag("--json", regions->json, "Print one JSON object");
  reg->callback([regions, exit_code] {
    if (!regions->scope.region.empty()) {
      std::cerr << "spamradar regions: --region does not apply (every metro is ranked)\n";
      *exit_code = 2;
      return;
    }
    *exit_code = Run(
        "regions", regions->data, regions->scope, regions->json,
        [&](const DataDirectory& d, const cluster::Scope& s) {
          return Regions(d, s, regions->regions);
        },
        PrintRegions);
  });
}

}  // namespace spamradar::app
