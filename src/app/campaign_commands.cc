#include "app/campaign_commands.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "app/analytics_queries.h"
#include "app/data_directory.h"
#include "cluster/campaign_view.h"
#include "cluster/evaluation.h"
#include "geo/metro_directory.h"
#include "intake/report_json.h"
#include "store/fold.h"

namespace spamradar::app {
namespace {

struct CampaignsOptions {
  std::string data = kDefaultDataDirectory;
  ScopeOptions scope;
  size_t limit = 20;
  bool json = false;
};

Result<std::unique_ptr<DataDirectory>> OpenWithCampaigns(const std::string& data) {
  Result<std::unique_ptr<DataDirectory>> directory = DataDirectory::Open(data);
  if (!directory.ok()) return directory.status();
  if (Status status = (*directory)->CatchUpCampaigns(); !status.ok()) return status;
  return directory;
}

int RunCampaigns(const CampaignsOptions& options) {
  Result<cluster::Scope> scope = ParseScope(options.scope);
  if (!scope.ok()) {
    std::cerr << "spamradar campaigns: " << scope.status().message() << "\n";
    return 2;
  }
  Result<std::unique_ptr<DataDirectory>> directory = OpenFolded(options.data, options.scope.tz);
  if (!directory.ok()) {
    std::cerr << "spamradar campaigns: " << directory.status().message() << "\n";
    return 1;
  }
  // Counted from the rollups; only the campaigns shown are loaded whole.
  const analytics::SpamRollups& rollups = *(*directory)->rollups;
  const uint64_t total = rollups.TotalsIn(*scope).reports;
  std::vector<std::pair<uint64_t, uint64_t>> ranked;  // (reports in scope, id)
  for (const auto& row : rollups.Campaigns(*scope, options.limit)) {
    ranked.push_back({row.reports, row.campaign});
  }
  if (!options.json) {
    std::printf("%s reports in scope; share = of all reported spam in scope\n",
                std::to_string(total).c_str());
    std::printf("%10s %9s %7s  %s\n", "id", "reports", "share", "name");
  }
  for (size_t i = 0; i < ranked.size() && i < options.limit; ++i) {
    const auto& [n, id] = ranked[i];
    Result<std::optional<cluster::Campaign>> c = (*directory)->campaigns->Get(id);
    if (!c.ok() || !c->has_value()) {
      std::cerr << "spamradar campaigns: campaign " << id << ": "
                << (c.ok() ? "gone from the archive" : c.status().message()) << "\n";
      return 1;
    }
    const double share = total > 0 ? static_cast<double>(n) / static_cast<double>(total) : 0;
    if (options.json) {
      nlohmann::ordered_json row = CampaignJson(**c, n, share, false);
      // In scope, like its reports (CampaignJson gives the campaign's life).
      const analytics::SpamRollups::Reporters reporters = ScopedReporters(**directory, id, *scope);
      row["reporters"] = reporters.distinct;
      row["reporters_exact"] = reporters.exact;
      std::cout << row.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace)
                << "\n";
    } else {
      std::printf("%10llu %9llu %6.2f%%  %s\n", static_cast<unsigned long long>(id),
                  static_cast<unsigned long long>(n), 100 * share,
                  cluster::CampaignName(**c).c_str());
    }
  }
  return 0;
}

int RunCampaign(uint64_t id, const std::string& data, bool json) {
  Result<std::unique_ptr<DataDirectory>> directory = OpenWithCampaigns(data);
  if (!directory.ok()) {
    std::cerr << "spamradar campaign: " << directory.status().message() << "\n";
    return 1;
  }
  const cluster::CampaignEngine& engine = *(*directory)->campaigns;
  Result<std::optional<cluster::Campaign>> c = engine.Get(id);
  if (!c.ok()) {
    std::cerr << "spamradar campaign: " << c.status().message() << "\n";
    return 1;
  }
  if (!c->has_value()) {
    std::cerr << "spamradar campaign: no campaign " << id << " in " << data << "\n";
    return 1;
  }
  const double share = static_cast<double>((*c)->reports) /
                       static_cast<double>(std::max<uint64_t>(1, engine.reports()));
  const nlohmann::ordered_json row = CampaignJson(**c, (*c)->reports, share, true);
  if (json) {
    std::cout << row.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
  } else {
    std::cout << row.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
  }
  return 0;
}

// The campaign fold, timed: how long assignment takes apart from reading the
// log back (which a live server does not do: it folds what it just appended).
class TimedFold final : public store::Fold {
 public:
  explicit TimedFold(store::Fold& fold) : fold_(fold) {}
  std::string_view name() const override { return fold_.name(); }
  bool persistent() const override { return fold_.persistent(); }
  void Apply(const Report& report) override {
    const auto start = std::chrono::steady_clock::now();
    fold_.Apply(report);
    elapsed_ += std::chrono::steady_clock::now() - start;
  }
  void Reset() override { fold_.Reset(); }
  Status Sync() override {
    const auto start = std::chrono::steady_clock::now();
    Status synced = fold_.Sync();
    elapsed_ += std::chrono::steady_clock::now() - start;
    return synced;
  }
  std::string Serialize() const override { return fold_.Serialize(); }
  Status Restore(std::string_view state) override { return fold_.Restore(state); }
  double seconds() const { return std::chrono::duration<double>(elapsed_).count(); }

