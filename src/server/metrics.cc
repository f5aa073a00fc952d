#include "server/metrics.h"

#include <cstdio>

namespace spamradar::server {
namespace {

std::string Number(double value, const char* format = "%.17g") {
  char buffer[64];
  std::snprintf(buffer, sizeof(buffer), format, value);
  return buffer;
}

}  // namespace

void Metrics::ObserveRequest(const std::string& route, int status, double seconds) {
  std::lock_guard lock(mutex_);
  ++requests_[{route, status}];
  Histogram& histogram = latency_[route];
  for (size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) {
      ++histogram.counts[i];
      break;
    }
  }
  ++histogram.count;
  histogram.sum += seconds;
}

void Metrics::AddReportsIngested(uint64_t n) {
  std::lock_guard lock(mutex_);
  reports_ingested_ += n;
}

void Metrics::SetGauge(const std::string& name, double value) {
  std::lock_guard lock(mutex_);
  gauges_[name] = value;
}

std::string Metrics::Render() const {
  std::lock_guard lock(mutex_);
  std::string out;
  out += "# HELP spamradar_http_requests_total HTTP requests by route and status.\n";
  out += "# TYPE spamradar_http_requests_total counter\n";
  for (const auto& [key, count] : requests_) {
    out += "spamradar_http_requests_total{route=\"" + key.first + "\",status=\"" +
           std::to_string(key.second) + "\"} " + std::to_string(count) + "\n";
  }
  out += "# HELP spamradar_http_request_duration_seconds Request latency by route.\n";
  out += "# TYPE spamradar_http_request_duration_seconds histogram\n";
  for (const auto& [route, histogram] : latency_) {
    uint64_t cumulative = 0;
    for (size_t i = 0; i < kBuckets.size(); ++i) {
      cumulative += histogram.counts[i];
      out += "spamradar_http_request_duration_seconds_bucket{route=\"" + route + "\",le=\"" +
             Number(kBuckets[i], "%g") + "\"} " + std::to_string(cumulative) + "\n";
    }
    out += "spamradar_http_request_duration_seconds_bucket{route=\"" + route + "\",le=\"+Inf\"} " +
           std::to_string(histogram.count) + "\n";
    out += "spamradar_http_request_duration_seconds_sum{route=\"" + route + "\"} " +
           Number(histogram.sum) + "\n";
    out += "spamradar_http_request_duration_seconds_count{route=\"" + route + "\"} " +
           std::to_string(histogram.count) + "\n";
  }
  out += "# HELP spamradar_reports_ingested_total Reports stored through the API since start.\n";
  out += "# TYPE spamradar_reports_ingested_total counter\n";
  out += "spamradar_reports_ingested_total " + std::to_string(reports_ingested_) + "\n";
  for (const auto& [name, value] : gauges_) {
    out += "# TYPE " + name + " gauge\n" + name + " " + Number(value) + "\n";
  }
  return out;
}

}  // namespace spamradar::server
