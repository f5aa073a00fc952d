// Clock: where components read the time, so tests can drive it.
//
// Everything that decides by time (conversation timeouts, 24-hour duplicate
// windows) takes a Clock. SystemClock is thread-safe; ManualClock is for one
// test thread.
#pragma once

#include <chrono>

#include "core/time.h"

namespace spamradar {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual Timestamp Now() const = 0;
};

class SystemClock final : public Clock {
 public:
  Timestamp Now() const override {
    return std::chrono::floor<std::chrono::milliseconds>(std::chrono::system_clock::now());
  }
};

class ManualClock final : public Clock {
 public:
  explicit ManualClock(Timestamp start) : now_(start) {}
  Timestamp Now() const override { return now_; }
  void Advance(std::chrono::milliseconds by) { now_ += by; }
  void Set(Timestamp t) { now_ = t; }

 private:
  Timestamp now_;
};

}  // namespace spamradar