 private:
  store::Fold& fold_;
  std::chrono::steady_clock::duration elapsed_{};
};

struct EvalCampaignsOptions {
  std::string truth;
  std::string data = kDefaultDataDirectory;
  bool json = false;
};

int RunEvalCampaigns(const EvalCampaignsOptions& options) {
  Result<std::unique_ptr<DataDirectory>> directory = DataDirectory::Open(options.data);
  if (!directory.ok()) {
    std::cerr << "spamradar eval-campaigns: " << directory.status().message() << "\n";
    return 1;
  }
  const auto start = std::chrono::steady_clock::now();
  TimedFold timed(*(*directory)->campaigns);
  if (Status status = store::CatchUp(*(*directory)->store, *(*directory)->store, timed,
                                     &(*directory)->campaigns_sequence);
      !status.ok()) {
    std::cerr << "spamradar eval-campaigns: " << status.message() << "\n";
    return 1;
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::unordered_map<std::string, uint64_t> campaign_of_id;
  const cluster::CampaignEngine& engine = *(*directory)->campaigns;
  Status scanned = (*directory)->store->Scan(0, [&](const Report& report) {
    campaign_of_id[report.id] = engine.CampaignOf(report.sequence);
    return true;
  });
  if (!scanned.ok()) {
    std::cerr << "spamradar eval-campaigns: " << scanned.message() << "\n";
    return 1;
  }
  std::ifstream truth(options.truth);
  if (!truth) {
    std::cerr << "spamradar eval-campaigns: cannot open " << options.truth << "\n";
    return 1;
  }
  std::vector<std::pair<std::string, std::string>> items;
  uint64_t missing = 0, line_number = 0;
  for (std::string line; std::getline(truth, line);) {
    ++line_number;
    const nlohmann::json row = nlohmann::json::parse(line, nullptr, false);
    if (row.is_discarded() || !row.contains("id") || !row.contains("campaign") ||
        !row["id"].is_string() || !row["campaign"].is_string()) {
      std::cerr << "spamradar eval-campaigns: " << options.truth << " line " << line_number
                << ": expected {\"id\": ..., \"campaign\": ...}\n";
      return 1;
    }
    const auto it = campaign_of_id.find(row["id"].get<std::string>());
    if (it == campaign_of_id.end()) {
      ++missing;
      continue;
    }
    items.emplace_back(std::to_string(it->second), row["campaign"].get<std::string>());
  }
  const cluster::BCubed result = cluster::EvaluateBCubed(items);
  if (options.json) {
    nlohmann::ordered_json out = {{"reports", result.items},
                                  {"missing_from_log", missing},
                                  {"precision", result.precision},
                                  {"recall", result.recall},
                                  {"f1", result.f1},
                                  {"campaigns_found", result.predicted_clusters},
                                  {"campaigns_true", result.true_clusters},
                                  {"fold_seconds", seconds},
                                  {"assign_seconds", timed.seconds()}};
    std::cout << out.dump() << "\n";
  } else {
    std::printf(
        "B-cubed over %llu reports: precision %.4f, recall %.4f, F1 %.4f\n"
        "campaigns found %llu, true %llu (one-off spam counts as one each); %llu truth rows "
        "not in the log; fold %.1f s (%.0f reports/s), of which assignment %.1f s "
        "(%.0f reports/s)\n",
        static_cast<unsigned long long>(result.items), result.precision, result.recall, result.f1,
        static_cast<unsigned long long>(result.predicted_clusters),
        static_cast<unsigned long long>(result.true_clusters),
        static_cast<unsigned long long>(missing), seconds,
        seconds > 0 ? static_cast<double>(engine.reports()) / seconds : 0, timed.seconds(),
        timed.seconds() > 0 ? static_cast<double>(engine.reports()) / timed.seconds() : 0);
  }
  return 0;
}

int RunExport(const std::string& data, bool with_body) {
  Result<std::unique_ptr<DataDirectory>> directory = DataDirectory::Open(data);
  if (!directory.ok()) {
    std::cerr << "spamradar export: " << directory.status().message() << "\n";
    return 1;
  }
  if (Status status = (*directory)->CatchUpCampaigns(); !status.ok()) {
    std::cerr << "spamradar export: " << status.message() << "\n";
    return 1;
  }
  const cluster::CampaignEngine& engine = *(*directory)->campaigns;
  std::ios::sync_with_stdio(false);
  Status scanned = (*directory)->store->Scan(0, [&](const Report& report) {
    nlohmann::ordered_json row = intake::ReportToJson(report, with_body);
    row["campaign"] = engine.CampaignOf(report.sequence);
    std::cout << row.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
    return static_cast<bool>(std::cout);
  });
  if (!scanned.ok()) {
    std::cerr << "spamradar export: " << scanned.message() << "\n";
    return 1;
  }
  std::cout.flush();
  return std::cout ? 0 : 1;
}

}  // namespace

void AddExportCommand(CLI::App& app, int* exit_code) {
  auto data = std::make_shared<std::string>(kDefaultDataDirectory);
  auto with_body = std::make_shared<bool>(false);
  CLI::App* cmd = app.add_subcommand(
      "export", "Print every stored report as JSON Lines with its campaign and enrichment");
  cmd->footer(
      "One line per report in log order: its id, sequence, campaign id, metro, channel and\n"
      "whether it was inferred, sender, domains, brands, numbers. The reporter appears only as\n"
      "its keyed hash. Bodies are left out unless --with-body is given.");
  cmd->add_option("--data", *data, "Data directory")->capture_default_str();
  cmd->add_flag("--with-body", *with_body, "Include each report's text");
  cmd->callback([=] { *exit_code = RunExport(*data, *with_body); });
}

void AddCampaignsCommand(CLI::App& app, int* exit_code) {
  auto options = std::make_shared<CampaignsOptions>();
  CLI::App* cmd = app.add_subcommand(
      "campaigns", "Campaigns ranked by reports, with their share of reported spam in a scope");
  cmd->footer(
      "Dates are inclusive calendar days (YYYY-MM-DD) in UTC unless --tz names a time zone\n"
      "(America/New_York). The share is the campaign's\n"
      "reports in the scope over all reports in the same scope. --channel counts declared and\n"
      "inferred channels. Examples:\n"
      "  spamradar campaigns --data ./spamradar-data --from 2014-03-01 --to 2014-04-30\n"
      "  spamradar campaigns --region 'New York' --channel imessage --json");
  cmd->add_option("--data", options->data, "Data directory")->capture_default_str();
  AddScopeOptions(cmd, &options->scope);
  cmd->add_option("--limit", options->limit, "How many campaigns")->capture_default_str();
  cmd->add_flag("--json", options->json, "One JSON object per campaign");
  cmd->callback([options, exit_code] { *exit_code = RunCampaigns(*options); });

  auto id = std::make_shared<uint64_t>(0);
  auto data = std::make_shared<std::string>(kDefaultDataDirectory);
  auto json = std::make_shared<bool>(false);
  CLI::App* one = app.add_subcommand("campaign", "One campaign in full");
  one->add_option("id", *id, "Campaign id (from spamradar campaigns)")->required();
  one->add_option("--data", *data, "Data directory")->capture_default_str();
  one->add_flag("--json", *json, "One line of JSON instead of indented JSON");
  one->callback([=] { *exit_code = RunCampaign(*id, *data, *json); });
}

void AddEvalCampaignsCommand(CLI::App& app, int* exit_code) {
  auto options = std::make_shared<EvalCampaignsOptions>();
  CLI::App* cmd = app.add_subcommand(
      "eval-campaigns", "Compare the campaigns found with a simulated truth (B-cubed)");
  cmd->footer(
      "Reads the truth written by spamradar simulate (one {\"id\", \"campaign\"} per line)\n"
      "and prints B-cubed precision, recall and F1 of the campaigns found in --data.");
  cmd->add_option("--truth", options->truth, "truth.jsonl from spamradar simulate")->required();
  cmd->add_option("--data", options->data, "Data directory")->capture_default_str();
  cmd->add_flag("--json", options->json, "Print one JSON object");
  cmd->callback([options, exit_code] { *exit_code = RunEvalCampaigns(*options); });
}

}  // namespace spamradar::app
