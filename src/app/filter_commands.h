// `spamradar train`, `spamradar eval`, `spamradar learn` and `spamradar classify`: the spam
// filter's commands.
#pragma once

#include <optional>

#include <CLI/CLI.hpp>

namespace spamradar::app {

// --spam-threshold and --suspect-threshold, as overrides of a model's
// thresholds (classify, serve).
void AddThresholdOverrides(CLI::App* cmd, std::optional<float>* spam,
                           std::optional<float>* suspect);

void AddTrainCommand(CLI::App& app, int* exit_code);
void AddEvalCommand(CLI::App& app, int* exit_code);
void AddLearnCommand(CLI::App& app, int* exit_code);
void AddClassifyCommand(CLI::App& app, int* exit_code);

}  // namespace spamradar::app
