// `spamradar campaigns` and `spamradar eval-campaigns`: the campaigns found in
// a data directory's reports, and their quality against a simulated truth.
#pragma once

#include <CLI/CLI.hpp>

namespace spamradar::app {

void AddCampaignsCommand(CLI::App& app, int* exit_code);
void AddEvalCampaignsCommand(CLI::App& app, int* exit_code);
void AddExportCommand(CLI::App& app, int* exit_code);

}  // namespace spamradar::app
