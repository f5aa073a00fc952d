// `spamradar stats`, `spamradar regions` and `spamradar search`: the analyst's questions over a
// data directory (see analytics_queries.h), as text or JSON.
#pragma once

#include <CLI/CLI.hpp>

namespace spamradar::app {

void AddAnalyticsCommands(CLI::App& app, int* exit_code);

}  // namespace spamradar::app
