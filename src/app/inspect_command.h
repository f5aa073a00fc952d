// `spamradar inspect`: prints the analysis of messages as JSON Lines.
#pragma once

#include <CLI/CLI.hpp>

namespace spamradar::app {

// Registers the subcommand on `app`; it runs when parsed.
void AddInspectCommand(CLI::App& app, int* exit_code);

}  // namespace spamradar::app
