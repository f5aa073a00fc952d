// `spamradar simulate`: a realistic report stream and its truth, for tests,
// benchmarks and the demo.
#pragma once

#include <CLI/CLI.hpp>

namespace spamradar::app {

void AddSimulateCommand(CLI::App& app, int* exit_code);

}  // namespace spamradar::app
