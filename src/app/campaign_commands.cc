#include "app/campaign_commands.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "app/data_directory.h"
#include "cluster/evaluation.h"
#include "intake/report_json.h"

namespace spamradar::app {
namespace {

struct CampaignsOptions {
  std::string data = kDefaultDataDirectory;
  size_t limit = 20;
  bool json = false;
};

template <typename Map>
std::vector<std::string> Top(const Map& counts, size_t n) {
  std::vector<std::pair<uint64_t, std::string>> sorted;
  for (const auto& [key, count] : counts) sorted.push_back({count, key});
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<std::string> out;
  for (size_t i = 0; i < sorted.size() && i < n; ++i) out.push_back(sorted[i].second);
  return out;
}

int RunCampaigns(const CampaignsOptions& options) {
  Result<std::unique_ptr<DataDirectory>> directory = DataDirectory::Open(options.data);
  if (!directory.ok()) {
    std::cerr << "spamradar campaigns: " << directory.status().message() << "\n";
    return 1;
  }
  if (Status status = (*directory)->CatchUpCampaigns(); !status.ok()) {
    std::cerr << "spamradar campaigns: " << status.message() << "\n";
    return 1;
  }
  const cluster::CampaignEngine& engine = (*directory)->campaigns;
  std::vector<const cluster::Campaign*> campaigns = engine.Campaigns();
  std::stable_sort(campaigns.begin(), campaigns.end(),
                   [](const auto* a, const auto* b) { return a->reports > b->reports; });
  const double total = static_cast<double>(std::max<uint64_t>(1, engine.reports()));
  for (size_t i = 0; i < campaigns.size() && i < options.limit; ++i) {
    const cluster::Campaign& c = *campaigns[i];
    const double share = static_cast<double>(c.reports) / total;
    if (options.json) {
      nlohmann::ordered_json row = {{"id", c.id},
                                    {"reports", c.reports},
                                    {"share", share},
                                    {"reporters", c.reporters.size()},
                                    {"first_seen", FormatRfc3339(c.first_seen)},
                                    {"last_seen", FormatRfc3339(c.last_seen)},
                                    {"brands", Top(c.brands, 5)},
                                    {"domains", Top(c.domains, 5)},
                                    {"senders", Top(c.senders, 5)},
                                    {"sample", c.samples.empty() ? "" : c.samples.front()}};
      std::cout << row.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace)
                << "\n";
    } else {
      std::printf("%10llu %8llu %6.2f%%  %s\n", static_cast<unsigned long long>(c.id),
                  static_cast<unsigned long long>(c.reports), 100 * share,
                  c.samples.empty() ? "" : c.samples.front().substr(0, 90).c_str());
    }
  }
  return 0;
}

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
  if (Status status = (*directory)->CatchUpCampaigns(); !status.ok()) {
    std::cerr << "spamradar eval-campaigns: " << status.message() << "\n";
    return 1;
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::unordered_map<std::string, uint64_t> campaign_of_id;
  const cluster::CampaignEngine& engine = (*directory)->campaigns;
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
                                  {"fold_seconds", seconds}};
    std::cout << out.dump() << "\n";
  } else {
    std::printf(
        "B-cubed over %llu reports: precision %.4f, recall %.4f, F1 %.4f\n"
        "campaigns found %llu, true %llu (one-off spam counts as one each); %llu truth rows "
        "not in the log; fold %.1f s (%.0f reports/s)\n",
        static_cast<unsigned long long>(result.items), result.precision, result.recall, result.f1,
        static_cast<unsigned long long>(result.predicted_clusters),
        static_cast<unsigned long long>(result.true_clusters),
        static_cast<unsigned long long>(missing), seconds,
        seconds > 0 ? static_cast<double>(engine.reports()) / seconds : 0);
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
  const cluster::CampaignEngine& engine = (*directory)->campaigns;
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
  CLI::App* cmd = app.add_subcommand("campaigns", "List the campaigns found in the reports");
  cmd->add_option("--data", options->data, "Data directory")->capture_default_str();
  cmd->add_option("--limit", options->limit, "How many campaigns")->capture_default_str();
  cmd->add_flag("--json", options->json, "One JSON object per campaign");
  cmd->callback([options, exit_code] { *exit_code = RunCampaigns(*options); });
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
