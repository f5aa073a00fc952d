// `spamradar import`, `spamradar conversation` and `spamradar rebuild`: bulk
// and 7726 intake into a data directory, and re-deriving the folded state
// from its report log.
#pragma once

#include <CLI/CLI.hpp>

namespace spamradar::app {

void AddImportCommand(CLI::App& app, int* exit_code);
void AddConversationCommand(CLI::App& app, int* exit_code);
void AddRebuildCommand(CLI::App& app, int* exit_code);

}  // namespace spamradar::app
