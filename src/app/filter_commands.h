// `spamradar train`, `spamradar eval`, `spamradar learn` and `spamradar classify`: the spam
// filter's commands.
#pragma once

#include <CLI/CLI.hpp>

namespace spamradar::app {

void AddTrainCommand(CLI::App& app, int* exit_code);
void AddEvalCommand(CLI::App& app, int* exit_code);
void AddLearnCommand(CLI::App& app, int* exit_code);
void AddClassifyCommand(CLI::App& app, int* exit_code);

}  // namespace spamradar::app
