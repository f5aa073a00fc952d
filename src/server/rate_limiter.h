// RateLimiter: a token bucket per API key. Each key may make `burst` requests
// at once and `per_second` a second after that; a request over the limit is
// told how long to wait. Thread-safe.
#pragma once

#include <algorithm>
#include <chrono>
#include <cmath>
#include <mutex>
#include <string>
#include <unordered_map>

namespace spamradar::server {

class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;

  RateLimiter(double per_second, double burst) : per_second_(per_second), burst_(burst) {}

  // Zero when the request may go ahead (a token is taken); else the whole
  // seconds to wait before one will be there.
  int Take(const std::string& key, Clock::time_point now = Clock::now()) {
    if (per_second_ <= 0) return 0;  // no limit
    std::lock_guard lock(mutex_);
    Bucket& bucket = buckets_.try_emplace(key, Bucket{burst_, now}).first->second;
    const double elapsed = std::chrono::duration<double>(now - bucket.at).count();
    bucket.tokens = std::min(burst_, bucket.tokens + elapsed * per_second_);
    bucket.at = now;
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return std::max(1, static_cast<int>(std::ceil((1 - bucket.tokens) / per_second_)));
  }

 private:
  struct Bucket {
    double tokens;
    Clock::time_point at;
  };
  const double per_second_;
  const double burst_;
  std::mutex mutex_;
  std::unordered_map<std::string, Bucket> buckets_;  // by key id; one entry per key
};

}  // namespace spamradar::server
