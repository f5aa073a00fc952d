// `spamradar import` and `spamradar rebuild`: bulk intake into a data
// directory, and re-deriving the folded state from its report log.
#pragma once

#include <CLI/CLI.hpp>

namespace spamradar::app {

void AddImportCommand(CLI::App& app, int* exit_code);
void AddRebuildCommand(CLI::App& app, int* exit_code);

}  // namespace spamradar::app
