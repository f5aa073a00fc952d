// DataDirectory: everything a command needs to work on one data directory
// (--data DIR): the store, the reporter key, the enricher, and the folds
// brought up to date with the log. The one place that wires them together.
#pragma once

#include <memory>
#include <string>

#include "analytics/report_summary.h"
#include "analytics/spam_rollups.h"
#include "cluster/campaign_engine.h"
#include "core/status.h"
#include "intake/enricher.h"
#include "store/sqlite/sqlite_campaign_archive.h"
#include "store/sqlite/sqlite_store.h"

namespace spamradar::app {

inline constexpr const char* kDefaultDataDirectory = "./spamradar-data";

struct DataDirectory {
  std::string path;
  std::unique_ptr<store::sqlite::SqliteStore> store;
  std::unique_ptr<intake::Enricher> enricher;
  analytics::ReportSummary summary;
  uint64_t summary_sequence = 0;
  std::unique_ptr<store::sqlite::SqliteCampaignArchive> archive;  // dormant campaigns
  std::unique_ptr<cluster::CampaignEngine> campaigns;
  // Built by the campaign fold as it assigns reports.
  std::unique_ptr<analytics::SpamRollups> rollups;
  uint64_t campaigns_sequence = 0;

  // Opens (creating when absent) the directory, its databases and its key.
  static Result<std::unique_ptr<DataDirectory>> Open(const std::string& path);
  // Folds the reports the summary has not seen yet.
  Status CatchUp();
  // The same for the campaign engine (which keeps no snapshot yet, so the
  // first call folds the whole log); at most `max_reports` of them (0: all).
  Status CatchUpCampaigns(uint64_t max_reports = 0);
  // Folds the whole log again from nothing.
  Status Rebuild();
  // Counts the analytics by calendar days of `zone` ("UTC" or an IANA name)
  // from now on; call it before the first CatchUpCampaigns.
  Status UseTimeZone(const std::string& zone);
};

}  // namespace spamradar::app
