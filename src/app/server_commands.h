// `spamradar serve` (the HTTP API, metrics and dashboard over a data
// directory) and `spamradar keys` (its API keys).
#pragma once

#include <CLI/CLI.hpp>

namespace spamradar::app {

void AddServerCommands(CLI::App& app, int* exit_code);

}  // namespace spamradar::app
