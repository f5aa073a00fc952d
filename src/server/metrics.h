// Metrics: what /metrics tells Prometheus. Requests by route and status,
// request latency histograms by route, and gauges the server sets (reports
// ingested, campaigns, fold lag). Thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace spamradar::server {

class Metrics {
 public:
  // Upper bounds of the latency buckets, seconds.
  static constexpr std::array<double, 12> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                      0.05,   0.1,   0.25,   0.5,   1,    2.5};

  void ObserveRequest(const std::string& route, int status, double seconds);
  void AddReportsIngested(uint64_t n);
  void SetGauge(const std::string& name, double value);

  // The Prometheus text exposition format (version 0.0.4).
  std::string Render() const;

 private:
  struct Histogram {
    std::array<uint64_t, kBuckets.size()> counts{};  // not cumulative
    uint64_t count = 0;
    double sum = 0;
  };
  mutable std::mutex mutex_;
  std::map<std::pair<std::string, int>, uint64_t> requests_;  // (route, status)
  std::map<std::string, Histogram> latency_;
  uint64_t reports_ingested_ = 0;
  std::map<std::string, double> gauges_;
};

}  // namespace spamradar::server
