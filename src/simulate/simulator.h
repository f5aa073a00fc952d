// Simulator: realistic report streams for tests, benchmarks and the demo.
//
// A scenario is a set of spam campaigns, each with message templates and
// their variants (look-alike letters, leetspeak, filler words, spacing,
// rotating links, domains, amounts and senders, reordered brand lists), a
// sender strategy (Apple ID e-mails for iMessage campaigns, rotating numbers,
// short codes), a life (ramp up, peak, fade) and a regional skew by metro;
// around them, one-off spam. Reporters are subscribers with phone numbers in
// their metro's area codes, some reporting often. Clients leave out the
// sender and the channel as real ones do.
//
// The default scenario is shaped like the case spamradar was born from: over
// two months, a counterfeit-luxury iMessage campaign makes about 34% of US
// reported spam, about 47% in New York, which ranks fourth after Los Angeles,
// San Diego and Miami by the campaign's share of local spam.
//
// Output: reports (JSON Lines in the report format) in time order, and for
// each report the truth: its campaign ("one-off-N" for one-off spam), its
// reporter's metro and its true channel. Deterministic for a seed.
// Not thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "core/status.h"
#include "core/time.h"

namespace spamradar::simulate {

struct SimulationOptions {
  uint64_t reports = 100000;
  int days = 61;
  uint64_t seed = 7726;
  Timestamp start = FromUnixMillis(1393632000000);  // 2014-03-01T00:00:00Z
};

struct SimulatedReport {
  std::string report_json;  // one line of reports.jsonl (no newline)
  std::string truth_json;   // one line of truth.jsonl
};

// Calls emit() for each report, in time order.
Status Simulate(const SimulationOptions& options,
                const std::function<Status(const SimulatedReport&)>& emit);

// Writes DIR/reports.jsonl and DIR/truth.jsonl (creating DIR).
Status SimulateToDirectory(const SimulationOptions& options, const std::string& dir);

}  // namespace spamradar::simulate
